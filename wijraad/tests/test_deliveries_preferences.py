"""The delivery ledger honours each person's e-mail choices (chosen on their own page): a kind
switched off is recorded as such and not sent; non-urgent e-mails wait for one overview a day
or a week, which is a delivery of its own, sent once per period; urgent ones always go at once."""

import datetime
import smtplib

import pytest
import time_machine
from django.core import mail
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils import timezone

from members.tests.factories import UserFactory
from wijraad import deliveries
from wijraad.models import Delivery, DeliveryState, Heartbeat, MailFrequency
from wijraad.testing.mail import assert_mail

pytestmark = pytest.mark.django_db

NOTICE, URGENT, FIXED = "test.notice", "test.urgent", "test.fixed"
TUESDAY = datetime.date(2026, 6, 2)
MONDAY = datetime.date(2026, 6, 8)


def at(day, hour, minute=0):
    moment = datetime.datetime.combine(
        day, datetime.time(hour, minute), tzinfo=timezone.get_current_timezone()
    )
    return time_machine.travel(moment, tick=False)


@pytest.fixture
def ledger(monkeypatch):
    """Three test kinds for every wanted person: a notice, an urgent one, one always on. Each
    subject (a heartbeat row) can be made due later with `due(name)`."""
    monkeypatch.setattr(deliveries, "_finders", {})
    monkeypatch.setattr(deliveries, "_builders", {})
    monkeypatch.setattr(deliveries, "_urgent", set())
    monkeypatch.setattr(deliveries, "_kinds", {})
    monkeypatch.setattr(deliveries, "_direct", {})
    monkeypatch.setattr(deliveries, "_useful_until", {})
    monkeypatch.setattr(deliveries, "_names", dict(deliveries._names))
    state = {"subjects": [], "people": [], "skip": set(), "broken": set()}

    def find(now):
        for subject, kinds in state["subjects"]:
            for person in state["people"]:
                yield from (deliveries.Due(subject, person.pk, kind) for kind in kinds)

    def build(delivery):
        if delivery.object_id in state["skip"]:
            return None
        if delivery.object_id in state["broken"]:
            raise ValueError("template missing")
        subject = Heartbeat.objects.get(pk=delivery.object_id).name
        return EmailMessage(
            f"Bericht {subject}", f"Tekst over {subject}.", to=[delivery.recipient.email]
        )

    deliveries.register_finder("test", find)
    deliveries.register_kind(NOTICE, build, label="Bericht", explanation="Een bericht.")
    deliveries.register_kind(
        URGENT, build, urgent=True, label="Dringend", explanation="Een dringend bericht."
    )
    deliveries.register_kind(
        FIXED, build, label="Vast", explanation="Altijd.", always_on="Het moet."
    )

    def due(name, *kinds):
        state["subjects"].append((Heartbeat.beat(name), kinds or (NOTICE,)))

    state["due"] = due
    return state


def choose(client, user, frequency, kinds_on=(NOTICE,)):
    """The person's choice, made on their own page."""
    client.force_login(user)
    response = client.post(
        reverse("members:mail_preferences"), {"frequency": frequency, "kinds_on": list(kinds_on)}
    )
    assert response.status_code == 302


