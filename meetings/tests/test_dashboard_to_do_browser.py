"""In real Chromium: the secretary follows the dashboard to a meeting that took place but is not
marked held, and marks it; a member sees the meetings to answer for. Checked with axe."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from meetings.models import Meeting, MeetingState
from meetings.tests.factories import MeetingFactory
from wijraad.testing.browser import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_secretary_marks_a_past_meeting_held_from_the_dashboard(
    page, login_as, secretaris, lid
):
    today = timezone.localdate()
    past = MeetingFactory(title="Raad van vorige week", date=today - datetime.timedelta(days=6))
    coming = MeetingFactory(title="Raad van volgende week", date=today + datetime.timedelta(days=6))
    login_as(secretaris)
    page.goto(reverse("dashboard"))
    assert_accessible(page)
    page.get_by_role("link", name="Raad van vorige week", exact=False).first.click()
    page.wait_for_url(f"**/{past.pk}/")
    page.get_by_role("button", name="Als gehouden markeren").click()
    page.wait_for_url(f"**/{past.pk}/")
    assert Meeting.objects.get(pk=past.pk).state == MeetingState.HELD
    page.goto(reverse("dashboard"))
    assert "Raad van vorige week" not in page.locator("main").inner_text()

    page.context.clear_cookies()
    login_as(lid)
    page.goto(reverse("dashboard"))
    page.get_by_role("link", name="Raad van volgende week", exact=False).last.click()
    page.wait_for_url(f"**/{coming.pk}/aanwezigheid/")
    assert_accessible(page)
