"""In real Chromium: the secretary generates next year's schedule, moves a meeting, adopts it and
sees the year measured against the minimums."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from meetings.models import Meeting, ScheduleEntry
from meetings.tests.factories import LocationFactory
from wijraad.testing.browser import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_secretary_generates_moves_and_adopts_next_year_s_schedule(page, login_as, secretaris):
    for name in ("WIJ Beijum", "WIJ Selwerd", "WIJ Vinkhuizen"):
        LocationFactory(name=name)
    year = timezone.localdate().year + 1
    login_as(secretaris)
    page.goto(reverse("meetings:year", args=[year]))
    assert_accessible(page)
    page.get_by_role("link", name=f"Rooster van {year} maken").click()
    page.wait_for_url(f"**/rooster/{year}/")
    assert_accessible(page)
    assert page.get_by_label("Weekdag van raadsvergaderingen").input_value() == "1"
    page.get_by_role("button", name="Voorstel maken").click()
    page.wait_for_url(f"**/rooster/{year}/")
    assert "Het portaal heeft een voorstel gemaakt" in page.locator(".messages").inner_text()
    assert_accessible(page)

    first = ScheduleEntry.objects.order_by("date", "start_time").first()
    moved_to = first.date + datetime.timedelta(days=2)
    page.get_by_role("link", name="Verplaatsen").first.click()
    assert_accessible(page)
    page.get_by_label("Datum").fill(moved_to.isoformat())
    page.get_by_label("Begintijd").fill("18:00")
    page.get_by_label("Eindtijd").fill("20:00")
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_url(f"**/rooster/{year}/")
    assert "De voorgestelde vergadering is opgeslagen." in page.locator(".messages").inner_text()
    proposed = ScheduleEntry.objects.count()

    page.get_by_role("button", name=f"Rooster van {year} vaststellen").click()
    page.wait_for_url(f"**/jaar/{year}/")
    assert f"Het rooster van {year} is vastgesteld" in page.locator(".messages").inner_text()
    assert Meeting.objects.count() == proposed
    moved = Meeting.objects.get(date=moved_to)
    assert moved.start_time == datetime.time(18, 0)
    counter = page.get_by_role("table", name=f"Vergaderingen in {year} tegenover het minimum")
    council_row = counter.get_by_role("row", name="Raadsvergadering")
    planned = council_row.get_by_role("cell").first.inner_text()
    assert int(planned) == Meeting.objects.filter(kind="council").count() >= 10
    assert "Ja" in council_row.inner_text()
    assert_accessible(page)

    page.get_by_role("link", name=f"Rooster {year}").click()
    assert "Dit rooster is vastgesteld op" in page.locator("main").inner_text()
    assert_accessible(page)
