"""The history page for the secretary and the chair: who changed what and when across people,
terms, meetings, minutes, papers and documents (the audit log, read by content type), with
personal fields masked as the log masks them; and the download log, meeting papers included.
Filtered by kind, person and period; paged; constant queries."""

import datetime

import pytest
import time_machine
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone

from members import services
from members.tests.factories import UserFactory
from wijraad.models import DownloadLog, Visibility

pytestmark = pytest.mark.django_db

URL = reverse("members:history")


def page(client, **params):
    response = client.get(URL, params)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def as_secretary(client, secretaris):
    client.force_login(secretaris)
    return client


def test_the_secretary_sees_who_changed_what_with_personal_fields_masked(as_secretary, secretaris):
    person = UserFactory(name="Klaas Bos", phone="")
    services.person_update(person=person, phone="050 765 4321", by=secretaris)
    services.term_appoint(person=person, start=timezone.localdate(), by=secretaris)
    html = page(as_secretary)
    assert "Zittingstermijn toegevoegd: Klaas Bos: zittingstermijn 1" in html
    assert "Gebruiker gewijzigd: Klaas Bos" in html
    assert "Telefoonnummer: ********" in html
    assert "050 765 4321" not in html
    assert secretaris.name in html


def test_filters_by_kind_person_and_period(as_secretary, secretaris, lid):
    person = UserFactory(name="Klaas Bos")
    with time_machine.travel(datetime.datetime(2026, 3, 2, 10, 0, tzinfo=datetime.UTC)):
        services.person_update(person=person, name="Klaas de Bos", by=secretaris)
    with time_machine.travel(datetime.datetime(2026, 4, 2, 10, 0, tzinfo=datetime.UTC)):
        services.person_update(person=person, name="Klaas Bos", by=lid)
    assert "Klaas de Bos" in page(as_secretary, kind="members.user")
    assert "Klaas de Bos" not in page(as_secretary, kind="members.term")
    by_lid = page(as_secretary, person=lid.pk, kind="members.user")
    assert "Klaas de Bos → Klaas Bos" in by_lid
    assert "Klaas Bos → Klaas de Bos" not in by_lid
    march = page(as_secretary, start="2026-03-01", end="2026-03-31", kind="members.user")
    assert "Klaas Bos → Klaas de Bos" in march
    assert "Klaas de Bos → Klaas Bos" not in march


def test_meetings_rows_are_shown_by_their_content_type(as_secretary, secretaris):
    """The lower floor reads what meetings.audit logged, without importing meetings."""
    minutes = ContentType.objects.get_by_natural_key("meetings", "minutes")
    LogEntry.objects.create(
        content_type=minutes,
        object_pk="7",
        object_repr="minutes 7",
        action=LogEntry.Action.UPDATE,
        changes={"general": ["********", "********"]},
        actor=secretaris,
    )
    html = page(as_secretary, kind="meetings.minutes")
    assert "minutes 7" in html
    assert "********" in html


def test_the_download_log_shows_library_documents_and_meeting_papers(as_secretary, lid):
    paper = ContentType.objects.get_by_natural_key("meetings", "agendadocument")
    DownloadLog.objects.create(
        user=lid,
        content_type=paper,
        object_id="3",
        file_name="begroting-2027.pdf",
        visibility=Visibility.COUNCIL,
    )
    html = page(as_secretary, show="downloads")
    assert "begroting-2027.pdf" in html
    assert "Sander de Vries" in html
    assert "begroting-2027.pdf" not in page(as_secretary, show="downloads", kind="members.document")


def test_the_history_is_paged(as_secretary, secretaris):
    for number in range(60):
        services.person_update(person=secretaris, name=f"Secretaris {number}", by=secretaris)
    html = page(as_secretary, kind="members.user")
    assert "Pagina 1 van 2" in html
    assert "page=2" in html
    assert "Pagina 2 van 2" in page(as_secretary, kind="members.user", page=2)


@pytest.mark.parametrize("persona", ["lid", "bestuurder", "oud_lid", "beheerder"])
def test_only_the_secretary_and_the_chair_see_it(client, personas, persona, voorzitter):
    client.force_login(personas[persona])
    assert client.get(URL).status_code == 403
    client.force_login(voorzitter)
    assert client.get(URL).status_code == 200


@pytest.mark.parametrize("show", ["changes", "downloads"])
def test_the_page_has_constant_queries(as_secretary, secretaris, assert_constant_queries, show):
    paper = ContentType.objects.get_by_natural_key("meetings", "agendadocument")

    def add_rows(count):
        for number in range(count):
            services.person_update(person=secretaris, name=f"Secretaris {number}", by=secretaris)
            DownloadLog.objects.create(
                user=secretaris,
                content_type=paper,
                object_id=str(number),
                file_name="stuk.pdf",
                visibility=Visibility.COUNCIL,
            )

    # user, the people to filter by, the count, the page (the roles come from the cache)
    assert_constant_queries(
        lambda: as_secretary.get(URL, {"show": show}), expected=4, add_rows=add_rows
    )
