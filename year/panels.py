"""Dashboard panels of the year app; each context runs a fixed number of queries."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db import models
from django.db.models import F, Value
from django.utils.translation import gettext_lazy as _

from wijraad.access import allowed
from wijraad.dashboard import Panel, per_request
from year.models import AllowanceStatement, HiringPanel, HiringPanelState

SHOWN = 3
STATEMENT, HIRING_PANEL = 1, 2


@dataclass(frozen=True)
class StatementRow:
    pk: int
    period_start: date
    months: int
    amount: Decimal


@dataclass(frozen=True)
class HiringPanelRow:
    pk: int
    position: str
    state: str

    def get_state_display(self):
        return HiringPanelState(self.state).label


def _columns(queryset, **columns):
    """`queryset` as rows of the same seven columns, so both parts make one UNION ALL."""
    columns = {
        "part": None,
        "row_pk": F("pk"),
        "day": Value(None, models.DateField()),
        "number": Value(None, models.IntegerField()),
        "money": Value(None, models.DecimalField(max_digits=8, decimal_places=2)),
        "text": Value("", models.CharField()),
        "code": Value("", models.CharField()),
        **columns,
    }
    return queryset.annotate(**columns).values_list(*columns).order_by()


def _mine(request):
    """The member's latest statements and the hiring panels they take part in that are not
    finished, read in one query (a UNION ALL of the two) that both panels share per request."""

    def compute():
        user = request.user
        latest = AllowanceStatement.objects.filter(person=user).order_by("-period_start")
        statements = _columns(
            AllowanceStatement.objects.filter(pk__in=latest.values("pk")[:SHOWN]),
            part=Value(STATEMENT),
            day=F("period_start"),
            number=F("months"),
            money=F("amount"),
        )
        panels = _columns(
            HiringPanel.objects.visible_to(user)
            .filter(participants=user)
            .exclude(state__in=HiringPanelState.finished()),
            part=Value(HIRING_PANEL),
            day=F("requested_on"),
            text=F("position"),
            code=F("state"),
        )
        rows = list(statements.union(panels, all=True))
        return {
            "statements": [
                StatementRow(pk, day, months, amount)
                for part, pk, day, months, amount, _text, _code in sorted(
                    rows, key=lambda row: row[2], reverse=True
                )
                if part == STATEMENT
            ],
            "panels": [
                HiringPanelRow(pk, position, state)
                for part, pk, _day, _months, _amount, position, state in sorted(
                    rows, key=lambda row: (row[2], row[1])
                )
                if part == HIRING_PANEL
            ],
        }

    return per_request(request, "year.mine", compute)


def allowance_context(request):
    """The member's latest approved allowance statements."""
    return {"statements": _mine(request)["statements"]}


def hiring_panels_context(request):
    """The hiring panels the member takes part in that are not finished yet."""
    return {"panels": _mine(request)["panels"]}


def _takes_part_in_panels(user):
    """Members who do not keep the panels themselves (the secretary and the chair reach them
    through the menu)."""
    return allowed(user, "year.view_hiring_panels") and not allowed(
        user, "year.manage_hiring_panels"
    )


PANELS = [
    Panel(
        key="year.allowance",
        title=_("My volunteer allowance"),
        template="year/panels/allowance.html",
        visible=lambda user: allowed(user, "year.view_own_allowance"),
        context=allowance_context,
        order=55,
    ),
    Panel(
        key="year.hiring_panels",
        title=_("My hiring panels"),
        template="year/panels/hiring_panels.html",
        visible=_takes_part_in_panels,
        context=hiring_panels_context,
        order=56,
    ),
]
