import pytest
from django.urls import reverse


@pytest.mark.django_db
def test_strict_content_security_policy(client):
    response = client.get(reverse("home"))
    policy = {
        part.strip().split(" ", 1)[0]: part.strip().split(" ", 1)[1]
        for part in response["Content-Security-Policy"].split(";")
    }
    assert policy["default-src"] == "'self'"
    assert policy["script-src"] == "'self'"
    assert policy["style-src"] == "'self'"
    assert policy["object-src"] == "'none'"
    assert policy["base-uri"] == "'none'"
    assert policy["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    assert "unsafe-eval" not in response["Content-Security-Policy"]


@pytest.mark.django_db
def test_security_headers(client):
    response = client.get(reverse("home"))
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.django_db
def test_no_inline_scripts_or_styles_in_the_layout(client):
    html = client.get(reverse("home")).content.decode()
    assert "<style" not in html
    assert " style=" not in html
    for line in html.splitlines():
        if "<script" in line:
            assert 'src="/static/' in line, line


@pytest.mark.django_db
def test_hsts_and_secure_cookies_in_production(settings):
    # The real settings module, with DEBUG off, as production loads it.
    from wijraad import settings as production

    assert production.DEBUG is False
    assert production.SECURE_HSTS_SECONDS >= 31536000
    assert production.SESSION_COOKIE_SECURE is True
    assert production.CSRF_COOKIE_SECURE is True


# --- H1: the Django admin has no login form of its own -------------------------------------


def _logged_in_as(client):
    return client.session.get("_auth_user_id")


@pytest.mark.django_db
def test_admin_login_form_does_not_log_a_visitor_in(client, beheerder):
    from members.tests.factories import PASSWORD

    response = client.post(
        "/beheer/login/?next=/beheer/",
        {"username": beheerder.email, "password": PASSWORD, "next": "/beheer/"},
    )
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert _logged_in_as(client) is None
    assert client.get("/beheer/").status_code == 302


@pytest.mark.django_db
def test_admin_login_form_is_refused_to_a_member_and_does_not_switch_accounts(
    client, lid, beheerder
):
    from members.tests.factories import PASSWORD

    client.force_login(lid)
    page = client.get("/beheer/login/?next=/beheer/")
    assert page.status_code == 403
    assert b'name="password"' not in page.content
    for _attempt in range(11):
        refused = client.post("/beheer/login/", {"username": beheerder.email, "password": PASSWORD})
        assert refused.status_code == 403
    assert _logged_in_as(client) == str(lid.pk)
    assert client.get(reverse("admin:index")).status_code == 302


@pytest.mark.django_db
def test_admin_login_page_sends_the_administrator_on(client, beheerder):
    client.force_login(beheerder)
    assert client.get("/beheer/login/")["Location"] == reverse("admin:index")
    onward = client.get("/beheer/login/?next=/beheer/members/user/")
    assert onward["Location"] == "/beheer/members/user/"
    elsewhere = client.get("/beheer/login/?next=https://example.com/")
    assert elsewhere["Location"] == reverse("admin:index")


@pytest.mark.django_db
def test_admin_password_change_is_the_portals_own(client, beheerder):
    client.force_login(beheerder)
    for name in ("admin:password_change", "admin:password_change_done"):
        response = client.get(reverse(name))
        assert response.status_code == 302
        assert response["Location"] == reverse("account_change_password")
    refused = client.post(
        reverse("admin:password_change"),
        {"old_password": "x", "new_password1": "nieuw-wachtwoord-1", "new_password2": "x"},
    )
    assert refused["Location"] == reverse("account_change_password")


@pytest.mark.django_db
def test_admin_logout_is_allauths(client, beheerder):
    client.force_login(beheerder)
    response = client.post(reverse("admin:logout"))
    assert response.status_code == 302
    assert _logged_in_as(client) is None
