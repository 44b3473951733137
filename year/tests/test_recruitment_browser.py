"""In real Chromium: a resident finds the vacancy and applies; the secretary takes the application
through the procedure to appointed, and the new member appears with an invitation and a first
term; an application past its keeping time is gone with its files. Every page checked with axe."""

import datetime

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from members.models import Invitation, Term
from wijraad import deliveries
from wijraad.models import Delivery, DeliveryState
from wijraad.testing.browser import assert_accessible
from year import services
from year.models import Application, ApplicationState
from year.tests.factories import PDF, ApplicationFactory, VacancyFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def visit(page, url):
    page.goto(url)
    assert_accessible(page)


def test_a_resident_finds_there_is_no_vacancy_and_asks_to_be_told(page, live_server):
    visit(page, live_server.url + reverse("about"))
    page.get_by_role("link", name="De vacature en hoe je solliciteert").click()
    assert_accessible(page)
    assert "Er is nu geen vacature." in page.content()
    page.fill("#id_email", "inwoner@example.org")
    page.check("#id_consent")
    page.get_by_role("button", name="Laat het me weten").click()
    page.wait_for_load_state()
    assert_accessible(page)
    assert "We sturen je een e-mail als er een vacature is." in page.content()


def test_a_resident_applies(page, live_server, private_root):
    VacancyFactory()
    visit(page, live_server.url + reverse("year:vacancy"))
    page.get_by_role("link", name="Solliciteren").click()
    assert_accessible(page)
    page.fill("#id_name", "Anna de Vries")
    page.fill("#id_email", "anna@example.org")
    page.fill("#id_phone", "050 123 4567")
    for field, name in (("#id_cv", "cv.pdf"), ("#id_letter", "motivatie.pdf")):
        page.set_input_files(
            field, files=[{"name": name, "mimeType": "application/pdf", "buffer": PDF}]
        )
    page.check("#id_keep_consent")
    page.get_by_role("button", name="Sollicitatie versturen").click()
    page.wait_for_url("**/vacature/verstuurd/")
    assert_accessible(page)
    application = Application.objects.get()
    assert (application.name, application.keep_consent) == ("Anna de Vries", True)
    # The confirmation waits in the delivery ledger; a worker (here: the test) sends it.
    deliveries.sweep()
    for delivery in Delivery.objects.filter(state=DeliveryState.PENDING):
        deliveries.deliver(delivery.pk)
    assert [m.to for m in mail.outbox] == [["anna@example.org"]]


def test_the_secretary_appoints_an_applicant(page, live_server, login_as, secretaris, private_root):
    application = ApplicationFactory(name="Anna de Vries", email="anna@example.org")
    login_as(secretaris)
    visit(page, live_server.url + reverse("year:applications"))
    page.get_by_role("link", name="Anna de Vries").click()
    assert_accessible(page)
    start = timezone.localdate() + datetime.timedelta(days=14)
    for state in ("call_planned", "proposed", "appointed"):
        page.select_option("#id_to_state", state)
        if state == "appointed":
            page.fill("#id_start", start.isoformat())
        page.get_by_role("button", name="Stap opslaan").click()
        page.wait_for_load_state()
        assert_accessible(page)
    application.refresh_from_db()
    assert application.state == ApplicationState.APPOINTED
    person = application.person
    assert Term.objects.get(person=person).start == start
    assert Invitation.objects.filter(person=person).exists()
    page.get_by_role("link", name="Anna de Vries").last.click()
    page.wait_for_url(f"**/leden/mensen/{person.pk}/")
    assert_accessible(page)
    assert "Anna de Vries" in page.content()


def test_an_application_past_its_keeping_time_is_gone_with_its_files(
    page, live_server, login_as, secretaris, private_root
):
    application = ApplicationFactory(name="Bert Bakker")
    services.application_transition(
        application=application, to_state=ApplicationState.NOT_SELECTED, by=secretaris
    )
    files = [private_root / application.cv.name, private_root / application.letter.name]
    login_as(secretaris)
    visit(page, live_server.url + reverse("year:applications"))
    assert "Bert Bakker" in page.content()
    with time_machine.travel(timezone.now() + datetime.timedelta(weeks=4, days=1)):
        # Kept while the "not selected" mail still waits in the ledger: it needs the address.
        assert services.retention_run()["applications"] == 0
        deliveries.sweep()
        for delivery in Delivery.objects.filter(state=DeliveryState.PENDING):
            deliveries.deliver(delivery.pk)
        services.retention_run()
        login_as(secretaris)
        visit(page, live_server.url + reverse("year:applications"))
        assert "Bert Bakker" not in page.content()
    assert not Application.objects.exists()
    assert not any(f.exists() for f in files)
