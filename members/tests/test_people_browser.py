"""Journeys through the people pages in real Chromium: the secretary adds and appoints a person
(keyboard only), who sets a password, signs the declaration and reads a council document; the
refusals of a 14th seat and a third term."""

import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from members import services
from members.dates import add_years
from members.models import Term, User
from members.tests.factories import (
    DeclarationTextFactory,
    DocumentFactory,
    UserFactory,
    fill_seats,
)
from wijraad.models import Visibility
from wijraad.testing.browser import assert_accessible

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("private_root"),
]

PASSWORD = "fietsen-langs-het-reitdiep"


@pytest.fixture
def portal_url(settings, live_server):
    settings.PORTAL_URL = live_server.url
    return live_server.url


def tab_to(page, condition, *, limit=80):
    """Press Tab until the JavaScript `condition` on document.activeElement holds."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(element => {condition})(document.activeElement)"):
            return
    raise AssertionError(f"Tab never reached an element where {condition}")


def tab_to_link(page, text):
    """Tab to the link or button with exactly this text."""
    tab_to(page, f"element.textContent.trim() === {text!r}")


def tab_to_field(page, field_id):
    tab_to(page, f"element.id === {field_id!r}")


def test_the_secretary_adds_and_appoints_a_person_who_signs_and_reads_a_council_document(
    page, login_as, secretaris, portal_url
):
    DeclarationTextFactory()  # the seeded text, which a flushed database no longer has
    DocumentFactory(
        title="Huishoudelijk reglement", visibility=Visibility.COUNCIL, original_name="hr.pdf"
    )
    login_as(secretaris)
    page.goto(reverse("members:people"))
    assert_accessible(page)

    # Keyboard only: add the person...
    tab_to_link(page, "Persoon toevoegen")
    page.keyboard.press("Enter")
    page.wait_for_url("**/leden/mensen/toevoegen/")
    assert_accessible(page)
    tab_to_field(page, "id_name")
    page.keyboard.type("Klaas Bos")
    tab_to_field(page, "id_email")
    page.keyboard.type("klaas.bos@example.org")
    tab_to_field(page, "id_phone")
    page.keyboard.type("050 123 4567")
    tab_to_field(page, "id_neighbourhood")
    page.keyboard.type("Beijum")
    tab_to_link(page, "Toevoegen en uitnodiging versturen")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r".*/leden/mensen/\d+/$"))
    assert "Klaas Bos is toegevoegd en uitgenodigd" in page.locator(".messages").inner_text()
    assert_accessible(page)

    # ...and appoint them from today (the form proposes today).
    tab_to_link(page, "Benoemen als lid")
    page.keyboard.press("Enter")
    page.wait_for_url("**/benoemen/")
    assert_accessible(page)
    tab_to_link(page, "Benoemen")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r".*/leden/mensen/\d+/$"))
    assert "Klaas Bos is benoemd." in page.locator(".messages").inner_text()
    person = User.objects.get(email="klaas.bos@example.org")
    assert Term.objects.get(person=person).start == timezone.localdate()

    # The person chooses a password with the link from the invitation...
    link = re.search(r"http://\S+/leden/uitnodiging/\S+/", mail.outbox[-1].body).group(0)
    page.context.clear_cookies()
    page.goto(link)
    page.locator("#id_new_password1").fill(PASSWORD)
    page.get_by_label("Nieuw wachtwoord bevestigen").fill(PASSWORD)
    page.get_by_role("button", name="Mijn wachtwoord opslaan").click()
    page.wait_for_url("**/account/login/")
    page.get_by_label("E-mailadres").fill("klaas.bos@example.org")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url("**/dashboard/")

    # ...sees nothing confidential yet, and is asked to sign.
    assert "Huishoudelijk reglement" not in page.locator("main").inner_text()
    assert_accessible(page)
    page.get_by_role("link", name="Lees en onderteken de geheimhoudingsverklaring").click()
    page.wait_for_url("**/leden/geheimhouding/")
    assert "versie 2026-1" in page.locator("main").inner_text()
    assert_accessible(page)
    page.get_by_role("button", name="Onderteken de geheimhoudingsverklaring").click()
    assert "Zet een vinkje" in page.locator("main").inner_text()
    page.get_by_label("Ik heb de geheimhoudingsverklaring gelezen en ik houd me eraan.").check()
    page.get_by_role("button", name="Onderteken de geheimhoudingsverklaring").click()
    page.wait_for_url("**/dashboard/")
    assert "Bedankt voor het ondertekenen" in page.locator(".messages").inner_text()
    assert page.get_by_role("heading", name="Nieuwe documenten").is_visible()
    assert page.get_by_role("heading", name="Mijn lidmaatschap").is_visible()
    assert_accessible(page)

    # The member dashboard lists the council document; it opens and downloads.
    page.get_by_role("link", name="Huishoudelijk reglement").click()
    page.wait_for_url("**/leden/documenten/*/")
    assert_accessible(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="Downloaden Huishoudelijk reglement").click()
    assert download.value.suggested_filename == "hr.pdf"


def test_a_fourteenth_seat_and_a_third_term_are_refused_with_a_clear_message(
    page, login_as, secretaris, voorzitter
):
    today = timezone.localdate()
    fill_seats(12, start=add_years(today, -1))  # with the chair: all 13 seats taken
    newcomer = UserFactory(name="Klaas Bos")
    login_as(secretaris)
    page.goto(reverse("members:person", args=[newcomer.pk]))
    page.get_by_role("link", name="Benoemen als lid").click()
    page.get_by_role("button", name="Benoemen").click()
    error = page.locator(".alert-danger").inner_text()
    assert "Alle 13 zetels zijn bezet op" in error
    assert "één te veel" in error
    assert_accessible(page)
    assert not Term.objects.filter(person=newcomer).exists()

    services.term_reappoint(person=voorzitter)
    page.goto(reverse("members:person", args=[voorzitter.pk]))
    assert "Kan niet worden herbenoemd" in page.locator("main").inner_text()
    page.goto(reverse("members:person_reappoint", args=[voorzitter.pk]))
    page.get_by_label("Eerste dag van de nieuwe zittingstermijn").fill(
        add_years(today, 6).isoformat()
    )
    page.get_by_role("button", name="Herbenoemen").click()
    error = page.locator(".alert-danger").inner_text()
    assert "heeft al 2 zittingstermijnen gehad" in error
    assert_accessible(page)
    assert voorzitter.terms.count() == 2


@pytest.mark.parametrize("persona", ["secretaris", "lid", "bestuurder"])
def test_the_people_pages_are_accessible(page, login_as, personas, persona):
    login_as(personas[persona])
    page.goto(reverse("members:people"))
    assert_accessible(page)
    if persona != "bestuurder":
        page.goto(reverse("members:person", args=[personas["lid"].pk]))
        assert_accessible(page)
        page.goto(reverse("members:term_schedule"))
        assert_accessible(page)
    page.goto(reverse("dashboard"))
    assert_accessible(page)


def test_the_secretarys_forms_are_accessible(page, login_as, secretaris, voorzitter, bestuurder):
    login_as(secretaris)
    term = voorzitter.terms.get()
    for url in (
        reverse("members:person_edit", args=[voorzitter.pk]),
        reverse("members:office_grant", args=[voorzitter.pk]),
        reverse("members:board_position_grant", args=[voorzitter.pk]),
        reverse("members:term_end", args=[term.pk]),
        reverse("members:office_end", args=[voorzitter.offices.get().pk]),
        reverse("members:board_position_end", args=[bestuurder.board_positions.get().pk]),
    ):
        page.goto(url)
        assert_accessible(page)


def test_the_unsigned_member_is_shown_the_way_to_sign(page, login_as, lid_ongetekend):
    login_as(lid_ongetekend)
    response = page.goto(reverse("members:people"))
    assert response.status == 403
    assert_accessible(page)
    page.get_by_role("link", name="Lees en onderteken de geheimhoudingsverklaring").click()
    page.wait_for_url("**/leden/geheimhouding/")
    page.goto(reverse("dashboard"))
    assert page.get_by_role("heading", name="Onderteken de geheimhoudingsverklaring").is_visible()
    assert_accessible(page)
