"""In real Chromium, the resident's journey: a resident sends a signal with an e-mail address
using only the keyboard; the secretary triages it, puts it on an agenda and links it to an advice
dossier; the board answers that advice; the resident's status page and e-mail show it, and the
outcome once the signal is closed; after the retention time the contact details are gone and a
second run changes nothing. Every page checked with axe."""

import datetime
import re

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from advice import services as advice_services
from advice.models import DossierState
from advice.tests.factories import DossierFactory
from meetings.tests.factories import AgendaItemFactory, MeetingFactory
from signals import services
from signals.models import Signal, SignalContact, SignalState
from signals.tests.factories import SignalThemeFactory
from wijraad import deliveries
from wijraad.models import Delivery, DeliveryState, Visibility
from wijraad.testing.browser import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def to_anna():
    return [message for message in mail.outbox if message.to == ["anna@example.net"]]


def send_all():
    deliveries.sweep()
    for delivery in Delivery.objects.filter(state=DeliveryState.PENDING):
        deliveries.deliver(delivery.pk)


def tab_to(page, element_id, limit=60):
    """Press Tab until the element has the focus, as a keyboard user does."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement && document.activeElement.id") == element_id:
            return
    raise AssertionError(f"#{element_id} cannot be reached with the Tab key")


def test_a_resident_sends_a_signal_with_only_the_keyboard_and_hears_what_came_of_it(
    page, login_as, secretaris, bestuurder
):
    # A transactional test may follow another that emptied the seeded themes: make sure.
    theme = SignalThemeFactory(name="Bereikbaarheid en wachttijd")
    page.goto(reverse("signals:submit"))
    assert_accessible(page)
    tab_to(page, "id_theme")
    # The arrow keys change a closed list's choice (typing ahead depends on timing).
    for _ in range(10):
        if page.input_value("#id_theme") == str(theme.pk):
            break
        page.keyboard.press("ArrowDown")
    assert page.input_value("#id_theme") == str(theme.pk)
    tab_to(page, "id_story")
    page.keyboard.type("Ik stond een uur in de wacht toen ik WIJ belde.")
    tab_to(page, "id_name")
    page.keyboard.type("Anna")
    tab_to(page, "id_email")
    page.keyboard.type("anna@example.net")
    tab_to(page, "id_consent")
    page.keyboard.press("Space")
    page.get_by_text("Klaar: je kunt het formulier versturen.").wait_for()
    page.keyboard.press("Enter")
    try:
        page.wait_for_url("**/melden/bedankt/")
    except PlaywrightTimeout:
        raise AssertionError(page.locator("main").inner_text()) from None
    assert_accessible(page)
    signal = Signal.objects.get()
    assert signal.theme.name == "Bereikbaarheid en wachttijd"
    assert signal.reference in page.locator("#reference").inner_text()

    send_all()
    assert len(to_anna()) == 1
    status_url = re.search(r"http\S+/signalen/status/\S+/", to_anna()[0].body).group(0)
    status_path = status_url.split("127.0.0.1:8000", 1)[-1]
    page.goto(status_path)
    assert_accessible(page)
    assert "Nieuw" in page.locator("#signal-state").inner_text()

    # The secretary triages it, puts it on an agenda and links it to an advice dossier.
    meeting = MeetingFactory(date=timezone.localdate() + datetime.timedelta(days=14))
    item = AgendaItemFactory(meeting=meeting, title="Bereikbaarheid van WIJ")
    dossier = DossierFactory(
        state=DossierState.SENT, visibility=Visibility.BOARD, title="Telefonische bereikbaarheid"
    )
    login_as(secretaris)
    page.goto(reverse("signals:list"))
    assert_accessible(page)
    page.get_by_role("link", name=signal.reference).click()
    assert_accessible(page)
    page.select_option("#id_to", "triage")
    page.get_by_role("button", name="Stand opslaan").click()
    page.wait_for_url(f"**/signalen/{signal.pk}/")
    page.get_by_label("Agendapunt").select_option(str(item.pk))
    page.get_by_role("button", name="Koppelen aan dit agendapunt").click()
    page.wait_for_url(f"**/signalen/{signal.pk}/")
    page.get_by_label("Adviesdossier").select_option(str(dossier.pk))
    page.get_by_role("button", name="Koppelen aan dit dossier").click()
    page.wait_for_url(f"**/signalen/{signal.pk}/")
    assert_accessible(page)
    assert "Meegenomen in een advies" in page.locator("#signal-state").inner_text()
    page.get_by_role("link", name="Contactgegevens tonen").click()
    assert_accessible(page)
    assert "anna@example.net" in page.content()

    # The board answers that advice.
    advice_services.answer_give(
        dossier=dossier,
        position="follows",
        text="Het bestuur neemt het advies over.",
        summary="WIJ zet meer mensen aan de telefoon.",
        by=bestuurder,
    )
    send_all()
    assert len(to_anna()) == 2
    assert "WIJ zet meer mensen aan de telefoon." in to_anna()[1].body
    page.context.clear_cookies()
    page.goto(status_path)
    assert_accessible(page)
    assert "WIJ zet meer mensen aan de telefoon." in page.content()

    # The secretary closes it with an outcome: e-mail and status page show it.
    login_as(secretaris)
    page.goto(reverse("signals:detail", args=[signal.pk]))
    page.select_option("#id_to", "closed")
    page.fill("#id_outcome", "De raad gaf advies; WIJ neemt het over.")
    page.get_by_role("button", name="Stand opslaan").click()
    page.wait_for_url(f"**/signalen/{signal.pk}/")
    assert_accessible(page)
    send_all()
    assert len(to_anna()) == 3
    assert "De raad gaf advies; WIJ neemt het over." in to_anna()[2].body
    page.context.clear_cookies()
    page.goto(status_path)
    assert "De raad gaf advies; WIJ neemt het over." in page.locator("#signal-outcome").inner_text()

    # After the retention time the contact details are gone; a second run changes nothing.
    with time_machine.travel(timezone.now() + datetime.timedelta(days=100)):
        assert services.retention_run() == {"contacts": 1, "anonymised": 0}
        assert services.retention_run() == {"contacts": 0, "anonymised": 0}
    assert not SignalContact.objects.exists()
    login_as(secretaris)
    page.goto(reverse("signals:detail", args=[signal.pk]))
    assert "De contactgegevens zijn na de afhandeling verwijderd." in page.content()
    assert Signal.objects.get().state == SignalState.CLOSED


def test_the_trends_page_for_the_board(page, login_as, bestuurder):
    login_as(bestuurder)
    page.goto(reverse("signals:trends"))
    assert_accessible(page)
    assert page.locator("svg.trend-chart").count() == 3
