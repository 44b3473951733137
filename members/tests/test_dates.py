"""Calendar arithmetic for terms and warnings."""

import datetime

import pytest

from members.dates import add_months, add_years

D = datetime.date


@pytest.mark.parametrize(
    ("day", "years", "expected"),
    [
        (D(2025, 3, 1), 3, D(2028, 3, 1)),
        (D(2028, 2, 29), 3, D(2031, 3, 1)),
        (D(2028, 2, 29), 4, D(2032, 2, 29)),
        (D(2028, 2, 29), -1, D(2027, 3, 1)),
    ],
)
def test_add_years(day, years, expected):
    assert add_years(day, years) == expected


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (D(2026, 1, 31), 1, D(2026, 2, 28)),
        (D(2026, 8, 31), 6, D(2027, 2, 28)),
        (D(2026, 3, 15), -3, D(2025, 12, 15)),
        (D(2026, 11, 1), -50, D(2022, 9, 1)),
    ],
)
def test_add_months(day, months, expected):
    assert add_months(day, months) == expected


def test_add_months_keeps_a_moments_time_and_zone():
    moment = datetime.datetime(2026, 3, 31, 14, 30, tzinfo=datetime.UTC)
    assert add_months(moment, -1) == datetime.datetime(2026, 2, 28, 14, 30, tzinfo=datetime.UTC)
    assert add_months(moment, -15) == datetime.datetime(2024, 12, 31, 14, 30, tzinfo=datetime.UTC)
