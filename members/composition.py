"""How the council is composed: warnings for the dashboard and the term schedule's year counts.

Nothing here refuses anything; refusals live in members.services.
"""

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
    today = today or timezone.localdate()
    rules = CouncilRules.objects.in_force(today)
    first_year = today.replace(month=1, day=1)
    terms = list(Term.objects.filter(end__gte=first_year).only("person_id", "start", "end"))
    followed = _successors(terms)
    counts = {}
    for term in terms:
        if (term.person_id, term.end) not in followed:
            counts[term.end.year] = counts.get(term.end.year, 0) + 1
    last_year = max([today.year + rules.term_length_years, *counts])
    threshold = rules.continuity_threshold()
    return [
        YearEndings(
            year=year,
            count=counts.get(year, 0),
            threshold=threshold,
            flagged=counts.get(year, 0) > threshold,
        )
        for year in range(today.year, last_year + 1)
    ]


def terms_ending_soon(*, today=None):
    """Running terms ending within the rules' warning period, with no next term recorded."""
    today = today or timezone.localdate()
    rules = CouncilRules.objects.in_force(today)
    horizon = add_months(today, rules.term_ending_warning_months)
    ending = list(Term.objects.active_on(today).filter(end__lte=horizon).select_related("person"))
    next_terms = _successors(
        Term.objects.filter(start__in=[term.end for term in ending]).only("person_id", "start")
    )
    return [term for term in ending if (term.person_id, term.end) not in next_terms]


def composition_warnings(today=None):
    """Warnings about the council's composition on `today`, for the secretary's dashboard."""
    today = today or timezone.localdate()
    rules = CouncilRules.objects.in_force(today)
    warnings = []

    seated = Term.objects.active_on(today).count()
    if seated < rules.min_members:
        warnings.append(
            CompositionWarning(
                code=WarningCode.UNDER_STRENGTH,
                message=ngettext(
                    "The council has %(count)d member; it needs at least %(min)d.",
                    "The council has %(count)d members; it needs at least %(min)d.",
                    seated,
                )
                % {"count": seated, "min": rules.min_members},
                data={"count": seated, "min": rules.min_members},
            )
        )

    for year in term_endings_by_year(today=today):
        if year.flagged:
            warnings.append(
                CompositionWarning(
                    code=WarningCode.CONTINUITY,
                    message=_(
                        "%(count)d seats fall free in %(year)d: more than %(fraction)d/%(total)d "
                        "of the %(seats)d seats. Spread the terms to keep experience in the "
                        "council."
                    )
                    % {
                        "count": year.count,
                        "year": year.year,
                        "fraction": rules.continuity_warning_numerator,
                        "total": rules.continuity_warning_denominator,
                        "seats": rules.max_seats,
                    },
                    data={"year": year.year, "count": year.count},
                )
            )

    for term in terms_ending_soon(today=today):
        warnings.append(
            CompositionWarning(
                code=WarningCode.TERM_ENDING,
                message=_("The term of %(name)s runs through %(date)s.")
                % {"name": term.person, "date": date_format(term.last_day, "j F Y")},
                data={"term_id": term.pk, "end": term.end},
            )
        )
    return warnings
