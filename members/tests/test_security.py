"""Findings of the security review in the members app, each tried through HTTP.

- M3: the staff-secretary office is kept apart from the board and the council's seats, and an
  unsigned staff secretary sees nothing confidential.
- L1: an invitation stops working once the person has a password; a password reset never sends a
  reset link to an invited account.
- L4: the secretary's invitation views only reach people she may see.
- Former members: members see their names, not their contact details.
- Single-line text loses CR/LF and other control characters; the invitation page is not cached.
"""

import datetime
import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.core import mail
from django.core.exceptions import ValidationError
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
    DeclarationTextFactory,
    DocumentFactory,
    OfficeFactory,
    UserFactory,
    give_authenticator,
)
from wijraad.models import Visibility

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
    assert "/account/password/reset/key/" not in message.body
    assert "uitnodiging" in message.body
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
