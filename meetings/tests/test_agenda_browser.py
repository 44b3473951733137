"""In real Chromium: the secretary builds and publishes an agenda with a confidential paper; a
member answers and downloads it; the board sees only the shared items; minutes are drafted and
adopted at the next meeting; an action item carries over. Every page checked with axe."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from meetings.models import AgendaDocument, Attendance, Meeting, MeetingKind, MeetingState
from meetings.tests.factories import PDF, LocationFactory, MeetingFactory
from wijraad.models import DownloadLog
from wijraad.testing.browser import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def add_item(page, meeting, title, visibility):
    page.goto(reverse("meetings:agenda_item_add", args=[meeting.pk]))
    assert_accessible(page)
    page.fill("#id_title", title)
    page.fill("#id_presenter", "Voorzitter")
    page.fill("#id_duration_minutes", "20")
    page.select_option("#id_visibility", visibility)
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_url(f"**/{meeting.pk}/agenda/")


def test_agenda_papers_attendance_and_the_board(
    page, login_as, secretaris, lid, bestuurder, papers_root
):
    day = timezone.localdate() + datetime.timedelta(days=10)
    consultation = MeetingFactory(
        kind=MeetingKind.CONSULTATION, date=day, location=LocationFactory(name="WIJ Selwerd")
    )
    login_as(secretaris)
    add_item(page, consultation, "Wachttijden", "board")
    add_item(page, consultation, "Voorbespreking van de raad", "council")
    assert_accessible(page)
    page.get_by_role(
        "link", name=re.compile(r"Stuk toevoegen\W+Voorbespreking van de raad")
    ).click()
    assert_accessible(page)
    page.set_input_files(
        "#id_upload",
        files=[{"name": "standpunt.pdf", "mimeType": "application/pdf", "buffer": PDF}],
    )
    page.fill("#id_title", "Standpunt van de raad")
    page.select_option("#id_visibility", "council")
    page.get_by_role("button", name="Toevoegen").click()
    page.wait_for_url(f"**/{consultation.pk}/agenda/")
    page.get_by_role("button", name=re.compile(r"Omhoog\W+Voorbespreking van de raad")).click()
    page.get_by_role("button", name="Agenda versturen").click()
    page.wait_for_url(f"**/{consultation.pk}/agenda/")
    assert "Agenda verstuurd op" in page.content()
    assert Meeting.objects.get(pk=consultation.pk).state == MeetingState.AGENDA_PUBLISHED
    paper = AgendaDocument.objects.get()

    page.context.clear_cookies()
    login_as(lid)
    page.goto(reverse("meetings:attendance", args=[consultation.pk]))
    assert_accessible(page)
    page.get_by_label("Ik kom").check()
    page.get_by_role("button", name="Mijn antwoord opslaan").click()
    page.wait_for_url("**/aanwezigheid/")
    assert Attendance.objects.get(person=lid).answer == "present"
    page.goto(reverse("meetings:agenda", args=[consultation.pk]))
    with page.expect_download() as info:
        page.get_by_role("link", name="Standpunt van de raad").click()
    assert info.value.suggested_filename == "standpunt.pdf"
    assert DownloadLog.objects.filter(user=lid).count() == 1

    page.context.clear_cookies()
    login_as(bestuurder)
    page.goto(reverse("meetings:agenda", args=[consultation.pk]))
    assert_accessible(page)
    assert "Wachttijden" in page.content()
    assert "Voorbespreking van de raad" not in page.content()
    response = page.request.get(reverse("meetings:document_download", args=[paper.pk]))
    assert response.status == 404


def test_minutes_are_adopted_at_the_next_meeting_and_an_action_carries_over(
    page, login_as, secretaris, lid
):
    today = timezone.localdate()
    location = LocationFactory(name="WIJ Beijum")
    first = MeetingFactory(
        date=today - datetime.timedelta(days=21), location=location, state=MeetingState.HELD
    )
    second = MeetingFactory(
        date=today - datetime.timedelta(days=1), location=location, state=MeetingState.HELD
    )
    coming = MeetingFactory(
        date=today + datetime.timedelta(days=14),
        location=location,
        agenda_published_at=timezone.now(),
    )
    login_as(secretaris)
    page.goto(reverse("meetings:minutes", args=[first.pk]))
    assert_accessible(page)
    page.get_by_role("link", name="Notulen schrijven").click()
    assert_accessible(page)
    page.fill("#id_general", "Iedereen was er.")
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_url(f"**/{first.pk}/notulen/")
    page.get_by_role("button", name="Concept delen met de leden").click()
    page.wait_for_url(f"**/{first.pk}/notulen/")
    page.get_by_role("link", name="Actiepunt toevoegen").click()
    assert_accessible(page)
    page.fill("#id_title", "Folder laten lezen door inwoners")
    page.select_option("#id_owner", str(lid.pk))
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_url(f"**/{first.pk}/notulen/")
    page.select_option("#id_at_meeting", str(second.pk))
    page.get_by_role("button", name="Vaststelling vastleggen").click()
    page.wait_for_url(f"**/{first.pk}/notulen/")
    assert "Vastgesteld in de vergadering" in page.content()
    assert_accessible(page)
    assert Meeting.objects.get(pk=first.pk).state == MeetingState.MINUTES_ADOPTED

    page.context.clear_cookies()
    login_as(lid)
    page.goto(reverse("meetings:agenda", args=[coming.pk]))
    assert_accessible(page)
    assert "Folder laten lezen door inwoners" in page.content()
    page.goto(reverse("meetings:actions"))
    assert_accessible(page)
    page.get_by_role("button", name=re.compile(r"Klaar\W+Folder laten lezen")).click()
    page.wait_for_url("**/actiepunten/")
    page.goto(reverse("meetings:agenda", args=[coming.pk]))
    assert "Folder laten lezen door inwoners" not in page.content()
