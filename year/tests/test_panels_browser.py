"""In real Chromium: the chair records WIJ's request to join a hiring panel and moves it through
its steps (accepted with a member, took place with the outcome, closed); the history is on the
panel's page. Every page checked with axe."""

import pytest
from django.urls import reverse

from wijraad.testing.browser import assert_accessible
from year.models import HiringPanel

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def step(page, state, *, fill=None):
    page.select_option("#id_to_state", state)
    for selector, value in (fill or {}).items():
        page.fill(selector, value)
    page.get_by_role("button", name="Stap opslaan").click()
    page.wait_for_load_state()
    assert_accessible(page)


def test_the_chair_walks_a_hiring_panel_through_its_steps(
    page, live_server, login_as, voorzitter, lid
):
    login_as(voorzitter)
    page.goto(live_server.url + reverse("year:applications"))
    assert_accessible(page)
    page.get_by_role("link", name="Sollicitatiecommissies").click()
    assert_accessible(page)
    page.get_by_role("link", name="Verzoek vastleggen").click()
    assert_accessible(page)
    page.fill("#id_position", "Teamleider WIJ Vinkhuizen")
    page.fill("#id_request", "Doet een lid mee aan de gesprekken?")
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_url("**/sollicitatiecommissies/*/")
    assert_accessible(page)
    page.select_option("#id_to_state", "accepted")
    page.get_by_label(lid.name).check()
    page.get_by_role("button", name="Stap opslaan").click()
    page.wait_for_load_state()
    assert_accessible(page)
    step(page, "took_place", fill={"#id_outcome": "Kandidaat aangenomen."})
    step(page, "closed")
    panel = HiringPanel.objects.get()
    assert panel.state == "closed"
    assert list(panel.participants.all()) == [lid]
    history = page.locator("main ol").last.inner_text()
    for label in ("Gevraagd", "Aangenomen: leden genoemd", "Heeft plaatsgevonden", "Afgesloten"):
        assert label in history
