"""Closing the loop: the resident hears what came of the signal through the delivery ledger."""

import pytest
from django.core import mail

from advice.models import DossierState
from advice.tests.factories import BoardAnswerFactory, DossierFactory
from signals import services
from signals.models import SignalState
from signals.reminders import CLOSED, DOSSIER_ANSWERED, RECEIVED
from signals.tests.factories import SignalFactory, signal_with_email
from wijraad import deliveries
from wijraad.models import Delivery, DeliveryState

pytestmark = pytest.mark.django_db


def send_all():
    deliveries.sweep()
    for delivery in Delivery.objects.filter(state=DeliveryState.PENDING):
        deliveries.deliver(delivery.pk)


def test_closing_sends_the_outcome_once(secretaris):
    signal, token = signal_with_email(state=SignalState.TRIAGE, language="en")
    services.signal_transition(
        signal=signal, to=SignalState.CLOSED, by=secretaris, outcome="WIJ <b>belt</b> terug."
    )
    send_all()
    send_all()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert signal.reference in message.subject
    assert message.subject.startswith("What came of your signal")  # the form's language
    assert "WIJ <b>belt</b> terug." in message.body
    html = message.alternatives[0][0]
    assert "WIJ &lt;b&gt;belt&lt;/b&gt; terug." in html
    assert token in message.body
    assert Delivery.objects.get(kind=CLOSED).state == DeliveryState.SENT


def test_not_for_the_council_sends_where_to_go_instead(secretaris):
    signal, _token = signal_with_email()
    services.signal_transition(
        signal=signal, to=SignalState.NOT_FOR_COUNCIL, by=secretaris, referral="Het WIJ-team."
    )
    send_all()
    assert "Het WIJ-team." in mail.outbox[0].body


def test_a_merged_signal_hears_the_outcome_of_the_one_it_went_into(secretaris):
    signal, _token = signal_with_email()
    main = SignalFactory(state=SignalState.TRIAGE)
    services.signal_merge(signal=signal, into=main, by=secretaris)
    send_all()
    assert not mail.outbox
    services.signal_transition(
        signal=main, to=SignalState.CLOSED, by=secretaris, outcome="Samen opgelost."
    )
    send_all()
    assert len(mail.outbox) == 1
    assert "Samen opgelost." in mail.outbox[0].body


def test_no_address_no_message_and_a_removed_address_is_skipped(secretaris):
    SignalFactory(state=SignalState.CLOSED, outcome="x")
    signal, _token = signal_with_email(state=SignalState.CLOSED, outcome="x")
    deliveries.sweep()
    signal.contact.delete()
    for delivery in Delivery.objects.filter(state=DeliveryState.PENDING):
        deliveries.deliver(delivery.pk)
    assert not mail.outbox
    assert Delivery.objects.get().state == DeliveryState.SKIPPED


def to_resident():
    return [message for message in mail.outbox if message.to == ["bewoner@example.net"]]


def test_the_board_answering_the_dossier_tells_the_resident_once(secretaris, bestuurder):
    signal, token = signal_with_email()
    dossier = DossierFactory(state=DossierState.SENT)
    services.signal_link_dossier(signal=signal, dossier=dossier, by=secretaris)
    send_all()
    assert not to_resident()
    BoardAnswerFactory(dossier=dossier, summary="WIJ neemt het advies over.")
    dossier.state = DossierState.ANSWERED
    dossier.save()
    send_all()
    send_all()
    assert len(to_resident()) == 1
    assert "WIJ neemt het advies over." in to_resident()[0].body
    assert Delivery.objects.get(kind=DOSSIER_ANSWERED).revision == dossier.pk


def test_the_confirmation_is_in_the_ledger_too(client, form_data):
    client.post("/signalen/melden/", form_data(email="a@example.net", consent="on"))
    assert Delivery.objects.filter(kind=RECEIVED, recipient=None).count() == 1
    send_all()
    send_all()
    assert len(mail.outbox) == 1
