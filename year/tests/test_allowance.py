"""The volunteer allowance through HTTP: the statement follows the recorded attendance and the
rates in force on each day; a warning (never a cap) past the year's tax-free limits; approved
once; the printable statement."""

import datetime
from decimal import Decimal

import pytest
import time_machine
from django.urls import reverse

from meetings.models import Attendance, MeetingKind, MeetingState
from meetings.tests.factories import MeetingFactory
from year.models import AllowanceRates, AllowanceStatement, TaxFreeLimit


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


def attend(person, day, kind=MeetingKind.COUNCIL, attended=True):
    meeting = MeetingFactory(kind=kind, state=MeetingState.HELD, date=day)
    Attendance.objects.create(meeting=meeting, person=person, attended=attended)


@pytest.fixture
def attendance(db, lid):
    AllowanceRates.objects.create(
        valid_from=datetime.date(2026, 1, 1),
        per_meeting=Decimal("25"),
        per_work_visit=Decimal("15"),
    )
    AllowanceRates.objects.create(valid_from=datetime.date(2026, 3, 1), per_meeting=Decimal("30"))
    attend(lid, datetime.date(2026, 1, 13))
    attend(lid, datetime.date(2026, 2, 10))
    attend(lid, datetime.date(2026, 2, 24), attended=False)
    attend(lid, datetime.date(2026, 2, 12), kind=MeetingKind.WORK_VISIT)
    attend(lid, datetime.date(2026, 3, 10))
    attend(lid, datetime.date(2026, 4, 14))  # outside the period


def period(lid):
    return {"person": lid.pk, "start": "2026-01-01", "end": "2026-03-01"}


def test_the_statement_follows_attendance_and_the_rates_of_each_day(
    attendance, client, secretaris, lid
):
    client.force_login(secretaris)
    page = client.get(reverse("year:statement_new"), period(lid))
    assert page.status_code == 200
    statement = page.context["statement"]
    assert (statement.meetings, statement.work_visits, statement.months) == (3, 1, 3)
    assert statement.amount == Decimal("25") * 2 + Decimal("15") + Decimal("30")
    assert "Er zijn geen belastingvrije grenzen vastgelegd voor 2026" in page.text


def test_a_warning_past_the_limits_never_a_cap(attendance, client, secretaris, lid):
    TaxFreeLimit.objects.create(year=2026, per_month=Decimal("20"), per_year=Decimal("90"))
    client.force_login(secretaris)
    page = client.get(reverse("year:statement_new"), period(lid))
    assert "Gemiddeld is dit meer dan de belastingvrije" in page.text
    assert "meer dan de belastingvrije € 90,00 per jaar van 2026" in page.text
    response = client.post(reverse("year:statement_new"), period(lid))
    approved = AllowanceStatement.objects.get()
    assert response.status_code == 302
    assert approved.amount == Decimal("95.00")
    assert approved.approved_by == secretaris
    again = client.post(reverse("year:statement_new"), period(lid))
    assert again.status_code == 400
    assert AllowanceStatement.objects.count() == 1
    printed = client.get(reverse("year:statement", args=[approved.pk]))
    assert lid.name in printed.text
    assert "95,00" in printed.text


def test_the_secretary_sets_rates_and_limits(db, client, secretaris):
    client.force_login(secretaris)
    client.post(
        reverse("year:allowance_rates"),
        {"valid_from": "2026-01-01", "per_meeting": "20", "per_work_visit": "0", "per_month": "0"},
    )
    client.post(
        reverse("year:allowance_limit"), {"year": 2026, "per_month": "200", "per_year": "2000"}
    )
    assert AllowanceRates.objects.get().per_meeting == Decimal("20")
    assert TaxFreeLimit.objects.get().per_year == Decimal("2000")


def test_the_overview_asks_the_same_number_of_queries(
    db, client, secretaris, lid, assert_constant_queries
):
    client.force_login(secretaris)

    def add(n):
        start = AllowanceStatement.objects.count()
        for i in range(start, start + n):
            AllowanceStatement.objects.create(
                person=lid,
                period_start=datetime.date(2000 + i, 1, 1),
                period_end=datetime.date(2000 + i, 2, 1),
                meetings=1,
                work_visits=0,
                months=1,
                amount=Decimal("10"),
            )

    assert_constant_queries(lambda: client.get(reverse("year:allowance")), expected=4, add_rows=add)


def test_a_member_reads_their_own_statements_with_the_lines(
    attendance, client, secretaris, lid, voorzitter
):
    client.force_login(secretaris)
    client.post(reverse("year:statement_new"), period(lid))
    approved = AllowanceStatement.objects.get()
    # A correction of the attendance afterwards does not change what was approved.
    Attendance.objects.filter(person=lid, meeting__date=datetime.date(2026, 1, 13)).update(
        attended=False
    )
    client.force_login(lid)
    mine = client.get(reverse("year:my_allowance"))
    assert mine.status_code == 200
    assert "€ 95,00" in mine.text
    page = client.get(reverse("year:statement", args=[approved.pk]))
    assert page.status_code == 200
    lines = [(line.kind, line.day, line.amount) for line in page.context["lines"]]
    assert lines == [
        ("meeting", datetime.date(2026, 1, 13), Decimal("25.00")),
        ("meeting", datetime.date(2026, 2, 10), Decimal("25.00")),
        ("work_visit", datetime.date(2026, 2, 12), Decimal("15.00")),
        ("meeting", datetime.date(2026, 3, 10), Decimal("30.00")),
    ]
    assert "Afdrukken" in page.text
    assert "Mijn vrijwilligersvergoeding" in page.text
    # Nobody else reads it: not even the chair.
    client.force_login(voorzitter)
    assert client.get(reverse("year:statement", args=[approved.pk])).status_code == 404
    assert "€ 95,00" not in client.get(reverse("year:my_allowance")).text


