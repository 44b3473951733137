"""In real Chromium: the chair records WIJ's request to join a hiring panel, who took part and
the outcome. Every page checked with axe."""

import pytest
from django.urls import reverse

from wijraad.testing.browser import assert_accessible
from year.models import HiringPanel

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_chair_records_a_hiring_panel(page, live_server, login_as, voorzitter, lid):
    login_as(voorzitter)
    page.goto(live_server.url + reverse("year:applications"))
    assert_accessible(page)
    page.get_by_role("link", name="Sollicitatiecommissies").click()
    assert_accessible(page)
    page.get_by_role("link", name="Verzoek vastleggen").click()
    assert_accessible(page)
    page.fill("#id_position", "Teamleider WIJ Vinkhuizen")
    page.fill("#id_request", "Doet een lid mee aan de gesprekken?")
    page.get_by_label(lid.name).check()
    page.fill("#id_outcome", "Kandidaat aangenomen.")
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_url("**/sollicitatiecommissies/")
    assert_accessible(page)
    assert "Teamleider WIJ Vinkhuizen" in page.content()
    assert list(HiringPanel.objects.get().participants.all()) == [lid]
