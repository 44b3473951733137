"""The rows of the meeting tables (the coming meetings, a year's overview), built in Python.

A year holds some 170 meetings: through the template engine each row cost three date and time
filters (Django's date format parses its format and translates its names on every call), a
`{% url %}` and two choice labels. Here the names of days and months and the labels are
translated once per table, and the address is the detail page's with the meeting's number.
"""

import datetime
from dataclasses import dataclass

from django.urls import reverse
from django.utils.formats import date_format

from meetings.models import Meeting, MeetingKind, MeetingState

# A Monday: the days of the week follow from it.
_MONDAY = datetime.date(2024, 1, 1)


@dataclass(frozen=True)
class MeetingRow:
    meeting: Meeting
    url: str
    day: str  # as the date filter's "D j F Y" in the active language
    hours: str  # "17:30–19:30"
    title: str
    kind: str  # the kind's label, shown next to a meeting with its own title
    place: str
    state: str
    badge: str
    cancelled: bool


def meeting_rows(meetings):
    """One MeetingRow per meeting, in the given order, in the active language."""
    weekdays = [date_format(_MONDAY + datetime.timedelta(days=n), "D") for n in range(7)]
    months = [date_format(datetime.date(2024, month, 1), "F") for month in range(1, 13)]
    kinds = {value: str(label) for value, label in MeetingKind.choices}
    states = {value: str(label) for value, label in MeetingState.choices}
    # reverse() once: the detail page's address differs only in the meeting's number.
    first, last = reverse("meetings:detail", args=[123456789]).split("123456789")
    rows = []
    for meeting in meetings:
        day = meeting.date
        rows.append(
            MeetingRow(
                meeting=meeting,
                url=f"{first}{meeting.pk}{last}",
                day=f"{weekdays[day.weekday()]} {day.day} {months[day.month - 1]} {day.year}",
                hours=f"{meeting.start_time:%H:%M}–{meeting.end_time:%H:%M}",
                title=meeting.display_title,
                kind=kinds[meeting.kind] if meeting.title else "",
                place=meeting.place_name,
                state=states[meeting.state],
                badge=meeting.state_badge,
                cancelled=meeting.is_cancelled,
            )
        )
    return rows