def approved(person, start, end):
    return AllowanceStatement.objects.create(
        person=person,
        period_start=start,
        period_end=end,
        meetings=0,
        work_visits=0,
        months=0,
        amount=Decimal("0"),
    )


def test_the_months_not_approved_yet_are_provisional(db, client, time_machine):
    from members.tests.factories import seated_person

    time_machine.move_to(datetime.datetime(2026, 5, 20, 12, 0, tzinfo=datetime.UTC))
    member = seated_person(start=datetime.date(2024, 6, 1), email="m@example.org")
    AllowanceRates.objects.create(
        valid_from=datetime.date(2025, 1, 1), per_meeting=Decimal("20"), per_month=Decimal("10")
    )
    approved(member, datetime.date(2025, 1, 1), datetime.date(2025, 7, 1))
    approved(member, datetime.date(2026, 1, 1), datetime.date(2026, 4, 1))
    attend(member, datetime.date(2025, 10, 7))  # between the approved statements
    attend(member, datetime.date(2026, 3, 10))  # in an approved period
    attend(member, datetime.date(2026, 4, 14))
    attend(member, datetime.date(2026, 5, 12))  # May has not ended
    client.force_login(member)
    page = client.get(reverse("year:my_allowance"))
    provisional = page.context["provisional"]
    # July to December of last year, and April: not January to March, which are approved.
    assert (provisional.period_start, provisional.period_end) == (
        datetime.date(2025, 7, 1),
        datetime.date(2026, 5, 1),
    )
    assert [line.day for line in provisional.lines if line.kind == "meeting"] == [
        datetime.date(2025, 10, 7),
        datetime.date(2026, 4, 14),
    ]
    assert (provisional.months, provisional.amount) == (7, Decimal("110"))
    assert "Nog niet goedgekeurd" in page.text
    assert "tussendoor al zijn goedgekeurd" in page.text
    assert not provisional.warnings


def test_in_january_last_december_is_provisional(db, client, time_machine):
    from members.tests.factories import seated_person

    time_machine.move_to(datetime.datetime(2027, 1, 15, 12, 0, tzinfo=datetime.UTC))
    member = seated_person(start=datetime.date(2024, 6, 1), email="m@example.org")
    approved(member, datetime.date(2026, 1, 1), datetime.date(2026, 12, 1))
    attend(member, datetime.date(2026, 12, 8))
    client.force_login(member)
    provisional = client.get(reverse("year:my_allowance")).context["provisional"]
    assert (provisional.period_start, provisional.period_end) == (
        datetime.date(2026, 12, 1),
        datetime.date(2027, 1, 1),
    )
    assert provisional.meetings == 1
    # Everything approved up to the last month that ended: nothing provisional.
    approved(member, datetime.date(2026, 12, 1), datetime.date(2027, 1, 1))
    assert client.get(reverse("year:my_allowance")).context["provisional"] is None


def test_the_fixed_amount_is_only_for_months_with_a_seat(db, client, secretaris):
    from members.tests.factories import TermFactory, UserFactory

    AllowanceRates.objects.create(valid_from=datetime.date(2026, 1, 1), per_month=Decimal("10"))
    joined = UserFactory(name="Nieuw Lid")
    TermFactory(person=joined, start=datetime.date(2026, 3, 15), ordinal=1)
    client.force_login(secretaris)
    page = client.get(
        reverse("year:statement_new"),
        {"person": joined.pk, "start": "2026-01-01", "end": "2026-04-01"},
    )
    statement = page.context["statement"]
    assert [line.day for line in statement.lines] == [
        datetime.date(2026, 3, 1),
        datetime.date(2026, 4, 1),
    ]
    assert statement.amount == Decimal("20")
    # Two months with a seat, not four: the monthly average is over the months someone sat.
    assert statement.months == 2


def test_the_members_pages_ask_the_same_number_of_queries(db, client, lid, assert_constant_queries):
    AllowanceRates.objects.create(valid_from=datetime.date(2000, 1, 1), per_meeting=Decimal("5"))
    client.force_login(lid)
    made = []

    def add(n):
        for _ in range(n):
            i = len(made)
            made.append(
                AllowanceStatement.objects.create(
                    person=lid,
                    period_start=datetime.date(1950 + i, 1, 1),
                    period_end=datetime.date(1950 + i, 2, 1),
                    meetings=1,
                    work_visits=0,
                    months=1,
                    amount=Decimal("10"),
                )
            )
            attend(lid, datetime.date(1950 + i, 1, 10))
            made[0].lines.create(kind="meeting", day=datetime.date(1950 + i, 1, 10), amount=5)

    assert_constant_queries(
        lambda: client.get(reverse("year:my_allowance")), expected=5, add_rows=add
    )
    assert_constant_queries(
        lambda: client.get(reverse("year:statement", args=[made[0].pk])), expected=3
    )
    html = assert_constant_queries(lambda: client.get(reverse("dashboard")), expected=8).text
    # The panel shows the three latest statements, newest first.
    links = [reverse("year:statement", args=[statement.pk]) for statement in made[-4:]]
    assert f'href="{links[0]}"' not in html
    assert html.index(f'href="{links[3]}"') < html.index(f'href="{links[2]}"')
    assert html.index(f'href="{links[2]}"') < html.index(f'href="{links[1]}"')