def sweep_and_send(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        ids = deliveries.sweep()
    return {pk: deliveries.deliver(pk) for pk in ids}


def states(kind=NOTICE):
    return sorted(
        Delivery.objects.filter(kind=kind).values_list("recipient__email", "state", "digest_id")
    )


def test_a_kind_switched_off_is_recorded_as_such_and_not_sent(
    ledger, client, django_capture_on_commit_callbacks
):
    een, twee = UserFactory(email="een@example.org"), UserFactory(email="twee@example.org")
    ledger["people"] += [een, twee]
    choose(client, een, MailFrequency.NOW, kinds_on=())
    with at(TUESDAY, 10):
        ledger["due"]("agenda", NOTICE, FIXED)
        sweep_and_send(django_capture_on_commit_callbacks)
    assert states() == [
        ("een@example.org", DeliveryState.SWITCHED_OFF, None),
        ("twee@example.org", DeliveryState.SENT, None),
    ]
    # The kind that may not be switched off still reaches both.
    assert {state for _e, state, _d in states(FIXED)} == {DeliveryState.SENT}
    assert sorted(message.to[0] for message in mail.outbox) == [
        "een@example.org",
        "twee@example.org",
        "twee@example.org",
    ]


def test_a_daily_overview_bundles_what_waited_and_is_sent_once(
    ledger, client, django_capture_on_commit_callbacks
):
    een = UserFactory(email="een@example.org", name="Een Lid")
    ledger["people"].append(een)
    choose(client, een, MailFrequency.DAILY)
    with at(TUESDAY, 10):
        ledger["due"]("agenda")
        sweep_and_send(django_capture_on_commit_callbacks)
        ledger["due"]("stuk")
        sweep_and_send(django_capture_on_commit_callbacks)
    assert mail.outbox == []
    assert [state for _e, state, _d in states()] == [DeliveryState.HELD] * 2
    with at(TUESDAY, 23, 59):  # held after this morning's overview: tomorrow's
        assert sweep_and_send(django_capture_on_commit_callbacks) == {}
    wednesday = TUESDAY + datetime.timedelta(days=1)
    with at(wednesday, 7, 2):
        sent = sweep_and_send(django_capture_on_commit_callbacks)
        assert list(sent.values()) == [DeliveryState.SENT]
        # The sweep runs again (and twice at once, as two beats might): nothing new.
        assert sweep_and_send(django_capture_on_commit_callbacks) == {}
        assert sweep_and_send(django_capture_on_commit_callbacks) == {}
        [digest_id] = sent
        assert deliveries.deliver(digest_id) is None  # a late duplicate task
    [message] = mail.outbox
    assert message.subject == "WIJ-raad: je overzicht van de dag"
    assert_mail(message, "Beste Een Lid", "Bericht agenda", "Tekst over stuk.", "2 e-mails")
    assert_mail(message, reverse("members:mail_preferences"))
    digest = Delivery.objects.get(pk=digest_id)
    assert (digest.kind, digest.recipient, digest.state) == (deliveries.DIGEST, een, "sent")
    assert message.extra_headers["Message-ID"] == digest.message_id
    # Both bundled rows are marked sent through the overview; none goes alone afterwards.
    assert states() == [("een@example.org", DeliveryState.SENT, digest_id)] * 2
    with at(wednesday + datetime.timedelta(days=1), 8):
        sweep_and_send(django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1


def test_a_weekly_overview_waits_for_its_day(ledger, client, django_capture_on_commit_callbacks):
    een = UserFactory(email="een@example.org")
    ledger["people"].append(een)
    choose(client, een, MailFrequency.WEEKLY)
    with at(TUESDAY, 10):
        ledger["due"]("agenda")
        sweep_and_send(django_capture_on_commit_callbacks)
    for day in range(1, 6):  # Wednesday to Sunday
        with at(TUESDAY + datetime.timedelta(days=day), 12):
            assert sweep_and_send(django_capture_on_commit_callbacks) == {}
    with at(MONDAY, 6, 59):
        assert sweep_and_send(django_capture_on_commit_callbacks) == {}
    with at(MONDAY, 7):
        assert list(sweep_and_send(django_capture_on_commit_callbacks).values()) == ["sent"]
    [message] = mail.outbox
    assert message.subject == "WIJ-raad: je overzicht van de week"
    assert_mail(message, "Tekst over agenda.", "1 e-mail in één overzicht")


def test_urgent_e_mails_go_at_once_for_whoever_chose_an_overview(
    ledger, client, django_capture_on_commit_callbacks
):
    een = UserFactory(email="een@example.org")
    ledger["people"].append(een)
    choose(client, een, MailFrequency.WEEKLY, kinds_on=(NOTICE, URGENT))
    with at(TUESDAY, 10):
        ledger["due"]("afgelast", NOTICE, URGENT)
        sweep_and_send(django_capture_on_commit_callbacks)
    [message] = mail.outbox
    assert message.subject == "Bericht afgelast"
    assert states(URGENT) == [("een@example.org", DeliveryState.SENT, None)]
    assert states() == [("een@example.org", DeliveryState.HELD, None)]


def test_an_overview_whose_hand_over_failed_is_retried_with_the_same_rows(
    ledger, client, django_capture_on_commit_callbacks, monkeypatch
):
    een = UserFactory(email="een@example.org")
    ledger["people"].append(een)
    choose(client, een, MailFrequency.DAILY)
    with at(TUESDAY, 6):
        ledger["due"]("agenda")
        sweep_and_send(django_capture_on_commit_callbacks)
    down = {"yes": True}
    connection = deliveries._mail_connection

    class Broken:
        def send_messages(self, messages):
            raise smtplib.SMTPServerDisconnected("mail server down")

    monkeypatch.setattr(
        deliveries, "_mail_connection", lambda: Broken() if down["yes"] else connection()
    )
    with at(TUESDAY, 7, 1):
        assert list(sweep_and_send(django_capture_on_commit_callbacks).values()) == ["failed"]
    assert states() == [("een@example.org", DeliveryState.HELD, Delivery.objects.last().pk)]
    with at(TUESDAY, 7, 5):
        ledger["due"]("stuk")  # held after the first attempt: the retry takes it too
        sweep_and_send(django_capture_on_commit_callbacks)
    down["yes"] = False
    with at(TUESDAY, 7, 30):  # the sweep queues the pending overview again
        assert list(sweep_and_send(django_capture_on_commit_callbacks).values()) == ["sent"]
    [message] = mail.outbox
    assert_mail(message, "Tekst over agenda.", "Tekst over stuk.")
    assert {state for _e, state, _d in states()} == {DeliveryState.SENT}


def test_what_is_no_longer_needed_is_skipped_in_the_overview(
    ledger, client, django_capture_on_commit_callbacks
):
    een = UserFactory(email="een@example.org")
    ledger["people"].append(een)
    choose(client, een, MailFrequency.DAILY)
    with at(TUESDAY, 6):
        ledger["due"]("agenda")
        sweep_and_send(django_capture_on_commit_callbacks)
    ledger["skip"].add(str(Heartbeat.objects.get(name="agenda").pk))
    with at(TUESDAY, 7, 1):
        assert list(sweep_and_send(django_capture_on_commit_callbacks).values()) == ["skipped"]
    assert mail.outbox == []
    assert [state for _e, state, _d in states()] == [DeliveryState.SKIPPED]


def test_back_to_at_once_releases_what_waited(ledger, client, django_capture_on_commit_callbacks):
    een = UserFactory(email="een@example.org")
    ledger["people"].append(een)
    choose(client, een, MailFrequency.WEEKLY)
    with at(TUESDAY, 10):
        ledger["due"]("agenda")
        sweep_and_send(django_capture_on_commit_callbacks)
    held = Delivery.objects.get(state=DeliveryState.HELD)
    assert held.attempts == 0  # holding it was no try to send it
    choose(client, een, MailFrequency.NOW)
    with at(TUESDAY, 11):
        assert list(sweep_and_send(django_capture_on_commit_callbacks).values()) == ["sent"]
    assert [message.subject for message in mail.outbox] == ["Bericht agenda"]
    held.refresh_from_db()
    assert held.attempts == 1
    assert states() == [("een@example.org", DeliveryState.SENT, None)]


def requeued(day, hour, tries):
    """The moments of `tries` sweeps, each after the previous claim may be queued again."""
    return [at(day, hour, 5 + 10 * number) for number in range(tries)]


def test_an_overview_that_cannot_be_built_is_retried_then_failed_and_lets_go_of_its_rows(
    ledger, client, django_capture_on_commit_callbacks, monkeypatch, settings
):
    settings.DELIVERY_MAX_ATTEMPTS = 3
    een = UserFactory(email="een@example.org")
    ledger["people"].append(een)
    choose(client, een, MailFrequency.DAILY)
    with at(TUESDAY, 6):
        ledger["due"]("agenda")
        sweep_and_send(django_capture_on_commit_callbacks)
    build_overview = deliveries._digest_message

    def broken(*args, **kwargs):
        raise KeyError("preferences_url")

    monkeypatch.setattr(deliveries, "_digest_message", broken)
    for moment in requeued(TUESDAY, 7, 3):
        with moment:
            assert list(sweep_and_send(django_capture_on_commit_callbacks).values()) == [
                DeliveryState.FAILED
            ]
        # Each time the held row is let go, still held, for the next try.
        assert states() == [("een@example.org", DeliveryState.HELD, None)]
    digest = Delivery.objects.get(kind=deliveries.DIGEST)
    assert (digest.state, digest.attempts) == (DeliveryState.FAILED, 3)
    assert "preferences_url" in digest.last_error
    with at(TUESDAY, 8):  # failed for good: not queued again
        assert sweep_and_send(django_capture_on_commit_callbacks) == {}
    assert mail.outbox == []
    # The next overview takes the row again.
    monkeypatch.setattr(deliveries, "_digest_message", build_overview)
    with at(TUESDAY + datetime.timedelta(days=1), 7, 1):
        assert list(sweep_and_send(django_capture_on_commit_callbacks).values()) == [
            DeliveryState.SENT
        ]
    [message] = mail.outbox
    assert_mail(message, "Tekst over agenda.")
    assert [state for _e, state, _d in states()] == [DeliveryState.SENT]


def test_an_e_mail_that_cannot_be_built_for_an_overview_gets_every_attempt(
    ledger, client, django_capture_on_commit_callbacks, settings
):
    settings.DELIVERY_MAX_ATTEMPTS = 2
    een = UserFactory(email="een@example.org")
    ledger["people"].append(een)
    choose(client, een, MailFrequency.DAILY)
    with at(TUESDAY, 6):
        ledger["due"]("agenda")
        ledger["due"]("stuk")
        sweep_and_send(django_capture_on_commit_callbacks)
    stuk = Delivery.objects.get(object_id=str(Heartbeat.objects.get(name="stuk").pk))
    ledger["broken"].add(stuk.object_id)
    with at(TUESDAY, 7, 1):
        assert list(sweep_and_send(django_capture_on_commit_callbacks).values()) == ["sent"]
    [message] = mail.outbox
    assert_mail(message, "Tekst over agenda.")
    assert "Tekst over stuk." not in message.body
    stuk.refresh_from_db()
    # Not failed at once: held for the next overview, the try counted.
    assert (stuk.state, stuk.digest_id, stuk.attempts) == (DeliveryState.HELD, None, 1)
    assert "template missing" in stuk.last_error
    wednesday = TUESDAY + datetime.timedelta(days=1)
    with at(wednesday, 7, 1):  # the second and last try
        assert list(sweep_and_send(django_capture_on_commit_callbacks).values()) == ["skipped"]
    stuk.refresh_from_db()
    assert (stuk.state, stuk.attempts) == (DeliveryState.FAILED, 2)
    ledger["broken"].clear()  # too late: it used every attempt
    with at(wednesday + datetime.timedelta(days=1), 7, 1):
        assert sweep_and_send(django_capture_on_commit_callbacks) == {}
    assert len(mail.outbox) == 1


def test_a_row_built_again_in_a_later_overview_is_sent_there(
    ledger, client, django_capture_on_commit_callbacks
):
    een = UserFactory(email="een@example.org")
    ledger["people"].append(een)
    choose(client, een, MailFrequency.DAILY)
    with at(TUESDAY, 6):
        ledger["due"]("stuk")
        sweep_and_send(django_capture_on_commit_callbacks)
    stuk = Delivery.objects.get(kind=NOTICE)
    ledger["broken"].add(stuk.object_id)
    with at(TUESDAY, 7, 1):
        assert list(sweep_and_send(django_capture_on_commit_callbacks).values()) == ["skipped"]
    ledger["broken"].clear()
    with at(TUESDAY + datetime.timedelta(days=1), 7, 1):
        assert list(sweep_and_send(django_capture_on_commit_callbacks).values()) == ["sent"]
    [message] = mail.outbox
    assert_mail(message, "Tekst over stuk.")
    second = Delivery.objects.filter(kind=deliveries.DIGEST).latest("pk")
    assert states() == [("een@example.org", DeliveryState.SENT, second.pk)]


DEADLINE = "test.deadline"


def test_an_e_mail_of_no_use_by_the_next_overview_goes_at_once(
    ledger, client, django_capture_on_commit_callbacks
):
    """An extra meeting announced on Tuesday for Thursday reaches a weekly reader at once, not
    next Monday (when it would be skipped: the meeting is over); one for after Monday waits."""
    thursday = TUESDAY + datetime.timedelta(days=2)
    deadlines = {}

    def build(delivery):
        return EmailMessage(f"Vergadering {delivery.object_id}", "Kom ook.", to=["x@example.org"])

    def useful_until(delivery):
        return deadlines[delivery.object_id]

    deliveries.register_kind(
        DEADLINE,
        build,
        label="Extra",
        explanation="Een extra vergadering.",
        useful_until=useful_until,
    )
    een = UserFactory(email="een@example.org")
    ledger["people"].append(een)
    choose(client, een, MailFrequency.WEEKLY, kinds_on=(NOTICE, DEADLINE))
    with at(TUESDAY, 10):
        ledger["due"]("donderdag", DEADLINE)
        ledger["due"]("volgende-week", DEADLINE)
        ledger["due"]("geen-termijn", DEADLINE)
        soon, later, none = (
            Heartbeat.objects.get(name=name).pk
            for name in ("donderdag", "volgende-week", "geen-termijn")
        )
        deadlines[str(soon)] = datetime.datetime.combine(
            thursday, datetime.time(17, 30), tzinfo=timezone.get_current_timezone()
        )
        deadlines[str(later)] = datetime.datetime.combine(
            MONDAY + datetime.timedelta(days=1),
            datetime.time(17, 30),
            tzinfo=timezone.get_current_timezone(),
        )
        deadlines[str(none)] = None
        sweep_and_send(django_capture_on_commit_callbacks)
    assert [message.subject for message in mail.outbox] == [f"Vergadering {soon}"]
    assert sorted(states(DEADLINE)) == [
        ("een@example.org", DeliveryState.HELD, None),
        ("een@example.org", DeliveryState.HELD, None),
        ("een@example.org", DeliveryState.SENT, None),
    ]


def test_a_daily_overview_holds_what_is_of_use_until_tomorrow_morning(
    ledger, client, django_capture_on_commit_callbacks
):
    deliveries.register_kind(
        DEADLINE,
        lambda delivery: EmailMessage("Stuk", "Tekst.", to=["x@example.org"]),
        label="Extra",
        explanation="Een extra vergadering.",
        useful_until=lambda delivery: timezone.now() + datetime.timedelta(hours=21, minutes=1),
    )
    een = UserFactory(email="een@example.org")
    ledger["people"].append(een)
    choose(client, een, MailFrequency.DAILY, kinds_on=(DEADLINE,))
    with at(TUESDAY, 10):  # the next overview: Wednesday 7:00, 21 hours later
        ledger["due"]("stuk", DEADLINE)
        sweep_and_send(django_capture_on_commit_callbacks)
    assert states(DEADLINE) == [("een@example.org", DeliveryState.HELD, None)]


def test_a_kind_not_on_the_preferences_page_is_never_held(
    ledger, client, django_capture_on_commit_callbacks
):
    """It cannot be chosen, so it cannot be waited for either."""
    deliveries.register_kind(
        "test.unlisted",
        lambda delivery: EmailMessage("Los", "Tekst.", to=["x@example.org"]),
        name="Los bericht",
    )
    een = UserFactory(email="een@example.org")
    ledger["people"].append(een)
    choose(client, een, MailFrequency.WEEKLY)
    with at(TUESDAY, 10):
        ledger["due"]("los", "test.unlisted")
        sweep_and_send(django_capture_on_commit_callbacks)
    assert states("test.unlisted") == [("een@example.org", DeliveryState.SENT, None)]


def test_registering_a_kind_again_replaces_its_name(ledger):
    deliveries.register_kind("test.renamed", lambda delivery: None, name="Oude naam")
    assert deliveries.kind_name("test.renamed") == "Oude naam"
    deliveries.register_kind("test.renamed", lambda delivery: None)
    assert deliveries.kind_name("test.renamed") == "test.renamed"
