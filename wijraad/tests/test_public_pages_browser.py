"""Every public page in real Chromium, in Dutch and English: accessible, keyboard usable."""

import pytest
from django.urls import reverse

from wijraad.testing.browser import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGES = ["home", "about", "privacy", "accessibility", "contact"]


@pytest.mark.parametrize("name", PAGES)
def test_public_page_is_accessible_in_dutch_and_english(page, name):
    page.goto(reverse(name))
    assert page.get_attribute("html", "lang") == "nl"
    assert_accessible(page)
    page.get_by_role("button", name="English").click()
    page.wait_for_load_state()
    assert page.get_attribute("html", "lang") == "en"
    assert page.url.endswith(reverse(name))
    assert_accessible(page)
    page.get_by_role("button", name="Nederlands").click()
    page.wait_for_load_state()
    assert page.get_attribute("html", "lang") == "nl"


def test_skip_link_is_the_first_stop_and_moves_focus_to_the_content(page):
    page.goto(reverse("home"))
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Naar de inhoud"
    assert page.locator(".skip-link").is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_keyboard_reaches_the_menu_and_follows_a_link(page):
    page.goto(reverse("home"))
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == "Contact":
            break
    else:
        pytest.fail("Tab never reached the Contact link")
    page.keyboard.press("Enter")
    page.wait_for_url("**/contact")
    assert page.locator("h1").inner_text() == "Contact met de WIJ-raad"


def test_narrow_screen_menu_opens_with_the_keyboard(page):
    page.set_viewport_size({"width": 400, "height": 800})
    page.goto(reverse("home"))
    toggle = page.get_by_role("button", name="Menu openen of sluiten")
    toggle.focus()
    page.keyboard.press("Enter")
    page.get_by_role("link", name="Contact").first.wait_for(state="visible")
    assert toggle.get_attribute("aria-expanded") == "true"
    assert_accessible(page)


def test_login_page_shows_in_the_portal_layout(page):
    page.goto(reverse("dashboard"))
    page.wait_for_url("**/account/login/**")
    assert page.get_attribute("html", "lang") == "nl"
    assert page.locator("a.skip-link").count() == 1


def test_a_second_visitor_gets_the_kept_page_and_switches_language(page, new_page, live_server):
    """The page kept for every visitor (wijraad.public_pages) carries each visitor's own token:
    the language switch, a form that needs it, works for the next visitor too."""
    page.goto(reverse("about"))  # the first visitor: the page is kept now
    other, guard = new_page(live_server.url)
    other.goto(reverse("about"))
    assert other.get_attribute("html", "lang") == "nl"
    other.get_by_role("button", name="English").click()
    other.wait_for_load_state()
    assert other.get_attribute("html", "lang") == "en"
    assert other.url.endswith(reverse("about"))
    assert not guard.problems
