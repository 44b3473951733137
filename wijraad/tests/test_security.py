import hashlib
import importlib
import os
import re
import subprocess
import sys

import pytest
from django.core import mail
from django.urls import reverse
from django.utils.crypto import salted_hmac

from wijraad.tests.conftest import PASSWORD


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


# --- The client's address behind the reverse proxy (M4) ------------------------------------------

PROXY = "10.0.0.2"
CLIENT_A = "203.0.113.10"
CLIENT_B = "198.51.100.20"
TOO_MANY = "Te veel inlogpogingen. Probeer het later nogmaals."


def log_in(client, email, password, **headers):
    return client.post(reverse("account_login"), {"login": email, "password": password}, **headers)


def fail_logins(client, count, **headers):
    """`count` wrong passwords, each for another address (so the per-account limit never hits)."""
    for number in range(count):
        page = log_in(client, f"iemand{number}@example.org", "fout-wachtwoord-123", **headers)
        assert page.status_code == 200


@pytest.mark.django_db
def test_behind_one_proxy_a_clients_failed_logins_do_not_lock_out_another(
    client, settings, kees, security_records
):
    settings.TRUSTED_PROXY_COUNT = 1
    fail_logins(client, 10, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=CLIENT_A)
    # Client A has had its ten: the eleventh is refused, whatever the password.
    page = log_in(
        client, "kees@example.org", PASSWORD, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=CLIENT_A
    )
    assert TOO_MANY in page.content.decode()
    # Client B, through the same proxy, logs in.
    page = log_in(
        client, "kees@example.org", PASSWORD, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=CLIENT_B
    )
    assert page.status_code == 302
    events = security_records()
    failed = [event for event in events if event["event"] == "login_failed"]
    assert len(failed) == 10
    assert {event["ip"] for event in failed} == {CLIENT_A}
    assert [event["ip"] for event in events if event["event"] == "login"] == [CLIENT_B]


@pytest.mark.django_db
def test_without_a_proxy_a_forged_forwarded_for_is_ignored(
    client, settings, kees, security_records
):
    settings.TRUSTED_PROXY_COUNT = 0
    for number in range(10):
        forged = f"192.0.2.{number + 1}"
        page = log_in(
            client,
            f"iemand{number}@example.org",
            "fout-wachtwoord-123",
            REMOTE_ADDR=CLIENT_A,
            HTTP_X_FORWARDED_FOR=forged,
        )
        assert page.status_code == 200
    # Another forged address does not buy an eleventh try: the limit is on REMOTE_ADDR.
    page = log_in(
        client, "kees@example.org", PASSWORD, REMOTE_ADDR=CLIENT_A, HTTP_X_FORWARDED_FOR=CLIENT_B
    )
    assert TOO_MANY in page.content.decode()
    failed = [event for event in security_records() if event["event"] == "login_failed"]
    assert {event["ip"] for event in failed} == {CLIENT_A}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("proxies", "remote_addr", "forwarded_for", "logged"),
    [
        # One nginx that appends: the client's own entries on the left are not trusted.
        (1, PROXY, f"192.0.2.66, {CLIENT_A}", CLIENT_A),
        # A port in the entry.
        (1, PROXY, f"{CLIENT_A}:52311", CLIENT_A),
        (1, PROXY, "[2001:db8::7]:443", "2001:db8::7"),
        # Two proxies: the second entry from the right.
        (2, PROXY, f"192.0.2.66, {CLIENT_A}, 10.0.0.1", CLIENT_A),
        # Header missing, too short or no address: the request did not come through our
        # proxies, so the address that reached us counts.
        (1, CLIENT_B, None, CLIENT_B),
        (2, CLIENT_B, CLIENT_A, CLIENT_B),
        (1, CLIENT_B, "unknown", CLIENT_B),
        # No proxy: the header is never read.
        (0, CLIENT_B, CLIENT_A, CLIENT_B),
    ],
)
def test_the_security_log_records_the_clients_address(
    client, settings, kees, security_records, proxies, remote_addr, forwarded_for, logged
):
    settings.TRUSTED_PROXY_COUNT = proxies
    headers = {"REMOTE_ADDR": remote_addr}
    if forwarded_for is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded_for
    log_in(client, "kees@example.org", "fout-wachtwoord-123", **headers)
    log_in(client, "kees@example.org", PASSWORD, **headers)
    assert [(event["event"], event["ip"]) for event in security_records()] == [
        ("login_failed", logged),
        ("login", logged),
    ]


