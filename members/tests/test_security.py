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

import datetime
import logging
import re
import time
from datetime import timedelta
from importlib import import_module

import pytest
import time_machine
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from auditlog.models import LogEntry
from django.apps import apps
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from members import services
from members.models import OfficeRole
from members.tests.factories import (
    PASSWORD,
    TOTP_SECRET,
    DocumentFactory,
    UserFactory,
    seated_person,
    totp_code,
)
from wijraad.models import Visibility

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


def test_whose_role_needs_it_cannot_switch_two_step_verification_off(client, secretaris):
    log_in_with_code(client, secretaris)
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    client.post(reverse("mfa_deactivate_totp"))
    assert Authenticator.objects.filter(user=secretaris, type="totp").exists()
    assert client.get(reverse("dashboard")).status_code == 200


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


# --- M1: the admin shows no secrets and sets no passwords -------------------------------------


def test_the_admin_shows_no_secret_and_no_password_form(client, beheerder, secretaris):
    client.force_login(beheerder)
    page = client.get(reverse("admin:members_user_change", args=[secretaris.pk]))
    assert page.status_code == 200
    html = page.content.decode()
    assert TOTP_SECRET not in html
    assert 'name="password' not in html
    assert f"/beheer/members/user/{secretaris.pk}/password/" not in html
    assert client.get(f"/beheer/members/user/{secretaris.pk}/password/").status_code in (302, 404)
    added = client.get(reverse("admin:members_user_add")).content.decode()
    assert 'name="password' not in added
    # allauth's list of authenticators (with each TOTP secret) is not in the admin.
    assert client.get("/beheer/mfa/authenticator/").status_code == 404
    authenticator = Authenticator.objects.get(user=secretaris, type="totp")
    assert client.get(f"/beheer/mfa/authenticator/{authenticator.pk}/change/").status_code == 404
    assert "mfa/authenticator" not in client.get("/beheer/").content.decode()


def test_the_secrets_are_stored_encrypted_and_still_work(client, secretaris):
    totp = Authenticator.objects.get(user=secretaris, type=Authenticator.Type.TOTP)
    codes = Authenticator.objects.get(user=secretaris, type=Authenticator.Type.RECOVERY_CODES)
    assert TOTP_SECRET not in str(totp.data)
    assert totp.data["secret"].startswith("gAAAAA")  # a Fernet token
    assert re.fullmatch(r"[0-9a-f]{80}", codes.data["seed"]) is None
    log_in_with_code(client, secretaris)
    assert client.get(reverse("dashboard")).status_code == 200


def test_secrets_stored_before_are_encrypted_by_the_migration(secretaris):
    from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
    from allauth.mfa.totp.internal.auth import TOTP

    codes = RecoveryCodes(Authenticator.objects.get(user=secretaris, type="recovery_codes"))
    before = codes.generate_codes()
    seed = codes.instance.data["seed"]
    from members.adapters import decrypt_secret

    # As allauth's default adapter stored them: plain text.
    Authenticator.objects.filter(user=secretaris, type="totp").update(data={"secret": TOTP_SECRET})
    Authenticator.objects.filter(user=secretaris, type="recovery_codes").update(
        data={"seed": decrypt_secret(seed), "used_mask": 0}
    )
    migration = import_module("members.migrations.0008_encrypt_mfa_secrets")
    migration.encrypt(apps, None)
    migration.encrypt(apps, None)  # twice: what is encrypted stays as it is
    totp = TOTP(Authenticator.objects.get(user=secretaris, type="totp"))
    assert totp.instance.data["secret"] != TOTP_SECRET
    assert decrypt_secret(totp.instance.data["secret"]) == TOTP_SECRET
    assert totp.validate_code(totp_code(TOTP_SECRET))
    codes = RecoveryCodes(Authenticator.objects.get(user=secretaris, type="recovery_codes"))
    assert codes.generate_codes() == before


