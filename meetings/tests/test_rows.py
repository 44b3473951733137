"""The meeting tables' rows, built in Python (meetings.rows): the same words as the template
filters they replace, in Dutch and English, on every day of the week and month of the year."""

import datetime

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format

from meetings.models import Meeting, MeetingKind, MeetingState
from meetings.rows import meeting_rows
from meetings.tests.factories import LocationFactory, MeetingFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["nl", "en"])
def test_a_row_reads_as_the_template_filters_did(language):
    place = LocationFactory(name="WIJ Beijum")
    first = datetime.date(2031, 1, 6)
    for number in range(12):
        MeetingFactory(
            date=first + datetime.timedelta(days=32 * number + number % 7),
            location=place if number % 2 else None,
            other_place="" if number % 2 else "Stadhuis",
            title="" if number % 3 else f"Extra {number}",
            kind=MeetingKind.COUNCIL if number % 3 else MeetingKind.OTHER,
        )
    Meeting.objects.filter(pk=Meeting.objects.order_by("date").first().pk).update(
        state=MeetingState.CANCELLED
    )
    meetings = list(Meeting.objects.for_list())
    with translation.override(language):
        rows = meeting_rows(meetings)
        for row, meeting in zip(rows, meetings, strict=True):
            assert row.day == date_format(meeting.date, "D j F Y")
            assert row.hours == (
                f"{meeting.start_time.strftime('%H:%M')}–{meeting.end_time.strftime('%H:%M')}"
            )
            assert row.url == reverse("meetings:detail", args=[meeting.pk])
            assert row.title == meeting.display_title
            assert row.kind == (meeting.get_kind_display() if meeting.title else "")
            assert row.place == meeting.place_name
            assert row.state == meeting.get_state_display()
            assert row.cancelled == meeting.is_cancelled
    months = {row.day.split(" ")[2] for row in rows}
    assert len(months) == 12
    assert ("januari" if language == "nl" else "January") in months
    assert rows[0].badge == "text-bg-danger"


def test_the_short_place_is_the_locations_name_or_the_other_place():
    """The tables show the model's own short place (Meeting.place_name), without the address."""
    at_location = MeetingFactory(
        location=LocationFactory(name="WIJ Beijum", address="Beijumerweg 1")
    )
    elsewhere = MeetingFactory(location=None, other_place="Stadhuis")
    assert at_location.place_name == "WIJ Beijum"
    assert elsewhere.place_name == "Stadhuis"
    rows = meeting_rows(Meeting.objects.for_list().order_by("pk"))
    assert [row.place for row in rows] == ["WIJ Beijum", "Stadhuis"]
