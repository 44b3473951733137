"""In real Chromium: the secretary records a member's training and sees it in the year's
overview. Every page checked with axe."""

import pytest
from django.urls import reverse

from wijraad.testing.browser import assert_accessible
from year.models import Training

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_secretary_records_a_training(page, live_server, login_as, secretaris, lid):
    login_as(secretaris)
    page.goto(live_server.url + reverse("year:trainings") + "?jaar=2026")
    assert_accessible(page)
    page.get_by_role("link", name="Scholing vastleggen").click()
    assert_accessible(page)
    page.select_option("#id_person", str(lid.pk))
    page.fill("#id_title", "Wmcz in de praktijk")
    page.fill("#id_date", "2026-04-02")
    page.fill("#id_provider", "LSR")
    page.fill("#id_hours", "3.5")
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_url("**/scholing/?jaar=2026")
    assert_accessible(page)
    assert "Wmcz in de praktijk" in page.content()
    assert Training.objects.get().person == lid
