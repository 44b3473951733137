"""Planned, held and cancelled against the yearly minimums of the rules record."""

import datetime

import pytest

from meetings.compliance import year_compliance
from meetings.models import MeetingKind, MeetingState
from meetings.tests.factories import MeetingFactory
from members.models import CouncilRules

pytestmark = pytest.mark.django_db


def make(count, *, kind=MeetingKind.COUNCIL, state=MeetingState.PLANNED, year=2027):
    return [
        MeetingFactory(
            kind=kind, state=state, date=datetime.date(year, 1, 5) + datetime.timedelta(weeks=n)
        )
        for n in range(count)
    ]


def test_counts_per_kind_and_state():
    make(6, state=MeetingState.HELD)
    make(2, state=MeetingState.MINUTES_ADOPTED)
    make(3)
    make(1, state=MeetingState.CANCELLED)
    make(6, kind=MeetingKind.CONSULTATION)
    make(4, kind=MeetingKind.WORK_VISIT, state=MeetingState.HELD)
    make(5, year=2026)
    compliance = year_compliance(2027)
    council = compliance.of(MeetingKind.COUNCIL)
    assert (council.planned, council.held, council.cancelled) == (3, 8, 1)
    assert (council.expected, council.minimum, council.falls_short) == (11, 10, False)
    consultations = compliance.of(MeetingKind.CONSULTATION)
    assert (consultations.expected, consultations.minimum) == (6, 6)
    assert not compliance.falls_short


def test_a_cancellation_can_make_the_year_fall_short():
    meetings = make(10)
    make(6, kind=MeetingKind.CONSULTATION)
    assert not year_compliance(2027).falls_short
    after = year_compliance(2027, without=meetings[0]).of(MeetingKind.COUNCIL)
    assert (after.expected, after.short_by, after.cancelled) == (9, 1, 1)
    assert "9 gepland of gehouden, minder dan het minimum van 10" in after.warning


def test_the_minimums_come_from_the_rules_in_force_on_1_january():
    CouncilRules.objects.create(valid_from=datetime.date(2027, 1, 1), min_council_meetings=12)
    CouncilRules.objects.create(valid_from=datetime.date(2027, 6, 1), min_council_meetings=20)
    assert year_compliance(2027).of(MeetingKind.COUNCIL).minimum == 12
    assert year_compliance(2028).of(MeetingKind.COUNCIL).minimum == 20
    assert year_compliance(2027, without=None).of(MeetingKind.CONSULTATION).minimum == 6


def test_the_count_takes_two_queries(django_assert_num_queries):
    make(20)
    with django_assert_num_queries(2):
        year_compliance(2027)
