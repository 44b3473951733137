"""The year's demo data keeps its promises on every date: an open vacancy with applications at
every running step, trainings, allowance rates in force and an approved statement, and a draft
annual report of last year."""

import datetime
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from meetings.tests.test_demo_dates import MOMENTS
from year.models import (
    AllowanceRates,
    AllowanceStatement,
    AnnualReport,
    Application,
    ApplicationState,
    Training,
    Vacancy,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("private_root")]


def _promises_hold():
    today = timezone.localdate()
    vacancy = Vacancy.objects.open_on(today).get()
    states = set(vacancy.applications.values_list("state", flat=True))
    assert {
        ApplicationState.RECEIVED,
        ApplicationState.CALL_PLANNED,
        ApplicationState.PROPOSED,
    } <= states
    assert not Application.objects.past_retention().exists()
    assert all(a.submitted_at <= timezone.now() for a in Application.objects.all())
    assert Training.objects.filter(date__lte=today).count() >= 3
    assert AllowanceRates.objects.filter(valid_from__lte=today).exists()
    assert AllowanceStatement.objects.filter(period_end__lte=today).exists()
    report = AnnualReport.objects.get(year=today.year - 1)
    assert report.published_at is None


@pytest.mark.parametrize("moment", MOMENTS.values(), ids=MOMENTS.keys())
def test_the_demo_keeps_its_promises_on_every_date(settings, moment):
    settings.DEBUG = True
    with time_machine.travel(moment, tick=False):
        call_command("demo_data", stdout=StringIO())
        _promises_hold()
        output = StringIO()
        call_command("demo_data", stdout=output)
        assert "Year: made nothing" in output.getvalue()


def test_loading_again_weeks_later_keeps_the_promises(settings):
    settings.DEBUG = True
    first = MOMENTS["first-of-december"]
    with time_machine.travel(first, tick=False):
        call_command("demo_data", stdout=StringIO())
    with time_machine.travel(first + datetime.timedelta(days=45), tick=False):
        call_command("year_retention", stdout=StringIO())
        call_command("demo_data", stdout=StringIO())
        _promises_hold()
