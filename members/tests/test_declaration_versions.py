"""A new text of the confidentiality declaration: marked "everyone signs again", it takes every
earlier signature's effect away from its start date until the person signs it; the secretary
sees who signed which version and enters new texts; a reappointment after a gap asks for a new
signature, one straight after the first term does not."""

import datetime

import pytest
import time_machine
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from members import services
from members.dates import add_years
from members.models import ConfidentialityDeclaration, DeclarationText
from members.roles import roles_for
from members.tests.factories import (
    DeclarationFactory,
    DeclarationTextFactory,
    DocumentFactory,
    TermFactory,
    UserFactory,
    seated_person,
)
from wijraad.models import Visibility

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("private_root")]

TODAY = datetime.date(2026, 9, 15)


@pytest.fixture(autouse=True)
def pinned_clock():
    with time_machine.travel(datetime.datetime(2026, 9, 15, 12, 0, tzinfo=datetime.UTC)):
        yield


def new_text(*, everyone_signs_again, in_force_from, version="2026-2"):
    return DeclarationText.objects.create(
        version=version,
        body="Nieuwe tekst: ik houd ook geheim wat ik in werkbezoeken hoor.",
        in_force_from=in_force_from,
        everyone_signs_again=everyone_signs_again,
    )


def fresh_roles(person):
    person.refresh_from_db()
    return roles_for(person)


def test_everyone_signs_again_takes_access_away_from_the_start_date_until_signed(client, lid):
    document = DocumentFactory(title="Werkplan concept", visibility=Visibility.COUNCIL)
    new_text(everyone_signs_again=True, in_force_from=datetime.date(2026, 10, 1))
    client.force_login(lid)
    url = reverse("members:document", args=[document.pk])
    assert client.get(url).status_code == 200  # before the start date the old signature counts

    with time_machine.travel(datetime.datetime(2026, 10, 1, 8, 0, tzinfo=datetime.UTC)):
        client.force_login(lid)  # a new session: the old one timed out meanwhile
        assert client.get(url).status_code == 404
        dashboard = client.get(reverse("dashboard")).content.decode()
        assert "Je eerdere ondertekening van de geheimhoudingsverklaring telt niet" in dashboard
        page = client.get(reverse("members:declaration")).content.decode()
        assert "versie 2026-2" in page
        assert "Je eerdere ondertekening telt niet meer" in page

        response = client.post(reverse("members:declaration"), {"confirm": "on"})
        assert response.status_code == 302
        assert client.get(url).status_code == 200
        assert list(lid.declarations.values_list("text", flat=True)) == ["2026-2", "2026-1"]
        assert "telt niet meer" not in client.get(reverse("dashboard")).content.decode()


def test_a_new_text_without_everyone_signs_again_keeps_the_old_signatures(lid):
    new_text(everyone_signs_again=False, in_force_from=TODAY)
    assert fresh_roles(lid).member


def test_a_signature_of_the_new_text_counts_and_an_old_text_is_not_signed(lid):
    new_text(everyone_signs_again=True, in_force_from=TODAY)
    assert not fresh_roles(lid).member
    with pytest.raises(ValidationError, match="Versie 2026-1 geldt niet meer"):
        services.declaration_sign(person=lid, version="2026-1")
    services.declaration_sign(person=lid)
    assert fresh_roles(lid).member


def test_signing_again_while_the_signature_counts_changes_nothing(lid):
    first = lid.declarations.get()
    assert services.declaration_sign(person=lid) == first
    assert lid.declarations.count() == 1


def test_a_reappointment_after_a_gap_asks_for_a_new_signature():
    DeclarationTextFactory()
    person = UserFactory()
    with time_machine.travel(datetime.datetime(2020, 3, 1, 12, 0, tzinfo=datetime.UTC)):
        term = services.term_appoint(person=person, start=datetime.date(2020, 3, 1))
        DeclarationFactory(person=person, signed_at=timezone.now())
    services.term_end_early(term=term, on=datetime.date(2022, 1, 1), reason="Verhuisd")
    services.term_reappoint(person=person, start=datetime.date(2026, 10, 1))
    roles = fresh_roles(person)
    assert roles.upcoming
    assert roles.must_sign
    assert not roles.signed

    services.declaration_sign(person=person)
    assert person.declarations.count() == 2
    with time_machine.travel(datetime.datetime(2026, 10, 2, 12, 0, tzinfo=datetime.UTC)):
        assert fresh_roles(person).member


