"""Advice notices and reminders through the delivery ledger: what is due, to whom, once; the
mails in Dutch and English, with the reference and a link but no confidential text."""

import datetime

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from advice import reminders
from advice.models import DossierState
from advice.tests.factories import BoardAnswerFactory, DossierFactory
from members.models import MailPreference
from wijraad import deliveries
from wijraad.models import Delivery, DeliveryState, MailFrequency
from wijraad.testing.mail import assert_mail

pytestmark = pytest.mark.django_db

SECRET = "Geheime reorganisatie"


def at(day, hour=9):
    return time_machine.travel(
        datetime.datetime.combine(day, datetime.time(hour), tzinfo=timezone.get_current_timezone()),
        tick=False,
    )


def sweep_and_send(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        ids = deliveries.sweep()
    for pk in ids:
        deliveries.deliver(pk)
    return ids


def recipients(kind):
    return sorted(Delivery.objects.filter(kind=kind).values_list("recipient__email", flat=True))


def test_the_secretary_hears_of_a_request_once_without_its_title(
    personas, django_capture_on_commit_callbacks
):
    dossier = DossierFactory(title=SECRET, state=DossierState.RECEIVED)
    sweep_and_send(django_capture_on_commit_callbacks)
    sweep_and_send(django_capture_on_commit_callbacks)
    assert recipients(reminders.REQUEST_RECEIVED) == ["secretaris@example.org"]
    [message] = mail.outbox
    assert_mail(message, dossier.reference, f"/advies/{dossier.pk}/", "Beste Joyce Meijer")
    assert message.subject == f"Er wacht een adviesaanvraag: {dossier.reference}"
    assert SECRET not in message.body
    assert SECRET not in message.alternatives[0][0]


def test_the_working_group_is_reminded_a_week_before(
    lid, voorzitter, django_capture_on_commit_callbacks
):
    day = timezone.localdate() + datetime.timedelta(days=30)
    dossier = DossierFactory(
        state=DossierState.IN_PREPARATION,
        requested_on=day - datetime.timedelta(weeks=6),
        advice_due=day,
    )
    dossier.working_group.set([lid])
    with at(day - datetime.timedelta(days=8)):
        assert sweep_and_send(django_capture_on_commit_callbacks) == []
    with at(day - datetime.timedelta(days=7)):
        sweep_and_send(django_capture_on_commit_callbacks)
    assert recipients(reminders.ADVICE_DUE) == ["lid@example.org"]


def test_the_board_hears_of_sent_advice_and_a_late_answer(
    bestuurder, secretaris, django_capture_on_commit_callbacks
):
    bestuurder.preferred_language = "en"
    bestuurder.save()
    due = timezone.localdate() + datetime.timedelta(days=30)
    dossier = DossierFactory(state=DossierState.SENT, sent_at=timezone.now(), answer_due=due)
    with at(due - datetime.timedelta(days=20)):
        sweep_and_send(django_capture_on_commit_callbacks)
    assert recipients(reminders.SENT) == ["bestuurder@example.org"]
    [message] = mail.outbox
    assert message.subject == f"The council's advice is waiting for you: {dossier.reference}"
    assert_mail(message, "Dear Hans Wieringa", dossier.reference)
    with at(due + datetime.timedelta(days=1)):
        sweep_and_send(django_capture_on_commit_callbacks)
    assert recipients(reminders.ANSWER_OVERDUE) == [
        "bestuurder@example.org",
        "secretaris@example.org",
    ]
    assert recipients(reminders.ANSWER_DUE) == []


def test_the_council_hears_the_answer_not_the_board(personas, django_capture_on_commit_callbacks):
    BoardAnswerFactory()
    sweep_and_send(django_capture_on_commit_callbacks)
    assert recipients(reminders.ANSWERED) == [
        "lid@example.org",
        "secretaris@example.org",
        "voorzitter@example.org",
    ]


def test_a_notice_no_longer_needed_is_skipped(personas, django_capture_on_commit_callbacks):
    dossier = DossierFactory(state=DossierState.RECEIVED)
    with django_capture_on_commit_callbacks(execute=False):
        ids = deliveries.sweep()
    dossier.state = DossierState.WITHDRAWN
    dossier.save()
    for pk in ids:
        deliveries.deliver(pk)
    assert set(Delivery.objects.values_list("state", flat=True)) == {DeliveryState.SKIPPED}
    assert mail.outbox == []


STATE_FOR_KIND = {
    reminders.REQUEST_RECEIVED: DossierState.RECEIVED,
    reminders.ADVICE_DUE: DossierState.IN_PREPARATION,
    reminders.SENT: DossierState.SENT,
    reminders.ANSWER_DUE: DossierState.SENT,
    reminders.ANSWER_OVERDUE: DossierState.SENT,
    reminders.ANSWERED: DossierState.ANSWERED,
}


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("kind", reminders.KINDS)
def test_every_mail_in_both_languages_says_only_that_something_waits(secretaris, kind, language):
    secretaris.preferred_language = language
    secretaris.save()
    dossier = DossierFactory(
        title=SECRET,
        board_question=SECRET,
        state=STATE_FOR_KIND[kind],
        sent_at=timezone.now(),
        answer_due=timezone.localdate(),
    )
    delivery = Delivery(subject=dossier, object_id=str(dossier.pk), recipient=secretaris, kind=kind)
    message = reminders.build_mail_for(delivery)
    greeting = "Beste Joyce Meijer," if language == "nl" else "Dear Joyce Meijer,"
    assert_mail(message, greeting, dossier.reference, f"/advies/{dossier.pk}/")
    assert dossier.reference in message.subject
    for part in (message.subject, message.body, message.alternatives[0][0]):
        assert SECRET not in part


def test_a_deadline_reminder_is_not_held_past_its_deadline(
    lid, voorzitter, django_capture_on_commit_callbacks
):
    """A weekly overview would bring it after the advice is due: it goes at once. A daily one
    comes in time: it waits for it."""
    MailPreference.objects.create(user=lid, frequency=MailFrequency.WEEKLY)
    MailPreference.objects.create(user=voorzitter, frequency=MailFrequency.DAILY)
    day = timezone.localdate() + datetime.timedelta(days=30)
    friday = day + datetime.timedelta(days=(4 - day.weekday()) % 7)
    dossier = DossierFactory(
        state=DossierState.IN_PREPARATION,
        requested_on=friday - datetime.timedelta(weeks=6),
        advice_due=friday,
    )
    dossier.working_group.set([lid, voorzitter])
    with at(friday - datetime.timedelta(days=3)):  # Tuesday
        sweep_and_send(django_capture_on_commit_callbacks)
    states = dict(
        Delivery.objects.filter(kind=reminders.ADVICE_DUE).values_list("recipient__email", "state")
    )
    assert states == {
        "lid@example.org": DeliveryState.SENT,
        "voorzitter@example.org": DeliveryState.HELD,
    }
    assert [message.to for message in mail.outbox] == [["lid@example.org"]]
