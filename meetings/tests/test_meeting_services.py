"""Planning, moving, cancelling and the states of a meeting (meetings.services)."""

import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import timezone

from meetings import services
from meetings.models import Meeting, MeetingKind, MeetingState, StateChange
from meetings.tests.factories import (
    AgendaItemFactory,
    LocationFactory,
    MeetingFactory,
    error_codes,
)

pytestmark = pytest.mark.django_db
T = datetime.time


HALF_PAST_FIVE, HALF_PAST_SEVEN = T(17, 30), T(19, 30)


def plan(location, day, start=HALF_PAST_FIVE, end=HALF_PAST_SEVEN, **fields):
    return services.meeting_create(
        by=None,
        kind=fields.pop("kind", MeetingKind.COUNCIL),
        date=day,
        start_time=start,
        end_time=end,
        location=location,
        **fields,
    )


def test_a_1730_meeting_stays_1730_across_daylight_saving(location):
    winter = plan(location, datetime.date(2027, 3, 23))
    summer = plan(location, datetime.date(2027, 3, 30))
    assert winter.starts_at.hour == summer.starts_at.hour == 17
    assert winter.starts_at.minute == 30
    assert winter.starts_at.utcoffset() == datetime.timedelta(hours=1)
    assert summer.starts_at.utcoffset() == datetime.timedelta(hours=2)
    assert str(summer.starts_at.tzinfo) == "Europe/Amsterdam"


def test_overlapping_meetings_at_one_location_are_refused(location):
    plan(location, datetime.date(2027, 3, 9))
    with pytest.raises(ValidationError, match="al bezet") as refused:
        plan(location, datetime.date(2027, 3, 9), T(19, 0), T(20, 0))
    assert "location_overlap" in error_codes(refused.value)
    # Back to back is fine, and so is another location at the same time.
    plan(location, datetime.date(2027, 3, 9), T(19, 30), T(20, 30))
    plan(LocationFactory(), datetime.date(2027, 3, 9))
    assert Meeting.objects.count() == 3


def test_a_cancelled_meeting_frees_the_location(location):
    first = plan(location, datetime.date(2027, 3, 9))
    services.meeting_cancel(meeting=first, reason="Ziekte", by=None)
    plan(location, datetime.date(2027, 3, 9))


def test_a_meeting_needs_a_place_and_an_end_after_its_start(location):
    with pytest.raises(ValidationError) as refused:
        plan(None, datetime.date(2027, 3, 9))
    assert "no_place" in error_codes(refused.value)
    with pytest.raises(ValidationError) as refused:
        plan(location, datetime.date(2027, 3, 9), T(19, 0), T(18, 0))
    assert "end_before_start" in error_codes(refused.value)
    online = plan(None, datetime.date(2027, 3, 9), other_place="Online (Teams)")
    assert online.place == "Online (Teams)"


def test_other_meetings_need_a_title(location):
    with pytest.raises(ValidationError) as refused:
        plan(location, datetime.date(2027, 3, 9), kind=MeetingKind.OTHER)
    assert "title_required" in error_codes(refused.value)


def test_an_inactive_location_is_not_offered_for_new_meetings():
    closed = LocationFactory(is_active=False)
    with pytest.raises(ValidationError) as refused:
        plan(closed, datetime.date(2027, 3, 9))
    assert "location_inactive" in error_codes(refused.value)


def test_moving_a_meeting_raises_the_revision_and_keeps_the_uid(location):
    meeting = plan(location, datetime.date(2027, 3, 9))
    uid = meeting.uid
    moved = services.meeting_update(meeting=meeting, by=None, date=datetime.date(2027, 3, 16))
    assert (moved.revision, moved.uid) == (1, uid)
    # Nothing changed: no new revision.
    same = services.meeting_update(meeting=moved, by=None, date=datetime.date(2027, 3, 16))
    assert same.revision == 1
    # Practical information is not a change attendees must be told about again.
    described = services.meeting_update(meeting=moved, by=None, description="Soep vanaf 17:00")
    assert described.revision == 1
    assert described.description == "Soep vanaf 17:00"


def test_moving_onto_a_booked_slot_is_refused(location):
    plan(location, datetime.date(2027, 3, 16))
    meeting = plan(location, datetime.date(2027, 3, 9))
    with pytest.raises(ValidationError) as refused:
        services.meeting_update(meeting=meeting, by=None, date=datetime.date(2027, 3, 16))
    assert "location_overlap" in error_codes(refused.value)
    meeting.refresh_from_db()
    assert (meeting.date, meeting.revision) == (datetime.date(2027, 3, 9), 0)


def test_a_held_meeting_cannot_be_moved(location):
    meeting = MeetingFactory(location=location, state=MeetingState.HELD)
    with pytest.raises(ValidationError) as refused:
        services.meeting_update(meeting=meeting, by=None, start_time=T(18, 0))
    assert "not_changeable" in error_codes(refused.value)


