"""Every edge of SIGNAL_TRANSITIONS through the one service; refused moves change nothing."""

import pytest
from django.core.exceptions import ValidationError

from signals import services
from signals.models import SIGNAL_TRANSITIONS, SignalState, SignalStateChange
from signals.tests.factories import SignalFactory

pytestmark = pytest.mark.django_db

EDGES = [(start, end) for start, ends in SIGNAL_TRANSITIONS.items() for end in sorted(ends)]
REFUSED = [
    (start, end)
    for start in SignalState
    for end in SignalState
    if end not in SIGNAL_TRANSITIONS[start] and end != SignalState.MERGED
]


def move(signal, to, by):
    if to == SignalState.MERGED:
        return services.signal_merge(signal=signal, into=SignalFactory(), by=by)
    return services.signal_transition(
        signal=signal, to=to, by=by, outcome="Besproken met WIJ.", referral="Het WIJ-team."
    )


@pytest.mark.parametrize(("start", "end"), EDGES)
def test_every_edge(start, end, secretaris):
    signal = SignalFactory(state=start)
    moved = move(signal, end, secretaris)
    assert moved.state == end
    change = SignalStateChange.objects.get(signal=signal)
    assert (change.from_state, change.to_state, change.by) == (start, end, secretaris)
    assert (moved.closed_at is not None) == (end in SignalState.finished())


@pytest.mark.parametrize(("start", "end"), REFUSED)
def test_every_move_outside_the_table_is_refused(start, end, secretaris):
    signal = SignalFactory(state=start)
    with pytest.raises(ValidationError):
        move(signal, end, secretaris)
    signal.refresh_from_db()
    assert signal.state == start
    assert not SignalStateChange.objects.exists()


def test_closing_needs_an_outcome_and_not_for_the_council_an_explanation(secretaris):
    signal = SignalFactory(state=SignalState.TRIAGE)
    with pytest.raises(ValidationError) as closing:
        services.signal_transition(signal=signal, to=SignalState.CLOSED, by=secretaris)
    assert "outcome" in closing.value.error_dict
    with pytest.raises(ValidationError) as referring:
        services.signal_transition(signal=signal, to=SignalState.NOT_FOR_COUNCIL, by=secretaris)
    assert "referral" in referring.value.error_dict
    signal.refresh_from_db()
    assert signal.state == SignalState.TRIAGE


def test_merging(secretaris):
    main, duplicate = SignalFactory(), SignalFactory()
    with pytest.raises(ValidationError):
        services.signal_merge(signal=main, into=main, by=secretaris)
    services.signal_merge(signal=duplicate, into=main, by=secretaris)
    duplicate.refresh_from_db()
    assert (duplicate.state, duplicate.merged_into) == (SignalState.MERGED, main)
    other = SignalFactory()
    with pytest.raises(ValidationError):
        services.signal_merge(signal=other, into=duplicate, by=secretaris)
