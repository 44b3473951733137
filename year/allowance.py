"""The volunteer allowance: a member's statement for whole months, from their recorded
attendance (meetings and work visits held, `attended` set by the secretary) and the rates in
force on each day; and the warning when the totals pass that year's tax-free limits — a
warning, never a cap (the secretary decides)."""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Sum
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from meetings.models import Attendance, MeetingKind, MeetingState
from members.dates import add_months
from members.models import Term
from year.models import AllowanceRates, AllowanceStatement, StatementLineKind, TaxFreeLimit

ZERO = Decimal("0.00")


def money(amount):
    return "€ " + number_format(amount, 2)


@dataclass(frozen=True)
class Line:
    """A line of a statement: a meeting or work visit attended, or a month's fixed amount. The
    same shape as year.models.AllowanceStatementLine, so one template shows both."""

    kind: str
    day: datetime.date
    amount: Decimal
    meeting: object = None

    def get_kind_display(self):
        return StatementLineKind(self.kind).label


@dataclass
class Statement:
    person: object
    period_start: datetime.date
    period_end: datetime.date
    meetings: int = 0
    work_visits: int = 0
    months: int = 0
    amount: Decimal = ZERO
    lines: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    # Approved periods inside this one whose months are left out (a provisional statement).
    left_out: list = field(default_factory=list)


def _rates_on(rates, day):
    return next((r for r in rates if r.valid_from <= day), None)


def _within(day, periods):
    return any(start <= day < end for start, end in periods)


def statement_for(person, period_start, period_end, *, warnings=True, skip=(), terms=None):
    """The statement of `person` for the whole months from `period_start` to `period_end`
    (exclusive, both first days of a month). `warnings`: check the tax-free limits (the
    secretary's concern when approving; a member's own provisional view leaves them out).
    `skip`: periods (start, end) whose months are left out (approved already); `terms`: the
    person's terms as (start, end), when the caller has them."""
    rates = list(AllowanceRates.objects.order_by("-valid_from"))
    statement = Statement(person, period_start, period_end)
    statement.left_out = sorted(
        (start, end) for start, end in skip if start < period_end and end > period_start
    )
    attended = (
        Attendance.objects.counted()
        .filter(
            person=person,
            attended=True,
            meeting__date__gte=period_start,
            meeting__date__lt=period_end,
            meeting__state__in=MeetingState.taken_place(),
        )
        .select_related("meeting")
        .order_by("meeting__date")
    )
    for attendance in attended:
        meeting = attendance.meeting
        if _within(meeting.date, statement.left_out):
            continue
        rate = _rates_on(rates, meeting.date)
        if meeting.kind == MeetingKind.WORK_VISIT:
            statement.work_visits += 1
            amount = rate.per_work_visit if rate else ZERO
            kind = StatementLineKind.WORK_VISIT
        else:
            statement.meetings += 1
            amount = rate.per_meeting if rate else ZERO
            kind = StatementLineKind.MEETING
        statement.lines.append(Line(kind, meeting.date, amount, meeting))
        statement.amount += amount
    # The fixed amount is for the months with a seat (on at least one day of the month): not for
    # the months before someone joined or after they left.
    if terms is None:
        terms = list(
            Term.objects.filter(
                person=person, start__lt=period_end, end__gt=period_start
            ).values_list("start", "end")
        )
    month = period_start
    while month < period_end:
        rate = _rates_on(rates, month)
        following = add_months(month, 1)
        if _seated_in(month, terms) and not _within(month, statement.left_out):
            # The months counted are the months with a seat: the monthly average (against the
            # tax-free limit) and "N months" are over the months someone sat.
            statement.months += 1
            if rate and rate.per_month:
                statement.amount += rate.per_month
                statement.lines.append(Line(StatementLineKind.MONTH, month, rate.per_month))
        month = following
    statement.lines.sort(key=lambda line: line.day)
    if warnings:
        statement.warnings = limit_warnings(statement)
    return statement


def _seated_in(month, terms):
    """A seat on at least one day of the month starting on `month`."""
    following = add_months(month, 1)
    return any(start < following and end > month for start, end in terms)


def provisional_statement(person, statements, today):
    """The months not approved yet, as a provisional statement (no warnings): every month with a
    seat since 1 January of last year (or the first seat, if later) up to the last month that
    has ended, that none of `statements` (the person's approved ones) covers. The approved
    months in between are left out. None when there are no such months."""
    terms = list(Term.objects.filter(person=person).values_list("start", "end"))
    if not terms:
        return None
    approved = [(s.period_start, s.period_end) for s in statements]
    end = today.replace(day=1)
    month = max(datetime.date(today.year - 1, 1, 1), min(t[0] for t in terms).replace(day=1))
    open_months = []
    while month < end:
        if _seated_in(month, terms) and not _within(month, approved):
            open_months.append(month)
        month = add_months(month, 1)
    if not open_months:
        return None
    return statement_for(
        person,
        open_months[0],
        add_months(open_months[-1], 1),
        warnings=False,
        skip=approved,
        terms=terms,
    )


def limit_warnings(statement):
    """Warnings when the statement passes the year's tax-free limits: per month on average, and
    per year together with the statements already approved in that year."""
    year = statement.period_start.year
    limit = TaxFreeLimit.objects.filter(year=year).first()
    if limit is None:
        return [
            _("No tax-free limits are recorded for %(year)s: check them before approving.")
            % {"year": year}
        ]
    warnings = []
    if statement.months and statement.amount / statement.months > limit.per_month:
        warnings.append(
            _("On average this is more than the tax-free %(limit)s a month of %(year)s.")
            % {"limit": money(limit.per_month), "year": year}
        )
    # The year's other statements: not this one once approved, nor one that pays the same
    # months (statement_approve refuses it).
    same_months = AllowanceStatement.objects.overlapping(
        statement.person, statement.period_start, statement.period_end
    )
    earlier = (
        AllowanceStatement.objects.filter(person=statement.person, period_start__year=year)
        .exclude(pk__in=same_months.values("pk"))
        .aggregate(total=Sum("amount"))["total"]
        or ZERO
    )
    if earlier + statement.amount > limit.per_year:
        warnings.append(
            _(
                "Together with this year's other statements (%(earlier)s) this is more than the "
                "tax-free %(limit)s a year of %(year)s."
            )
            % {"earlier": money(earlier), "limit": money(limit.per_year), "year": year}
        )
    return warnings
