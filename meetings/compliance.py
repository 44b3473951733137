"""How a year measures up against the council's minimums (DESIGN rule 3).

Per year and per counted kind (council meetings, consultations): planned (not yet held), held
and cancelled, against the minimum of the rules record in force on 1 January of that year.
A year "falls short" when planned + held is below the minimum. Two queries, whatever the data.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Count
from django.utils.translation import gettext as _

from meetings.models import Meeting, MeetingKind, MeetingState
from members.models import CouncilRules


@dataclass(frozen=True)
class KindCount:
    year: int
    kind: str
    planned: int
    held: int
    cancelled: int
    minimum: int

    @property
    def label(self):
        return MeetingKind(self.kind).label

    @property
    def expected(self):
        """The meetings the year will have if nothing more changes: planned and held."""
        return self.planned + self.held

    @property
    def short_by(self):
        return max(0, self.minimum - self.expected)

    @property
    def falls_short(self):
        return self.short_by > 0

    @property
    def warning(self):
        return _(
            "%(kind)s in %(year)s: %(expected)d planned or held, fewer than the minimum of "
            "%(minimum)d. Plan %(short)d more."
        ) % {
            "kind": self.label,
            "year": self.year,
            "expected": self.expected,
            "minimum": self.minimum,
            "short": self.short_by,
        }


@dataclass(frozen=True)
class YearCompliance:
    year: int
    counts: tuple

    @property
    def falls_short(self):
        return any(count.falls_short for count in self.counts)

    def of(self, kind):
        return next(count for count in self.counts if count.kind == kind)


def minimums_for(year, *, rules_book=None):
    """The minimum number per counted kind, from the rules in force on 1 January of `year`
    (read from `rules_book`, CouncilRules.objects.book(), when given)."""
    first_day = datetime.date(year, 1, 1)
    rules = (rules_book or CouncilRules.objects).in_force(first_day)
    return {
        MeetingKind.COUNCIL: rules.min_council_meetings,
        MeetingKind.CONSULTATION: rules.min_consultations,
    }


def year_compliance(year, *, without=None, rules_book=None):
    """The counts of `year`; `without` (a meeting) counts as cancelled: "what if I cancel it".
    Two queries; one with `rules_book` (CouncilRules.objects.book())."""
    rows = (
        Meeting.objects.in_year(year)
        .filter(kind__in=MeetingKind.counted())
        .values("kind", "state")
        .annotate(number=Count("pk"))
        .order_by()
    )
    tally = {kind: {"planned": 0, "held": 0, "cancelled": 0} for kind in MeetingKind.counted()}
    for row in rows:
        if row["state"] in MeetingState.upcoming():
            column = "planned"
        elif row["state"] in MeetingState.taken_place():
            column = "held"
        else:
            column = "cancelled"
        tally[row["kind"]][column] += row["number"]
    if without is not None and without.kind in tally and without.is_upcoming:
        tally[without.kind]["planned"] -= 1
        tally[without.kind]["cancelled"] += 1
    minimums = minimums_for(year, rules_book=rules_book)
    return YearCompliance(
        year=year,
        counts=tuple(
            KindCount(year=year, kind=kind, minimum=minimums[kind], **tally[kind])
            for kind in MeetingKind.counted()
        ),
    )