def test_a_reappointment_straight_after_the_first_term_keeps_the_signature():
    person = seated_person(start=add_years(TODAY, -3) + datetime.timedelta(days=10))
    first = person.terms.get()
    services.term_reappoint(person=person)
    with time_machine.travel(
        datetime.datetime.combine(first.end, datetime.time(12), tzinfo=datetime.UTC)
    ):
        assert fresh_roles(person).member


# --- The secretary's overview and the new text -----------------------------------------------


def test_the_secretary_sees_who_signed_which_version(client, secretaris, lid, lid_ongetekend):
    new_text(everyone_signs_again=True, in_force_from=TODAY)
    client.force_login(secretaris)
    # The staff secretary, too, does the secretary's work only with a signature that counts.
    assert client.get(reverse("members:signatures")).status_code == 403
    services.declaration_sign(person=secretaris)
    services.declaration_sign(person=lid)
    html = client.get(reverse("members:signatures")).content.decode()
    assert "Sander de Vries" in html
    assert "<li>versie 2026-2 op 15 september 2026</li>" in html
    assert "<li>versie 2026-1 op 15 september 2026</li>" in html
    assert "Fatma Yılmaz" in html
    assert "Nooit ondertekend" in html
    assert "Nee: moet ondertekenen" in html
    assert "1 persoon heeft geen ondertekening die vandaag telt." in html


def test_the_overview_has_constant_queries(client, secretaris, assert_constant_queries):
    client.force_login(secretaris)

    def add_people(count):
        for term in TermFactory.create_batch(count, start=TODAY):  # direct rows: beyond 13 seats
            DeclarationFactory(person=term.person)

    # user, roles (each added row changes roles, so the cache is not used), the people, their
    # signatures, the texts, the text in force
    assert_constant_queries(
        lambda: client.get(reverse("members:signatures")), expected=6, add_rows=add_people
    )


def test_the_secretary_enters_a_new_text(client, secretaris):
    client.force_login(secretaris)
    response = client.post(
        reverse("members:declaration_text_add"),
        {
            "version": "2027-1",
            "body": "Ik houd geheim wat ik hoor.\nOok na mijn lidmaatschap.",
            "in_force_from": "2027-01-01",
            "everyone_signs_again": "on",
        },
    )
    assert response["Location"] == reverse("members:signatures")
    text = DeclarationText.objects.get(version="2027-1")
    assert text.everyone_signs_again
    assert text.in_force_from == datetime.date(2027, 1, 1)
    entry = LogEntry.objects.get_for_object(text).get()
    assert entry.actor == secretaris
    followed = client.get(response["Location"]).content.decode()
    assert "Versie 2027-1 is opgeslagen; die geldt vanaf 1 januari 2027." in followed


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"version": "2027-1", "in_force_from": "2026-09-14"}, "vanaf vandaag of later"),
        ({"version": "2026-1", "in_force_from": "2026-12-01"}, "Er is al een tekst met versie"),
    ],
)
def test_a_new_text_is_refused_in_the_past_or_with_a_used_version(
    client, secretaris, data, message
):
    client.force_login(secretaris)
    response = client.post(reverse("members:declaration_text_add"), {"body": "Tekst", **data})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert DeclarationText.objects.count() == 1


def test_the_new_text_page_has_constant_queries(client, secretaris, assert_constant_queries):
    client.force_login(secretaris)
    # user (the roles come from the cache)
    assert_constant_queries(lambda: client.get(reverse("members:declaration_text_add")), expected=1)


def test_signatures_are_kept_when_a_new_text_comes(lid):
    new_text(everyone_signs_again=True, in_force_from=TODAY)
    assert ConfidentialityDeclaration.objects.filter(person=lid).count() == 1


def test_a_new_text_in_force_today_is_seen_at_the_next_request(client, lid, secretaris):
    """The roles cached for today (members.roles) do not outlive a new text: saving one bumps the
    roles version (members.receivers.ROLE_SOURCES)."""
    document = DocumentFactory(visibility=Visibility.COUNCIL)
    url = reverse("members:document", args=[document.pk])
    client.force_login(lid)
    assert client.get(url).status_code == 200
    services.declaration_text_add(
        version="2026-2",
        body="Nieuwe tekst.",
        in_force_from=TODAY,
        everyone_signs_again=True,
        by=secretaris,
    )
    assert client.get(url).status_code == 404
