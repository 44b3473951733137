"""In real Chromium: a member opens the address list from the people page and prints it (the
menu and the buttons are left out); the secretary's printed term schedule, and the rules,
account and history pages, pass axe."""

import pytest
from django.urls import reverse

from wijraad.testing.browser import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_member_prints_the_address_list(page, login_as, lid, secretaris):
    login_as(lid)
    page.goto(reverse("members:people"))
    page.get_by_role("link", name="Adressenlijst").click()
    page.wait_for_url("**/adressenlijst/")
    assert "lid@example.org" in page.locator("main").inner_text()
    assert_accessible(page)
    page.emulate_media(media="print")
    assert not page.locator(".site-header").is_visible()
    assert not page.get_by_role("link", name="Downloaden als spreadsheet (CSV)").is_visible()
    assert page.get_by_role("cell", name="lid@example.org").is_visible()


def test_the_printed_term_schedule_and_the_secretarys_new_pages(page, login_as, secretaris, lid):
    login_as(secretaris)
    page.goto(reverse("members:term_schedule"))
    page.emulate_media(media="print")
    assert not page.locator(".site-header").is_visible()
    assert page.get_by_text("Afgedrukt uit het portaal van de WIJ-raad").is_visible()
    page.emulate_media(media="screen")
    for url in (
        reverse("members:council_rules"),
        reverse("members:council_rules_add"),
        reverse("members:person_email", args=[lid.pk]),
        reverse("members:person_account", args=[lid.pk]),
        reverse("members:term_correct", args=[lid.terms.get().pk]),
        reverse("members:history"),
        reverse("members:history") + "?show=downloads",
    ):
        page.goto(url)
        assert_accessible(page)
