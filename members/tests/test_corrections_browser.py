"""Journeys in real Chromium: a member signs a new version of the declaration and gets access
back; the secretary withdraws a mistaken appointment and corrects a term's first day; the
secretary's declaration pages. Every page is checked with axe."""

import pytest
from django.urls import reverse
from django.utils import timezone

from members import services
from members.dates import add_months
from members.models import DeclarationText, Term, TermWithdrawal
from members.tests.factories import DocumentFactory, UserFactory
from wijraad.models import Visibility
from wijraad.testing.browser import assert_accessible

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("private_root"),
]


def test_a_member_signs_a_new_declaration_version_and_gets_access_back(page, login_as, lid):
    DocumentFactory(title="Werkplan concept", visibility=Visibility.COUNCIL)
    DeclarationText.objects.create(
        version="2026-2",
        body="Nieuwe tekst.\nIk houd ook geheim wat ik in werkbezoeken hoor.",
        in_force_from=timezone.localdate(),
        everyone_signs_again=True,
    )
    login_as(lid)
    page.goto(reverse("dashboard"))
    main = page.locator("main").inner_text()
    assert "Je eerdere ondertekening van de geheimhoudingsverklaring telt niet meer" in main
    assert "Werkplan concept" not in main
    assert_accessible(page)

    page.get_by_role("link", name="Lees en onderteken de geheimhoudingsverklaring").click()
    page.wait_for_url("**/leden/geheimhouding/")
    assert "versie 2026-2" in page.locator("main").inner_text()
    assert_accessible(page)
    page.get_by_label("Ik heb de geheimhoudingsverklaring gelezen en ik houd me eraan.").check()
    page.get_by_role("button", name="Onderteken de geheimhoudingsverklaring").click()
    page.wait_for_url("**/dashboard/")
    assert "Bedankt voor het ondertekenen" in page.locator(".messages").inner_text()
    assert "telt niet meer" not in page.locator("main").inner_text()
    assert_accessible(page)
    page.get_by_role("link", name="Werkplan concept").click()
    page.wait_for_url("**/leden/documenten/*/")
    assert_accessible(page)
    assert list(lid.declarations.values_list("text", flat=True)) == ["2026-2", "2026-1"]


def test_the_secretary_withdraws_a_mistaken_appointment(page, login_as, secretaris):
    person = UserFactory(name="Klaas Bos")
    term = services.term_appoint(person=person, start=add_months(timezone.localdate(), 1))
    login_as(secretaris)
    page.goto(reverse("members:person", args=[person.pk]))
    assert_accessible(page)
    page.get_by_role("link", name="Termijn 1 intrekken (een vergissing)").click()
    page.wait_for_url("**/intrekken/")
    assert_accessible(page)
    page.get_by_role("button", name="Benoeming intrekken").click()
    assert page.locator(".invalid-feedback, .alert-danger").count() > 0  # the reason is needed
    assert_accessible(page)
    page.get_by_label("Reden").fill("Ingevoerd bij de verkeerde persoon")
    page.get_by_role("button", name="Benoeming intrekken").click()
    page.wait_for_url(f"**/leden/mensen/{person.pk}/")
    assert "De benoeming van Klaas Bos is ingetrokken" in page.locator(".messages").inner_text()
    main = page.locator("main").inner_text()
    assert "Ingetrokken benoemingen" in main
    assert "Reden: Ingevoerd bij de verkeerde persoon" in main
    assert_accessible(page)
    assert not Term.objects.filter(pk=term.pk).exists()
    assert TermWithdrawal.objects.get().withdrawn_by == secretaris


def test_the_secretary_corrects_a_first_day_and_sees_the_signatures(
    page, login_as, secretaris, lid
):
    person = UserFactory(name="Klaas Bos")
    term = services.term_appoint(person=person, start=add_months(timezone.localdate(), 1))
    login_as(secretaris)
    page.goto(reverse("members:person", args=[person.pk]))
    page.get_by_role("link", name="De eerste dag van termijn 1 corrigeren").click()
    assert_accessible(page)
    new_start = add_months(timezone.localdate(), 2)
    page.get_by_label("Juiste eerste dag van de zittingstermijn").fill(new_start.isoformat())
    page.get_by_role("button", name="Eerste dag corrigeren").click()
    page.wait_for_url(f"**/leden/mensen/{person.pk}/")
    assert "is gecorrigeerd" in page.locator(".messages").inner_text()
    term.refresh_from_db()
    assert term.start == new_start

    page.goto(reverse("members:people"))
    page.get_by_role("link", name="Wie heeft de verklaring ondertekend").click()
    page.wait_for_url("**/ondertekeningen/")
    assert "Klaas Bos" in page.locator("main").inner_text()
    assert_accessible(page)
    page.get_by_role("link", name="Nieuwe tekst invoeren").click()
    assert_accessible(page)
