"""In real Chromium: the secretary registers a request that came by letter, extends its deadline
with a reason, keeps the topics, and publishes sent advice; a visitor reads it on the public page
and the home page. Every page checked with axe."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from advice.models import DeadlineExtension, Dossier, DossierState, Topic
from advice.tests.factories import AdoptedAdviceFactory, TopicFactory
from wijraad.testing.browser import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def visit(page, url):
    page.goto(url)
    assert_accessible(page)


def test_the_secretary_registers_extends_publishes(page, login_as, secretaris, bestuurder):
    TopicFactory(name="Informatie aan inwoners")
    login_as(secretaris)
    visit(page, reverse("advice:list"))
    page.get_by_role("link", name="Aanvraag van het bestuur registreren").click()
    assert_accessible(page)
    page.check("#id_kind_0")
    page.fill("#id_title", "Nieuwe website")
    page.select_option("#id_topic", label="Informatie aan inwoners")
    page.fill("#id_board_question", "Is de nieuwe website duidelijk?")
    page.fill("#id_intended_decision", "De website gaat in maart live.")
    page.select_option("#id_requested_by", str(bestuurder.pk))
    page.get_by_role("button", name="Opslaan").click()
    dossier = Dossier.objects.get()
    page.wait_for_url(f"**/advies/{dossier.pk}/")
    assert_accessible(page)

    page.get_by_role("link", name="Termijn verlengen").click()
    assert_accessible(page)
    later = dossier.advice_due + datetime.timedelta(weeks=2)
    page.fill("#id_new_date", later.isoformat())
    page.fill("#id_reason", "Afgesproken met de bestuurder: de raad wil eerst inwoners horen.")
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_url(f"**/advies/{dossier.pk}/")
    assert DeadlineExtension.objects.get().new_date == later

    visit(page, reverse("advice:topics"))
    page.fill("#id_name", "Wachttijden")
    page.get_by_role("button", name="Onderwerp toevoegen").click()
    page.wait_for_url("**/onderwerpen/")
    assert_accessible(page)
    assert Topic.objects.filter(name="Wachttijden").exists()

    sent = AdoptedAdviceFactory(
        dossier__title="Betere ontvangst",
        dossier__state=DossierState.SENT,
        dossier__sent_at=timezone.now(),
        summary="Meer tijd voor inwoners aan de balie.",
    ).dossier
    visit(page, reverse("advice:detail", args=[sent.pk]))
    page.get_by_role("button", name="Samenvatting openbaar maken").click()
    page.wait_for_url(f"**/advies/{sent.pk}/")

    page.context.clear_cookies()
    visit(page, reverse("home"))
    assert "Meer tijd voor inwoners aan de balie." in page.content()
    page.get_by_role("link", name="Alle openbare adviezen").click()
    page.wait_for_url("**/gepubliceerd/")
    assert_accessible(page)
    assert "Betere ontvangst" in page.content()
    assert "Nieuwe website" not in page.content()
