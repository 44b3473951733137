"""The yearly schedule (vergaderrooster): the generator, editing the draft, adopting it."""

import datetime

import holidays
import pytest
from django.core.exceptions import ValidationError

from meetings import services
from meetings.models import Meeting, MeetingKind, ScheduleEntry, ScheduleState
from meetings.tests.factories import LocationFactory, MeetingFactory, error_codes

pytestmark = pytest.mark.django_db
YEAR = 2027


@pytest.fixture
def locations(db):
    return [LocationFactory(name=f"WIJ {name}") for name in ("Beijum", "Haren", "Selwerd")]


def entries(schedule, kind):
    return list(schedule.entries.filter(kind=kind).order_by("date"))


def test_the_proposal_meets_the_minimums_on_tuesdays_at_1730(locations):
    schedule = services.schedule_propose(year=YEAR)
    council = entries(schedule, MeetingKind.COUNCIL)
    consultations = entries(schedule, MeetingKind.CONSULTATION)
    assert len(council) >= 10
    assert len(consultations) >= 6
    for entry in council + consultations:
        assert entry.date.weekday() == 1
        assert entry.date.year == YEAR
        assert entry.start_time == datetime.time(17, 30)
    assert {entry.end_time for entry in council} == {datetime.time(19, 30)}
    # About every three weeks, and never two meetings on one day.
    gaps = [(b.date - a.date).days for a, b in zip(council, council[1:], strict=False)]
    assert min(gaps) >= 21
    days = [entry.date for entry in council + consultations]
    assert len(days) == len(set(days))
    # The WIJ locations take turns.
    assert {entry.location for entry in council} == set(locations)


def test_public_holidays_and_the_summer_break_are_skipped(locations):
    schedule = services.schedule_propose(year=YEAR)
    dutch = holidays.country_holidays("NL", years=YEAR)
    for entry in schedule.entries.all():
        assert entry.date not in dutch
        assert not (datetime.date(YEAR, 7, 11) <= entry.date <= datetime.date(YEAR, 8, 23))
    # King's Day 2027 is a Tuesday: the meeting of that week moved a week on, and says why.
    moved = schedule.entries.get(shifted_from=datetime.date(YEAR, 4, 27))
    assert moved.date == datetime.date(YEAR, 5, 4)
    assert services.shift_reason(schedule, moved.shifted_from) == "Koningsdag"


def test_the_settings_are_adjustable(locations):
    schedule = services.schedule_propose(
        year=YEAR,
        council_weekday=3,
        council_start=datetime.time(19, 0),
        council_interval_weeks=2,
        consultation_interval_weeks=8,
        summer_break_first_day=datetime.date(YEAR, 7, 1),
        summer_break_last_day=datetime.date(YEAR, 8, 31),
    )
    council = entries(schedule, MeetingKind.COUNCIL)
    assert {entry.date.weekday() for entry in council} == {3}
    assert {entry.start_time for entry in council} == {datetime.time(19, 0)}
    assert len(council) > 15
    assert not [
        e for e in council if datetime.date(YEAR, 7, 1) <= e.date <= datetime.date(YEAR, 8, 31)
    ]
    assert schedule.council_interval_weeks == 2


def test_wrong_settings_are_refused(locations):
    with pytest.raises(ValidationError) as refused:
        services.schedule_propose(year=YEAR, last_day=datetime.date(YEAR + 1, 1, 5))
    assert "days_outside_year" in error_codes(refused.value)
    with pytest.raises(ValidationError):
        services.schedule_propose(year=YEAR, council_interval_weeks=0)
    with pytest.raises(ValidationError):
        services.schedule_propose(
            year=YEAR,
            summer_break_first_day=datetime.date(YEAR, 8, 1),
            summer_break_last_day=datetime.date(YEAR, 7, 1),
        )


def test_without_locations_there_is_no_proposal():
    with pytest.raises(ValidationError) as refused:
        services.schedule_propose(year=YEAR)
    assert "no_locations" in error_codes(refused.value)


def test_the_proposal_steers_clear_of_meetings_already_planned(locations):
    MeetingFactory(date=datetime.date(YEAR, 1, 12), location=locations[0])
    schedule = services.schedule_propose(year=YEAR)
    assert not schedule.entries.filter(date=datetime.date(YEAR, 1, 12)).exists()
    counts = {row["kind"]: row for row in services.proposal_counts(schedule)}
    assert counts[MeetingKind.COUNCIL]["existing"] == 1
    assert counts[MeetingKind.COUNCIL]["total"] == counts[MeetingKind.COUNCIL]["proposed"] + 1


def test_making_a_proposal_again_replaces_the_draft(locations):
    first = services.schedule_propose(year=YEAR)
    again = services.schedule_propose(year=YEAR, council_interval_weeks=4)
    assert first.pk == again.pk
    assert again.entries.filter(kind=MeetingKind.COUNCIL).count() < 15


def test_moving_an_entry_checks_the_location(locations):
    schedule = services.schedule_propose(year=YEAR)
    first, second = entries(schedule, MeetingKind.COUNCIL)[:2]
    second.date, second.location = first.date, first.location
    with pytest.raises(ValidationError) as refused:
        services.schedule_entry_save(entry=second)
    assert "entry_overlap" in error_codes(refused.value)
    second.refresh_from_db()
    second.date = datetime.date(YEAR + 1, 1, 4)
    with pytest.raises(ValidationError):
        services.schedule_entry_save(entry=second)
    second.refresh_from_db()
    second.date = second.date + datetime.timedelta(days=1)
    moved = services.schedule_entry_save(entry=second)
    assert moved.shifted_from is None


def test_adopting_turns_the_entries_into_planned_meetings(locations, secretaris):
    schedule = services.schedule_propose(year=YEAR)
    proposed = list(schedule.entries.values_list("kind", "date", "start_time", "location"))
    adopted = services.schedule_adopt(schedule=schedule, by=secretaris)
    assert (adopted.state, adopted.adopted_by) == (ScheduleState.ADOPTED, secretaris)
    assert adopted.adopted_at is not None
    meetings = Meeting.objects.filter(schedule=adopted)
    assert sorted(meetings.values_list("kind", "date", "start_time", "location")) == sorted(
        proposed
    )
    assert set(meetings.values_list("state", flat=True)) == {"planned"}
    assert not ScheduleEntry.objects.exists()
    with pytest.raises(ValidationError) as refused:
        services.schedule_propose(year=YEAR)
    assert "schedule_adopted" in error_codes(refused.value)
    with pytest.raises(ValidationError):
        services.schedule_adopt(schedule=adopted, by=secretaris)


def test_adopting_refuses_an_entry_on_a_booked_location(locations):
    schedule = services.schedule_propose(year=YEAR)
    entry = schedule.entries.first()
    MeetingFactory(date=entry.date, location=entry.location, start_time=datetime.time(18, 0))
    with pytest.raises(ValidationError) as refused:
        services.schedule_adopt(schedule=schedule, by=None)
    assert "location_overlap" in error_codes(refused.value)
    schedule.refresh_from_db()
    assert schedule.is_draft
    assert Meeting.objects.filter(schedule=schedule).count() == 0


def test_an_empty_proposal_cannot_be_adopted_and_a_draft_can_be_thrown_away(locations):
    schedule = services.schedule_propose(year=YEAR)
    schedule.entries.all().delete()
    with pytest.raises(ValidationError) as refused:
        services.schedule_adopt(schedule=schedule, by=None)
    assert "empty_schedule" in error_codes(refused.value)
    services.schedule_discard(schedule=schedule)
    assert not type(schedule).objects.exists()
