"""The delivery ledger (wijraad.deliveries) with a finder and a builder of its own."""

import datetime
import smtplib

import pytest
from django.core import mail
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from members.tests.factories import UserFactory
from wijraad import deliveries
from wijraad.celery import app
from wijraad.models import Delivery, DeliveryState, Heartbeat
from wijraad.tasks import send_deliveries, send_delivery, sweep_deliveries

pytestmark = pytest.mark.django_db


@pytest.fixture
def ledger(monkeypatch):
    """A test kind: every user gets one 'hello' about the scheduler heartbeat."""
    subject = Heartbeat.beat("ledger-test")
    outcome = {"build": "mail"}
    monkeypatch.setattr(deliveries, "_finders", {})
    monkeypatch.setattr(deliveries, "_builders", {})
    monkeypatch.setattr(deliveries, "_urgent", set())

    def find(now):
        return [deliveries.Due(subject, user.pk, "test.hello") for user in wanted]

    def build(delivery):
        if outcome["build"] == "skip":
            return None
        if outcome["build"] == "fail":
            raise OSError("mail server down")
        return EmailMessage("Hallo", "Hallo!", to=[delivery.recipient.email])

    wanted = [UserFactory(email="een@example.org"), UserFactory(email="twee@example.org")]
    deliveries.register_finder("test", find)
    deliveries.register_kind("test.hello", build)
    return outcome


def queued(django_capture_on_commit_callbacks, **kwargs):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        ids = deliveries.sweep(**kwargs)
    assert len(callbacks) == len(deliveries.batches(ids))
    return ids


def test_one_row_per_subject_revision_recipient_kind(ledger, django_capture_on_commit_callbacks):
    first = queued(django_capture_on_commit_callbacks)
    assert len(first) == 2
    assert queued(django_capture_on_commit_callbacks) == []  # recorded, queued recently
    assert Delivery.objects.count() == 2
    row = Delivery.objects.first()
    with pytest.raises(IntegrityError), transaction.atomic():
        Delivery.objects.create(
            content_type=row.content_type,
            object_id=row.object_id,
            revision=row.revision,
            recipient=row.recipient,
            kind=row.kind,
        )


def test_urgent_kinds_are_queued_before_the_others(ledger, django_capture_on_commit_callbacks):
    """A reminder recorded after a batch of overviews still goes to the workers first."""
    subject = Heartbeat.beat("ledger-urgent")
    people = [UserFactory() for _ in range(3)]

    def find(now):
        yield from (deliveries.Due(subject, person.pk, "test.overview") for person in people)
        yield from (deliveries.Due(subject, person.pk, "test.reminder") for person in people)

    deliveries.register_finder("test", find)
    deliveries.register_kind("test.overview", lambda delivery: None)
    deliveries.register_kind("test.reminder", lambda delivery: None, urgent=True)
    ids = queued(django_capture_on_commit_callbacks)
    kinds = dict(Delivery.objects.values_list("pk", "kind"))
    assert [kinds[pk] for pk in ids] == ["test.reminder"] * 3 + ["test.overview"] * 3
    assert ids[:3] == sorted(ids[:3])
    assert ids[3:] == sorted(ids[3:])


def test_pending_rows_are_queued_again_after_a_while(
    ledger, settings, django_capture_on_commit_callbacks
):
    first = queued(django_capture_on_commit_callbacks)
    later = timezone.now() + datetime.timedelta(seconds=settings.DELIVERY_REQUEUE_AFTER_SECONDS)
    assert queued(django_capture_on_commit_callbacks, now=later) == first


def test_claim_is_exclusive_and_a_lapsed_lease_can_be_taken_over(
    ledger, settings, django_capture_on_commit_callbacks
):
    pk = queued(django_capture_on_commit_callbacks)[0]
    claimed = deliveries.claim(pk)
    assert claimed.state == DeliveryState.SENDING
    assert claimed.attempts == 1
    assert deliveries.claim(pk) is None
    assert deliveries.deliver(pk) is None
    lapsed = timezone.now() + datetime.timedelta(seconds=settings.DELIVERY_LEASE_SECONDS + 1)
    assert pk in queued(django_capture_on_commit_callbacks, now=lapsed)
    again = deliveries.claim(pk, now=lapsed)
    assert again.attempts == 2
    # The first claim lost the row: it can no longer mark it.
    assert deliveries.mark_sent(claimed) == 0
    assert deliveries.mark_sent(again) == 1


