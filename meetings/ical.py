"""iCalendar (RFC 5545) for meetings: the private feed and the download of one meeting.

Times are written in Europe/Amsterdam with its VTIMEZONE, so a 17:30 meeting shows at 17:30 in
every calendar, summer or winter. Each meeting keeps one UID for life; SEQUENCE is the meeting's
revision, so calendars replace an event that moved; a cancelled meeting stays in the feed with
STATUS:CANCELLED, so calendars remove or strike it.
"""

import datetime
import threading
from collections import OrderedDict

import icalendar
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from meetings.models import MeetingState

PRODID = "-//WIJ-raad Groningen//Vergaderingen//NL"
UID_DOMAIN = "wijraad.example.org"


def event_uid(meeting):
    return f"{meeting.uid}@{UID_DOMAIN}"


def _event(meeting, *, base_url):
    event = icalendar.Event()
    event.add("uid", event_uid(meeting))
    event.add("sequence", meeting.revision)
    event.add("dtstamp", meeting.updated_at.astimezone(datetime.UTC))
    event.add("created", meeting.created_at.astimezone(datetime.UTC))
    event.add("last-modified", meeting.updated_at.astimezone(datetime.UTC))
    event.add("dtstart", meeting.starts_at)
    event.add("dtend", meeting.ends_at)
    event.add("summary", f"{_('WIJ-raad')}: {meeting.display_title}")
    event.add("location", meeting.place)
    url = base_url + reverse("meetings:detail", args=[meeting.pk])
    lines = [str(meeting.get_kind_display())]
    if meeting.state == MeetingState.CANCELLED:
        lines.append(_("Cancelled: %(reason)s") % {"reason": meeting.cancel_reason})
    if meeting.description:
        lines.append(meeting.description)
    lines.append(url)
    event.add("description", "\n\n".join(lines))
    event.add("url", url)
    cancelled = meeting.state == MeetingState.CANCELLED
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    return event


def meetings_calendar(meetings, *, base_url, name, language=None):
    """The text of a VCALENDAR with one VEVENT per meeting, in `language` (default: active)."""
    with translation.override(language or translation.get_language()):
        calendar = icalendar.Calendar()
        calendar.add("prodid", PRODID)
        calendar.add("version", "2.0")
        calendar.add("calscale", "GREGORIAN")
        calendar.add("method", "PUBLISH")
        calendar.add("x-wr-calname", name)
        calendar.add("x-wr-timezone", settings.TIME_ZONE)
        calendar.add(
            "refresh-interval", datetime.timedelta(hours=1), parameters={"VALUE": "DURATION"}
        )
        calendar.add("x-published-ttl", "PT1H")
        meetings = list(meetings)
        if not meetings:
            return calendar.to_ical()
        # The zone's VTIMEZONE, through one event that icalendar reads for the zones it needs
        # (only the zone's rules around these meetings, not the whole history since 1970); the
        # events themselves go in as text, each built once per process (_event_text).
        probe = _event(meetings[0], base_url=base_url)
        calendar.add_component(probe)
        days = [meeting.date for meeting in meetings]
        calendar.add_missing_timezones(
            first_date=min(days) - datetime.timedelta(days=1),
            last_date=max(days) + datetime.timedelta(days=366),
        )
        calendar.subcomponents.remove(probe)
        head, end = calendar.to_ical().rsplit(b"END:VCALENDAR", 1)
        language = translation.get_language()
        events = [
            _event_text(meeting, base_url=base_url, language=language) for meeting in meetings
        ]
        return b"".join([head, *events, b"END:VCALENDAR", end])


# A VEVENT's text for the same content is the same for every feed: a process builds it once (the
# feed lists a year of meetings and more, and icalendar takes some milliseconds per event). The
# key holds every field of the meeting and its location, the address and the language, so a
# changed meeting never gets its old text.
_EVENTS = OrderedDict()
EVENTS_KEPT = 4096
# The caches are shared by the threads of a process (the threaded development server, a
# threaded worker): each look-up and each change of a cache happens under this lock, so a
# thread never finds a key that another one evicts before it moves it to the end.
_CACHE_LOCK = threading.Lock()


def _cached(cache, kept, key, build):
    """The value of `key` in `cache` (an OrderedDict, least recently used first), built with
    `build()` when missing; at most `kept` entries. Building happens outside the lock (it may
    use another cache); two threads may build the same value once each, which is harmless."""
    with _CACHE_LOCK:
        value = cache.get(key)
        if value is not None:
            cache.move_to_end(key)
            return value
    value = build()
    with _CACHE_LOCK:
        cache[key] = value
        cache.move_to_end(key)
        while len(cache) > kept:
            cache.popitem(last=False)
    return value


def _event_text(meeting, *, base_url, language):
    key = repr((_fields(meeting), _fields(meeting.location), base_url, language))
    return _cached(_EVENTS, EVENTS_KEPT, key, lambda: _event(meeting, base_url=base_url).to_ical())


# One meeting's calendar, as attached to each of its e-mails: the same text for everyone who gets
# it in the same language, so a worker process builds it once. The key holds every field of the
# meeting and its location, so a changed meeting never gets an old calendar.
_SINGLE_CALENDARS = OrderedDict()
SINGLE_CALENDARS_KEPT = 64


def _fields(obj):
    if obj is None:
        return None
    return tuple(getattr(obj, field.attname) for field in obj._meta.concrete_fields)


def meeting_calendar(meeting, *, base_url, name, language):
    """meetings_calendar([meeting]), built once per worker process for the same content."""
    key = repr((_fields(meeting), _fields(meeting.location), base_url, name, language))
    return _cached(
        _SINGLE_CALENDARS,
        SINGLE_CALENDARS_KEPT,
        key,
        lambda: meetings_calendar([meeting], base_url=base_url, name=name, language=language),
    )
