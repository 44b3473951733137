"""In real Chromium: a resident, not logged in, finds when the council meets and reads the public
part of an agenda. Checked with axe, also at 320 px wide."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from meetings.models import MeetingState
from meetings.tests.factories import AgendaItemFactory, LocationFactory, MeetingFactory
from wijraad.models import Visibility
from wijraad.testing.browser import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_resident_reads_the_public_agenda(page):
    meeting = MeetingFactory(
        date=timezone.localdate() + datetime.timedelta(days=8),
        location=LocationFactory(name="WIJ Vinkhuizen"),
        state=MeetingState.AGENDA_PUBLISHED,
        agenda_published_at=timezone.now(),
    )
    AgendaItemFactory(meeting=meeting, title="Wachttijden", visibility=Visibility.PUBLIC)
    AgendaItemFactory(meeting=meeting, title="Besloten punt", visibility=Visibility.COUNCIL)
    page.goto(reverse("home"))
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role(
        "link", name="Vergaderingen"
    ).click()
    page.wait_for_url("**/openbaar/")
    assert "WIJ Vinkhuizen" in page.locator("main").inner_text()
    assert_accessible(page)
    page.get_by_role("link", name="Openbare agenda van").click()
    page.wait_for_url(f"**/openbaar/{meeting.pk}/")
    main = page.locator("main").inner_text()
    assert "Wachttijden" in main
    assert "Besloten punt" not in main
    assert_accessible(page)
    page.set_viewport_size({"width": 320, "height": 640})
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
