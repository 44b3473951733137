"""In real Chromium: a member subscribes to the calendar feed, and the feed parses; a board
user's feed holds consultations only."""

import datetime

import icalendar
import pytest
from django.urls import reverse
from django.utils import timezone

from meetings.models import MeetingKind
from meetings.tests.factories import LocationFactory, MeetingFactory
from wijraad.testing.browser import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def meetings(db):
    location = LocationFactory(name="WIJ Beijum")
    day = timezone.localdate() + datetime.timedelta(days=14)
    MeetingFactory(title="Raadsvergadering", location=location, date=day)
    MeetingFactory(
        kind=MeetingKind.CONSULTATION,
        title="Overleg met de bestuurder",
        location=location,
        date=day + datetime.timedelta(days=7),
    )


def subscribe(page):
    """Make the calendar address on the calendar page and read the feed it points to."""
    page.goto(reverse("meetings:list"))
    page.get_by_role("link", name="Vergaderingen in je eigen agenda").click()
    page.wait_for_url("**/agenda/")
    assert_accessible(page)
    page.get_by_role("button", name="Maak mijn agenda-adres").click()
    # The address is shown once, in the answer to making it.
    page.wait_for_url("**/agenda/nieuw-adres/")
    assert "Je agenda-adres is klaar." in page.locator("main").inner_text()
    assert_accessible(page)
    address = page.get_by_label("Je agenda-adres").input_value()
    assert address.endswith(".ics")
    # A calendar app fetches the address without a session.
    response = page.context.request.get(address, headers={"Cookie": ""})
    assert response.status == 200
    assert response.headers["content-type"].startswith("text/calendar")
    return address, icalendar.Calendar.from_ical(response.body())


def summaries(calendar):
    return sorted(str(event["SUMMARY"]) for event in calendar.walk("VEVENT"))


def test_a_member_subscribes_and_the_feed_parses(page, login_as, lid, meetings):
    login_as(lid)
    address, calendar = subscribe(page)
    assert summaries(calendar) == [
        "WIJ-raad: Overleg met de bestuurder",
        "WIJ-raad: Raadsvergadering",
    ]
    assert calendar.timezones[0].tz_name == "Europe/Amsterdam"
    with page.expect_navigation():
        page.get_by_role(
            "button", name="Maak een nieuw adres (het oude werkt dan niet meer)"
        ).click()
    assert page.get_by_label("Je agenda-adres").input_value() != address
    assert page.context.request.get(address).status == 404


def test_a_board_user_s_feed_holds_consultations_only(page, login_as, bestuurder, meetings):
    login_as(bestuurder)
    _address, calendar = subscribe(page)
    assert summaries(calendar) == ["WIJ-raad: Overleg met de bestuurder"]
