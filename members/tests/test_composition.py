"""Composition warnings: under strength, continuity of the term schedule, terms ending soon."""

import datetime

import pytest

from members.composition import (
    WarningCode,
    composition_warnings,
    term_endings_by_year,
    terms_ending_soon,
)
from members.tests.factories import TermFactory, fill_seats

pytestmark = pytest.mark.django_db

D = datetime.date
TODAY = D(2026, 3, 15)


def codes(warnings):
    return [warning.code for warning in warnings]


def test_fewer_than_five_members_is_a_warning_not_a_refusal():
    fill_seats(4, start=D(2025, 1, 1))
    warnings = composition_warnings(TODAY)
    assert codes(warnings) == [WarningCode.UNDER_STRENGTH]
    assert warnings[0].message == "De raad heeft 4 leden; er zijn er minstens 5 nodig."
    assert warnings[0].data == {"count": 4, "min": 5}


def test_five_members_is_enough():
    fill_seats(5, start=D(2025, 1, 1))
    assert WarningCode.UNDER_STRENGTH not in codes(composition_warnings(TODAY))


def test_an_unsigned_member_counts_and_a_term_ending_today_does_not():
    fill_seats(4, start=D(2025, 1, 1))
    TermFactory(start=D(2023, 3, 15))  # ends today: no seat today
    assert WarningCode.UNDER_STRENGTH in codes(composition_warnings(TODAY))
    TermFactory(start=TODAY)  # starts today, nobody signed anything: still a seat
    assert WarningCode.UNDER_STRENGTH not in codes(composition_warnings(TODAY))


def test_more_than_a_third_of_the_seats_ending_in_one_year_is_flagged():
    fill_seats(4, start=D(2025, 2, 1))  # end 1 February 2028
    fill_seats(5, start=D(2024, 6, 1))  # end 1 June 2027
    years = {year.year: year for year in term_endings_by_year(today=TODAY)}
    assert (years[2027].count, years[2027].flagged) == (5, True)
    assert (years[2028].count, years[2028].flagged) == (4, False)
    assert years[2026].count == 0
    assert round(years[2027].threshold, 2) == 4.33
    continuity = [w for w in composition_warnings(TODAY) if w.code == WarningCode.CONTINUITY]
    assert [w.data for w in continuity] == [{"year": 2027, "count": 5}]
    assert continuity[0].message.startswith("In 2027 komen 5 zetels vrij")


def test_a_term_followed_by_a_reappointment_frees_no_seat():
    terms = fill_seats(5, start=D(2024, 6, 1))
    TermFactory(person=terms[0].person, ordinal=2, start=terms[0].end)
    years = {year.year: year for year in term_endings_by_year(today=TODAY)}
    assert (years[2027].count, years[2027].flagged) == (4, False)
    assert years[2030].count == 1


def test_a_term_ending_within_six_months_is_announced():
    soon = TermFactory(start=D(2023, 9, 1))  # last day 31 August 2026
    TermFactory(start=D(2023, 10, 1))  # 1 October: more than six months away
    reappointed = TermFactory(start=D(2023, 8, 1))
    TermFactory(person=reappointed.person, ordinal=2, start=reappointed.end)
    assert terms_ending_soon(today=TODAY) == [soon]
    warning = [w for w in composition_warnings(TODAY) if w.code == WarningCode.TERM_ENDING][0]
    assert warning.message == (
        f"De zittingstermijn van {soon.person.name} loopt tot en met 31 augustus 2026."
    )
