"""The secretary changes someone's e-mail address (the person is told at both addresses) and
switches an account off and on again from the portal, with the reason in the history."""

import pytest
from allauth.account.models import EmailAddress
from auditlog.models import LogEntry
from django.core import mail
from django.urls import reverse

from members.models import AccountStatusChange, User
from members.tests.factories import PASSWORD, UserFactory
from wijraad.testing.mail import assert_mail

pytestmark = pytest.mark.django_db


@pytest.fixture
def as_secretary(client, secretaris):
    client.force_login(secretaris)
    return client


def email_url(person):
    return reverse("members:person_email", args=[person.pk])


def account_url(person):
    return reverse("members:person_account", args=[person.pk])


def test_the_secretary_changes_an_address_and_the_person_is_told_at_both(
    as_secretary, secretaris, lid, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = as_secretary.post(email_url(lid), {"email": "Sander.Nieuw@Example.org"})
    assert response["Location"] == reverse("members:person", args=[lid.pk])
    lid.refresh_from_db()
    assert lid.email == "sander.nieuw@example.org"
    address = EmailAddress.objects.get(user=lid)
    assert (address.email, address.verified, address.primary) == (lid.email, True, True)
    assert sorted(message.to[0] for message in mail.outbox) == [
        "lid@example.org",
        "sander.nieuw@example.org",
    ]
    for message in mail.outbox:
        assert message.subject == "Je e-mailadres voor het portaal van de WIJ-raad is gewijzigd"
        assert_mail(message, "van lid@example.org in sander.nieuw@example.org")
    entry = LogEntry.objects.get_for_object(lid).filter(action=LogEntry.Action.UPDATE).last()
    assert entry.actor == secretaris
    assert "sander.nieuw" not in str(entry.changes)  # the address is masked in the log
    # The person logs in with the new address.
    client = as_secretary.__class__()
    assert client.login(email="sander.nieuw@example.org", password=PASSWORD)


@pytest.mark.parametrize(
    ("email", "message"),
    [
        ("lid@example.org", "Dit is al het adres."),
        ("SECRETARIS@example.org", "Er is al een account met dit e-mailadres."),
        ("geen-adres", "Voer een geldig e-mailadres in."),
    ],
)
def test_an_address_that_is_the_same_or_taken_is_refused(
    as_secretary, lid, secretaris, email, message
):
    response = as_secretary.post(email_url(lid), {"email": email})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert User.objects.get(pk=lid.pk).email == "lid@example.org"
    assert not mail.outbox


def test_the_secretary_switches_an_account_off_and_on_again(as_secretary, secretaris, client):
    person = UserFactory(name="Klaas Bos", email="klaas@example.org")
    other = client.__class__()
    other.force_login(person)
    assert other.get(reverse("dashboard")).status_code == 200

    response = as_secretary.post(account_url(person), {"reason": "Uit de raad vertrokken"})
    assert response.status_code == 302
    person.refresh_from_db()
    assert not person.is_active
    # Logged out at the next request, and no new login.
    assert other.get(reverse("dashboard")).status_code == 302
    assert not other.login(email="klaas@example.org", password=PASSWORD)
    page = as_secretary.get(response["Location"]).content.decode()
    assert "Het account van Klaas Bos staat uit." in page
    assert "Uitgezet op" in page
    assert "Uit de raad vertrokken" in page

    as_secretary.post(account_url(person), {"reason": "Komt terug als kandidaat"})
    person.refresh_from_db()
    assert person.is_active
    changes = list(AccountStatusChange.objects.order_by("changed_at", "id"))
    assert [(c.active, c.reason, c.changed_by) for c in changes] == [
        (False, "Uit de raad vertrokken", secretaris),
        (True, "Komt terug als kandidaat", secretaris),
    ]
    entries = LogEntry.objects.get_for_object(person).filter(action=LogEntry.Action.UPDATE)
    assert [entry.actor for entry in entries] == [secretaris, secretaris]
    logged = LogEntry.objects.get_for_object(changes[0]).get()
    assert "vertrokken" not in str(logged.changes)  # the reason is masked in the log


def test_a_switch_needs_a_reason_and_the_secretary_keeps_her_own_account(
    as_secretary, secretaris, lid
):
    response = as_secretary.post(account_url(lid), {"reason": ""})
    assert response.status_code == 200
    assert User.objects.get(pk=lid.pk).is_active
    response = as_secretary.post(account_url(secretaris), {"reason": "Test"})
    assert "Je kunt je eigen account niet uitzetten." in response.content.decode()
    assert User.objects.get(pk=secretaris.pk).is_active


@pytest.mark.parametrize("name", ["members:person_email", "members:person_account"])
def test_the_account_pages_have_constant_queries(as_secretary, lid, assert_constant_queries, name):
    # user, the person (with whether signed) and the prefetches of terms, offices and positions
    # (the roles come from the cache)
    assert_constant_queries(lambda: as_secretary.get(reverse(name, args=[lid.pk])), expected=5)
