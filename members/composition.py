"""How the council is composed: warnings for the dashboard and the term schedule's year counts.

Nothing here refuses anything; refusals live in members.services.
"""

import datetime
from dataclasses import dataclass, field

from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from members.dates import add_months
from members.models import CouncilRules, Term


class WarningCode(models.TextChoices):
    UNDER_STRENGTH = "under_strength"
    CONTINUITY = "continuity"
    TERM_ENDING = "term_ending"


@dataclass(frozen=True)
class CompositionWarning:
    code: str
    message: str
    data: dict = field(default_factory=dict)


@dataclass(frozen=True)
class YearEndings:
    """Terms ending in one calendar year: the seats that fall free that year."""

    year: int
    count: int
    threshold: float  # more than this many is a risk to continuity
    flagged: bool


def _successors(terms):
    """(person_id, start) pairs: a term followed by one starting on its end is not a departure."""
    return {(term.person_id, term.start) for term in terms}


def term_endings_by_year(*, today=None):
    """Per calendar year from this year on: how many seats fall free (terms ending that year,
    the year of the first day without a seat), and whether that is more than the rules' fraction
    of the seats (default: a third of 13). A term followed directly by the same person's next
    term is not counted: that seat does not fall free."""
    return [
        YearEndings(
            year=year.year,
            count=year.seats_free,
            threshold=year.threshold,
            flagged=year.continuity_risk,
        )
        for year in term_schedule(today=today)
    ]


@dataclass(frozen=True)
class ScheduleYear:
    """One year of the term schedule (rooster van aftreden)."""

    year: int
    # Every term whose seat falls free in this year (its first day without a seat), earliest
    # first; `followed`: the same person's next term starts that day, so the seat stays taken.
    endings: tuple
    seats_free: int
    threshold: float
    continuity_risk: bool
    # Seats still taken on 31 December with the terms recorded today, and whether that is fewer
    # than the council's minimum: the under-strength warning for that year.
    seated_at_year_end: int
    min_members: int
    under_strength: bool


@dataclass(frozen=True)
class Ending:
    term: Term
    followed: bool
    reappointable: bool  # a further term is allowed by the rules (and none is recorded)


def term_schedule(*, today=None, rules=None):
    """The rooster van aftreden, per calendar year from this year on: which terms end (in the year
    of their first day without a seat, as everywhere here), how many seats fall free, whether
    that is more than the rules' fraction of the seats (continuity), and how many seats stay
    taken at the end of the year if nobody new is appointed (under strength). Two queries,
    whatever the number of terms; one when `rules` (in force `today`) are given."""
    today = today or timezone.localdate()
    rules = rules or CouncilRules.objects.in_force(today)
    first_day = today.replace(month=1, day=1)
    terms = list(
        Term.objects.filter(end__gte=first_day).select_related("person").order_by("end", "id")
    )
    followed = _successors(terms)
    threshold = rules.continuity_threshold()
    by_year = {}
    for term in terms:
        is_followed = (term.person_id, term.end) in followed
        by_year.setdefault(term.end.year, []).append(
            Ending(
                term=term,
                followed=is_followed,
                reappointable=not is_followed and term.ordinal < rules.max_terms,
            )
        )
    last_year = max([today.year + rules.term_length_years, *by_year])
    years = []
    for year in range(today.year, last_year + 1):
        endings = tuple(by_year.get(year, ()))
        free = sum(1 for ending in endings if not ending.followed)
        year_end = datetime.date(year, 12, 31)
        seated = sum(1 for term in terms if term.start <= year_end < term.end)
        years.append(
            ScheduleYear(
                year=year,
                endings=endings,
                seats_free=free,
                threshold=threshold,
                continuity_risk=free > threshold,
                seated_at_year_end=seated,
                min_members=rules.min_members,
                under_strength=seated < rules.min_members,
            )
        )
    return years


def terms_ending_soon(*, today=None, rules=None):
    """Running terms ending within the rules' warning period, with no next term recorded
    (`rules`: those in force `today`, read when not given)."""
    today = today or timezone.localdate()
    rules = rules or CouncilRules.objects.in_force(today)
    horizon = add_months(today, rules.term_ending_warning_months)
    ending = list(Term.objects.active_on(today).filter(end__lte=horizon).select_related("person"))
    next_terms = _successors(
        Term.objects.filter(start__in=[term.end for term in ending]).only("person_id", "start")
    )
    return [term for term in ending if (term.person_id, term.end) not in next_terms]


def under_strength_warning(*, seated, rules):
    """The warning when `seated` members are fewer than the rules' minimum, else None."""
    if seated >= rules.min_members:
        return None
    return CompositionWarning(
        code=WarningCode.UNDER_STRENGTH,
        message=ngettext(
            "The council has %(count)d member; it needs at least %(min)d.",
            "The council has %(count)d members; it needs at least %(min)d.",
            seated,
        )
        % {"count": seated, "min": rules.min_members},
        data={"count": seated, "min": rules.min_members},
    )


def seat_warnings(*, today=None, rules=None):
    """The number of seats taken on `today`, the rules in force, and the warnings about the
    council's strength and the continuity of its term schedule. Four queries; two when `rules`
    (in force `today`) are given."""
    today = today or timezone.localdate()
    rules = rules or CouncilRules.objects.in_force(today)
    seated = Term.objects.active_on(today).count()
    warnings = []
    under_strength = under_strength_warning(seated=seated, rules=rules)
    if under_strength is not None:
        warnings.append(under_strength)
    for year in term_schedule(today=today, rules=rules):
        if year.continuity_risk:
            warnings.append(
                CompositionWarning(
                    code=WarningCode.CONTINUITY,
                    message=_(
                        "%(count)d seats fall free in %(year)d: more than %(fraction)d/%(total)d "
                        "of the %(seats)d seats. Spread the terms to keep experience in the "
                        "council."
                    )
                    % {
                        "count": year.seats_free,
                        "year": year.year,
                        "fraction": rules.continuity_warning_numerator,
                        "total": rules.continuity_warning_denominator,
                        "seats": rules.max_seats,
                    },
                    data={"year": year.year, "count": year.seats_free},
                )
            )
    return seated, rules, warnings


def composition_warnings(today=None):
    """Warnings about the council's composition on `today`, for the secretary's dashboard:
    under strength, continuity, and terms ending soon."""
    today = today or timezone.localdate()
    _seated, rules, warnings = seat_warnings(today=today)
    for term in terms_ending_soon(today=today, rules=rules):
        warnings.append(
            CompositionWarning(
                code=WarningCode.TERM_ENDING,
                message=_("The term of %(name)s runs through %(date)s.")
                % {"name": term.person, "date": date_format(term.last_day, "j F Y")},
                data={"term_id": term.pk, "end": term.end},
            )
        )
    return warnings
