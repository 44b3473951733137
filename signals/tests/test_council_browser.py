"""In real Chromium: a member records two signals heard on a work visit; the secretary keeps the
themes, merges a duplicate and says kindly that one is not for the council; the member reads the
trends. Every page checked with axe."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from meetings.tests.factories import MeetingFactory, WorkVisitReportFactory
from signals.models import Signal, SignalState, SignalTheme
from signals.tests.factories import SignalThemeFactory
from wijraad.testing.browser import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_work_visit_signals_themes_merging_and_not_for_the_council(page, login_as, lid, secretaris):
    visit = MeetingFactory(
        kind="work_visit", date=timezone.localdate() - datetime.timedelta(days=3), title="Bezoek"
    )
    report = WorkVisitReportFactory(meeting=visit)
    SignalThemeFactory(name="Locatie en ontvangst")  # seeded, unless a test emptied the table
    login_as(lid)
    page.goto(reverse("signals:list"))
    assert_accessible(page)
    for story in ("De wachtkamer is te klein.", "De wachtkamer is echt te klein."):
        page.get_by_role("link", name="Signaal vastleggen").click()
        assert_accessible(page)
        page.select_option("#id_channel", "work_visit")
        page.fill("#id_received_on", visit.date.isoformat())
        page.get_by_label("Thema").select_option(label="Locatie en ontvangst")
        page.fill("#id_story", story)
        page.select_option("#id_visit_report", str(report.pk))
        page.get_by_role("button", name="Opslaan").click()
        page.wait_for_url("**/signalen/*/")
        assert_accessible(page)
        page.goto(reverse("signals:list"))
    first, second = Signal.objects.order_by("pk")
    assert {first.visit_report_id, second.visit_report_id} == {report.pk}

    page.context.clear_cookies()
    login_as(secretaris)
    page.goto(reverse("signals:themes"))
    assert_accessible(page)
    page.fill("#id_name", "Vervoer")
    page.get_by_role("button", name="Toevoegen").click()
    page.wait_for_url("**/signalen/themas/")
    assert SignalTheme.objects.filter(name="Vervoer").exists()

    page.goto(reverse("signals:detail", args=[second.pk]))
    page.fill("#id_into", first.reference)
    page.get_by_role("button", name="Samenvoegen met dat signaal").click()
    page.wait_for_url(f"**/signalen/{first.pk}/")
    assert_accessible(page)
    assert second.reference in page.content()
    page.select_option("#id_to", "not_for_council")
    page.fill("#id_referral", "Bespreek dit met de locatiemanager van WIJ.")
    page.get_by_role("button", name="Stand opslaan").click()
    page.wait_for_url(f"**/signalen/{first.pk}/")
    assert_accessible(page)
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.state, second.state) == (SignalState.NOT_FOR_COUNCIL, SignalState.MERGED)

    page.context.clear_cookies()
    login_as(lid)
    page.goto(reverse("signals:trends"))
    assert_accessible(page)
    page.goto(reverse("dashboard"))
    assert_accessible(page)
