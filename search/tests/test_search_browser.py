"""In real Chromium: a member searches from the box in the layout with only the keyboard, narrows
the results with the filters and opens one; a visitor searches the public pages. Every page
checked with axe."""

import pytest
from django.urls import reverse

from advice.tests.factories import DossierFactory
from members.tests.factories import DocumentFactory
from wijraad.models import Visibility
from wijraad.testing.browser import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def tab_to(page, element_id, limit=60):
    """Press Tab until the element has the focus, as a keyboard user does."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement && document.activeElement.id") == element_id:
            return
    raise AssertionError(f"#{element_id} cannot be reached with the Tab key")


def test_a_member_searches_with_only_the_keyboard(page, login_as, lid, private_root):
    DocumentFactory(title="Telefoon regeling", visibility=Visibility.COUNCIL)
    DossierFactory(title="Telefonische bereikbaarheid telefoon", visibility=Visibility.COUNCIL)
    DocumentFactory(title="Telefoon geheim", visibility=Visibility.RESTRICTED)
    login_as(lid)
    page.goto(reverse("home"))
    tab_to(page, "site-search")
    page.keyboard.type("telefoon")
    page.keyboard.press("Enter")
    page.wait_for_url("**/zoeken/?q=telefoon")
    main = page.locator("main")
    assert "2 resultaten" in main.inner_text()
    assert "Telefoon geheim" not in main.inner_text()
    assert main.locator("mark").count() >= 2
    assert_accessible(page)
    # Narrow to the advice with the kind filter, by keyboard.
    tab_to(page, "id_group")
    for _ in range(8):
        if page.input_value("#id_group") == "advice":
            break
        page.keyboard.press("ArrowDown")
    tab_to(page, "id_theme")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_url("**group=advice**")
    assert "1 resultaat" in main.inner_text()
    assert_accessible(page)
    # Open the result.
    link = main.locator("li.search-result a").first
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/advies/*/")
    assert "Telefonische bereikbaarheid" in page.locator("h1").inner_text()


def test_a_visitor_searches_the_public_pages(page, private_root):
    DocumentFactory(title="Telefoon openbaar", visibility=Visibility.PUBLIC)
    DocumentFactory(title="Telefoon raad", visibility=Visibility.COUNCIL)
    page.goto(reverse("search:search") + "?q=telefoon")
    text = page.locator("main").inner_text()
    assert "Telefoon openbaar" in text
    assert "Telefoon raad" not in text
    assert_accessible(page)
