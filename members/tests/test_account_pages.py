"""Exact query counts of the account pages (allauth's included), in the portal's layout."""

import pytest
from allauth.account.models import EmailAddress
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_login_page(client, assert_constant_queries):
    response = assert_constant_queries(lambda: client.get(reverse("account_login")), expected=0)
    html = response.content.decode()
    assert '<html lang="nl">' in html
    assert "Inloggen" in html
    assert "aanmelden" not in html.lower().split("<main")[1].split("</main>")[0].replace(
        "je kunt jezelf niet aanmelden", ""
    )


def test_password_reset_page(client, assert_constant_queries):
    response = assert_constant_queries(
        lambda: client.get(reverse("account_reset_password")), expected=0
    )
    assert response.status_code == 200


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("members:account", 2),
        ("mfa_index", 3),
        ("account_change_password", 1),
        ("account_email", 5),
    ],
)
def test_own_account_pages(client, lid, assert_constant_queries, name, expected):
    # Accepting the invitation recorded the verified address (so does the factory).
    assert EmailAddress.objects.get(user=lid).verified
    client.force_login(lid)
    response = assert_constant_queries(lambda: client.get(reverse(name)), expected=expected)
    assert response.status_code == 200


def test_own_sessions_page_lists_sessions_with_constant_queries(
    client, lid, assert_constant_queries
):
    client.force_login(lid)

    def add_sessions(count):
        # Real sessions in other browsers, as logging in elsewhere makes them.
        for _ in range(count):
            other = Client()
            other.force_login(lid)

    response = assert_constant_queries(
        lambda: client.get(reverse("usersessions_list")), expected=2, add_rows=add_sessions
    )
    assert response.status_code == 200


def test_invite_page(client, secretaris, assert_constant_queries):
    client.force_login(secretaris)
    response = assert_constant_queries(
        lambda: client.get(reverse("members:person_add")), expected=1
    )
    assert "Persoon toevoegen" in response.content.decode()


def test_invitation_accept_page(
    client, assert_constant_queries, django_capture_on_commit_callbacks
):
    from members import services
    from members.services import _token_hash  # noqa: F401 (the token is only in the mail)

    with django_capture_on_commit_callbacks(execute=True):
        services.person_invite(email="nieuw@example.org", name="Nieuw Lid")
    from django.core import mail

    path = "/" + mail.outbox[0].body.split("http://", 1)[1].split("/", 1)[1].split()[0]
    response = assert_constant_queries(lambda: client.get(path), expected=1)
    assert "Kies je wachtwoord" in response.content.decode()
