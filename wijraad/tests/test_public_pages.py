import pytest
from django.urls import reverse

PUBLIC_PAGES = {
    "home": "WIJ-raad: de cliëntenraad van WIJ Groningen",
    "about": "Wat de WIJ-raad doet",
    "privacy": "Privacyverklaring",
    "accessibility": "Toegankelijkheidsverklaring",
    "contact": "Contact met de WIJ-raad",
}
# The home page shows the sections the apps register (wijraad.home): the latest advice is one query.
# The privacy statement names the retention periods in force: one query for each of the signals'
# two and one for the applicants' (year.privacy).
HOME_SECTION_QUERIES = {"home": 1, "privacy": 3}


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "dutch_heading"), PUBLIC_PAGES.items())
def test_public_page_is_dutch_by_default(
    client, settings, assert_constant_queries, name, dutch_heading
):
    # What rendering the page costs (a kept page costs none: test_public_page_cache.py).
    settings.PUBLIC_PAGE_CACHE = False
    expected = HOME_SECTION_QUERIES.get(name, 0)
    response = assert_constant_queries(lambda: client.get(reverse(name)), expected=expected)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="nl">' in html
    assert f"<h1>{dutch_heading}</h1>" in html
    assert response["Content-Language"] == "nl"


@pytest.mark.django_db
def test_browser_language_alone_does_not_switch_to_english(client):
    response = client.get(reverse("home"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert '<html lang="nl">' in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_public_page_in_english_after_choosing_it(client, settings, name):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get(reverse(name))
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert response["Content-Language"] == "en"


def test_accessibility_statement_lives_at_toegankelijkheid():
    assert reverse("accessibility") == "/toegankelijkheid"


@pytest.mark.django_db
def test_language_switch_sets_the_cookie_and_returns_to_the_page(client, settings):
    response = client.post(reverse("set_language"), {"language": "en", "next": "/privacy"})
    assert response.status_code == 302
    assert response["Location"] == "/privacy"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    page = client.get("/privacy")
    assert "<h1>Privacy statement</h1>" in page.content.decode()


@pytest.mark.django_db
def test_language_switch_refuses_an_unknown_language(client, settings):
    client.post(reverse("set_language"), {"language": "xx", "next": "/"})
    assert settings.LANGUAGE_COOKIE_NAME not in client.cookies
    assert '<html lang="nl">' in client.get("/").content.decode()


@pytest.mark.django_db
def test_language_switch_is_post_only(client):
    assert client.get(reverse("set_language")).status_code == 405


@pytest.mark.django_db
def test_logged_in_choice_is_kept_on_the_account(client, django_user_model, settings):
    user = django_user_model.objects.create_user("kees@example.org", "x" * 12, name="Kees")
    client.force_login(user)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    user.refresh_from_db()
    assert user.preferred_language == "en"
    # A new browser without the cookie still gets the account's language.
    client.cookies.pop(settings.LANGUAGE_COOKIE_NAME)
    assert '<html lang="en">' in client.get("/").content.decode()


@pytest.mark.django_db
def test_public_pages_do_not_accept_posts(client):
    assert client.post(reverse("home")).status_code == 405
