"""In real Chromium: a member looks up a decision by topic, and prints the list (only the list:
no menu, no filters). Checked with axe, and at 320 px wide the table stays in its own box."""

import datetime

import pytest
from django.urls import reverse

from meetings.models import MeetingState, Minutes, MinutesState
from meetings.tests.factories import AgendaItemFactory, MeetingFactory
from wijraad.testing.browser import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_member_finds_and_prints_a_decision(page, login_as, lid):
    meeting = MeetingFactory(date=datetime.date(2026, 2, 10), state=MeetingState.HELD)
    Minutes.objects.create(meeting=meeting, state=MinutesState.ADOPTED)
    AgendaItemFactory(meeting=meeting, title="Privacybeleid", decision="Positief advies.")
    AgendaItemFactory(meeting=meeting, title="Begroting", decision="Akkoord.")
    login_as(lid)
    page.goto(reverse("meetings:list"))
    page.get_by_role("link", name="Besluitenlijst").click()
    page.wait_for_url("**/besluiten/")
    assert_accessible(page)
    page.get_by_label("Onderwerp").fill("privacy")
    page.get_by_role("button", name="Tonen").click()
    page.wait_for_url("**/besluiten/?*")
    table = page.locator("table.decisions")
    assert "Positief advies." in table.inner_text()
    assert "Akkoord." not in table.inner_text()
    assert_accessible(page)
    page.emulate_media(media="print")
    assert not page.locator("form.decision-filter").is_visible()
    assert not page.locator(".site-header").is_visible()
    assert table.is_visible()
    page.emulate_media(media="screen")
    page.set_viewport_size({"width": 320, "height": 640})
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
