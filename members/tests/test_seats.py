"""At most 13 seats on any day of a new term's span; an unsigned member holds a seat too."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from members import services
from members.models import CouncilRules, Term
from members.services import seats_taken_max
from members.tests.factories import TermFactory, UserFactory, fill_seats, seated_person

pytestmark = pytest.mark.django_db

D = datetime.date
START = D(2026, 9, 1)


def test_the_thirteenth_seat_is_given_and_the_fourteenth_refused():
    fill_seats(12, start=D(2025, 1, 1))
    services.term_appoint(person=UserFactory(), start=START)
    with pytest.raises(ValidationError) as refused:
        services.term_appoint(person=UserFactory(), start=START)
    assert refused.value.code == "max_seats"
    assert refused.value.messages == [
        "Alle 13 zetels zijn bezet op 1 september 2026. Een nieuwe zittingstermijn van "
        "1 september 2026 tot en met 31 augustus 2029 zou er één te veel zijn."
    ]
    assert Term.objects.active_on(START).count() == 13


def test_a_term_starting_in_three_months_is_refused_when_13_overlap_then():
    fill_seats(12, start=D(2025, 1, 1))
    TermFactory(start=D(2026, 12, 1))  # the 13th seat is taken from December on
    with pytest.raises(ValidationError) as refused:
        services.term_appoint(person=UserFactory(), start=START)
    assert "op 1 december 2026" in refused.value.messages[0]


def test_a_term_is_refused_when_13_overlap_on_its_last_day_only():
    fill_seats(12, start=D(2025, 1, 1), end=D(2030, 1, 1), planned_end=D(2030, 1, 1))
    TermFactory(start=D(2029, 8, 31))
    with pytest.raises(ValidationError):
        services.term_appoint(person=UserFactory(), start=START)


def test_a_term_is_accepted_when_the_overlap_ends_the_day_before_it_starts():
    fill_seats(12, start=D(2025, 1, 1))
    leaving = TermFactory(start=D(2023, 9, 1))  # last day 31 August 2026, seat free 1 September
    assert leaving.end == START
    with pytest.raises(ValidationError):
        services.term_appoint(person=UserFactory(), start=D(2026, 8, 31))
    services.term_appoint(person=UserFactory(), start=START)


def test_a_term_is_accepted_when_the_next_seat_is_taken_only_after_it_ends():
    fill_seats(12, start=D(2025, 1, 1), end=D(2030, 1, 1), planned_end=D(2030, 1, 1))
    TermFactory(start=D(2029, 9, 1))
    services.term_appoint(person=UserFactory(), start=START)


def test_an_appointed_member_who_has_not_signed_holds_a_seat():
    fill_seats(11, start=D(2025, 1, 1))
    seated_person(start=D(2025, 6, 1), signed=False)
    seated_person(start=D(2025, 6, 1), signed=True)
    with pytest.raises(ValidationError):
        services.term_appoint(person=UserFactory(), start=START)


def test_ending_a_term_early_frees_the_seat_from_that_day():
    seats = fill_seats(13, start=D(2025, 1, 1))
    services.term_end_early(term=seats[0], on=D(2026, 10, 1), reason="Verhuisd")
    with pytest.raises(ValidationError):
        services.term_appoint(person=UserFactory(), start=START)
    services.term_appoint(person=UserFactory(), start=D(2026, 10, 1))


def test_the_number_of_seats_comes_from_the_rules_in_force():
    CouncilRules.objects.create(valid_from=D(2026, 1, 1), max_seats=11, min_members=5)
    fill_seats(11, start=D(2025, 1, 1))
    with pytest.raises(ValidationError) as refused:
        services.term_appoint(person=UserFactory(), start=START)
    assert "Alle 11 zetels" in refused.value.messages[0]


def test_seats_taken_counts_the_busiest_day_of_the_span():
    TermFactory(start=D(2025, 6, 1))
    TermFactory(start=D(2027, 1, 1))
    TermFactory(start=D(2028, 1, 1))
    assert seats_taken_max(start=START, end=D(2029, 9, 1)) == (3, D(2028, 1, 1))
    assert seats_taken_max(start=D(2030, 1, 1), end=D(2033, 1, 1)) == (1, D(2030, 1, 1))
    assert seats_taken_max(start=D(2040, 1, 1), end=D(2043, 1, 1)) == (0, D(2040, 1, 1))
