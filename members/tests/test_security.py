"""Findings of the security review in the members app, each tried through HTTP.

- M3: the staff-secretary office is kept apart from the board and the council's seats, and an
  unsigned staff secretary sees nothing confidential.
- L1: an invitation stops working once the person has a password; a password reset never sends a
  reset link to an invited account.
- L4: the secretary's invitation views only reach people she may see.
- Former members: members see their names, not their contact details.
- Single-line text loses CR/LF and other control characters; the invitation page is not cached.
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
from django.contrib.auth.hashers import make_password
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from members import services
from members.dates import add_months, add_years
from members.models import (
    BoardPosition,
    BoardPositionKind,
    ConfidentialityDeclaration,
    Invitation,
    Office,
    OfficeRole,
    Term,
    User,
)
from members.roles import roles_for
from members.tests.factories import (
    PASSWORD,
    TOTP_SECRET,
    DeclarationFactory,
    DeclarationTextFactory,
    DocumentFactory,
    OfficeFactory,
    UserFactory,
    give_authenticator,
    seated_person,
    totp_code,
)
from wijraad.models import Visibility
from wijraad.testing.mail import assert_mail, html_part

pytestmark = pytest.mark.django_db


def no_store(response):
    directives = {part.strip() for part in response.get("Cache-Control", "").split(",")}
    return {"no-store", "private"} <= directives


def invitation_path(secretaris, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.person_invite(email="klaas.bos@example.org", name="Klaas Bos", by=secretaris)
    link = re.search(r"https?://\S+/leden/uitnodiging/\S+/", mail.outbox[-1].body).group(0)
    return "/" + link.split("/", 3)[3]


def test_the_invitation_page_is_not_kept_in_a_cache(
    client, secretaris, django_capture_on_commit_callbacks
):
    """The personal link is opened before logging in, often on a shared computer."""
    path = invitation_path(secretaris, django_capture_on_commit_callbacks)
    page = client.get(path)
    assert page.status_code == 200
    assert no_store(page)
    # A refused link too (here: a password that is too short shows the form again).
    assert no_store(client.post(path, {"new_password1": "kort", "new_password2": "kort"}))
    assert no_store(client.get("/leden/uitnodiging/onbekend/"))


def test_single_line_fields_lose_line_breaks_text_areas_keep_them(
    client, secretaris, django_capture_on_commit_callbacks
):
    """A CR/LF in a name could start a new header in the invitation e-mail."""
    client.force_login(secretaris)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("members:person_add"),
            {
                "name": "Klaas Bos\r\nBcc: x@example.org",
                "email": "klaas.bos@example.org",
                "preferred_language": "nl",
                "neighbourhood": "Beijum\r\n\x07",
                "expertise": "Wonen\r\nSchulden",
                "relation_to_wij": "unknown",
            },
        )
    assert response.status_code == 302
    person = User.objects.get(email="klaas.bos@example.org")
    assert person.name == "Klaas Bos Bcc: x@example.org"
    assert person.neighbourhood == "Beijum"
    assert person.expertise == "Wonen\r\nSchulden"
    assert "\n" not in mail.outbox[-1].message()["To"]

    response = client.post(
        reverse("members:person_edit", args=[person.pk]),
        {"name": "Klaas\rBos", "neighbourhood": "Beijum", "relation_to_wij": "unknown"},
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.name == "Klaas Bos"


def test_a_name_of_only_control_characters_is_refused(client, secretaris):
    client.force_login(secretaris)
    response = client.post(
        reverse("members:person_add"),
        {"name": "\x07\x08", "email": "leeg@example.org", "preferred_language": "nl"},
    )
    assert response.status_code == 200
    assert not User.objects.filter(email="leeg@example.org").exists()


def iso(day):
    return day.isoformat()


@pytest.fixture
def as_secretary(client, secretaris):
    client.force_login(secretaris)
    return client


@pytest.fixture
def invited(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        person = services.person_invite(email="klaas.bos@example.org", name="Klaas Bos")
    link = re.search(r"/leden/uitnodiging/\S+/", mail.outbox[-1].body).group(0)
    mail.outbox.clear()
    return person, link


# --- M3: separation of the staff-secretary office ------------------------------------------------


def test_the_staff_secretary_office_is_refused_to_a_board_user(as_secretary, bestuurder):
    response = as_secretary.post(
        reverse("members:office_grant", args=[bestuurder.pk]),
        {"office": OfficeRole.STAFF_SECRETARY, "start": iso(timezone.localdate())},
    )
    assert response.status_code == 200
    assert (
        "heeft in deze periode een bestuursfunctie en kan dan niet de ambtelijk secretaris zijn"
        in response.content.decode()
    )
    assert not Office.objects.filter(person=bestuurder).exists()


def test_the_staff_secretary_office_is_refused_to_a_member_with_a_term(as_secretary, lid):
    response = as_secretary.post(
        reverse("members:office_grant", args=[lid.pk]),
        {"office": OfficeRole.STAFF_SECRETARY, "start": iso(timezone.localdate())},
    )
    assert response.status_code == 200
    assert (
        "zit in deze periode in de raad en kan dan niet de ambtelijk secretaris zijn"
        in response.content.decode()
    )
    assert not Office.objects.filter(person=lid).exists()


def test_a_later_board_position_or_term_overlapping_the_office_is_refused_too():
    """The whole period counts, not only today: an open-ended office from next year clashes with a
    board position that runs on, and with a term that starts in two years."""
    today = timezone.localdate()
    board_user = UserFactory()
    services.board_position_grant(
        person=board_user, kind=BoardPositionKind.DIRECTOR, start=today, end=add_years(today, 2)
    )
    with pytest.raises(ValidationError) as refused:
        services.office_grant(
            person=board_user, office=OfficeRole.STAFF_SECRETARY, start=add_years(today, 1)
        )
    assert refused.value.code == "staff_secretary_on_board"
    # After the position ends, the same person may become the staff secretary.
    services.office_grant(
        person=board_user, office=OfficeRole.STAFF_SECRETARY, start=add_years(today, 2)
    )

    future_member = UserFactory()
    services.term_appoint(person=future_member, start=add_years(today, 2))
    with pytest.raises(ValidationError) as refused:
        services.office_grant(person=future_member, office=OfficeRole.STAFF_SECRETARY, start=today)
    assert refused.value.code == "staff_secretary_in_council"


def test_a_board_position_is_refused_to_the_staff_secretary(as_secretary, secretaris):
    response = as_secretary.post(
        reverse("members:board_position_grant", args=[secretaris.pk]),
        {"kind": BoardPositionKind.DIRECTOR, "start": iso(timezone.localdate())},
    )
    assert response.status_code == 200
    assert (
        "is in deze periode de ambtelijk secretaris en kan dan geen bestuursfunctie hebben"
        in response.content.decode()
    )
    assert not BoardPosition.objects.filter(person=secretaris).exists()


def test_a_term_is_refused_to_the_staff_secretary(as_secretary, secretaris):
    response = as_secretary.post(
        reverse("members:person_appoint", args=[secretaris.pk]),
        {"start": iso(add_months(timezone.localdate(), 2))},
    )
    assert response.status_code == 200
    assert (
        "is in deze periode de ambtelijk secretaris en kan dan geen lid van de raad zijn"
        in response.content.decode()
    )
    assert not Term.objects.filter(person=secretaris).exists()


def test_the_office_form_says_who_may_be_staff_secretary(as_secretary, lid):
    page = as_secretary.get(reverse("members:office_grant", args=[lid.pk])).content.decode()
    assert "niet voor iemand die in de raad zit of een functie bij het bestuur heeft" in page


@pytest.fixture
def unsigned_staff_secretary(db):
    DeclarationTextFactory()
    person = UserFactory(email="nieuwe-secretaris@example.org", name="Iris Nieuw")
    services.office_grant(
        person=person, office=OfficeRole.STAFF_SECRETARY, start=timezone.localdate()
    )
    return give_authenticator(person)


def test_an_unsigned_staff_secretary_sees_nothing_confidential(
    client, unsigned_staff_secretary, lid, private_root
):
    council = DocumentFactory(title="Raadsstuk", visibility=Visibility.COUNCIL)
    restricted = DocumentFactory(title="Wervingsnotitie", visibility=Visibility.RESTRICTED)
    client.force_login(unsigned_staff_secretary)
    assert client.get(reverse("members:people")).status_code == 403
    assert client.get(reverse("members:person", args=[lid.pk])).status_code == 404
    assert client.get(reverse("members:invitations")).status_code == 403
    assert client.get(reverse("members:document", args=[council.pk])).status_code == 404
    assert client.get(reverse("members:document", args=[restricted.pk])).status_code == 404
    assert client.get(reverse("meetings:list")).status_code == 403
    # She is asked to sign, on the dashboard and on the declaration page.
    assert (
        "Onderteken de geheimhoudingsverklaring"
        in client.get(reverse("dashboard")).content.decode()
    )
    response = client.post(reverse("members:declaration"), {"confirm": "on"})
    assert response.status_code == 302
    assert ConfidentialityDeclaration.objects.filter(person=unsigned_staff_secretary).exists()
    # Signed, she runs the council.
    assert client.get(reverse("members:people")).status_code == 200
    assert client.get(reverse("members:document", args=[restricted.pk])).status_code == 200
    assert client.get(reverse("meetings:list")).status_code == 200


def test_a_staff_secretary_who_is_also_on_the_board_gets_no_secretary_rights(
    client, bestuurder, lid
):
    """Fails closed on rows written before the rule (or around the services): the board position
    wins, and the board user sees what a board user sees."""
    OfficeFactory(
        person=bestuurder, role=OfficeRole.STAFF_SECRETARY, start=datetime.date(2020, 1, 1)
    )
    ConfidentialityDeclaration.objects.create(person=bestuurder, text=DeclarationTextFactory())
    client.force_login(bestuurder)
    assert client.get(reverse("members:person", args=[lid.pk])).status_code == 403
    assert client.get(reverse("members:invitations")).status_code == 403
    assert client.get(reverse("members:term_schedule")).status_code == 403


# --- L1: an invitation stops once there is a password --------------------------------------------


def test_an_invitation_is_refused_once_the_person_has_a_password(client, invited):
    person, link = invited
    # E.g. the password came through a reset before this fix, or was set in the admin: written
    # straight to the database, so no receiver revoked the invitation.
    User.objects.filter(pk=person.pk).update(password=make_password("eigen-wachtwoord-2026"))
    assert Invitation.objects.get(person=person).revoked_at is None
    response = client.get(link)
    assert response.status_code == 410
    assert "Je hebt al een wachtwoord" in response.content.decode()
    response = client.post(
        link, {"new_password1": "overgenomen-2026-xyz", "new_password2": "overgenomen-2026-xyz"}
    )
    assert response.status_code == 410
    person.refresh_from_db()
    assert person.check_password("eigen-wachtwoord-2026")


def test_setting_a_password_revokes_open_invitations(client, invited):
    person, link = invited
    person.set_password("eigen-wachtwoord-2026")
    person.save()
    assert Invitation.objects.get(person=person).revoked_at is not None
    assert client.get(link).status_code == 410


def test_a_password_change_revokes_an_open_invitation(client, invited):
    person, _link = invited
    User.objects.filter(pk=person.pk).update(password=make_password(PASSWORD))
    EmailAddress.objects.create(user=person, email=person.email, verified=True, primary=True)
    client.force_login(User.objects.get(pk=person.pk))
    response = client.post(
        reverse("account_change_password"),
        {
            "oldpassword": PASSWORD,
            "password1": "nieuw-wachtwoord-2026",
            "password2": "nieuw-wachtwoord-2026",
        },
    )
    assert response.status_code == 302
    assert Invitation.objects.get(person=person).revoked_at is not None


def reset_link(message):
    found = re.search(r"https?://\S+/account/password/reset/key/\S+/", message.body)
    return found.group(0) if found else None


def test_a_password_reset_revokes_an_open_invitation(client, invited):
    person, link = invited
    User.objects.filter(pk=person.pk).update(password=make_password(PASSWORD))
    client.post(reverse("account_reset_password"), {"email": person.email})
    key_url = reset_link(mail.outbox[-1])
    form_url = client.get(key_url)["Location"]
    response = client.post(
        form_url, {"password1": "nieuw-wachtwoord-2026", "password2": "nieuw-wachtwoord-2026"}
    )
    assert response.status_code == 302
    assert Invitation.objects.get(person=person).revoked_at is not None
    assert client.get(link).status_code == 410


def test_a_password_reset_sends_an_invited_person_no_reset_link(client, invited):
    person, link = invited
    response = client.post(reverse("account_reset_password"), {"email": person.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [person.email]
    assert reset_link(message) is None
    assert "/account/password/reset/key/" not in message.body + html_part(message)
    assert_mail(message, "uitnodiging")
    person.refresh_from_db()
    assert not person.has_usable_password()
    # The invitation itself still works.
    assert client.get(link).status_code == 200


# --- L4: the invitation views reach only the people the secretary sees ---------------------------


@pytest.fixture
def hidden_staff(db):
    """Technical staff without a place in the council: the secretary does not see them."""
    person = UserFactory(email="techniek@example.org", name="Tom Techniek", is_staff=True)
    person.set_unusable_password()
    person.save()
    return person


def test_resending_an_invitation_to_someone_hidden_answers_404(
    as_secretary, hidden_staff, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = as_secretary.post(reverse("members:invitation_resend", args=[hidden_staff.pk]))
    assert response.status_code == 404
    assert not Invitation.objects.filter(person=hidden_staff).exists()
    assert mail.outbox == []
    # The same answer as for an id nobody has: ids cannot be walked.
    missing = User.objects.order_by("-pk").first().pk + 100
    assert (
        as_secretary.post(reverse("members:invitation_resend", args=[missing])).status_code == 404
    )


def test_the_invitation_list_leaves_out_people_the_secretary_does_not_see(
    as_secretary, hidden_staff
):
    services.invitation_send(person=hidden_staff)
    page = as_secretary.get(reverse("members:invitations")).content.decode()
    assert "Tom Techniek" not in page
    assert "techniek@example.org" not in page


def test_resending_still_works_for_a_visible_invited_person(
    as_secretary, invited, django_capture_on_commit_callbacks
):
    person, _link = invited
    with django_capture_on_commit_callbacks(execute=True):
        response = as_secretary.post(reverse("members:invitation_resend", args=[person.pk]))
    assert response.status_code == 302
    assert Invitation.objects.filter(person=person, revoked_at=None).count() == 1
    assert len(mail.outbox) == 1


# --- Former members: names, not contact details --------------------------------------------------


def test_members_see_a_former_members_name_but_not_their_contact_details(
    client, lid, oud_lid, voorzitter, secretaris
):
    User.objects.filter(pk=oud_lid.pk).update(phone="06 1234 5678")
    client.force_login(lid)
    people = client.get(reverse("members:people")).content.decode()
    assert "Trijntje Veenstra" in people
    assert "oud-lid@example.org" not in people
    page = client.get(reverse("members:person", args=[oud_lid.pk])).content.decode()
    assert "Trijntje Veenstra" in page
    assert "oud-lid@example.org" not in page
    assert "06 1234 5678" not in page
    # A current member's contact details stay visible to members.
    page = client.get(reverse("members:person", args=[voorzitter.pk])).content.decode()
    assert "voorzitter@example.org" in page
    # The secretary still sees them.
    client.force_login(secretaris)
    page = client.get(reverse("members:person", args=[oud_lid.pk])).content.decode()
    assert "oud-lid@example.org" in page
    assert "06 1234 5678" in page


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
    # The staff secretary holds the role once she has signed the declaration.
    DeclarationFactory(person=person, text=DeclarationTextFactory(), signed_at=timezone.now())
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


# --- Who is the secretary, the board, the audience of a level: written once -------------------


def test_the_user_querysets_name_the_same_people_as_the_roles(personas, unsigned_staff_secretary):
    today = timezone.localdate()
    people = [person for person in personas.values() if person] + [unsigned_staff_secretary]
    users = User.objects.filter(pk__in=[person.pk for person in people])

    def named(queryset):
        return set(queryset.values_list("pk", flat=True))

    def having(flag):
        return {person.pk for person in people if flag(roles_for(person, today))}

    assert named(users.secretaries(today)) == having(lambda roles: roles.secretary)
    assert named(users.board(today)) == having(lambda roles: roles.board)
    assert named(users.chairs(today)) == having(lambda roles: roles.chair)
    assert named(users.secretaries(today)) != set()
    for level in Visibility:
        assert named(users.audience(level, today)) == having(
            lambda roles, level=level: level in roles.visibility_levels
        ), level