def test_deliver_sends_with_a_stable_message_id_and_marks_sent(
    ledger, django_capture_on_commit_callbacks
):
    pk = queued(django_capture_on_commit_callbacks)[0]
    assert deliveries.deliver(pk) == DeliveryState.SENT
    row = Delivery.objects.get(pk=pk)
    assert row.state == DeliveryState.SENT
    assert row.sent_at
    assert row.lease_until is None
    assert row.message_id == f"<wijraad.delivery.{pk}@example.org>"
    assert mail.outbox[0].extra_headers["Message-ID"] == row.message_id
    assert deliveries.deliver(pk) is None
    assert len(mail.outbox) == 1


def test_the_claim_gives_the_message_id_once_and_a_retry_keeps_it(
    ledger, settings, django_capture_on_commit_callbacks, django_assert_num_queries
):
    pk, other = queued(django_capture_on_commit_callbacks)
    Delivery.objects.filter(pk=pk).update(message_id="<earlier@example.org>")
    with django_assert_num_queries(2):  # the conditional UPDATE, the row with its recipient
        claimed = deliveries.claim(pk)
    assert claimed.message_id == "<earlier@example.org>"
    lapsed = timezone.now() + datetime.timedelta(seconds=settings.DELIVERY_LEASE_SECONDS + 1)
    assert deliveries.claim(pk, now=lapsed).message_id == "<earlier@example.org>"
    assert deliveries.claim(other).message_id == f"<wijraad.delivery.{other}@example.org>"


def test_a_failure_is_recorded_and_retried_up_to_the_maximum(
    ledger, settings, django_capture_on_commit_callbacks
):
    settings.DELIVERY_MAX_ATTEMPTS = 2
    ledger["build"] = "fail"
    pk = queued(django_capture_on_commit_callbacks)[0]
    assert deliveries.deliver(pk) == DeliveryState.FAILED
    row = Delivery.objects.get(pk=pk)
    assert row.state == DeliveryState.PENDING
    assert "mail server down" in row.last_error
    assert deliveries.deliver(pk) == DeliveryState.FAILED
    assert Delivery.objects.get(pk=pk).state == DeliveryState.FAILED
    assert mail.outbox == []


def test_a_message_no_longer_needed_is_skipped(ledger, django_capture_on_commit_callbacks):
    ledger["build"] = "skip"
    pk = queued(django_capture_on_commit_callbacks)[0]
    assert deliveries.deliver(pk) == DeliveryState.SKIPPED
    assert mail.outbox == []


def test_tasks_have_names_time_limits_and_the_sweep_is_in_the_beat_schedule(settings):
    assert send_deliveries.name == "wijraad.deliveries.send_batch"
    assert send_delivery.name == "wijraad.deliveries.send"
    assert sweep_deliveries.name == "wijraad.deliveries.sweep"
    for task in (send_deliveries, send_delivery):
        assert task.acks_late
        assert task.reject_on_worker_lost
        # A live worker's claim never lapses while it sends.
        assert task.time_limit < settings.DELIVERY_LEASE_SECONDS
    for task in (send_deliveries, send_delivery, sweep_deliveries):
        assert task.soft_time_limit < task.time_limit
    # A batch stops taking rows with room for one more mail before the soft limit.
    assert send_deliveries.soft_time_limit > settings.DELIVERY_BATCH_SECONDS + 30
    entry = app.conf.beat_schedule["deliveries-sweep"]
    assert entry["task"] == "wijraad.deliveries.sweep"
    assert entry["schedule"] <= datetime.timedelta(minutes=5)


