"""Private calendar feeds and .ics downloads, read back with the icalendar parser."""

import datetime
import re
import threading
import time
from collections import OrderedDict

import icalendar
import pytest
from django.urls import reverse
from django.utils import timezone

from meetings import ical, services
from meetings.models import Meeting, MeetingKind
from meetings.tests.factories import MeetingFactory
from members import services as member_services
from members.roles import forget_roles

pytestmark = pytest.mark.django_db


def feed_url(user):
    """A new address for `user` (only its hash is stored, so an earlier one cannot be read)."""
    _feed, token = services.calendar_feed_reset(user=user)
    return reverse("meetings:feed", args=[token])


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return icalendar.Calendar.from_ical(response.content)


def by_summary(calendar):
    return {str(event["SUMMARY"]): event for event in calendar.walk("VEVENT")}


@pytest.fixture
def meetings(soon):
    council = MeetingFactory(title="Raadsvergadering maart", date=soon)
    consultation = MeetingFactory(
        kind=MeetingKind.CONSULTATION,
        title="Overleg maart",
        date=soon,
        location=council.location,
        start_time=datetime.time(10, 0),
        end_time=datetime.time(11, 30),
    )
    return council, consultation


def test_a_member_s_feed_holds_every_meeting_in_amsterdam_time(client, lid, meetings):
    council, consultation = meetings
    calendar = parse(client.get(feed_url(lid)))
    events = by_summary(calendar)
    assert set(events) == {"WIJ-raad: Raadsvergadering maart", "WIJ-raad: Overleg maart"}
    event = events["WIJ-raad: Raadsvergadering maart"]
    assert event.start == council.starts_at
    assert (event.start.hour, event.start.minute) == (17, 30)
    assert str(event.start.tzinfo) == "Europe/Amsterdam"
    assert event["DTSTART"].params["TZID"] == "Europe/Amsterdam"
    assert [tz.tz_name for tz in calendar.timezones] == ["Europe/Amsterdam"]
    assert str(event["STATUS"]) == "CONFIRMED"
    assert str(event["UID"]).startswith(str(council.uid))
    assert "WIJ Testwijk" in str(event["LOCATION"])
    assert reverse("meetings:detail", args=[council.pk]) in str(event["URL"])


def test_the_board_s_feed_holds_consultations_only(client, bestuurder, meetings):
    calendar = parse(client.get(feed_url(bestuurder)))
    assert set(by_summary(calendar)) == {"WIJ-raad: Overleg maart"}


def test_uid_stays_sequence_rises_and_a_cancelled_meeting_says_so(client, lid, meetings):
    council, _consultation = meetings
    url = feed_url(lid)
    before = by_summary(parse(client.get(url)))["WIJ-raad: Raadsvergadering maart"]
    assert before["SEQUENCE"] == 0
    services.meeting_update(meeting=council, by=None, start_time=datetime.time(18, 0))
    moved = by_summary(parse(client.get(url)))["WIJ-raad: Raadsvergadering maart"]
    assert moved["UID"] == before["UID"]
    assert moved["SEQUENCE"] == 1
    assert moved.start.hour == 18
    services.meeting_cancel(meeting=council, reason="Te weinig leden", by=None)
    cancelled = by_summary(parse(client.get(url)))["WIJ-raad: Raadsvergadering maart"]
    assert cancelled["UID"] == before["UID"]
    assert cancelled["SEQUENCE"] == 2
    assert str(cancelled["STATUS"]) == "CANCELLED"
    assert "Te weinig leden" in str(cancelled["DESCRIPTION"])


def test_the_feed_is_private_and_not_cached(client, lid, meetings):
    response = client.get(feed_url(lid))
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    assert client.get(reverse("meetings:feed", args=["geraden-token"])).status_code == 404


def test_the_feed_takes_constant_queries(client, lid, assert_constant_queries):
    url = feed_url(lid)
    start = timezone.localdate()

    def add(n):
        for number in range(n):
            MeetingFactory(date=start + datetime.timedelta(days=number, weeks=20))

    response = assert_constant_queries(lambda: client.get(url), expected=2, add_rows=add)
    assert len(parse(response).walk("VEVENT")) == 50