def test_the_states_move_only_along_the_table(location, secretaris):
    day = timezone.localdate() + datetime.timedelta(days=10)
    meeting = plan(location, day)
    with pytest.raises(ValidationError) as refused:
        services.meeting_transition(meeting=meeting, to=MeetingState.MINUTES_ADOPTED, by=None)
    assert "transition_not_allowed" in error_codes(refused.value)
    AgendaItemFactory(meeting=meeting)
    services.meeting_transition(meeting=meeting, to=MeetingState.AGENDA_PUBLISHED, by=secretaris)
    with time_machine.travel(meeting.ends_at, tick=False):
        meeting = services.meeting_transition(meeting=meeting, to=MeetingState.HELD, by=secretaris)
    # The minutes are adopted only through meetings.services.minutes_adopt.
    with pytest.raises(ValidationError) as refused:
        services.meeting_transition(meeting=meeting, to=MeetingState.MINUTES_ADOPTED, by=None)
    assert "minutes_not_adopted" in error_codes(refused.value)
    assert meeting.allowed_transitions() == [MeetingState.MINUTES_ADOPTED]
    assert list(StateChange.objects.values_list("to_state", flat=True)) == [
        "agenda_published",
        "held",
    ]
    assert StateChange.objects.filter(by=secretaris).count() == 2


def test_a_meeting_is_held_only_once_it_has_started(location):
    day = datetime.date(2027, 3, 9)
    meeting = plan(location, day)
    at = datetime.datetime(2027, 3, 9, 17, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=1)))
    with time_machine.travel(at, tick=False):
        with pytest.raises(ValidationError) as refused:
            services.meeting_transition(meeting=meeting, to=MeetingState.HELD, by=None)
        assert "not_started" in error_codes(refused.value)
    with time_machine.travel(at + datetime.timedelta(minutes=31), tick=False):
        held = services.meeting_transition(meeting=meeting, to=MeetingState.HELD, by=None)
    assert held.state == MeetingState.HELD


def test_a_work_visit_has_no_agenda_and_no_minutes(location):
    visit = plan(location, datetime.date(2027, 3, 11), T(10, 0), T(12, 0), kind="work_visit")
    assert visit.allowed_transitions() == [MeetingState.HELD, MeetingState.CANCELLED]
    with pytest.raises(ValidationError):
        services.meeting_transition(meeting=visit, to=MeetingState.AGENDA_PUBLISHED, by=None)


def test_cancelling_needs_a_reason_and_raises_the_revision(location):
    meeting = plan(location, datetime.date(2027, 3, 9))
    with pytest.raises(ValidationError) as refused:
        services.meeting_cancel(meeting=meeting, reason="  ", by=None)
    assert "reason_required" in error_codes(refused.value)
    cancelled = services.meeting_cancel(meeting=meeting, reason="Te weinig leden", by=None)
    assert (cancelled.state, cancelled.cancel_reason, cancelled.revision) == (
        "cancelled",
        "Te weinig leden",
        1,
    )
    with pytest.raises(ValidationError):
        services.meeting_update(meeting=cancelled, by=None, start_time=T(18, 0))


def test_reinstating_checks_the_date_and_the_location(location, soon):
    meeting = plan(location, soon)
    services.meeting_cancel(meeting=meeting, reason="Vergissing", by=None)
    other = plan(location, soon)
    with pytest.raises(ValidationError) as refused:
        services.meeting_transition(meeting=meeting, to=MeetingState.PLANNED, by=None)
    assert "location_overlap" in error_codes(refused.value)
    services.meeting_update(meeting=other, by=None, start_time=T(20, 0), end_time=T(21, 0))
    back = services.meeting_transition(meeting=meeting, to=MeetingState.PLANNED, by=None)
    assert (back.state, back.cancel_reason, back.revision) == ("planned", "", 2)
    past = MeetingFactory(
        location=location, date=datetime.date(2020, 1, 7), state=MeetingState.CANCELLED
    )
    with pytest.raises(ValidationError) as refused:
        services.meeting_transition(meeting=past, to=MeetingState.PLANNED, by=None)
    assert "date_passed" in error_codes(refused.value)


def test_renaming_a_location_raises_the_revision_of_its_coming_meetings(location, soon):
    coming = plan(location, soon)
    past = MeetingFactory(location=location, date=datetime.date(2020, 1, 7))
    location.address = "Nieuwe straat 1, Groningen"
    services.location_save(location=location, by=None)
    coming.refresh_from_db()
    past.refresh_from_db()
    assert (coming.revision, past.revision) == (1, 0)
    location.accessibility = "Nu met lift"
    services.location_save(location=location, by=None)
    coming.refresh_from_db()
    assert coming.revision == 1
