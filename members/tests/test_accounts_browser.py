"""Journeys through accounts in real Chromium: log in with two-step verification, invite, accept,
refused links, MFA set-up for a board user, the rate limit on wrong passwords."""

import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from members import services
from members.models import BoardPositionKind, Invitation, User
from members.tests.factories import TOTP_SECRET, UserFactory, totp_code
from wijraad.testing.browser import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "een-lang-wachtwoord-2026"
NEW_PASSWORD = "fietsen-langs-het-reitdiep"


def log_in(page, email, password):
    page.goto(reverse("account_login"))
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Inloggen").click()


@pytest.fixture
def portal_url(settings, live_server):
    settings.PORTAL_URL = live_server.url
    return live_server.url


def test_secretary_logs_in_with_totp_and_invites_a_person_who_sets_a_password(
    page, secretaris, portal_url
):
    secretaris.set_password(PASSWORD)
    secretaris.save()
    log_in(page, "secretaris@example.org", PASSWORD)
    page.wait_for_url("**/account/2fa/authenticate/**")
    assert_accessible(page)
    page.get_by_label("Code").fill(totp_code(TOTP_SECRET))
    page.get_by_role("button", name=re.compile("Inloggen|Aanmelden")).click()
    page.wait_for_url("**/dashboard/")
    assert page.locator("h1").inner_text().startswith("Welkom")

    page.get_by_role("link", name="Uitnodigingen").click()
    assert_accessible(page)
    page.get_by_role("link", name="Iemand uitnodigen").click()
    page.wait_for_url("**/leden/mensen/toevoegen/")
    assert_accessible(page)
    page.get_by_label("Naam").fill("Klaas Bos")
    page.get_by_label("E-mailadres").fill("klaas.bos@example.org")
    page.get_by_role("button", name="Toevoegen en uitnodiging versturen").click()
    page.wait_for_url("**/leden/mensen/*/")
    assert "Klaas Bos is toegevoegd en uitgenodigd" in page.locator(".messages").inner_text()
    page.get_by_role("link", name="Uitnodigingen").click()
    assert page.get_by_role("row", name=re.compile("Klaas Bos")).is_visible()
    assert_accessible(page)

    link = re.search(r"http://\S+/leden/uitnodiging/\S+/", mail.outbox[-1].body).group(0)
    page.context.clear_cookies()
    page.goto(link)
    assert page.locator("h1").inner_text() == "Kies je wachtwoord"
    assert_accessible(page)
    page.locator("#id_new_password1").fill(NEW_PASSWORD)
    page.get_by_label("Nieuw wachtwoord bevestigen").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Mijn wachtwoord opslaan").click()
    page.wait_for_url("**/account/login/")
    assert "Je wachtwoord is ingesteld" in page.locator(".messages").inner_text()
    assert_accessible(page)
    log_in(page, "klaas.bos@example.org", NEW_PASSWORD)
    page.wait_for_url("**/dashboard/")
    assert page.locator("h1").inner_text() == "Welkom, Klaas"

    # The same link again: refused, with a clear message.
    page.goto(link)
    assert page.locator("h1").inner_text() == "Deze link werkt niet"
    assert "Deze uitnodigingslink is al gebruikt." in page.locator("main").inner_text()
    assert_accessible(page)


def test_an_expired_link_is_refused_with_a_clear_message(page, secretaris, portal_url):
    person = services.person_invite(email="later@example.org", name="Lotte Later", by=secretaris)
    invitation = Invitation.objects.get(person=person)
    link = re.search(r"http://\S+/leden/uitnodiging/\S+/", mail.outbox[-1].body).group(0)
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now())
    page.goto(link)
    assert "Deze uitnodigingslink is verlopen." in page.locator("main").inner_text()
    assert_accessible(page)
    assert not User.objects.get(pk=person.pk).has_usable_password()


def test_board_user_without_mfa_is_sent_to_set_it_up_and_can(page):
    board = UserFactory(email="nieuwe-bestuurder@example.org", name="Nina Nieuwenhuis")
    board.set_password(PASSWORD)
    board.save()
    services.board_position_grant(
        person=board, kind=BoardPositionKind.BOARD_MEMBER, start=timezone.localdate()
    )
    log_in(page, "nieuwe-bestuurder@example.org", PASSWORD)
    # Setting up two-step verification asks for the password once more (allauth).
    page.wait_for_url("**/account/reauthenticate/**")
    assert "tweestapsverificatie nodig" in page.locator(".messages").inner_text()
    assert_accessible(page)
    page.goto(reverse("home"))
    page.wait_for_url("**/account/reauthenticate/?next=%2Faccount%2F2fa%2Ftotp%2Factivate%2F")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/account/2fa/totp/activate/")
    assert_accessible(page)
    secret = page.locator("#authenticator_secret").input_value()
    page.get_by_label("Authenticator code").fill(totp_code(secret))
    page.get_by_role("button", name="Activeer").click()
    page.wait_for_url("**/account/2fa/**")
    page.goto(reverse("dashboard"))
    assert page.locator("h1").inner_text() == "Welkom, Nina"


def test_the_sixth_wrong_password_in_a_row_is_refused(page, lid):
    lid.set_password(PASSWORD)
    lid.save()
    for _ in range(5):
        log_in(page, "lid@example.org", "verkeerd-wachtwoord-1")
        assert "e-mailadres en/of wachtwoord is niet correct" in page.locator("main").inner_text()
    log_in(page, "lid@example.org", PASSWORD)
    assert "Te veel inlogpogingen. Probeer het later nogmaals." in page.locator("main").inner_text()
    assert page.url.endswith(reverse("account_login"))
    assert_accessible(page)


def test_keyboard_only_login(page, lid):
    lid.set_password(PASSWORD)
    lid.save()
    page.goto(reverse("account_login"))
    page.keyboard.press("Tab")  # skip link
    field = None
    for _ in range(15):
        page.keyboard.press("Tab")
        field = page.evaluate("document.activeElement.id")
        if field == "id_login":
            break
    assert field == "id_login"
    page.keyboard.type("lid@example.org")
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url("**/dashboard/")


def test_account_pages_are_accessible(page, login_as, lid):
    login_as(lid)
    for name in ("members:account", "usersessions_list", "mfa_index", "account_change_password"):
        page.goto(reverse(name))
        assert_accessible(page)
