"""Password reset, re-authentication, own sessions, MFA by role mid-session, MFA failures logged."""

import logging
import re
from datetime import timedelta

import pytest
import time_machine
from allauth.account.models import EmailAddress
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from members import services
from members.models import BoardPositionKind
from members.tests.factories import (
    TOTP_SECRET,
    DeclarationFactory,
    DeclarationTextFactory,
    give_authenticator,
    totp_code,
)

pytestmark = pytest.mark.django_db
PASSWORD = "een-lang-wachtwoord-2026"


@pytest.fixture
def with_password(lid):
    lid.set_password(PASSWORD)
    lid.save()
    return lid


def test_password_reset_by_email_in_dutch(client, with_password):
    response = client.post(reverse("account_reset_password"), {"email": "LID@example.org"})
    assert response.status_code == 302
    message = mail.outbox[0]
    assert message.to == ["lid@example.org"]
    assert "wachtwoord" in message.subject.lower()
    link = re.search(r"http://\S+/account/password/reset/key/\S+/", message.body).group(0)
    path = "/" + link.split("/", 3)[3]
    form_page = client.get(path, follow=True)
    assert form_page.status_code == 200
    new = "nieuw-en-lang-wachtwoord"
    done = client.post(
        form_page.redirect_chain[-1][0] if form_page.redirect_chain else path,
        {"password1": new, "password2": new},
    )
    assert done.status_code == 302
    with_password.refresh_from_db()
    assert with_password.check_password(new)


def test_password_reset_for_an_unknown_address_sends_nothing_and_says_nothing(client):
    response = client.post(reverse("account_reset_password"), {"email": "niemand@example.org"})
    assert response.status_code == 302
    assert all("niemand@example.org" not in m.to or "account" in m.body for m in mail.outbox)


def test_changing_the_password_asks_for_the_current_one(client, with_password):
    client.post(reverse("account_login"), {"login": "lid@example.org", "password": PASSWORD})
    change = {"password1": "ander-lang-wachtwoord", "password2": "ander-lang-wachtwoord"}
    refused = client.post(
        reverse("account_change_password"), {**change, "oldpassword": "niet-het-wachtwoord"}
    )
    assert refused.status_code == 200
    with_password.refresh_from_db()
    assert with_password.check_password(PASSWORD)
    client.post(reverse("account_change_password"), {**change, "oldpassword": PASSWORD})
    with_password.refresh_from_db()
    assert with_password.check_password("ander-lang-wachtwoord")


def test_changing_the_email_address_asks_for_the_password_after_a_few_minutes(
    client, with_password
):
    client.post(reverse("account_login"), {"login": "lid@example.org", "password": PASSWORD})
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    change = {"action_add": "", "email": "nieuw-adres@example.org"}
    with time_machine.travel(timezone.now() + timedelta(minutes=6), tick=False):
        response = client.post(reverse("account_email"), change)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_reauthenticate"))
        assert not with_password.emailaddress_set.filter(email="nieuw-adres@example.org").exists()
        client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
        client.post(reverse("account_email"), change)
    assert with_password.emailaddress_set.filter(email="nieuw-adres@example.org").exists()


def test_people_see_and_end_their_own_other_sessions(with_password):
    here, elsewhere = Client(), Client()
    for browser in (here, elsewhere):
        browser.post(reverse("account_login"), {"login": "lid@example.org", "password": PASSWORD})
    assert elsewhere.get(reverse("dashboard")).status_code == 200
    page = here.get(reverse("usersessions_list"))
    assert page.status_code == 200
    assert page.content.decode().count("<tr") >= 3  # a header row and two sessions
    here.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    ended = here.post(reverse("usersessions_list"), {"action": "end"})
    assert ended.status_code == 302
    assert elsewhere.get(reverse("dashboard")).status_code == 302
    assert here.get(reverse("dashboard")).status_code == 200


def test_a_role_gained_mid_session_asks_for_two_step_verification_at_once(client, lid):
    client.force_login(lid)
    assert client.get(reverse("dashboard")).status_code == 200
    services.board_position_grant(
        person=lid.__class__.objects.create_user("x@example.org", PASSWORD, name="X"),
        kind=BoardPositionKind.DIRECTOR,
        start=timezone.localdate(),
    )
    bestuurder = lid.__class__.objects.get(email="x@example.org")
    client.force_login(bestuurder)
    response = client.get(reverse("dashboard"))
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")


