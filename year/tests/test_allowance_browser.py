"""In real Chromium: the secretary looks at a member's allowance statement, which matches the
member's recorded attendance, approves and opens the printable statement. Axe on every page."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from meetings.models import Attendance, MeetingKind, MeetingState
from meetings.tests.factories import MeetingFactory
from wijraad.testing.browser import assert_accessible
from year.models import AllowanceRates, AllowanceStatement

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