def test_resetting_the_address_ends_the_old_one(client, lid, meetings):
    client.force_login(lid)
    page = client.get(reverse("meetings:calendar")).content.decode()
    assert "Maak mijn agenda-adres" in page
    first = client.post(reverse("meetings:calendar_reset")).content.decode()
    old = re.search(r"/vergaderingen/agenda/[A-Za-z0-9_-]+\.ics", first).group(0)
    # Shown once, in the answer to making it; the page does not show it again.
    assert old not in client.get(reverse("meetings:calendar")).content.decode()
    client.logout()
    assert client.get(old).status_code == 200
    client.force_login(lid)
    response = client.post(reverse("meetings:calendar_reset"))
    html = response.content.decode()
    assert "het oude werkt niet meer" in html
    new = re.search(r"/vergaderingen/agenda/[A-Za-z0-9_-]+\.ics", html).group(0)
    client.logout()
    assert client.get(old).status_code == 404
    assert client.get(new).status_code == 200


def test_the_feed_follows_current_roles(client, meetings):
    from members.tests.factories import seated_person

    today = timezone.localdate()
    person = seated_person(start=today - datetime.timedelta(days=400))
    url = feed_url(person)
    assert len(parse(client.get(url)).walk("VEVENT")) == 2
    term = person.terms.get()
    member_services.term_end_early(term=term, on=today, reason="Verhuisd")
    forget_roles(person)
    assert client.get(url).status_code == 404
    person.is_active = False
    person.save()
    assert client.get(url).status_code == 404


def test_one_meeting_as_an_ics_download(client, bestuurder, meetings):
    _council, consultation = meetings
    client.force_login(bestuurder)
    response = client.get(reverse("meetings:ics", args=[consultation.pk]))
    assert "attachment" in response["Content-Disposition"]
    assert ".ics" in response["Content-Disposition"]
    events = parse(response).walk("VEVENT")
    assert [str(e["SUMMARY"]) for e in events] == ["WIJ-raad: Overleg maart"]


def test_the_calendar_page_takes_constant_queries(client, lid, assert_constant_queries):
    client.force_login(lid)
    services.calendar_feed_reset(user=lid)
    assert_constant_queries(lambda: client.get(reverse("meetings:calendar")), expected=2)


def test_a_meetings_calendar_for_its_mails_is_built_once_and_follows_every_change(
    location, soon, monkeypatch
):
    """The reminders attach the same calendar to every mail about a meeting: a worker builds it
    once (meetings.ical.meeting_calendar), and a change of the meeting or its place is never
    answered with the calendar from before."""
    meeting = MeetingFactory(date=soon, location=location, title="Raadsvergadering maart")
    built = []
    original = ical.meetings_calendar
    monkeypatch.setattr(
        ical, "meetings_calendar", lambda *a, **k: built.append(1) or original(*a, **k)
    )

    def calendar(language="nl"):
        fresh = type(meeting).objects.select_related("location").get(pk=meeting.pk)
        data = ical.meeting_calendar(
            fresh, base_url="https://x", name="WIJ-raad", language=language
        )
        return icalendar.Calendar.from_ical(data).walk("VEVENT")[0]

    first = calendar()
    assert calendar() == first
    assert len(built) == 1
    calendar("en")
    assert len(built) == 2

    location.name = "WIJ Vinkhuizen"
    location.save()
    assert str(calendar()["LOCATION"]).startswith("WIJ Vinkhuizen")
    meeting.start_time = datetime.time(19, 0)
    meeting.save()
    assert calendar()["DTSTART"].dt.hour == 19
    assert len(built) == 4


class SlowCache(OrderedDict):
    """A cache whose look-up lets other threads run between finding a key and moving it."""

    def get(self, key, default=None):
        value = super().get(key, default)
        time.sleep(0.001)
        return value


