"""The delivery ledger: e-mails the portal sends on its own, never doubled and never lost.

The database is the source of truth, the broker only a courier (DESIGN.md):

1. `sweep()` (Celery beat, every few minutes) asks every registered *due finder* what is due,
   records one Delivery row per (subject, revision, recipient, kind) — the unique constraint
   makes a second or concurrent sweep record nothing new — and queues, on commit, the rows that
   are pending and not queued recently, and the claims whose lease ran out.
2. `deliver_many(delivery_ids)` (the send task, a batch of at most DELIVERY_BATCH_SIZE rows)
   claims its rows with one conditional UPDATE (pending → sending, leased) that returns the ids
   it took, so two workers cannot both hold a row and the batch costs one commit; then, one row
   after the other, builds the message with the kind's registered *builder*, hands it to the
   mail server with a Message-ID derived from the row, and marks that row sent on its own commit
   (or failed with the error; retried up to a maximum). A batch that runs longer than
   DELIVERY_BATCH_SECONDS lets go of the rows it has not started and queues them again.
   `deliver(delivery_id)` is the same for one row. Two batches hold the same row only when the
   sweep queued it again while it still waited in the broker; if their claims ever deadlock,
   PostgreSQL fails one of them and its rows stay pending for the next sweep: late, not lost.

Guarantee: a worker that dies before handing the mail over leaves a claim whose lease runs out;
the next sweep queues it again and exactly one mail goes out. A worker that dies after the hand
-over but before marking the row sent → the mail goes out again once the lease runs out: at most
one duplicate per lost worker, with the same Message-ID, so mail clients can fold them. A batch
changes nothing in this: each row is marked sent right after its own hand-over, so a lost worker
holds at most one mail between hand-over and mark; the rest of its batch was either marked sent
or not handed over, and goes once its lease runs out.

Apps register in their AppConfig.ready(), so this ground floor never imports an app:

    deliveries.register_finder("meetings", find_due)    # find_due(now) -> iterable of Due
    deliveries.register_kind("meetings.reminder", build)  # build(delivery) -> EmailMessage|None

A builder returns None when the message is not needed any more (the meeting was cancelled, the
recipient left the council): the row is marked skipped.

Each person's choices (which kinds, how often) are asked through one *preference resolver*,
registered by the members app (`register_preferences`), so this floor keeps no preferences of
its own. When a row is claimed:

- its kind is switched off by the recipient (and may be) → marked `switched_off`, not sent;
- the recipient chose an overview a day or a week, the kind is listed on the preferences page
  (it has a label), is not urgent, and is still useful at the next overview (its registered
  `useful_until`, e.g. the start of the meeting) → marked `held`;
- else it is sent at once. Urgent kinds always go at once.

Held rows wait for the recipient's *overview* (DIGEST), a delivery of its own: the sweep records
one per recipient and period (the subject is the recipient, the revision the day of the period,
so the unique constraint lets it exist once) when rows were held before the period's moment.
Sending it attaches the held rows (`digest`), builds each with its own kind's builder (checked
again, as always), sends one e-mail, and marks the overview and its rows sent in one transaction.
A retry rebuilds from the same attached rows; a row attached to an overview is never sent alone.
A row whose builder fails is let go (held, for the next overview) with the attempt counted, and
failed once it used DELIVERY_MAX_ATTEMPTS, as a single e-mail would; an overview that cannot be
built lets go of all its rows and is retried (then failed) like any delivery.
"""

import datetime
import logging
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.mail import get_connection
from django.core.mail.backends.smtp import EmailBackend as SMTPBackend
from django.db import connections, models, transaction
from django.db.models import sql
from django.db.models.functions import Cast, Coalesce, Concat, NullIf
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wijraad.mail import absolute_url, build_mail
from wijraad.models import Delivery, DeliveryState, Heartbeat, MailFrequency

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
# Until when an e-mail of a kind is of use (its deadline), by kind: a row is held for an overview
# only if it is still of use when that overview goes out.
_useful_until: dict[str, Callable] = {}


# The overview of held e-mails (see the module's docstring); the ground floor's own kind.
DIGEST = "deliveries.digest"


@dataclass(frozen=True)
class KindInfo:
    """An e-mail as a person sees it on their preferences page."""

    kind: str
    label: str  # what it is, in plain words
    explanation: str  # one line: when it comes and why
    always_on: str = ""  # why it cannot be switched off; empty: it can


@dataclass(frozen=True)
class Preference:
    """A person's choices; the default (nothing chosen): every e-mail, each at once."""

    frequency: str = MailFrequency.NOW
    kinds_off: frozenset = frozenset()


DEFAULT_PREFERENCE = Preference()
_kinds: dict[str, KindInfo] = {}
# What each kind is called where a person reads it (the failed e-mails on the dashboard).
_names: dict[str, str] = {DIGEST: _("Overview of e-mails")}
# E-mails sent outside the ledger (invitations, password, address changes): always on.
_direct: dict[str, KindInfo] = {}
_preferences = {"resolver": None, "url_name": ""}
_batch_preparers: list[Callable] = []


def register_finder(name, finder):
    """`finder(now)` yields the Due messages of one app; registering a name again replaces it."""
    _finders[name] = finder


def register_kind(
    kind,
    builder,
    *,
    urgent=False,
    label=None,
    explanation=None,
    always_on=None,
    name=None,
    useful_until=None,
):
    """`builder(delivery)` returns the EmailMessage to send for a row of `kind`, or None.

    `urgent` kinds are queued before the others in every sweep and never wait for an overview.
    `label` and `explanation` show the kind on a person's e-mail preferences (a kind without a
    label goes to addresses outside the portal, e.g. residents, is not listed there and never
    waits for an overview); `always_on` is the reason a person cannot switch it off. `name`
    calls a kind without a label something readable (see `kind_name`). `useful_until(delivery)`
    returns the moment after which the e-mail is of no use (aware; None: no such moment): a row
    is held for an overview only if that overview goes out before it. Registering a kind again
    replaces all of this."""
    _builders[kind] = builder
    if label or name:
        _names[kind] = label or name
    else:
        _names.pop(kind, None)
    if urgent:
        _urgent.add(kind)
    else:
        _urgent.discard(kind)
    if useful_until:
        _useful_until[kind] = useful_until
    else:
        _useful_until.pop(kind, None)
    if label:
        _kinds[kind] = KindInfo(kind, label, explanation or "", always_on or "")
    else:
        _kinds.pop(kind, None)


def kind_name(kind):
    """What a kind is called in a list of e-mails (its label, else its name, else the code)."""
    return _names.get(kind, kind)


def register_direct(key, *, label, explanation, always_on):
    """An e-mail an app sends outside the ledger (an invitation, a password link): listed on the
    preferences page as always on, with the reason."""
    _direct[key] = KindInfo(key, label, explanation, always_on)


def register_batch_preparer(preparer):
    """`preparer(rows)` runs once per batch after its claim, before any row is built: for what
    every row's builder asks of its recipient, read for the batch at once (the members app
    warms the recipients' roles with one round trip). It must not change what a builder
    decides, only how fast it is asked."""
    _batch_preparers.append(preparer)


def register_preferences(resolver, *, url_name):
    """`resolver(user_ids)` returns {user id: Preference} for the ids with choices of their own;
    `url_name` names the page where a person makes them (linked from the overview)."""
    _preferences.update(resolver=resolver, url_name=url_name)


def listed_kinds():
    """The e-mails a person can see on their preferences page: the ledger's kinds with a label,
    then the e-mails outside the ledger, in the order they were registered."""
    return [*_kinds.values(), *_direct.values()]


def switchable_kinds():
    """The listed kinds a person may switch off, in the order of `listed_kinds`."""
    return [info for info in listed_kinds() if not info.always_on]


def may_switch_off(kind):
    info = _kinds.get(kind)
    return info is not None and not info.always_on


def preferences_for(user_ids):
    """{user id: Preference} for each of `user_ids` (the default for who chose nothing)."""
    resolver = _preferences["resolver"]
    chosen = resolver(list(user_ids)) if resolver and user_ids else {}
    return {pk: chosen.get(pk, DEFAULT_PREFERENCE) for pk in user_ids}


def digest_moment(frequency, now):
    """The latest moment at or before `now` an overview of `frequency` goes out (aware)."""
    local = timezone.localtime(now)
    day = local.date()
    if local.hour < settings.DELIVERY_DIGEST_HOUR:
        day -= datetime.timedelta(days=1)
    if frequency == MailFrequency.WEEKLY:
        day -= datetime.timedelta(days=(day.weekday() - settings.DELIVERY_DIGEST_WEEKDAY) % 7)
    moment = datetime.datetime.combine(day, datetime.time(settings.DELIVERY_DIGEST_HOUR))
    return timezone.make_aware(moment)


def next_digest_moment(frequency, now):
    """The first moment after `now` an overview of `frequency` goes out (aware): the one a row
    held at `now` waits for."""
    day = timezone.localtime(digest_moment(frequency, now)).date()
    day += datetime.timedelta(days=7 if frequency == MailFrequency.WEEKLY else 1)
    moment = datetime.datetime.combine(day, datetime.time(settings.DELIVERY_DIGEST_HOUR))
    return timezone.make_aware(moment)


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


def batches(delivery_ids):
    """`delivery_ids` in their order, cut into batches of at most DELIVERY_BATCH_SIZE."""
    ids = list(delivery_ids)
    size = max(settings.DELIVERY_BATCH_SIZE, 1)
    return [ids[start : start + size] for start in range(0, len(ids), size)]


def enqueue(delivery_ids):
    """Queue the send task for the ids, a batch at a time, once the current transaction commits
    (never before, so a worker cannot look for a row that is not there; never after a
    rollback). The order is kept: urgent rows first go in the first batches."""
    from wijraad.tasks import send_deliveries

    for batch in batches(delivery_ids):
        transaction.on_commit(lambda batch=batch: send_deliveries.delay(batch))


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
        record_due(digests_due(now), now=now)
        rows = to_queue(now).order_by("pk").values_list("pk", "kind")
        ids = [pk for pk, _kind in sorted(rows, key=lambda row: (row[1] not in _urgent, row[0]))]
        Delivery.objects.filter(pk__in=ids, state=DeliveryState.PENDING).update(queued_at=now)
        enqueue(ids)
        Heartbeat.objects.update_or_create(name=SWEEP_HEARTBEAT, defaults={"last_seen": now})
    return ids


def digests_due(now):
    """The overviews due at `now`: one per recipient whose held rows include one held before the
    latest moment of their frequency. Held rows of a person who now wants e-mails at once are
    released (pending again) for this sweep to queue."""
    held = (
        Delivery.objects.filter(state=DeliveryState.HELD, digest__isnull=True)
        .values("recipient_id")
        .annotate(first=models.Min("updated_at"))
    )
    first_held = {row["recipient_id"]: row["first"] for row in held}
    if not first_held:
        return []
    user_model = get_user_model()
    release, due = [], []
    for pk, preference in sorted(preferences_for(list(first_held)).items()):
        if preference.frequency == MailFrequency.NOW:
            release.append(pk)
            continue
        moment = digest_moment(preference.frequency, now)
        if first_held[pk] <= moment:
            period = timezone.localtime(moment).date().toordinal()
            due.append(Due(user_model(pk=pk), pk, DIGEST, period))
    if release:
        Delivery.objects.filter(
            state=DeliveryState.HELD, digest__isnull=True, recipient_id__in=release
        ).update(state=DeliveryState.PENDING, queued_at=None, updated_at=now)
    return due


def last_sweep():
    return Heartbeat.objects.filter(name=SWEEP_HEARTBEAT).first()


# --- Sending -------------------------------------------------------------------------------------


def claim(delivery_id, *, now=None):
    """Take the row for this worker (see `claim_many`). Returns the row, or None when it is not
    claimable (sent, skipped, leased by another)."""
    rows = claim_many([delivery_id], now=now)
    return rows[0] if rows else None


def claim_many(delivery_ids, *, now=None):
    """Take the rows for this worker: one conditional UPDATE (pending, or claimed with a lapsed
    lease → sending, leased), so of two workers at most one gets a row, and a batch costs one
    statement and one commit. Returns the rows taken, with their recipients, in the order asked;
    rows not claimable (sent, skipped, leased by another) are left out.

    Which rows this UPDATE took is what it returns (RETURNING, PostgreSQL and SQLite 3.35+), not
    what a later read finds. The same UPDATE gives a row its Message-ID the first time (a later
    attempt keeps it)."""
    now = now or timezone.now()
    lease_until = now + datetime.timedelta(seconds=settings.DELIVERY_LEASE_SECONDS)
    wanted = list(dict.fromkeys(delivery_ids))
    if not wanted:
        return []
    claimable = models.Q(state=DeliveryState.PENDING) | models.Q(
        state=DeliveryState.SENDING, lease_until__lt=now
    )
    prefix, suffix = _message_id(0).split("0@", 1)
    changes = {
        "state": DeliveryState.SENDING,
        "lease_until": lease_until,
        "attempts": models.F("attempts") + 1,
        "updated_at": now,
        "message_id": Coalesce(
            NullIf(models.F("message_id"), models.Value("")),
            Concat(
                models.Value(prefix),
                Cast("pk", models.CharField()),
                models.Value("@" + suffix),
                output_field=models.CharField(),
            ),
        ),
    }
    query = Delivery.objects.filter(claimable, pk__in=sorted(wanted)).query.chain(sql.UpdateQuery)
    query.add_update_values(changes)
    statement, params = query.get_compiler(Delivery.objects.db).as_sql()
    with connections[Delivery.objects.db].cursor() as cursor:
        cursor.execute(f"{statement} RETURNING {Delivery._meta.pk.column}", params)
        taken = {row[0] for row in cursor.fetchall()}
    if not taken:
        return []
    rows = Delivery.objects.select_related("recipient", "content_type").in_bulk(taken)
    return [rows[pk] for pk in wanted if pk in rows]


def release(rows):
    """Let go of claimed rows this worker did not start on: pending again, the attempt given
    back (it was no try), queued again when the transaction commits. Only rows this claim still
    holds (same attempt); returns the ids let go."""
    if not rows:
        return []
    now = timezone.now()
    held = models.Q()
    for row in rows:
        held |= models.Q(pk=row.pk, attempts=row.attempts)
    with transaction.atomic():
        mine = Delivery.objects.select_for_update().filter(held, state=DeliveryState.SENDING)
        ids = sorted(mine.values_list("pk", flat=True))
        Delivery.objects.filter(pk__in=ids).update(
            state=DeliveryState.PENDING,
            lease_until=None,
            attempts=models.F("attempts") - 1,
            queued_at=now,
            updated_at=now,
        )
        enqueue(ids)
    return ids


def _finish(delivery, *, state, error="", now=None):
    """Move a claimed row on, only if this claim still holds it (same attempt)."""
    now = now or timezone.now()
    changes = {"state": state, "lease_until": None, "updated_at": now, "last_error": error}
    if state == DeliveryState.SENT:
        changes["sent_at"] = now
    if state == DeliveryState.PENDING:
        changes["queued_at"] = None
    if state == DeliveryState.HELD:
        # Holding a row for the overview was no try to send it: the attempt is given back, so a
        # row released later has every attempt left.
        changes["attempts"] = delivery.attempts - 1
    return Delivery.objects.filter(
        pk=delivery.pk, state=DeliveryState.SENDING, attempts=delivery.attempts
    ).update(**changes)


def mark_sent(delivery):
    return _finish(delivery, state=DeliveryState.SENT)


def mark_failed(delivery, error):
    """Failed: tried again by a later sweep until the maximum of attempts, then left failed.

    An overview that failed for good lets go of its rows: they wait for the next one."""
    retry = delivery.attempts < settings.DELIVERY_MAX_ATTEMPTS
    state = DeliveryState.PENDING if retry else DeliveryState.FAILED
    with transaction.atomic():
        done = _finish(delivery, state=state, error=str(error)[:ERROR_LENGTH])
        if done and state == DeliveryState.FAILED and delivery.kind == DIGEST:
            Delivery.objects.filter(digest=delivery, state=DeliveryState.HELD).update(digest=None)
    return done


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
    return deliver_many([delivery_id]).get(delivery_id)


def deliver_many(delivery_ids):
    """Claim a batch of deliveries (one commit), then build, send and mark each in turn, each
    marked on its own commit right after its own hand-over. Returns {id: final state} for the
    rows this call got; rows it did not get are left out.

    Past DELIVERY_BATCH_SECONDS the rows not started yet are let go and queued again, so a slow
    mail server never keeps a claim near its lease (the task's time limit stays below it)."""
    rows = claim_many(delivery_ids)
    recipients = sorted({row.recipient_id for row in rows if row.recipient_id is not None})
    preferences = preferences_for(recipients) if recipients else {}
    for prepare in _batch_preparers:
        prepare(rows)
    deadline = time.monotonic() + settings.DELIVERY_BATCH_SECONDS
    outcome = {}
    _batch.memo = {}
    try:
        for index, row in enumerate(rows):
            if index and time.monotonic() > deadline:
                release(rows[index:])
                break
            outcome[row.pk] = _deliver_claimed(row, preferences.get(row.recipient_id))
    finally:
        _batch.memo = None
    return outcome


_batch = threading.local()


def per_batch(key, compute):
    """`compute()` once per batch of `deliver_many`, for what several rows of a batch read (the
    meeting of the reminders to everyone on the council); outside a batch every call computes.
    A batch lasts seconds at most (DELIVERY_BATCH_SECONDS), and a builder still checks what it
    reads (a cancelled meeting, a newer revision), so this is as fresh as the batch's claim."""
    memo = getattr(_batch, "memo", None)
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def _deliver_claimed(delivery, preference):
    """Build, send and mark one claimed row; `preference` is its recipient's."""
    if delivery.kind == DIGEST:
        return _deliver_digest(delivery, preference or DEFAULT_PREFERENCE)
    decided = _as_preferred(delivery, preference)
    if decided:
        return decided
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
    return _hand_over(delivery, message)


def _as_preferred(delivery, preference):
    """Switch a claimed row off or hold it for the overview, as its recipient chose
    (`preference`); returns the new state, or None when it goes out now (urgent kinds always do,
    unless switched off; so do kinds not on the preferences page, and e-mails of no use any more
    by the next overview)."""
    if delivery.recipient_id is None or preference is None:
        return None
    if delivery.kind in preference.kinds_off and may_switch_off(delivery.kind):
        _finish(delivery, state=DeliveryState.SWITCHED_OFF)
        return DeliveryState.SWITCHED_OFF
    holdable = delivery.kind in _kinds and delivery.kind not in _urgent
    if preference.frequency == MailFrequency.NOW or not holdable:
        return None
    if _useful_at(delivery, next_digest_moment(preference.frequency, timezone.now())):
        _finish(delivery, state=DeliveryState.HELD)
        return DeliveryState.HELD
    return None


def _useful_at(delivery, moment):
    """Whether the row's e-mail is still of use at `moment` (its kind's `useful_until`). When
    that cannot be told, it is not held: better at once than too late."""
    useful_until = _useful_until.get(delivery.kind)
    if useful_until is None:
        return True
    try:
        until = useful_until(delivery)
    except Exception:
        logger.exception("Could not tell until when delivery %s is of use", delivery.pk)
        return False
    return until is None or until > moment


def _hand_over(delivery, message, *, after_sent=None):
    """Hand the message to the mail server with the row's Message-ID and mark the row sent
    (`after_sent()` runs in the same transaction, only when this claim still held it)."""
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
    if after_sent is None:
        mark_sent(delivery)  # one UPDATE commits by itself: no transaction, one round trip
        return DeliveryState.SENT
    with transaction.atomic():
        if mark_sent(delivery):
            after_sent()
    return DeliveryState.SENT


# --- The overview (digest) -----------------------------------------------------------------------


def _deliver_digest(digest, preference):
    """Attach the recipient's held rows to this overview, build each with its kind's builder,
    send one e-mail and mark the overview and its rows in one transaction. A retry (lapsed lease,
    failed hand-over) rebuilds from the rows already attached, plus any held since."""
    Delivery.objects.filter(
        recipient_id=digest.recipient_id, state=DeliveryState.HELD, digest__isnull=True
    ).update(digest=digest)
    rows = list(
        Delivery.objects.filter(digest=digest, state=DeliveryState.HELD)
        .select_related("recipient", "content_type")
        .order_by("created_at", "pk")
    )
    parts, outcome = [], {}
    for row in rows:
        if row.kind in preference.kinds_off and may_switch_off(row.kind):
            outcome[row.pk] = (DeliveryState.SWITCHED_OFF, "")
            continue
        builder = _builders.get(row.kind)
        try:
            message = builder(row) if builder else None
        except Exception as error:
            logger.exception("Could not build delivery %s (%s) for an overview", row.pk, row.kind)
            _let_go_failed(digest, row, error)
            continue
        if message is None:
            outcome[row.pk] = (DeliveryState.SKIPPED, "")
        else:
            parts.append((row, message))
            outcome[row.pk] = (DeliveryState.SENT, "")

    def settle():
        now = timezone.now()
        groups = {}
        for pk, state_and_error in outcome.items():
            groups.setdefault(state_and_error, []).append(pk)
        for (state, error), ids in groups.items():
            sent_at = now if state == DeliveryState.SENT else None
            Delivery.objects.filter(pk__in=ids, digest=digest).update(
                state=state, last_error=error, updated_at=now, sent_at=sent_at
            )

    if not parts:
        with transaction.atomic():
            if _finish(digest, state=DeliveryState.SKIPPED):
                settle()
        return DeliveryState.SKIPPED
    try:
        weekly = preference.frequency == MailFrequency.WEEKLY
        message = _digest_message(digest, parts, weekly=weekly)
    except Exception as error:
        logger.exception("Could not build the overview %s", digest.pk)
        with transaction.atomic():
            # Its rows wait for the next try (a retry attaches them again) or the next overview;
            # only if this claim still held the overview.
            if mark_failed(digest, error):
                Delivery.objects.filter(digest=digest, state=DeliveryState.HELD).update(digest=None)
        return DeliveryState.FAILED
    return _hand_over(digest, message, after_sent=settle)


def _let_go_failed(digest, row, error):
    """A row of the overview whose e-mail could not be built: the try counts. It waits, held,
    for the next overview, or is failed once it used every attempt (as it would on its own)."""
    attempts = row.attempts + 1
    failed = attempts >= settings.DELIVERY_MAX_ATTEMPTS
    Delivery.objects.filter(pk=row.pk, digest=digest, state=DeliveryState.HELD).update(
        state=DeliveryState.FAILED if failed else DeliveryState.HELD,
        digest=digest if failed else None,
        attempts=attempts,
        last_error=str(error)[:ERROR_LENGTH],
        updated_at=timezone.now(),
    )


def _digest_message(digest, parts, *, weekly):
    """One e-mail with each bundled message's subject and text, and their attachments."""
    user = digest.recipient
    url_name = _preferences["url_name"]
    message = build_mail(
        user=user,
        template="wijraad/emails/digest",
        context={
            "parts": [{"subject": part.subject, "text": part.body} for _row, part in parts],
            "weekly": weekly,
            "preferences_url": absolute_url(reverse(url_name)) if url_name else "",
        },
    )
    for _row, part in parts:
        for attachment in part.attachments:
            message.attachments.append(attachment)
    return message
