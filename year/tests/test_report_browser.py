"""In real Chromium: the secretary writes last year's annual report and publishes it; a visitor
reads it on the public pages. Every page checked with axe."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from meetings.models import MeetingKind, MeetingState
from meetings.tests.factories import MeetingFactory
from members.models import CouncilRules
from wijraad.testing.browser import assert_accessible
from year.models import AnnualReport

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_secretary_writes_and_publishes_the_annual_report(
    page, new_page, live_server, login_as, secretaris
):
    year = timezone.localdate().year - 1
    MeetingFactory(
        kind=MeetingKind.COUNCIL, state=MeetingState.HELD, date=datetime.date(year, 3, 10)
    )
    CouncilRules.objects.create(valid_from=datetime.date(year - 3, 1, 1))
    CouncilRules.objects.create(
        valid_from=datetime.date(year, 7, 1), min_council_meetings=8, note="Nieuw reglement"
    )
    login_as(secretaris)
    page.goto(live_server.url + reverse("year:reports"))
    assert_accessible(page)
    page.get_by_role("link", name="Jaarverslag schrijven").click()
    assert_accessible(page)
    page.fill("#id_year", str(year))
    page.fill("#id_introduction", "Een jaar vol gesprekken met inwoners.")
    page.fill("#id_closing", "Dank aan alle leden.")
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_url(f"**/jaarverslag/{year}/")
    assert_accessible(page)
    content = page.content()
    assert "Een jaar vol gesprekken met inwoners." in content
    # The rules of 1 January count the minimum; the change during the year is named.
    assert "minstens 10 raadsvergaderingen" in content
    assert "minstens 8 raadsvergaderingen" in content
    assert "Nieuw reglement" in content
    page.get_by_role("button", name="Publiceren op de openbare pagina's").click()
    page.wait_for_load_state()
    assert AnnualReport.objects.get().published_at is not None

    visitor, guard = new_page(base_url=live_server.url)
    visitor.goto(live_server.url + reverse("year:published_reports"))
    assert_accessible(visitor)
    visitor.get_by_role("link", name=f"Jaarverslag {year}").click()
    visitor.wait_for_url(f"**/jaarverslag/{year}/")
    assert_accessible(visitor)
    assert "Dank aan alle leden." in visitor.content()
    assert not guard.problems