@pytest.mark.django_db(transaction=True)
def test_a_member_who_becomes_secretary_is_asked_at_the_next_request(client, django_user_model):
    person = django_user_model.objects.create_user("nieuw@example.org", PASSWORD, name="Nieuw")
    client.force_login(person)
    assert client.get(reverse("dashboard")).status_code == 200
    from members.models import OfficeRole

    services.office_grant(
        person=person, office=OfficeRole.STAFF_SECRETARY, start=timezone.localdate()
    )
    # Unsigned, the staff secretary has none of the secretary's rights yet (members.roles).
    DeclarationTextFactory()
    services.declaration_sign(person=person)
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")
    # Setting up the app in this session is passing two-step verification: on you go.
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    client.get(reverse("mfa_activate_totp"))
    secret = client.session["mfa.totp.secret"]
    # The set-up is committed within the request (a real transaction in this test).
    activated = client.post(reverse("mfa_activate_totp"), {"code": totp_code(secret)})
    assert activated.status_code == 302
    assert client.get(reverse("home")).status_code == 200


def test_an_authenticator_set_up_outside_this_session_does_not_count(client, django_user_model):
    person = django_user_model.objects.create_user("nieuw@example.org", PASSWORD, name="Nieuw")
    client.force_login(person)
    from members.models import OfficeRole

    services.office_grant(
        person=person, office=OfficeRole.STAFF_SECRETARY, start=timezone.localdate()
    )
    # The staff secretary holds the role once she has signed the declaration.
    DeclarationFactory(person=person, text=DeclarationTextFactory(), signed_at=timezone.now())
    give_authenticator(person)
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert "_auth_user_id" not in client.session


def test_wrong_code_is_refused_and_logged(client, secretaris, caplog):
    logger = logging.getLogger("wijraad.security")
    logger.addHandler(caplog.handler)
    try:
        secretaris.set_password(PASSWORD)
        secretaris.save()
        response = client.post(
            reverse("account_login"), {"login": "secretaris@example.org", "password": PASSWORD}
        )
        assert response["Location"].startswith(reverse("mfa_authenticate"))
        wrong = "000000" if totp_code(TOTP_SECRET) != "000000" else "111111"
        page = client.post(reverse("mfa_authenticate"), {"code": wrong})
        assert page.status_code == 200
        assert "Ongeldige code." in page.content.decode()
        assert client.get(reverse("dashboard")).status_code == 302
        events = [r.security["event"] for r in caplog.records if hasattr(r, "security")]
        assert "mfa_failed" in events
        right = client.post(reverse("mfa_authenticate"), {"code": totp_code(TOTP_SECRET)})
        assert right.status_code == 302
        assert client.get(reverse("dashboard")).status_code == 200
    finally:
        logger.removeHandler(caplog.handler)


@pytest.mark.parametrize(
    ("name", "expected"),
    [("account_reauthenticate", 7), ("mfa_reauthenticate", 7)],
)
def test_reauthentication_pages_have_exact_queries(
    client, secretaris, assert_constant_queries, name, expected
):
    client.force_login(secretaris)
    response = assert_constant_queries(lambda: client.get(reverse(name)), expected=expected)
    assert response.status_code == 200


def test_mfa_pages_during_login_have_exact_queries(client, secretaris, assert_constant_queries):
    secretaris.set_password(PASSWORD)
    secretaris.save()
    client.post(reverse("account_login"), {"login": "secretaris@example.org", "password": PASSWORD})
    response = assert_constant_queries(lambda: client.get(reverse("mfa_authenticate")), expected=2)
    assert response.status_code == 200


def test_totp_setup_page_has_exact_queries(client, django_user_model, assert_constant_queries):
    person = django_user_model.objects.create_user("nieuw@example.org", PASSWORD, name="Nieuw")
    EmailAddress.objects.create(user=person, email=person.email, verified=True, primary=True)
    client.post(reverse("account_login"), {"login": "nieuw@example.org", "password": PASSWORD})
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    response = assert_constant_queries(lambda: client.get(reverse("mfa_activate_totp")), expected=9)
    assert response.status_code == 200
    assert "Authenticator code" in response.content.decode()
    assert person.pk
