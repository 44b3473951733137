"""Refusals and missing pages in the portal's layout, in Dutch."""

import pytest
from django.urls import reverse

from wijraad.testing.browser import assert_accessible


@pytest.mark.django_db
def test_missing_page_is_a_dutch_404(client, assert_constant_queries):
    response = assert_constant_queries(lambda: client.get("/bestaat-niet/"), expected=0)
    assert response.status_code == 404
    html = response.content.decode()
    assert "<h1>Deze pagina is niet gevonden</h1>" in html
    assert '<html lang="nl">' in html


@pytest.mark.django_db
def test_refused_action_is_a_dutch_403(client, lid):
    client.force_login(lid)
    response = client.get(reverse("members:person_add"))
    assert response.status_code == 403
    assert "<h1>Dit kun je niet doen</h1>" in response.content.decode()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_404_page_is_accessible(page):
    page.goto("/bestaat-niet/")
    assert page.locator("h1").inner_text() == "Deze pagina is niet gevonden"
    assert_accessible(page)
    page.get_by_role("link", name="Naar de startpagina").click()
    page.wait_for_url(f"**{reverse('home')}")
