"""In real Chromium: the secretary looks at a member's allowance statement, which matches the
member's recorded attendance, approves and opens the printable statement. Axe on every page."""

import datetime
from decimal import Decimal

import pytest
import time_machine
from django.urls import reverse

from meetings.models import Attendance, MeetingKind, MeetingState
from meetings.tests.factories import MeetingFactory
from wijraad.testing.browser import assert_accessible
from year.models import AllowanceRates, AllowanceStatement


@pytest.fixture(autouse=True)
def _one_day():
    """The statements here are of 2025 and 2026 while the personas' terms start relative to
    today (`lid` a year ago): the clock stands on a day those terms cover, so the attendance
    counts (a seat on the meeting's day) whatever day the suite runs."""
    with time_machine.travel(datetime.datetime(2026, 12, 3, 12, 0, tzinfo=datetime.UTC)):
        yield


pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_statement_matches_attendance(page, live_server, login_as, secretaris, lid):
    AllowanceRates.objects.create(
        valid_from=datetime.date(2026, 1, 1),
        per_meeting=Decimal("25"),
        per_work_visit=Decimal("15"),
    )
    for day, kind in (
        (datetime.date(2026, 1, 13), MeetingKind.COUNCIL),
        (datetime.date(2026, 2, 10), MeetingKind.CONSULTATION),
        (datetime.date(2026, 2, 12), MeetingKind.WORK_VISIT),
    ):
        meeting = MeetingFactory(kind=kind, state=MeetingState.HELD, date=day)
        Attendance.objects.create(meeting=meeting, person=lid, attended=True)
    login_as(secretaris)
    page.goto(live_server.url + reverse("year:allowance"))
    assert_accessible(page)
    page.get_by_role("link", name="Overzicht van een lid").click()
    assert_accessible(page)
    page.select_option("#id_person", str(lid.pk))
    page.fill("#id_start", "2026-01-01")
    page.fill("#id_end", "2026-02-01")
    page.get_by_role("button", name="Overzicht tonen").click()
    page.wait_for_load_state()
    assert_accessible(page)
    content = page.content()
    assert "€ 65,00" in content
    page.get_by_role("button", name="Overzicht goedkeuren").click()
    page.wait_for_url("**/vergoeding/overzicht/*/")
    assert_accessible(page)
    statement = AllowanceStatement.objects.get()
    assert (statement.meetings, statement.work_visits) == (2, 1)
    assert statement.amount == Decimal("65.00")
    assert lid.name in page.content()


def test_a_member_opens_their_statement_and_it_matches_their_attendance(
    page, live_server, login_as, secretaris, lid
):
    from year import services

    AllowanceRates.objects.create(
        valid_from=datetime.date(2026, 1, 1),
        per_meeting=Decimal("25"),
        per_work_visit=Decimal("15"),
    )
    days = (
        (datetime.date(2026, 1, 13), MeetingKind.COUNCIL, True),
        (datetime.date(2026, 2, 10), MeetingKind.CONSULTATION, True),
        (datetime.date(2026, 2, 12), MeetingKind.WORK_VISIT, True),
        (datetime.date(2026, 2, 24), MeetingKind.COUNCIL, False),
    )
    for day, kind, attended in days:
        meeting = MeetingFactory(kind=kind, state=MeetingState.HELD, date=day)
        Attendance.objects.create(meeting=meeting, person=lid, attended=attended)
    approved = services.statement_approve(
        person=lid,
        period_start=datetime.date(2026, 1, 1),
        period_end=datetime.date(2026, 3, 1),
        by=secretaris,
    )
    login_as(lid)
    page.goto(live_server.url + reverse("dashboard"))
    assert_accessible(page)
    page.get_by_role("link", name="Mijn vrijwilligersvergoeding").click()
    page.wait_for_url("**/vergoeding/mijn/")
    assert_accessible(page)
    page.get_by_role("link", name="Vanaf januari 2026, 2 maanden").click()
    page.wait_for_url(f"**/vergoeding/overzicht/{approved.pk}/")
    assert_accessible(page)
    # The lines are the meetings and the work visit the member attended, nothing else.
    rows = page.locator("table").last.locator("tbody tr").all_inner_texts()
    assert [row.split("\t")[0] for row in rows] == [
        "13 januari 2026",
        "10 februari 2026",
        "12 februari 2026",
    ]
    assert "€ 65,00" in page.content()
    assert page.get_by_role("button", name="Afdrukken").is_visible()
