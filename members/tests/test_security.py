"""Security review (issue 12), the members app's part, each finding through HTTP.

- H1: a role that needs two-step verification must have passed it in this session;
- M1: the admin hands out no secrets and sets no passwords; the secrets are encrypted at rest;
  account changes in the admin are security events;
- M2: the audit log in the admin shows no confidential text;
- the chair and every account that reaches the admin need two-step verification;
- password-reset links work for one hour;
- L5: a new address counts only once confirmed; every change of address, password or
  authenticator is mailed to the person (a changed address: to the old one).
"""

import logging
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from members import services
from members.models import OfficeRole
from members.tests.factories import (
    PASSWORD,
    TOTP_SECRET,
    UserFactory,
    seated_person,
    totp_code,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def security_records(caplog):
    """The security logger does not propagate (it has its own JSON handler); listen to it."""
    logger = logging.getLogger("wijraad.security")
    logger.addHandler(caplog.handler)
    caplog.set_level(logging.INFO, logger="wijraad.security")
    yield lambda: [r.security for r in caplog.records if hasattr(r, "security")]
    logger.removeHandler(caplog.handler)


def log_in(client, email, password=PASSWORD):
    return client.post(reverse("account_login"), {"login": email, "password": password})


def log_in_with_code(client, user):
    """The real login: password, then the code from the authenticator app."""
    started = log_in(client, user.email)
    assert started["Location"].startswith(reverse("mfa_authenticate"))
    done = client.post(reverse("mfa_authenticate"), {"code": totp_code(TOTP_SECRET)})
    assert done.status_code == 302
    return done


def logged_in_user_id(client):
    return client.session.get("_auth_user_id")


# --- H1: two-step verification must have been passed in this session --------------------------


@pytest.mark.parametrize(
    "path", ["/beheer/", "/beheer/members/user/", "/dashboard/", "/", "/account/email/"]
)
def test_an_administrator_logged_in_by_password_only_is_logged_out(client, beheerder, path):
    # What Django's own admin login form made: a session without the code.
    assert client.login(email=beheerder.email, password=PASSWORD)
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('account_login')}?next={path}"
    assert logged_in_user_id(client) is None
    page = client.get(response["Location"])
    assert "Log opnieuw in met je wachtwoord en de code" in page.content.decode()
    # And the next try with the same cookie is a visitor, not the administrator.
    assert client.get("/beheer/").status_code == 302


def test_the_session_ends_for_htmx_requests_too(client, secretaris, security_records):
    assert client.login(email=secretaris.email, password=PASSWORD)
    response = client.get(reverse("dashboard"), HTTP_HX_REQUEST="true")
    assert response["HX-Redirect"].startswith(reverse("account_login"))
    assert logged_in_user_id(client) is None
    assert any(
        record["event"] == "mfa_missing" and record["user_id"] == secretaris.pk
        for record in security_records()
    )


def test_the_administrator_logged_in_with_the_code_gets_into_the_admin(client, beheerder):
    log_in_with_code(client, beheerder)
    for path in ("/beheer/", "/beheer/members/user/", reverse("dashboard")):
        assert client.get(path).status_code == 200, path
    assert logged_in_user_id(client) == str(beheerder.pk)


def test_the_chair_needs_the_code_to_log_in(client, voorzitter):
    started = log_in(client, voorzitter.email)
    assert started["Location"].startswith(reverse("mfa_authenticate"))
    assert client.get(reverse("dashboard")).status_code == 302
    client.post(reverse("mfa_authenticate"), {"code": totp_code(TOTP_SECRET)})
    assert client.get(reverse("dashboard")).status_code == 200


@pytest.mark.parametrize("kind", ["chair", "staff"])
def test_the_chair_and_staff_accounts_are_sent_to_set_up_two_step_verification(client, kind):
    if kind == "chair":
        person = seated_person(start=timezone.localdate() - timedelta(days=30))
        services.office_grant(person=person, office=OfficeRole.CHAIR, start=timezone.localdate())
    else:
        person = UserFactory(email="medewerker@example.org", is_staff=True)
    client.force_login(person)
    response = client.get(reverse("dashboard"))
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")


def activate_totp(client):
    """Set up an authenticator app on the page, as a person does (after the password). What
    follows is done once the set-up is committed, still in the request: the tests that call this
    run in real transactions."""
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    client.get(reverse("mfa_activate_totp"))
    secret = client.session["mfa.totp.secret"]
    return client.post(reverse("mfa_activate_totp"), {"code": totp_code(secret)})


@pytest.mark.django_db(transaction=True)
def test_setting_up_an_authenticator_in_this_session_counts_as_passing_it(client):
    person = UserFactory(email="nieuwe-secretaris@example.org")
    services.office_grant(
        person=person, office=OfficeRole.STAFF_SECRETARY, start=timezone.localdate()
    )
    log_in(client, person.email)
    assert client.get(reverse("dashboard"))["Location"] == reverse("mfa_activate_totp")
    activate_totp(client)
    assert client.get(reverse("dashboard")).status_code == 200
    # Logging in again asks for the code.
    other = Client()
    assert log_in(other, person.email)["Location"].startswith(reverse("mfa_authenticate"))
