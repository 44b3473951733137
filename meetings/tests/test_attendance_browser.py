"""In real Chromium: a board user says they cannot come to a consultation; the minutes show who
was present, absent with notice and absent. Both pages checked with axe."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from meetings.models import Attendance, AttendanceAnswer, MeetingKind, MeetingState, Minutes
from meetings.tests.factories import MeetingFactory
from wijraad.testing.browser import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_board_user_answers_and_the_minutes_show_the_register(page, login_as, personas):
    today = timezone.localdate()
    consultation = MeetingFactory(
        kind=MeetingKind.CONSULTATION, date=today + datetime.timedelta(days=12)
    )
    login_as(personas["bestuurder"])
    page.goto(reverse("meetings:attendance", args=[consultation.pk]))
    assert_accessible(page)
    page.get_by_label("Ik kan niet komen").check()
    page.get_by_label("Reden (als je niet kunt komen)").fill("Andere afspraak")
    page.get_by_role("button", name="Mijn antwoord opslaan").click()
    page.wait_for_load_state()
    assert "Dank je wel, je antwoord is opgeslagen." in page.locator(".messages").inner_text()
    assert_accessible(page)
    answer = Attendance.objects.get(meeting=consultation, person=personas["bestuurder"])
    assert answer.answer == AttendanceAnswer.ABSENT

    held = MeetingFactory(date=today - datetime.timedelta(days=3), state=MeetingState.HELD)
    Minutes.objects.create(meeting=held, state="shared")
    Attendance.objects.create(meeting=held, person=personas["lid"], attended=True)
    Attendance.objects.create(
        meeting=held, person=personas["voorzitter"], answer="absent", attended=False
    )
    login_as(personas["lid"])
    page.goto(reverse("meetings:minutes", args=[held.pk]))
    register = page.locator(".attendance-register").inner_text()
    assert "Aanwezig\nSander de Vries" in register
    assert "Afwezig met bericht\nAnneke Dijkstra" in register
    assert_accessible(page)
