"""A small run of `manage.py bench_data` (three years) gives valid year data: no applicant's data
past its keeping time, one vacancy open at a time, statements equal to the attendance, reports
published only for years that ended, trainings only for members seated that year, hiring panels
that walked their table with members seated that year."""

import datetime
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from meetings.models import AgendaDocument
from members.models import Document, Term
from wijraad.files import PrivateStorage
from wijraad.models import Delivery
from year.allowance import statement_for
from year.models import (
    APPLICATION_TRANSITIONS,
    HIRING_PANEL_TRANSITIONS,
    AllowanceStatement,
    AnnualReport,
    Application,
    ApplicationState,
    HiringPanel,
    HiringPanelState,
    Training,
    Vacancy,
)

pytestmark = pytest.mark.django_db

YEARS = 3
MOMENT = datetime.datetime(2027, 3, 10, 12, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))


def test_the_bench_keeps_the_years_rules(settings, tmp_path, monkeypatch):
    settings.DEBUG = True
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    for model in (Document, AgendaDocument, Application):
        for name in ("file", "cv", "letter"):
            if any(f.name == name for f in model._meta.fields):
                monkeypatch.setattr(model._meta.get_field(name), "storage", PrivateStorage())
    with time_machine.travel(MOMENT, tick=False):
        call_command("bench_data", "--years", str(YEARS), stdout=StringIO())
        today = timezone.localdate()

        assert Application.objects.filter(email__endswith="@bench.example.net").count() == 80
        assert not Application.objects.past_retention().exists()
        assert not Delivery.objects.filter(kind__startswith="year.").exists()

        assert Vacancy.objects.open_on(today).count() == 1
        spans = sorted(Vacancy.objects.values_list("opened_on", "closed_on"))
        for (_start, end), (next_start, _end) in zip(spans, spans[1:], strict=False):
            assert end is not None
            assert end <= next_start

        assert not AnnualReport.objects.filter(year__gte=today.year).exists()
        assert AnnualReport.objects.filter(year=today.year - 2, published_at__isnull=False)
        assert not AnnualReport.objects.get(year=today.year - 1).published_at  # the demo's draft

        statements = AllowanceStatement.objects.filter(period_start__year=today.year - 1)
        assert statements.exists()
        for statement in statements.select_related("person"):
            computed = statement_for(statement.person, statement.period_start, statement.period_end)
            assert (statement.meetings, statement.work_visits, statement.amount) == (
                computed.meetings,
                computed.work_visits,
                computed.amount,
            )
            assert statement.lines.count() == len(computed.lines)
        # Stored as an approval stores it: with its lines, in every year.
        lines = AllowanceStatement.objects.filter(lines__isnull=False).distinct()
        assert lines.count() == AllowanceStatement.objects.filter(amount__gt=0).count() > 0
        for statement in AllowanceStatement.objects.prefetch_related("lines"):
            assert sum(line.amount for line in statement.lines.all()) == statement.amount

        # Each application's history walks legal steps only.
        for application in Application.objects.filter(email__endswith="@bench.example.net"):
            steps = list(application.state_changes.values_list("from_state", "to_state"))
            assert steps[0] == ("", ApplicationState.RECEIVED)
            for from_state, to_state in steps[1:]:
                assert to_state in APPLICATION_TRANSITIONS[ApplicationState(from_state)]
            assert steps[-1][1] == application.state

        for training in Training.objects.all():
            start = datetime.date(training.date.year, 1, 1)
            end = datetime.date(training.date.year + 1, 1, 1)
            assert Term.objects.filter(person=training.person, start__lt=end, end__gt=start)
            assert training.date <= today

        panels = HiringPanel.objects.prefetch_related("state_changes", "participants")
        assert panels.filter(requested_on__year=today.year - 1, state=HiringPanelState.CLOSED)
        assert panels.exclude(state__in=HiringPanelState.finished())
        for panel in panels:
            steps = [(c.from_state, c.to_state) for c in panel.state_changes.all()]
            assert steps[0] == ("", HiringPanelState.REQUESTED)
            for source, target in steps[1:]:
                assert target in HIRING_PANEL_TRANSITIONS[source]
            assert steps[-1][1] == panel.state
            year = panel.requested_on.year
            for person in panel.participants.all():
                assert Term.objects.filter(
                    person=person,
                    start__lt=datetime.date(year + 1, 1, 1),
                    end__gt=datetime.date(year, 1, 1),
                )