def test_the_calendar_caches_are_safe_for_threads(location, soon, monkeypatch):
    """Under the threaded development server one thread may evict what another just found."""
    meetings = [
        type(meeting).objects.select_related("location").get(pk=meeting.pk)
        for meeting in (
            MeetingFactory(date=soon, location=location, title="Een"),
            MeetingFactory(date=soon, location=location, start_time=datetime.time(10)),
        )
    ]
    monkeypatch.setattr(ical, "_SINGLE_CALENDARS", SlowCache())
    monkeypatch.setattr(ical, "SINGLE_CALENDARS_KEPT", 1)
    monkeypatch.setattr(ical, "_EVENTS", SlowCache())
    monkeypatch.setattr(ical, "EVENTS_KEPT", 1)
    errors = []

    def work(offset):
        try:
            for number in range(40):
                meeting = meetings[(number + offset) % 2]
                ical.meeting_calendar(meeting, base_url="https://x", name="WIJ", language="nl")
        except Exception as error:  # noqa: BLE001 - collected for the assertion below
            errors.append(error)

    threads = [threading.Thread(target=work, args=(offset,)) for offset in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(ical._SINGLE_CALENDARS) == 1


def test_the_feed_holds_the_past_twelve_months_and_everything_ahead(client, lid):
    today = timezone.localdate()
    MeetingFactory(title="Te oud", date=today - datetime.timedelta(days=400))
    MeetingFactory(title="Vorig voorjaar", date=today - datetime.timedelta(days=330))
    MeetingFactory(title="Over drie jaar", date=today + datetime.timedelta(days=3 * 365))
    summaries = set(by_summary(parse(client.get(feed_url(lid)))))
    assert summaries == {"WIJ-raad: Vorig voorjaar", "WIJ-raad: Over drie jaar"}
    client.force_login(lid)
    page = client.get(reverse("meetings:calendar")).content.decode()
    assert "De agenda bevat de vergaderingen van de afgelopen twaalf maanden en alle" in page


def test_the_feed_s_events_built_once_read_the_same_as_a_calendar_built_whole(location, soon):
    """The feed joins each event's text, kept per process (meetings.ical._event_text): byte for
    byte what icalendar makes of the whole calendar, also the second time, and a changed meeting
    gets new text."""
    MeetingFactory(date=soon, location=location, title="Raadsvergadering maart")
    MeetingFactory(date=soon + datetime.timedelta(days=200), other_place="Stadhuis")
    MeetingFactory(date=soon + datetime.timedelta(days=40), state="cancelled", cancel_reason="Ziek")

    def meetings():
        return list(Meeting.objects.select_related("location").order_by("date"))

    def whole():
        calendar = icalendar.Calendar()
        for header, value in (
            ("prodid", ical.PRODID),
            ("version", "2.0"),
            ("calscale", "GREGORIAN"),
            ("method", "PUBLISH"),
            ("x-wr-calname", "WIJ-raad"),
            ("x-wr-timezone", "Europe/Amsterdam"),
        ):
            calendar.add(header, value)
        calendar.add(
            "refresh-interval", datetime.timedelta(hours=1), parameters={"VALUE": "DURATION"}
        )
        calendar.add("x-published-ttl", "PT1H")
        rows = meetings()
        for meeting in rows:
            calendar.add_component(ical._event(meeting, base_url="https://x"))
        days = [meeting.date for meeting in rows]
        calendar.add_missing_timezones(
            first_date=min(days) - datetime.timedelta(days=1),
            last_date=max(days) + datetime.timedelta(days=366),
        )
        return calendar.to_ical()

    def joined():
        return ical.meetings_calendar(meetings(), base_url="https://x", name="WIJ-raad")

    assert joined() == whole()
    assert joined() == whole()  # from the kept texts
    moved = meetings()[0]
    moved.start_time = datetime.time(19, 0)
    moved.save()
    assert joined() == whole()
    assert b"T190000" in joined()