def test_the_admin_sends_a_reset_email_instead_of_setting_a_password(
    client, beheerder, lid, security_records
):
    client.force_login(beheerder)
    before = lid.password
    response = client.post(
        reverse("admin:members_user_changelist"),
        {"action": "send_password_reset", "_selected_action": [lid.pk]},
    )
    assert response.status_code == 302
    [message] = mail.outbox
    assert message.to == [lid.email]
    assert "/account/password/reset/key/" in message.body
    assert "wachtwoord" in message.subject.lower()
    lid.refresh_from_db()
    assert lid.password == before
    events = [r for r in security_records() if r["event"] == "admin_password_reset_sent"]
    assert events == [{**events[0], "user_id": beheerder.pk, "object_id": lid.pk}]


def test_account_changes_in_the_admin_are_security_events(client, beheerder, security_records):
    client.force_login(beheerder)
    added = client.post(
        reverse("admin:members_user_add"), {"email": "Nieuw@Example.org", "name": "Nieuw"}
    )
    assert added.status_code == 302
    person = UserFactory._meta.model.objects.get(email="nieuw@example.org")
    assert not person.has_usable_password()
    changed = client.post(
        reverse("admin:members_user_change", args=[person.pk]),
        {
            "name": "Nieuw Persoon",
            "preferred_language": "nl",
            "is_active": "on",
            "is_staff": "on",
            **{
                f"{prefix}-{field}": 0
                for prefix in ("terms", "offices", "board_positions", "declarations")
                for field in ("TOTAL_FORMS", "INITIAL_FORMS")
            },
        },
    )
    assert changed.status_code == 302, changed.context["adminform"].form.errors
    deleted = client.post(reverse("admin:members_user_delete", args=[person.pk]), {"post": "yes"})
    assert deleted.status_code == 302
    events = {r["event"]: r for r in security_records() if r["event"].startswith("admin_")}
    assert events["admin_account_added"]["object_id"] == person.pk
    assert events["admin_account_changed"]["fields"] == ["is_staff", "name"]
    assert events["admin_account_deleted"]["object_id"] == person.pk
    assert all(event["user_id"] == beheerder.pk for event in events.values())
    assert "nieuw@example.org" not in str(events).lower()


# --- M2: the audit log in the admin shows no confidential text ---------------------------------


CONFIDENTIAL = {
    "reason": "Vertrokken na conflict met de wethouder",
    "title": "Reorganisatie locatie Selwerd",
    "description": "Twaalf medewerkers verliezen hun baan",
    "file": "reorganisatie-selwerd.pdf",
}


def test_the_audit_log_shows_no_confidential_text(client, beheerder, secretaris, private_root):
    person = UserFactory()
    term = services.term_appoint(person=person, start=datetime.date(2025, 1, 1), by=secretaris)
    services.term_end_early(
        term=term, on=datetime.date(2026, 1, 1), reason=CONFIDENTIAL["reason"], by=secretaris
    )
    document = DocumentFactory(
        title=CONFIDENTIAL["title"],
        description=CONFIDENTIAL["description"],
        original_name=CONFIDENTIAL["file"],
        visibility=Visibility.RESTRICTED,
    )
    document.title = CONFIDENTIAL["title"] + " (herzien)"
    document.save()
    client.force_login(beheerder)
    pages = [client.get(reverse("admin:auditlog_logentry_changelist"))]
    pages += [
        client.get(reverse("admin:auditlog_logentry_change", args=[entry.pk]))
        for entry in LogEntry.objects.all()
    ]
    for page in pages:
        assert page.status_code == 200
        html = page.content.decode()
        for text in CONFIDENTIAL.values():
            assert text not in html
        assert "Selwerd" not in html
    # That they changed is still there: which fields, by whom.
    ended = LogEntry.objects.get_for_object(term).order_by("pk").last()
    assert ended.changes_dict["end_reason"] == ["", "********"]
    assert ended.actor == secretaris
    retitled = LogEntry.objects.get_for_object(document).order_by("pk").last()
    assert retitled.changes_dict == {"title": ["********", "********"]}
    assert retitled.object_repr == f"document {document.pk}"


# --- Password-reset links work for one hour ----------------------------------------------------


