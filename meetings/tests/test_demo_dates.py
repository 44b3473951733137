"""The demo data looks like a living council on whatever day it is loaded.

Loaded under a fixed Amsterdam clock on the days that break date arithmetic: new year, the
summer break, the last month of the year, the last half hour of the year, a leap day.
"""

import datetime
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from meetings import reminders
from meetings.models import Meeting, MeetingKind, MeetingState, Minutes, MinutesState
from members.models import User
from members.roles import roles_for

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("private_root", "papers_root")]

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
MOMENTS = {
    "new-year": datetime.datetime(2027, 1, 1, 0, 30, tzinfo=AMSTERDAM),
    "summer-break-tuesday": datetime.datetime(2027, 7, 20, 11, 0, tzinfo=AMSTERDAM),
    "first-of-december": datetime.datetime(2026, 12, 1, 9, 0, tzinfo=AMSTERDAM),
    "new-years-eve-late": datetime.datetime(2026, 12, 31, 23, 30, tzinfo=AMSTERDAM),
    "leap-day": datetime.datetime(2028, 2, 29, 12, 0, tzinfo=AMSTERDAM),
}
PERSONAS = {
    "lid@example.org": "member",
    "lid-ongetekend@example.org": "unsigned_member",
    "oud-lid@example.org": "former_member",
    "voorzitter@example.org": "chair",
    "secretaris@example.org": "secretary",
    "bestuurder@example.org": "board",
    "beheerder@example.org": "administrator",
}


def _promises_hold():
    now = timezone.now()
    today = timezone.localdate()
    for email, role in PERSONAS.items():
        assert getattr(roles_for(User.objects.get(email=email)), role), email

    counted = Meeting.objects.filter(kind__in=MeetingKind.counted()).not_cancelled()
    a_year_ago = today - datetime.timedelta(days=330)
    assert counted.filter(date__lte=a_year_ago, state__in=MeetingState.taken_place()).exists()
    assert counted.filter(date__lt=today, state__in=MeetingState.taken_place()).count() >= 10
    three_months = today + datetime.timedelta(days=92)
    assert counted.filter(date__gte=three_months, state__in=MeetingState.upcoming()).exists()
    ahead = counted.filter(date__gt=today, date__lt=three_months, kind=MeetingKind.COUNCIL)
    assert ahead.count() >= 2
    assert not Meeting.objects.filter(state__in=MeetingState.upcoming(), date__lt=today).exists(), (
        "a meeting that took place is still planned"
    )

    for kind in MeetingKind.counted():
        next_one = (
            Meeting.objects.filter(kind=kind, date__gt=today, state__in=MeetingState.upcoming())
            .order_by("date", "start_time")
            .first()
        )
        assert next_one.state == MeetingState.AGENDA_PUBLISHED, kind
        assert next_one.agenda_items.count() >= 3

    assert Minutes.objects.filter(state=MinutesState.ADOPTED).exists()
    assert Minutes.objects.filter(state=MinutesState.SHARED).exists()

    due = reminders.find_due(now)
    reminded = {item.subject for item in due if item.kind == reminders.REMINDER}
    assert reminded, "no reminder is due"
    lid = User.objects.get(email="lid@example.org")
    assert any(item.kind == reminders.REMINDER and item.recipient_id == lid.pk for item in due)
    for meeting in reminded:
        assert meeting.starts_at > now


@pytest.mark.parametrize("moment", MOMENTS.values(), ids=MOMENTS.keys())
def test_the_demo_keeps_its_promises_on_every_date(settings, moment):
    settings.DEBUG = True
    with time_machine.travel(moment, tick=False):
        call_command("demo_data", stdout=StringIO())
        _promises_hold()
        output = StringIO()
        call_command("demo_data", stdout=output)
        assert "Meetings: made nothing" in output.getvalue()


def test_loading_again_weeks_later_rolls_the_demo_forward(settings):
    settings.DEBUG = True
    first = MOMENTS["first-of-december"]
    with time_machine.travel(first, tick=False):
        call_command("demo_data", stdout=StringIO())
    with time_machine.travel(first + datetime.timedelta(days=45), tick=False):
        output = StringIO()
        call_command("demo_data", stdout=output)
        assert "held meetings" in output.getvalue()
        _promises_hold()
