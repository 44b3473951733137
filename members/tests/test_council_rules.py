"""The dated rules record: seeded with DESIGN.md's defaults, the one in force picked by date."""

import datetime

import pytest

from members.models import CouncilRules

pytestmark = pytest.mark.django_db

D = datetime.date

DEFAULTS = {
    "term_length_years": 3,
    "max_terms": 2,
    "max_seats": 13,
    "min_members": 5,
    "min_council_meetings": 10,
    "min_consultations": 6,
    "advice_deadline_weeks": 6,
    "answer_deadline_weeks": 4,
    "agenda_lead_days": 7,
    "reminder_lead_days": 2,
    "agenda_late_warning_days": 8,
    "term_ending_warning_months": 6,
    "continuity_warning_numerator": 1,
    "continuity_warning_denominator": 3,
    "applicant_retention_weeks": 4,
    "applicant_retention_consent_months": 12,
    "signal_contact_retention_months": 3,
}


def test_the_seeded_record_holds_the_defaults():
    seeded = CouncilRules.objects.get()
    assert seeded.valid_from == D(2000, 1, 1)
    assert {name: getattr(seeded, name) for name in DEFAULTS} == DEFAULTS


def test_the_record_in_force_is_the_latest_started_on_or_before_the_day():
    CouncilRules.objects.create(valid_from=D(2027, 1, 1), max_seats=11)
    CouncilRules.objects.create(valid_from=D(2029, 1, 1), max_seats=9)
    assert CouncilRules.objects.in_force(D(2026, 12, 31)).max_seats == 13
    assert CouncilRules.objects.in_force(D(2027, 1, 1)).max_seats == 11
    assert CouncilRules.objects.in_force(D(2028, 12, 31)).max_seats == 11
    assert CouncilRules.objects.in_force(D(2029, 1, 1)).max_seats == 9


def test_without_a_record_the_defaults_apply():
    CouncilRules.objects.all().delete()
    rules = CouncilRules.objects.in_force(D(2026, 1, 1))
    assert rules.pk is None
    assert {name: getattr(rules, name) for name in DEFAULTS} == DEFAULTS


@pytest.mark.parametrize("seeded", [True, False])
def test_the_book_read_once_answers_as_the_database_does(seeded, django_assert_num_queries):
    """One rule, two readers: the services read the database (under their locks), a page reads
    the book once."""
    if not seeded:
        CouncilRules.objects.all().delete()
    CouncilRules.objects.create(valid_from=D(2027, 1, 1), max_seats=11)
    with django_assert_num_queries(1):
        book = CouncilRules.objects.book()
    for day in [D(1999, 12, 31), D(2000, 1, 1), D(2026, 12, 31), D(2027, 1, 1), D(2030, 1, 1)]:
        with django_assert_num_queries(1):
            read = CouncilRules.objects.in_force(day)
        with django_assert_num_queries(0):
            booked = book.in_force(day)
        assert (booked.pk, booked.valid_from, booked.max_seats) == (
            read.pk,
            read.valid_from,
            read.max_seats,
        )


def test_the_continuity_threshold_is_a_third_of_the_seats():
    assert CouncilRules.objects.in_force(D(2026, 1, 1)).continuity_threshold() == 13 / 3
