"""Terms (zittingstermijnen): three years, at most two per person, never overlapping."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction

from members import services
from members.models import CouncilRules, Term
from members.tests.factories import BoardPositionFactory, TermFactory, UserFactory

pytestmark = pytest.mark.django_db

D = datetime.date


def test_a_term_lasts_three_years_half_open():
    term = services.term_appoint(person=UserFactory(), start=D(2025, 3, 1))
    assert (term.start, term.end, term.planned_end) == (D(2025, 3, 1), D(2028, 3, 1), D(2028, 3, 1))
    assert term.last_day == D(2028, 2, 29)
    assert term.ordinal == 1
    assert term.is_running(D(2028, 2, 29))
    assert not term.is_running(D(2028, 3, 1))


def test_a_term_starting_on_29_february_runs_through_28_february():
    term = services.term_appoint(person=UserFactory(), start=D(2028, 2, 29))
    assert term.end == D(2031, 3, 1)
    assert term.last_day == D(2031, 2, 28)


def test_the_term_length_is_the_one_in_force_on_the_start():
    CouncilRules.objects.create(valid_from=D(2030, 1, 1), term_length_years=4)
    before = services.term_appoint(person=UserFactory(), start=D(2029, 12, 31))
    after = services.term_appoint(person=UserFactory(), start=D(2030, 1, 1))
    assert before.end == D(2032, 12, 31)
    assert after.end == D(2034, 1, 1)


def test_reappointment_starts_when_the_previous_term_ends():
    person = UserFactory()
    services.term_appoint(person=person, start=D(2024, 9, 1))
    second = services.term_reappoint(person=person)
    assert (second.start, second.end, second.ordinal) == (D(2027, 9, 1), D(2030, 9, 1), 2)


def test_a_third_term_is_refused_with_a_dutch_message():
    person = UserFactory(name="Jan Hoekstra")
    services.term_appoint(person=person, start=D(2020, 1, 1))
    services.term_reappoint(person=person)
    with pytest.raises(ValidationError) as refused:
        services.term_reappoint(person=person)
    assert refused.value.code == "max_terms"
    assert refused.value.messages == [
        "Jan Hoekstra heeft al 2 zittingstermijnen gehad; niemand kan er meer dan 2 hebben."
    ]
    assert person.terms.count() == 2


def test_a_term_ended_early_counts_toward_the_two_terms():
    person = UserFactory()
    first = services.term_appoint(person=person, start=D(2020, 1, 1))
    services.term_end_early(term=first, on=D(2020, 6, 1), reason="Verhuisd")
    services.term_appoint(person=person, start=D(2024, 1, 1))
    with pytest.raises(ValidationError) as refused:
        services.term_appoint(person=person, start=D(2028, 1, 1))
    assert refused.value.code == "max_terms"


def test_reappointing_someone_without_a_term_is_refused():
    with pytest.raises(ValidationError) as refused:
        services.term_reappoint(person=UserFactory())
    assert refused.value.code == "no_previous_term"


def test_terms_overlapping_by_one_day_are_refused():
    person = UserFactory()
    services.term_appoint(person=person, start=D(2025, 1, 1))
    with pytest.raises(ValidationError) as refused:
        services.term_appoint(person=person, start=D(2027, 12, 31))
    assert refused.value.code == "term_overlap"
    assert "kan op 1 januari 2028 beginnen" in refused.value.messages[0]


def test_adjacent_terms_are_fine_end_equals_next_start():
    person = UserFactory()
    services.term_appoint(person=person, start=D(2025, 1, 1))
    second = services.term_appoint(person=person, start=D(2028, 1, 1))
    assert second.ordinal == 2


def test_a_term_starting_before_an_existing_one_may_not_reach_into_it():
    person = UserFactory()
    services.term_appoint(person=person, start=D(2028, 1, 1))
    with pytest.raises(ValidationError):
        services.term_appoint(person=person, start=D(2025, 1, 2))
    services.term_appoint(person=person, start=D(2025, 1, 1))


def test_the_model_refuses_an_overlapping_term_too():
    first = TermFactory(start=D(2025, 1, 1))
    overlapping = Term(
        person=first.person,
        ordinal=2,
        start=D(2027, 1, 1),
        end=D(2030, 1, 1),
        planned_end=D(2030, 1, 1),
    )
    with pytest.raises(ValidationError):
        overlapping.full_clean()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="exclusion constraints: PostgreSQL")
def test_postgresql_refuses_overlapping_terms_of_one_person():
    first = TermFactory(start=D(2025, 1, 1))
    with pytest.raises(IntegrityError), transaction.atomic():
        TermFactory(person=first.person, ordinal=2, start=D(2027, 12, 31))
    TermFactory(person=first.person, ordinal=2, start=D(2028, 1, 1))


def test_someone_on_the_board_cannot_be_appointed():
    person = UserFactory()
    BoardPositionFactory(person=person, start=D(2024, 1, 1), end=D(2025, 6, 1))
    with pytest.raises(ValidationError) as refused:
        services.term_appoint(person=person, start=D(2025, 1, 1))
    assert refused.value.code == "board_member_in_council"
    services.term_appoint(person=person, start=D(2025, 6, 1))


def test_ending_early_moves_the_end_and_keeps_the_plan():
    term = services.term_appoint(person=UserFactory(), start=D(2025, 1, 1))
    services.term_end_early(term=term, on=D(2026, 4, 1), reason="Verhuisd naar Assen")
    term.refresh_from_db()
    assert (term.end, term.planned_end) == (D(2026, 4, 1), D(2028, 1, 1))
    assert term.ended_early
    assert term.ended_early_on == D(2026, 4, 1)
    assert term.end_reason == "Verhuisd naar Assen"


@pytest.mark.parametrize(
    ("on", "reason", "code"),
    [
        (D(2025, 1, 1), "Ziek", "end_before_start"),
        (D(2028, 1, 1), "Ziek", "end_not_earlier"),
        (D(2026, 1, 1), "   ", "reason_required"),
    ],
)
def test_ending_early_needs_a_day_inside_the_term_and_a_reason(on, reason, code):
    term = services.term_appoint(person=UserFactory(), start=D(2025, 1, 1))
    with pytest.raises(ValidationError) as refused:
        services.term_end_early(term=term, on=on, reason=reason)
    assert refused.value.code == code
    term.refresh_from_db()
    assert term.end == D(2028, 1, 1)


def test_ending_early_on_the_day_after_the_start_is_the_shortest_term():
    term = services.term_appoint(person=UserFactory(), start=D(2025, 1, 1))
    services.term_end_early(term=term, on=D(2025, 1, 2), reason="Afgezien")
    term.refresh_from_db()
    assert term.last_day == D(2025, 1, 1)