@pytest.mark.parametrize(("minutes", "works"), [(59, True), (61, False)])
def test_a_password_reset_link_works_for_one_hour(client, lid, minutes, works):
    client.post(reverse("account_reset_password"), {"email": lid.email})
    link = re.search(r"http://\S+(/account/password/reset/key/\S+/)", mail.outbox[0].body)
    # A timestamp, not an aware datetime: Django's reset tokens read the naive local time.
    with time_machine.travel(time.time() + minutes * 60, tick=False):
        page = client.get(link.group(1), follow=True)
        form_shown = b'name="password1"' in page.content
        assert form_shown is works
        done = client.post(
            page.redirect_chain[-1][0] if page.redirect_chain else link.group(1),
            {"password1": "nieuw-en-lang-wachtwoord", "password2": "nieuw-en-lang-wachtwoord"},
        )
        assert done.status_code == (302 if works else 200)
    lid.refresh_from_db()
    assert lid.check_password("nieuw-en-lang-wachtwoord") is works


# --- L5: a new address counts once confirmed; every change is mailed ---------------------------


NEW = "nieuw-adres@example.org"


def _mails_to(address):
    return [message for message in mail.outbox if message.to == [address]]


def _logged_in(email, password=PASSWORD):
    client = Client()
    log_in(client, email, password)
    return client.get(reverse("dashboard")).status_code == 200


def test_a_new_address_counts_only_once_confirmed_and_the_old_one_is_told(client, lid):
    log_in(client, lid.email)
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    client.post(reverse("account_email"), {"action_add": "", "email": NEW})
    lid.refresh_from_db()
    assert lid.email == "lid@example.org"
    [confirm] = _mails_to(NEW)
    # Until the link is used: the old address logs in, the new one does not; a password reset
    # for the new one sends no reset link.
    assert _logged_in("lid@example.org")
    assert not _logged_in(NEW)
    mail.outbox.clear()
    Client().post(reverse("account_reset_password"), {"email": NEW})
    assert not any("/password/reset/key/" in message.body for message in mail.outbox)

    link = re.search(r"http://\S+(/account/confirm-email/\S+/)", confirm.body).group(1)
    mail.outbox.clear()
    client.post(link)
    lid.refresh_from_db()
    assert lid.email == NEW
    assert _logged_in(NEW)
    assert not _logged_in("lid@example.org")
    [notice] = _mails_to("lid@example.org")
    assert notice.subject == "[WIJ-raad] E-mailadres gewijzigd"
    assert f"lid@example.org naar {NEW}" in notice.body
    assert notice.alternatives == []  # text only: nothing else to check


def test_a_password_change_is_mailed(client, lid):
    log_in(client, lid.email)
    new = "ander-lang-wachtwoord"
    client.post(
        reverse("account_change_password"),
        {"oldpassword": PASSWORD, "password1": new, "password2": new},
    )
    [notice] = _mails_to(lid.email)
    assert notice.subject == "[WIJ-raad] Wachtwoord gewijzigd"
    assert "de volgende wijziging" in notice.body
    assert notice.alternatives == []


@pytest.mark.django_db(transaction=True)
def test_setting_up_and_switching_off_an_authenticator_is_mailed(client, lid):
    log_in(client, lid.email)
    activate_totp(client)
    assert Authenticator.objects.filter(user=lid, type="totp").exists()
    subjects = [message.subject for message in _mails_to(lid.email)]
    assert "[WIJ-raad] Authenticator-app geactiveerd" in subjects
    mail.outbox.clear()
    client.post(reverse("mfa_deactivate_totp"))
    assert not Authenticator.objects.filter(user=lid, type="totp").exists()
    subjects = [message.subject for message in _mails_to(lid.email)]
    assert "[WIJ-raad] Authenticator-app gedeactiveerd" in subjects


def test_a_person_without_a_confirmed_address_is_asked_to_confirm_it(client):
    person = UserFactory(email="onbevestigd@example.org", confirmed_address=False)
    log_in(client, person.email)
    assert client.get(reverse("dashboard")).status_code == 302
    [confirm] = _mails_to(person.email)
    assert "/account/confirm-email/" in confirm.body


def test_an_invited_person_can_still_finish_the_invitation_and_log_in(
    client, secretaris, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.person_invite(email="klaas@example.org", name="Klaas", by=secretaris)
    link = re.search(r"http://\S+(/leden/\S+/)", mail.outbox[-1].body).group(1)
    new = "een-lang-wachtwoord-2026"
    client.post(link, {"new_password1": new, "new_password2": new})
    assert _logged_in("klaas@example.org", new)
    assert EmailAddress.objects.get(email="klaas@example.org").verified
