"""Invitations: the only way to get an account. Single-use, expiring links; resending replaces."""

import re
from datetime import timedelta

import pytest
import time_machine
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from members import services
from members.models import Invitation, User
from wijraad.testing.mail import assert_mail, html_part

PASSWORD = "zomer-in-beijum-2026"
pytestmark = pytest.mark.django_db


def invite(client, secretaris, django_capture_on_commit_callbacks, **fields):
    client.force_login(secretaris)
    data = {"name": "Klaas Bos", "email": "Klaas.Bos@Example.org", "preferred_language": "nl"}
    data.update(fields)
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(reverse("members:person_add"), data)


def link_in(message):
    return re.search(r"https?://\S+/leden/uitnodiging/\S+/", message.body).group(0)


def path_of(link):
    return "/" + link.split("/", 3)[3]


def test_secretary_invites_a_person_who_gets_a_dutch_mail_with_a_link(
    client, secretaris, django_capture_on_commit_callbacks
):
    response = invite(client, secretaris, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    person = User.objects.get(email="klaas.bos@example.org")
    assert not person.has_usable_password()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["klaas.bos@example.org"]
    assert message.subject == "Je bent uitgenodigd voor het portaal van de WIJ-raad"
    assert_mail(message, "Beste Klaas Bos,", link_in(message))
    assert "Kies je wachtwoord" in html_part(message)
    assert Invitation.objects.get().invited_by == secretaris


def test_the_invitation_mail_follows_the_persons_language(
    client, secretaris, django_capture_on_commit_callbacks
):
    invite(client, secretaris, django_capture_on_commit_callbacks, preferred_language="en")
    [message] = mail.outbox
    assert message.subject == "You are invited to the WIJ-raad portal"
    assert_mail(message, "Dear Klaas Bos,", link_in(message))


def test_a_second_account_with_the_same_address_is_refused_in_dutch(
    client, secretaris, django_capture_on_commit_callbacks
):
    invite(client, secretaris, django_capture_on_commit_callbacks)
    response = invite(
        client, secretaris, django_capture_on_commit_callbacks, email="KLAAS.BOS@example.org"
    )
    assert response.status_code == 200
    assert "Er is al een account met dit e-mailadres." in response.content.decode()
    assert User.objects.filter(email__iexact="klaas.bos@example.org").count() == 1
    assert len(mail.outbox) == 1


def test_the_link_sets_a_password_verifies_the_address_and_works_once(
    client, secretaris, django_capture_on_commit_callbacks
):
    invite(client, secretaris, django_capture_on_commit_callbacks)
    path = path_of(link_in(mail.outbox[0]))
    client.logout()
    page = client.get(path)
    assert page.status_code == 200
    assert "Kies je wachtwoord" in page.content.decode()
    response = client.post(path, {"new_password1": PASSWORD, "new_password2": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("account_login")
    person = User.objects.get(email="klaas.bos@example.org")
    assert person.check_password(PASSWORD)
    assert EmailAddress.objects.get(user=person).verified
    login = client.post(
        reverse("account_login"), {"login": "klaas.bos@example.org", "password": PASSWORD}
    )
    assert login.status_code == 302
    again = client.get(path)
    assert again.status_code == 410
    assert "Deze uitnodigingslink is al gebruikt." in again.content.decode()


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("kort-1", "Dit wachtwoord is te kort."),
        ("password123", "Dit wachtwoord is te algemeen."),
        ("12345678901234", "Dit wachtwoord bevat alleen cijfers."),
    ],
)
def test_weak_passwords_are_refused_and_the_link_keeps_working(
    client, secretaris, django_capture_on_commit_callbacks, password, message
):
    invite(client, secretaris, django_capture_on_commit_callbacks)
    path = path_of(link_in(mail.outbox[0]))
    client.logout()
    response = client.post(path, {"new_password1": password, "new_password2": password})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not User.objects.get(email="klaas.bos@example.org").has_usable_password()
    assert Invitation.objects.get().used_at is None


def test_an_expired_link_is_refused_with_a_clear_message(
    client, secretaris, django_capture_on_commit_callbacks
):
    invite(client, secretaris, django_capture_on_commit_callbacks)
    path = path_of(link_in(mail.outbox[0]))
    client.logout()
    with time_machine.travel(timezone.now() + timedelta(days=7, minutes=1)):
        response = client.post(path, {"new_password1": PASSWORD, "new_password2": PASSWORD})
    assert response.status_code == 410
    assert "Deze uitnodigingslink is verlopen." in response.content.decode()
    assert not User.objects.get(email="klaas.bos@example.org").has_usable_password()


def test_sending_again_replaces_the_earlier_link(
    client, secretaris, django_capture_on_commit_callbacks
):
    invite(client, secretaris, django_capture_on_commit_callbacks)
    first = path_of(link_in(mail.outbox[0]))
    person = User.objects.get(email="klaas.bos@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("members:invitation_resend", args=[person.pk]))
    assert response.status_code == 302
    second = path_of(link_in(mail.outbox[1]))
    assert first != second
    client.logout()
    refused = client.get(first)
    assert refused.status_code == 410
    assert "werkt niet meer omdat er een nieuwere uitnodiging is verstuurd" in (
        refused.content.decode()
    )
    assert client.get(second).status_code == 200


def test_an_unknown_link_is_refused(client):
    response = client.get(reverse("members:invitation_accept", args=["niet-bestaand"]))
    assert response.status_code == 410
    assert "Deze uitnodigingslink is niet geldig." in response.content.decode()


def test_someone_with_a_password_gets_no_invitation(lid):
    with pytest.raises(Exception, match="heeft al een wachtwoord"):
        services.invitation_send(person=lid)


def test_only_the_secretary_invites(client, lid, voorzitter, bestuurder):
    for person in (lid, voorzitter, bestuurder):
        client.force_login(person)
        assert client.get(reverse("members:person_add")).status_code == 403
        response = client.post(
            reverse("members:person_add"), {"name": "X", "email": "x@example.org"}
        )
        assert response.status_code == 403
    assert not User.objects.filter(email="x@example.org").exists()


def test_open_invitations_list_has_constant_queries(
    client, secretaris, assert_constant_queries, django_capture_on_commit_callbacks
):
    def add_people(count):
        start = User.objects.count()
        for number in range(count):
            services.person_invite(
                email=f"persoon{start + number}@example.org", name=f"Persoon {start + number}"
            )

    client.force_login(secretaris)
    response = assert_constant_queries(
        lambda: client.get(reverse("members:invitations")), expected=4, add_rows=add_people
    )
    assert response.content.decode().count("Opnieuw sturen naar") == 50
