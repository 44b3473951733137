"""Demo data: a past and a coming year, idempotent."""

import datetime
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from meetings.compliance import year_compliance
from meetings.models import (
    Location,
    Meeting,
    MeetingKind,
    MeetingState,
    ScheduleEntry,
    WorkPlan,
    WorkVisitReport,
    YearSchedule,
)

pytestmark = pytest.mark.django_db

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def counts():
    models = [Location, Meeting, YearSchedule, ScheduleEntry, WorkPlan, WorkVisitReport]
    return {model.__name__: model.objects.count() for model in models}


def test_loading_twice_changes_nothing(settings):
    settings.DEBUG = True
    call_command("demo_data", stdout=StringIO())
    first = counts()
    output = StringIO()
    call_command("demo_data", stdout=output)
    assert counts() == first
    assert "Meetings: made nothing" in output.getvalue()


@pytest.mark.parametrize(
    ("moment", "adopted_ahead"),
    [
        (datetime.datetime(2027, 4, 14, 12, tzinfo=AMSTERDAM), 0),
        (datetime.datetime(2027, 10, 5, 12, tzinfo=AMSTERDAM), 1),
    ],
    ids=["spring", "autumn"],
)
def test_a_past_and_a_coming_year(settings, moment, adopted_ahead):
    """Last year and this year adopted (from September next year too), then a draft."""
    settings.DEBUG = True
    with time_machine.travel(moment, tick=False):
        call_command("demo_data", stdout=StringIO())
        year = timezone.localdate().year
        assert Location.objects.count() == 10
        last = year_compliance(year - 1)
        assert last.of(MeetingKind.COUNCIL).cancelled == 1
        assert last.of(MeetingKind.COUNCIL).planned == 0
        assert not last.falls_short
        assert not year_compliance(year).falls_short
        for ahead in range(1, adopted_ahead + 1):
            assert not YearSchedule.objects.get(year=year + ahead).is_draft
            assert not year_compliance(year + ahead).falls_short
        draft_year = year + adopted_ahead + 1
        assert YearSchedule.objects.get(year=draft_year).is_draft
        assert ScheduleEntry.objects.filter(schedule__year=draft_year).count() >= 16
        assert WorkPlan.objects.get(year=year).themes.count() == 3
        assert WorkVisitReport.objects.exists()
        assert Meeting.objects.filter(state=MeetingState.MINUTES_ADOPTED).exists()


def test_agendas_papers_attendance_minutes_and_actions(settings, papers_root):
    from meetings.models import (
        ActionItem,
        ActionKind,
        ActionStatus,
        AgendaDocument,
        Attendance,
        Minutes,
        MinutesState,
    )
    from wijraad.models import Visibility

    settings.DEBUG = True
    call_command("demo_data", stdout=StringIO())
    assert Meeting.objects.filter(state=MeetingState.AGENDA_PUBLISHED).count() >= 2
    levels = set(AgendaDocument.objects.values_list("visibility", flat=True))
    assert {
        Visibility.PUBLIC,
        Visibility.BOARD,
        Visibility.COUNCIL,
        Visibility.RESTRICTED,
    } <= levels
    assert Attendance.objects.filter(answer="absent").exists()
    assert Attendance.objects.filter(attended=True).exists()
    assert Minutes.objects.filter(state=MinutesState.SHARED).exists()
    adopted = Minutes.objects.filter(state=MinutesState.ADOPTED).select_related("meeting")
    assert all(
        m.adopted_at_meeting.date > m.meeting.date
        for m in adopted.select_related("adopted_at_meeting")
    )
    for kind in ActionKind:
        for status in (ActionStatus.OPEN, ActionStatus.DONE):
            assert ActionItem.objects.filter(kind=kind, status=status).exists()