def test_the_secretary_sees_when_the_sweep_last_ran(
    client, secretaris, assert_constant_queries, settings
):
    client.force_login(secretaris)
    html = client.get(reverse("dashboard")).content.decode()
    assert "Herinneringen per e-mail" in html
    assert "de afgelopen 15 minuten niet nagekeken" in html
    Heartbeat.objects.create(name=deliveries.SWEEP_HEARTBEAT, last_seen=timezone.now())
    html = client.get(reverse("dashboard")).content.decode()
    assert "voor het laatst nagekeken op" in html
    assert "niet nagekeken" not in html
    assert "Herinneringen gaan de deur uit." in html


class FakeSMTP:
    """Stands in for smtplib.SMTP: counts connections and the mails handed over on each."""

    opened = []

    def __init__(self, host, port, **kwargs):
        self.sent, self.closed, self.fail_next = [], False, False
        FakeSMTP.opened.append(self)

    def sendmail(self, from_addr, to_addrs, msg, **kwargs):
        if self.fail_next:
            raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
        self.sent.append(to_addrs)
        return {}

    def quit(self):
        self.closed = True

    def close(self):
        self.closed = True


@pytest.fixture
def smtp(settings, monkeypatch):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "smtp.example.org", 25
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = ""
    monkeypatch.setattr(smtplib, "SMTP", FakeSMTP)
    FakeSMTP.opened = []
    yield FakeSMTP.opened
    deliveries._drop_connection()


def test_a_worker_keeps_its_smtp_connection_for_the_next_mail(
    ledger, smtp, django_capture_on_commit_callbacks
):
    ids = queued(django_capture_on_commit_callbacks)
    assert [deliveries.deliver(pk) for pk in ids] == [DeliveryState.SENT, DeliveryState.SENT]
    [connection] = smtp
    assert connection.sent == [["een@example.org"], ["twee@example.org"]]
    assert not connection.closed


def test_a_failed_hand_over_drops_the_connection_and_the_next_mail_opens_one(
    ledger, smtp, django_capture_on_commit_callbacks
):
    first, second = queued(django_capture_on_commit_callbacks)
    deliveries._mail_connection()
    smtp[0].fail_next = True
    assert deliveries.deliver(first) == DeliveryState.FAILED
    assert Delivery.objects.get(pk=first).state == DeliveryState.PENDING  # tried again later
    assert smtp[0].closed
    assert deliveries.deliver(second) == DeliveryState.SENT
    assert len(smtp) == 2
    assert smtp[1].sent == [["twee@example.org"]]


def test_an_idle_connection_is_not_reused(
    ledger, smtp, settings, django_capture_on_commit_callbacks
):
    first, second = queued(django_capture_on_commit_callbacks)
    deliveries.deliver(first)
    deliveries._smtp.used_at -= settings.DELIVERY_SMTP_REUSE_SECONDS + 1
    deliveries.deliver(second)
    assert len(smtp) == 2
    assert smtp[0].closed
    assert [len(connection.sent) for connection in smtp] == [1, 1]


# --- Batches: a send task takes several rows, claimed in one commit, each marked on its own ---


@pytest.fixture
def crowd(ledger, monkeypatch):
    """Seven recipients of the test kind; the set returned names addresses whose e-mail cannot
    be built."""
    subject = Heartbeat.beat("ledger-crowd")
    people = [UserFactory(email=f"lid{number}@example.org") for number in range(7)]
    fail_for = set()

    def build(delivery):
        if delivery.recipient.email in fail_for:
            raise OSError("template broken")
        return EmailMessage("Hallo", "Hallo!", to=[delivery.recipient.email])

    deliveries.register_finder(
        "test", lambda now: [deliveries.Due(subject, p.pk, "test.hi") for p in people]
    )
    deliveries.register_kind("test.hi", build)
    return fail_for


def test_the_sweep_queues_batches_in_its_order(
    crowd, settings, monkeypatch, django_capture_on_commit_callbacks
):
    from wijraad.tasks import send_deliveries

    settings.DELIVERY_BATCH_SIZE = 3
    sent_to_broker = []
    monkeypatch.setattr(send_deliveries, "delay", lambda ids: sent_to_broker.append(ids))
    with django_capture_on_commit_callbacks(execute=True):
        ids = deliveries.sweep()
    assert len(ids) == 7
    assert sent_to_broker == [ids[0:3], ids[3:6], ids[6:7]]