def test_the_number_of_proxies_comes_from_the_environment_and_allauth_follows_it():
    from wijraad import settings as production

    assert production.ALLAUTH_TRUSTED_PROXY_COUNT == production.TRUSTED_PROXY_COUNT == 0
    read = (
        "from django.conf import settings; "
        "print(settings.TRUSTED_PROXY_COUNT, settings.ALLAUTH_TRUSTED_PROXY_COUNT)"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "wijraad.settings", "TRUSTED_PROXY_COUNT": "1"}
    result = subprocess.run(
        [sys.executable, "-c", read], env=env, capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["1", "1"]


# --- Pseudonyms of e-mail addresses in the security log ------------------------------------------


@pytest.mark.django_db
def test_the_security_log_pseudonymises_addresses_with_a_keyed_hmac(
    client, settings, security_records
):
    expected = salted_hmac(
        "wijraad.security.address_hash", "kees@example.org", algorithm="sha256"
    ).hexdigest()[:16]
    log_in(client, "Kees@Example.org", "fout-wachtwoord-123")
    log_in(client, " kees@example.org", "fout-wachtwoord-123")
    settings.SECRET_KEY = "another-secret-key-" + "y" * 50
    log_in(client, "kees@example.org", "fout-wachtwoord-123")
    first, again, other_key = [event["account"] for event in security_records()]
    assert first == again  # stable for the same address, whatever its case
    assert first == expected
    # A plain hash of the address can be tested against guessed addresses by anyone.
    assert not hashlib.sha256(b"kees@example.org").hexdigest().startswith(first[:8])
    # Keyed: without the secret key the pseudonym cannot be recomputed.
    assert other_key != first


# --- Flash messages stay on the server -----------------------------------------------------------


@pytest.mark.django_db
def test_flash_messages_are_kept_in_the_session_not_in_a_cookie(client, secretaris):
    client.force_login(secretaris)
    response = client.post(
        reverse("members:person_add"),
        {"name": "Kees Bakker", "email": "kees@example.org", "preferred_language": "nl"},
    )
    assert response.status_code == 302
    # The message names the person and the address: it must not travel in a cookie.
    assert "messages" not in response.cookies
    page = client.get(response["Location"])
    assert "kees@example.org" in page.content.decode()
    assert "messages" not in page.cookies


@pytest.mark.django_db
def test_the_message_after_logging_in_is_not_a_cookie(client, kees):
    response = log_in(client, "kees@example.org", PASSWORD)
    assert response.status_code == 302
    assert "messages" not in response.cookies


# --- No caching of what a logged-in person sees (L3) ---------------------------------------------


def assert_private(response):
    directives = {part.strip() for part in response.get("Cache-Control", "").split(",")}
    assert {"no-store", "private"} <= directives, (response.request["PATH_INFO"], directives)


def assert_cacheable(response):
    assert "no-store" not in response.get("Cache-Control", ""), response.request["PATH_INFO"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("persona", "urls"),
    [
        ("lid", ["dashboard", "members:account", "meetings:list", "account_email", "home"]),
        ("lid_ongetekend", ["dashboard", "members:declaration", "members:people"]),
        ("oud_lid", ["dashboard", "about", "meetings:list"]),
        ("voorzitter", ["dashboard", "members:people", "members:documents"]),
        ("secretaris", ["dashboard", "members:invitations", "members:term_schedule"]),
        ("bestuurder", ["dashboard", "meetings:list", "mfa_index"]),
        ("beheerder", ["dashboard", "admin:index", "admin:members_user_changelist"]),
    ],
)
def test_every_response_to_a_logged_in_person_is_no_store(client, request, persona, urls):
    """Pages, refusals (403/404) and redirects alike: nothing of a session stays in a cache."""
    client.force_login(request.getfixturevalue(persona))
    for name in urls:
        assert_private(client.get(reverse(name)))
    assert_private(client.get("/bestaat-niet/"))


@pytest.mark.django_db
def test_logging_in_and_out_answers_no_store(client, kees):
    assert_private(log_in(client, "kees@example.org", PASSWORD))
    assert_private(client.post(reverse("account_logout")))


@pytest.mark.django_db
def test_the_pages_of_logging_in_and_resetting_a_password_are_no_store_for_visitors(client, kees):
    assert_private(client.get(reverse("account_login")))
    assert_private(client.get(reverse("account_reset_password")))
    client.post(reverse("account_reset_password"), {"email": "kees@example.org"})
    link = re.search(r"https?://\S+/account/password/reset/key/\S+/", mail.outbox[0].body)
    response = client.get("/" + link.group(0).split("/", 3)[3])
    assert_private(response)
    if response.status_code == 302:  # allauth moves the key into the session first
        response = client.get(response["Location"])
    assert response.status_code == 200
    assert "password1" in response.content.decode()
    assert_private(response)


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["home", "about", "privacy", "accessibility", "contact"])
def test_public_pages_for_visitors_may_be_cached(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 200
    assert_cacheable(response)


@pytest.mark.django_db
def test_static_files_keep_their_caching_also_when_logged_in(client, lid):
    client.force_login(lid)
    response = client.get("/static/css/wijraad.css")
    response.close()
    assert response.status_code == 200
    assert_cacheable(response)


# --- Single-line text fields hold no control characters ------------------------------------------


def portal_forms():
    """Every form class in the portal apps' forms modules."""
    from django import forms
    from django.apps import apps

    for config in apps.get_app_configs():
        if not config.name.startswith(
            ("wijraad", "members", "meetings", "advice", "signals", "year")
        ):
            continue
        try:
            module = importlib.import_module(f"{config.name}.forms")
        except ModuleNotFoundError:
            continue
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and issubclass(value, forms.BaseForm)
                and value.__module__ == module.__name__
            ):
                yield value


def test_every_form_with_single_line_text_strips_control_characters():
    from wijraad.forms import SingleLineTextMixin, is_single_line

    with_text = [
        form_class
        for form_class in portal_forms()
        if any(is_single_line(field) for field in form_class.base_fields.values())
    ]
    assert {"MeetingForm", "InviteForm"} <= {form_class.__name__ for form_class in with_text}
    missing = [form for form in with_text if not issubclass(form, SingleLineTextMixin)]
    assert missing == []


def test_single_line_text_loses_its_control_characters():
    from wijraad.forms import single_line

    assert single_line("Titel\r\nBcc: x@example.org") == "Titel Bcc: x@example.org"
    assert single_line("a\tb\x0bc\x0cd\x1ce\x85f\u2028g\u2029h") == "a b c d e f g h"
    assert single_line("be\x07l\x1b[31m\x7f\x9b") == "bel[31m"
    assert single_line("  Gewoon één regel – met “quotes” ") == "Gewoon één regel – met “quotes”"


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
