"""Each workflow walks its transitions table: every allowed edge works through the one service
that moves the state, every other edge is refused and leaves the state as it was (as Signalen's
test_workflow does)."""

import datetime
import itertools

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from meetings import services
from meetings.models import (
    ACTION_TRANSITIONS,
    MINUTES_TRANSITIONS,
    TRANSITIONS,
    ActionItem,
    ActionStatus,
    MeetingState,
    Minutes,
    MinutesState,
    StateChange,
)
from meetings.tests.factories import ActionItemFactory, AgendaItemFactory, MeetingFactory

pytestmark = pytest.mark.django_db


def day(offset):
    return timezone.localdate() + datetime.timedelta(days=offset)


def edges(states):
    return [(start, end) for start, end in itertools.product(states, states) if start != end]


def meeting_ready_for(state, to):
    """A meeting in `state` that meets every condition of moving to `to` except the table: begun
    for 'held' and 'minutes adopted', coming otherwise; an agenda item; adopted minutes."""
    past = to in (MeetingState.HELD, MeetingState.MINUTES_ADOPTED)
    meeting = MeetingFactory(date=day(-7 if past else 14), state=state)
    AgendaItemFactory(meeting=meeting)
    if to == MeetingState.MINUTES_ADOPTED:
        Minutes.objects.create(meeting=meeting, state=MinutesState.ADOPTED)
    return meeting


@pytest.mark.parametrize(("start", "end"), edges(MeetingState), ids=lambda state: str(state))
def test_meeting_states_follow_the_table(secretaris, start, end):
    meeting = meeting_ready_for(start, end)
    if end in TRANSITIONS[start]:
        services.meeting_transition(meeting=meeting, to=end, by=secretaris, reason="Reden")
        meeting.refresh_from_db()
        assert meeting.state == end
        change = StateChange.objects.get(meeting=meeting)
        assert (change.from_state, change.to_state, change.by) == (start, end, secretaris)
    else:
        with pytest.raises(ValidationError):
            services.meeting_transition(meeting=meeting, to=end, by=secretaris, reason="Reden")
        meeting.refresh_from_db()
        assert meeting.state == start
        assert not StateChange.objects.filter(meeting=meeting).exists()


def move_minutes(minutes, to, by):
    """Sharing and taking back: minutes_transition; adopting: minutes_adopt (at a later meeting)."""
    if to == MinutesState.ADOPTED:
        later = MeetingFactory(date=day(-1), state=MeetingState.HELD)
        return services.minutes_adopt(minutes=minutes, at_meeting=later, by=by)
    return services.minutes_transition(minutes=minutes, to=to, by=by)


@pytest.mark.parametrize(("start", "end"), edges(MinutesState), ids=lambda state: str(state))
def test_minutes_states_follow_the_table(secretaris, start, end):
    meeting = MeetingFactory(date=day(-14), state=MeetingState.HELD)
    minutes = Minutes.objects.create(meeting=meeting, state=start)
    if end in MINUTES_TRANSITIONS[start]:
        move_minutes(minutes, end, secretaris)
        minutes.refresh_from_db()
        assert minutes.state == end
    else:
        with pytest.raises(ValidationError):
            move_minutes(minutes, end, secretaris)
        minutes.refresh_from_db()
        assert minutes.state == start


@pytest.mark.parametrize(("start", "end"), edges(ActionStatus), ids=lambda state: str(state))
def test_action_items_follow_the_table(secretaris, start, end):
    action = ActionItemFactory(status=start, owner=secretaris)
    if end in ACTION_TRANSITIONS[start]:
        services.action_item_transition(action=action, to=end, by=secretaris)
        action = ActionItem.objects.get(pk=action.pk)
        assert action.status == end
        assert (action.closed_at is None) == (end == ActionStatus.OPEN)
    else:
        with pytest.raises(ValidationError):
            services.action_item_transition(action=action, to=end, by=secretaris)
        assert ActionItem.objects.get(pk=action.pk).status == start


def test_every_state_is_in_its_table():
    assert set(TRANSITIONS) == set(MeetingState)
    assert set(MINUTES_TRANSITIONS) == set(MinutesState)
    assert set(ACTION_TRANSITIONS) == set(ActionStatus)
