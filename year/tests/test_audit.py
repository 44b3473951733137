"""The audit log and the Django admin of the year app: applicants' details, notes and the
allowance are logged masked and under a neutral name; the "let me know" addresses not at all; the
administrator sees vacancies, rates and limits only, read-only."""

import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from members.audit import MASKED
from year import services
from year.models import ApplicationState, VacancyAlert
from year.tests.factories import ApplicationFactory

pytestmark = pytest.mark.django_db


def test_an_application_is_logged_without_the_applicants_details(private_root, secretaris):
    application = ApplicationFactory(name="Anna de Vries", email="anna@example.org")
    services.application_transition(
        application=application,
        to_state=ApplicationState.CALL_PLANNED,
        note="Belt dinsdag",
        by=secretaris,
    )
    services.application_note_add(application=application, text="Goed gesprek", by=secretaris)
    entries = LogEntry.objects.all()
    assert {entry.content_type.model for entry in entries} >= {
        "application",
        "applicationstatechange",
        "applicationnote",
    }
    logged = " ".join(f"{entry.object_repr} {entry.changes}" for entry in entries)
    for secret in ("Anna", "anna@example.org", "050 123 4567", "Belt dinsdag", "Goed gesprek"):
        assert secret not in logged
    assert MASKED in logged
    assert any(entry.actor == secretaris for entry in entries)


def test_the_let_me_know_addresses_are_not_logged():
    services.alert_subscribe(email="inwoner@example.org")
    assert VacancyAlert.objects.exists()
    assert not LogEntry.objects.exists()


def test_the_administrator_sees_vacancies_read_only_and_no_applications(
    client, beheerder, private_root
):
    ApplicationFactory(name="Anna de Vries")
    client.force_login(beheerder)
    session = client.session
    session["account_authentication_methods"] = [{"method": "mfa", "type": "totp"}]
    session.save()
    page = client.get(reverse("admin:year_vacancy_changelist"))
    assert page.status_code == 200
    assert "Lid van de WIJ-raad" in page.text
    assert client.get(reverse("admin:year_vacancy_add")).status_code == 403
    with pytest.raises(Exception, match="NoReverseMatch|Reverse"):
        reverse("admin:year_application_changelist")
    assert "Anna de Vries" not in client.get(reverse("admin:index")).text
