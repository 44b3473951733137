"""Calendar arithmetic for half-open date ranges [start, end)."""

import calendar
import datetime


def add_years(day, years):
    """The same date `years` later; 29 February moves to 1 March in a year without it.

    With half-open ranges this keeps a term starting on 29 February at least the full number of
    years: the member sits through 28 February and the seat is free on 1 March.
    """
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return datetime.date(day.year + years, 3, 1)


def add_months(day, months):
    """The same day of the month `months` later (or earlier), clipped to the month's last day.
    A date gives a date; a datetime keeps its time and time zone (the retention of applicants'
    data counts months from a moment)."""
    year, month_index = divmod(day.year * 12 + day.month - 1 + months, 12)
    month = month_index + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )
