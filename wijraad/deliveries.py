"""The delivery ledger: e-mails the portal sends on its own, never doubled and never lost.

The database is the source of truth, the broker only a courier (DESIGN.md):

1. `sweep()` (Celery beat, every few minutes) asks every registered *due finder* what is due,
   records one Delivery row per (subject, revision, recipient, kind) — the unique constraint
   makes a second or concurrent sweep record nothing new — and queues, on commit, the rows that
   are pending and not queued recently, and the claims whose lease ran out.
2. `deliver(delivery_id)` (the send task) claims its row with one conditional UPDATE
   (pending → sending, leased), so two workers cannot both hold it; builds the message with
   the kind's registered *builder*; hands it to the mail server with a Message-ID derived from
   the row; marks the row sent (or failed with the error; retried up to a maximum).

Guarantee: a worker that dies before handing the mail over leaves a claim whose lease runs out;
the next sweep queues it again and exactly one mail goes out. A worker that dies after the hand
-over but before marking the row sent → the mail goes out again once the lease runs out: at most
one duplicate per lost worker, with the same Message-ID, so mail clients can fold them.

Apps register in their AppConfig.ready(), so this ground floor never imports an app:

    deliveries.register_finder("meetings", find_due)    # find_due(now) -> iterable of Due
    deliveries.register_kind("meetings.reminder", build)  # build(delivery) -> EmailMessage|None

A builder returns None when the message is not needed any more (the meeting was cancelled, the
recipient left the council): the row is marked skipped.
"""

import datetime
import logging
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.mail import get_connection
from django.core.mail.backends.smtp import EmailBackend as SMTPBackend
from django.db import models, transaction
from django.db.models.functions import Coalesce, NullIf
from django.utils import timezone

from wijraad.models import Delivery, DeliveryState, Heartbeat

logger = logging.getLogger(__name__)

SWEEP_HEARTBEAT = "deliveries.sweep"
ERROR_LENGTH = 2000


@dataclass(frozen=True)
class Due:
    """One message that is due: about `subject` (a model instance) at `revision`, to `recipient`."""

    subject: models.Model
    recipient_id: int | None  # None: the kind's builder knows the address (e.g. a resident)
    kind: str
    revision: int = 0


_finders: dict[str, Callable[[datetime.datetime], Iterable[Due]]] = {}
_builders: dict[str, Callable] = {}
# Kinds that must not wait behind a batch of overviews and notices (a reminder before tomorrow's
# meeting, a cancellation): the sweep hands them to the workers first.
_urgent: set[str] = set()


def register_finder(name, finder):
    """`finder(now)` yields the Due messages of one app; registering a name again replaces it."""
    _finders[name] = finder


def register_kind(kind, builder, *, urgent=False):
    """`builder(delivery)` returns the EmailMessage to send for a row of `kind`, or None.

    `urgent` kinds are queued before the others in every sweep."""
    _builders[kind] = builder
    if urgent:
        _urgent.add(kind)
    else:
        _urgent.discard(kind)


def message_id_for(delivery):
    """A stable Message-ID: the same row gives the same header, whichever worker sends it."""
    return _message_id(delivery.pk)


def _message_id(delivery_id):
    domain = settings.DEFAULT_FROM_EMAIL.rsplit("@", 1)[-1].strip(" >") or "localhost"
    return f"<wijraad.delivery.{delivery_id}@{domain}>"


# --- The sweep -----------------------------------------------------------------------------------


def record_due(dues, *, now=None):
    """Record the Due messages in the ledger; rows that exist already are left alone."""
    now = now or timezone.now()
    rows = []
    for due in dues:
        content_type = ContentType.objects.get_for_model(due.subject)
        rows.append(
            Delivery(
                content_type=content_type,
                object_id=str(due.subject.pk),
                revision=due.revision,
                recipient_id=due.recipient_id,
                kind=due.kind,
                created_at=now,
                updated_at=now,
            )
        )
    Delivery.objects.bulk_create(rows, ignore_conflicts=True)
    return len(rows)


def to_queue(now=None):
    """Rows to hand to a worker: pending and not queued recently, or claimed with a lapsed lease."""
    now = now or timezone.now()
    requeue_before = now - datetime.timedelta(seconds=settings.DELIVERY_REQUEUE_AFTER_SECONDS)
    pending = models.Q(state=DeliveryState.PENDING) & (
        models.Q(queued_at__isnull=True) | models.Q(queued_at__lte=requeue_before)
    )
    lapsed = models.Q(state=DeliveryState.SENDING, lease_until__lt=now)
    return Delivery.objects.filter(pending | lapsed)


def enqueue(delivery_ids):
    """Queue the send task for each id once the current transaction commits (never before, so a
    worker cannot look for a row that is not there; never after a rollback)."""
    from wijraad.tasks import send_delivery

    for delivery_id in delivery_ids:
        transaction.on_commit(lambda pk=delivery_id: send_delivery.delay(pk))


def record_now(dues, *, now=None):
    """Record `dues` and queue them when the current transaction commits, instead of waiting for
    the next sweep: for a message someone waits for (the confirmation of a form). If the broker
    loses it, the sweep queues it again like any pending row. Returns the ids queued."""
    now = now or timezone.now()
    dues = list(dues)
    if not dues:
        return []
    record_due(dues, now=now)
    keys = {
        (ContentType.objects.get_for_model(due.subject).pk, str(due.subject.pk))
        + (due.revision, due.recipient_id, due.kind)
        for due in dues
    }
    rows = Delivery.objects.filter(
        content_type__in={key[0] for key in keys},
        object_id__in={key[1] for key in keys},
        kind__in={key[4] for key in keys},
    ).values_list("pk", "content_type_id", "object_id", "revision", "recipient_id", "kind")
    ids = [row[0] for row in rows if row[1:] in keys]
    Delivery.objects.filter(pk__in=ids, queued_at__isnull=True).update(queued_at=now)
    enqueue(ids)
    return ids


def sweep(*, now=None):
    """Record what is due, queue what needs a worker, note the run. Returns the ids queued."""
    now = now or timezone.now()
    with transaction.atomic():
        for _name, finder in sorted(_finders.items()):
            record_due(finder(now), now=now)
        rows = to_queue(now).order_by("pk").values_list("pk", "kind")
        ids = [pk for pk, _kind in sorted(rows, key=lambda row: (row[1] not in _urgent, row[0]))]
        Delivery.objects.filter(pk__in=ids, state=DeliveryState.PENDING).update(queued_at=now)
        enqueue(ids)
        Heartbeat.objects.update_or_create(name=SWEEP_HEARTBEAT, defaults={"last_seen": now})
    return ids


def last_sweep():
    return Heartbeat.objects.filter(name=SWEEP_HEARTBEAT).first()


# --- Sending -------------------------------------------------------------------------------------


def claim(delivery_id, *, now=None):
    """Take the row for this worker: one conditional UPDATE, so of two workers at most one gets
    it. Returns the row, or None when it is not claimable (sent, skipped, leased by another).

    The same UPDATE gives the row its Message-ID the first time (a later attempt keeps it), so a
    claim costs two queries: the UPDATE and the read of the row with its recipient."""
    now = now or timezone.now()
    lease_until = now + datetime.timedelta(seconds=settings.DELIVERY_LEASE_SECONDS)
    claimable = models.Q(state=DeliveryState.PENDING) | models.Q(
        state=DeliveryState.SENDING, lease_until__lt=now
    )
    taken = Delivery.objects.filter(claimable, pk=delivery_id).update(
        state=DeliveryState.SENDING,
        lease_until=lease_until,
        attempts=models.F("attempts") + 1,
        updated_at=now,
        message_id=Coalesce(
            NullIf(models.F("message_id"), models.Value("")),
            models.Value(_message_id(delivery_id)),
        ),
    )
    if not taken:
        return None
    return Delivery.objects.select_related("recipient", "content_type").get(pk=delivery_id)


def _finish(delivery, *, state, error="", now=None):
    """Move a claimed row on, only if this claim still holds it (same attempt)."""
    now = now or timezone.now()
    changes = {"state": state, "lease_until": None, "updated_at": now, "last_error": error}
    if state == DeliveryState.SENT:
        changes["sent_at"] = now
    if state == DeliveryState.PENDING:
        changes["queued_at"] = None
    return Delivery.objects.filter(
        pk=delivery.pk, state=DeliveryState.SENDING, attempts=delivery.attempts
    ).update(**changes)


def mark_sent(delivery):
    return _finish(delivery, state=DeliveryState.SENT)


def mark_failed(delivery, error):
    """Failed: tried again by a later sweep until the maximum of attempts, then left failed."""
    retry = delivery.attempts < settings.DELIVERY_MAX_ATTEMPTS
    state = DeliveryState.PENDING if retry else DeliveryState.FAILED
    return _finish(delivery, state=state, error=str(error)[:ERROR_LENGTH])


def _pause_point(name):
    """Test seam for the fault tests (inert unless DELIVERY_TEST_PAUSE_DIR is set): while the file
    `<dir>/<name>` exists the worker writes `<dir>/<name>.reached` and waits here, so a test can
    kill it at exactly this point. Points: "before_handover", "after_handover"."""
    directory = settings.DELIVERY_TEST_PAUSE_DIR
    if not directory:
        return
    pause = Path(directory) / name
    if pause.exists():
        (Path(directory) / f"{name}.reached").touch()
    while pause.exists():
        time.sleep(0.05)


_smtp = threading.local()


def _mail_connection():
    """The mail connection for the next delivery. An SMTP connection (TCP, TLS and the login: the
    most expensive part of a mail) is kept for the next delivery of this worker when that comes
    within DELIVERY_SMTP_REUSE_SECONDS; any other backend (files, memory) gets a new one per mail,
    as before. Reuse changes nothing in the guarantees: each mail is still claimed before and
    marked after its own hand-over; a failed hand-over drops the connection (`_drop_connection`)."""
    connection = get_connection()
    if not isinstance(connection, SMTPBackend) or settings.DELIVERY_SMTP_REUSE_SECONDS <= 0:
        return connection
    kept = getattr(_smtp, "connection", None)
    now = time.monotonic()
    if kept is not None and now - _smtp.used_at > settings.DELIVERY_SMTP_REUSE_SECONDS:
        _drop_connection()
        kept = None
    if kept is None:
        connection.open()  # opened here, so send_messages() leaves it open for the next mail
        _smtp.connection = kept = connection
    _smtp.used_at = now
    return kept


def _drop_connection():
    kept = getattr(_smtp, "connection", None)
    _smtp.connection = None
    if kept is not None:
        try:
            kept.close()
        except Exception:  # noqa: BLE001 - a broken connection is being thrown away anyway
            logger.warning("Could not close the SMTP connection", exc_info=True)


def deliver(delivery_id):
    """Claim, build, send and mark one delivery. Returns the final state, or None when this call
    did not get the row."""
    delivery = claim(delivery_id)
    if delivery is None:
        return None
    builder = _builders.get(delivery.kind)
    try:
        message = builder(delivery) if builder else None
    except Exception as error:
        logger.exception("Could not build delivery %s (%s)", delivery.pk, delivery.kind)
        mark_failed(delivery, error)
        return DeliveryState.FAILED
    if message is None:
        _finish(delivery, state=DeliveryState.SKIPPED)
        return DeliveryState.SKIPPED
    message.extra_headers["Message-ID"] = delivery.message_id
    _pause_point("before_handover")
    try:
        message.connection = _mail_connection()
        message.send()
    except Exception as error:
        logger.exception("Could not send delivery %s (%s)", delivery.pk, delivery.kind)
        _drop_connection()
        mark_failed(delivery, error)
        return DeliveryState.FAILED
    _pause_point("after_handover")
    mark_sent(delivery)
    return DeliveryState.SENT