def test_a_batch_sends_each_row_once_and_leaves_what_another_worker_holds(
    crowd, django_capture_on_commit_callbacks
):
    ids = queued(django_capture_on_commit_callbacks)
    elsewhere = deliveries.claim(ids[2])  # another worker holds this one
    outcome = deliveries.deliver_many(ids)
    assert list(outcome) == ids[:2] + ids[3:]  # in the order asked, without the one held
    assert set(outcome.values()) == {DeliveryState.SENT}
    assert len(mail.outbox) == 6
    rows = dict(Delivery.objects.values_list("pk", "state"))
    assert rows.pop(ids[2]) == DeliveryState.SENDING
    assert set(rows.values()) == {DeliveryState.SENT}
    assert {m.extra_headers["Message-ID"] for m in mail.outbox} == {
        f"<wijraad.delivery.{pk}@example.org>" for pk in outcome
    }
    # A second worker given the same batch gets nothing; the held row is still that worker's.
    assert deliveries.deliver_many(ids) == {}
    assert deliveries.mark_sent(elsewhere) == 1
    assert len(mail.outbox) == 6


def test_a_row_that_cannot_be_built_does_not_stop_the_batch(
    crowd, django_capture_on_commit_callbacks
):
    crowd.add("lid3@example.org")
    ids = queued(django_capture_on_commit_callbacks)
    outcome = deliveries.deliver_many(ids)
    failed = Delivery.objects.get(recipient__email="lid3@example.org")
    assert outcome.pop(failed.pk) == DeliveryState.FAILED
    assert set(outcome.values()) == {DeliveryState.SENT}
    assert failed.state == DeliveryState.PENDING  # tried again by a later sweep
    assert "template broken" in failed.last_error
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        f"lid{number}@example.org" for number in range(7) if number != 3
    )


def test_a_batch_past_its_time_lets_go_of_the_rows_it_did_not_start(
    crowd, settings, monkeypatch, django_capture_on_commit_callbacks
):
    from wijraad.tasks import send_deliveries

    settings.DELIVERY_BATCH_SECONDS = -1  # the time is up once the first row is done
    ids = queued(django_capture_on_commit_callbacks)
    sent_to_broker = []
    monkeypatch.setattr(send_deliveries, "delay", lambda batch: sent_to_broker.append(batch))
    with django_capture_on_commit_callbacks(execute=True):
        outcome = deliveries.deliver_many(ids)
    assert outcome == {ids[0]: DeliveryState.SENT}
    assert len(mail.outbox) == 1
    for row in Delivery.objects.filter(pk__in=ids[1:]):
        assert row.state == DeliveryState.PENDING
        assert row.attempts == 0  # letting go was no try
        assert row.lease_until is None
    assert sent_to_broker == [ids[1:]]  # queued again at once, not after the lease
    settings.DELIVERY_BATCH_SECONDS = 30
    assert set(deliveries.deliver_many(ids[1:]).values()) == {DeliveryState.SENT}
    assert sorted(m.to[0] for m in mail.outbox) == [f"lid{n}@example.org" for n in range(7)]
    assert set(Delivery.objects.values_list("attempts", flat=True)) == {1}


def test_a_batch_reads_its_rows_and_preferences_once(crowd, django_capture_on_commit_callbacks):
    """One UPDATE claims the batch, one per row marks it sent; the reads are per batch."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    ids = queued(django_capture_on_commit_callbacks)

    def statements(batch):
        with CaptureQueriesContext(connection) as captured:
            deliveries.deliver_many(batch)
        sql = [query["sql"].split()[0].upper() for query in captured.captured_queries]
        return sql.count("SELECT"), sql.count("UPDATE")

    assert statements(ids[:2]) == (2, 3)  # the rows with recipients, the preferences
    assert statements(ids[2:]) == (2, 6)
