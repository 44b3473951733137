"""The rules of an allowance statement's period, held by statement_approve whoever calls it: a
month is paid once, only months that have ended, whole months within one calendar year."""

import datetime
from decimal import Decimal

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse

from year import services
from year.allowance import statement_for
from year.models import AllowanceRates, AllowanceStatement, TaxFreeLimit
from year.tests.test_allowance import attend


@pytest.fixture(autouse=True)
def _one_day():
    """The statements here are of 2025 and 2026 while the personas' terms start relative to
    today (`lid` a year ago): the clock stands on a day those terms cover, so the attendance
    counts (a seat on the meeting's day) whatever day the suite runs."""
    with time_machine.travel(datetime.datetime(2026, 12, 3, 12, 0, tzinfo=datetime.UTC)):
        yield


@pytest.fixture(autouse=True)
def dutch(client):
    client.cookies["django_language"] = "nl"


@pytest.fixture
def paid(db, lid):
    AllowanceRates.objects.create(valid_from=datetime.date(2026, 1, 1), per_meeting=Decimal("25"))
    attend(lid, datetime.date(2026, 2, 10))
    attend(lid, datetime.date(2026, 3, 10))
    return services.statement_approve(
        person=lid, period_start=datetime.date(2026, 1, 1), period_end=datetime.date(2026, 3, 1)
    )


def test_a_period_overlapping_an_approved_statement_is_refused(paid, client, secretaris, lid):
    client.force_login(secretaris)
    response = client.post(
        reverse("year:statement_new"),
        {"person": lid.pk, "start": "2026-02-01", "end": "2026-03-01"},
    )
    assert response.status_code == 400
    assert "al een overzicht goedgekeurd voor (een deel van) deze periode" in response.text
    assert "januari 2026 tot en met februari 2026" in response.text
    assert list(AllowanceStatement.objects.all()) == [paid]
    # The months after it can still be approved.
    after = client.post(
        reverse("year:statement_new"),
        {"person": lid.pk, "start": "2026-03-01", "end": "2026-03-01"},
    )
    assert after.status_code == 302
    assert AllowanceStatement.objects.count() == 2


def test_the_limit_warning_does_not_count_the_same_months_twice(paid, lid):
    TaxFreeLimit.objects.create(year=2026, per_month=Decimal("100"), per_year=Decimal("60"))
    # February again, with March: the approved statement of January and February pays February
    # already, so it is not "another statement of this year".
    statement = statement_for(lid, datetime.date(2026, 2, 1), datetime.date(2026, 4, 1))
    assert statement.amount == Decimal("50")
    assert not any("per jaar" in warning for warning in statement.warnings)


def test_the_person_is_locked_before_the_overlap_is_checked(paid, lid):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries, pytest.raises(ValidationError):
        services.statement_approve(
            person=lid,
            period_start=datetime.date(2026, 2, 1),
            period_end=datetime.date(2026, 4, 1),
        )
    sql = [q["sql"] for q in queries.captured_queries]
    locked = next(i for i, q in enumerate(sql) if "members_user" in q)
    checked = next(i for i, q in enumerate(sql) if "year_allowancestatement" in q)
    assert locked < checked
    if connection.vendor == "postgresql":
        assert "FOR UPDATE" in sql[locked]


def test_only_months_that_have_ended(db, client, secretaris, lid, time_machine):
    time_machine.move_to(datetime.datetime(2026, 5, 20, 12, 0, tzinfo=datetime.UTC))
    client.force_login(secretaris)
    running = client.post(
        reverse("year:statement_new"),
        {"person": lid.pk, "start": "2026-03-01", "end": "2026-05-01"},
    )
    assert running.status_code == 400
    assert "de laatste maand van de periode is uiterlijk vorige maand" in running.text
    assert not AllowanceStatement.objects.exists()
    ended = client.post(
        reverse("year:statement_new"),
        {"person": lid.pk, "start": "2026-03-01", "end": "2026-04-01"},
    )
    assert ended.status_code == 302


def test_one_calendar_year_per_statement(db, client, secretaris, lid):
    client.force_login(secretaris)
    response = client.post(
        reverse("year:statement_new"),
        {"person": lid.pk, "start": "2025-12-01", "end": "2026-01-01"},
    )
    assert response.status_code == 400
    assert "De periode loopt over 1 januari heen" in response.text
    assert not AllowanceStatement.objects.exists()


@pytest.mark.parametrize(
    ("start", "end"),
    [
        (datetime.date(2026, 1, 15), datetime.date(2026, 3, 1)),
        (datetime.date(2026, 1, 1), datetime.date(2026, 2, 15)),
    ],
)
def test_whole_months_whoever_asks(db, lid, start, end):
    with pytest.raises(ValidationError) as refused:
        services.statement_approve(person=lid, period_start=start, period_end=end)
    assert refused.value.code == "whole_months"
    assert not AllowanceStatement.objects.exists()


def test_only_attendance_that_counts_is_paid(db, client, secretaris):
    """The allowance pays the rows the annual report and the quorum count: of someone holding a
    seat on the meeting's day. A row from before the seat (a term corrected later) is not paid."""
    from members.tests.factories import TermFactory, UserFactory
    from year.report import attendance

    AllowanceRates.objects.create(valid_from=datetime.date(2025, 1, 1), per_meeting=Decimal("25"))
    joined = UserFactory(name="Nieuw Lid")
    TermFactory(person=joined, start=datetime.date(2025, 3, 15), ordinal=1)
    attend(joined, datetime.date(2025, 2, 10))  # before the seat
    attend(joined, datetime.date(2025, 4, 14))
    client.force_login(secretaris)
    page = client.get(
        reverse("year:statement_new"),
        {"person": joined.pk, "start": "2025-01-01", "end": "2025-04-01"},
    )
    statement = page.context["statement"]
    assert [line.day for line in statement.lines] == [datetime.date(2025, 4, 14)]
    assert (statement.meetings, statement.amount) == (1, Decimal("25"))
    assert attendance(2025)["present"] == statement.meetings


def test_an_approved_line_shows_what_was_approved(paid, client, lid):
    from meetings.models import Meeting, MeetingKind

    # The meeting of 10 February is changed into a work visit after the approval.
    Meeting.objects.filter(date=datetime.date(2026, 2, 10)).update(kind=MeetingKind.WORK_VISIT)
    client.force_login(lid)
    page = client.get(reverse("year:statement", args=[paid.pk]))
    assert "Vergadering bijgewoond" in page.text
    assert "<td>Werkbezoek</td>" not in page.text
