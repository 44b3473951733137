"""Bench volume for signals (`manage.py bench_data`): 5,000 signals a year (50,000 in ten
years), with bulk inserts. Every theme and most locations; all channels; older signals closed
(with an outcome) or not for the council, the last months still open; about one in ten with
contact details (example.net), removed for those closed longer than the retention period, and
the story removed for those closed longer than the anonymisation period — as the daily retention
job would have left them.
"""

import datetime
import random

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from meetings.models import Location
from members.dates import add_months
from members.models import CouncilRules
from signals import reminders, services
from signals.demo import ensure_themes
from signals.models import Signal, SignalChannel, SignalContact, SignalState, SignalTheme
from wijraad.models import Delivery, DeliveryState

SIGNALS_PER_YEAR = 5_000
BATCH = 2_000


def load(*, stdout, years=10):
    today = timezone.localdate()
    now = timezone.now()
    rng = random.Random(f"wijraad-bench-signals-{years}-{today.isoformat()}")  # noqa: S311
    rules = CouncilRules.objects.in_force(today)
    contact_until = add_months(today, -rules.signal_contact_retention_months)
    story_until = add_months(today, -rules.signal_anonymise_after_months)
    ensure_themes()
    themes = list(SignalTheme.objects.values_list("pk", flat=True))
    locations = [None, *Location.objects.values_list("pk", flat=True)]
    channels = list(SignalChannel.values)
    days = years * 365
    rows, contacts = [], []
    for index in range(years * SIGNALS_PER_YEAR):
        received = today - datetime.timedelta(days=rng.randrange(days))
        age = (today - received).days
        if age < 60:
            state, closed = rng.choice([SignalState.NEW, SignalState.TRIAGE]), None
        elif age < 180:
            state, closed = rng.choice([SignalState.DISCUSSION, SignalState.ADVICE]), None
        else:
            state = rng.choice([SignalState.CLOSED] * 8 + [SignalState.NOT_FOR_COUNCIL])
            closed = received + datetime.timedelta(days=rng.randrange(30, 150))
        closed_at = (
            timezone.make_aware(datetime.datetime.combine(closed, datetime.time(12)))
            if closed
            else None
        )
        anonymised = closed is not None and closed < story_until
        rows.append(
            Signal(
                reference=f"B-{index:08d}",
                theme_id=rng.choice(themes),
                location_id=rng.choice(locations),
                story="" if anonymised else "Bench: lange wachttijd aan de telefoon.",
                channel=rng.choice(channels),
                state=state,
                received_on=received,
                created_at=now,
                closed_at=closed_at,
                outcome="Besproken met WIJ." if state == SignalState.CLOSED else "",
                referral="Het WIJ-team." if state == SignalState.NOT_FOR_COUNCIL else "",
                anonymised_at=now if anonymised else None,
                contact_removed_at=now if closed and closed < contact_until else None,
            )
        )
    for start in range(0, len(rows), BATCH):
        Signal.objects.bulk_create(rows[start : start + BATCH])
    fresh = Signal.objects.filter(reference__startswith="B-", contact_removed_at__isnull=True)
    for signal_id in fresh.values_list("pk", flat=True)[: years * SIGNALS_PER_YEAR // 10]:
        contacts.append(SignalContact(signal_id=signal_id, email=f"b{signal_id}@example.net"))
    SignalContact.objects.bulk_create(contacts, batch_size=BATCH)
    _told(now)
    services.tallies_rebuild()
    stdout.write(f"Signals: {len(rows)} signals over {years} years, {len(contacts)} with contact.")


def _told(now):
    """The residents of answered signals heard the outcome long ago: their ledger rows are sent,
    so the sweep of the benchmark does not mail thousands of them at once."""
    content_type = ContentType.objects.get_for_model(Signal)
    answered = Signal.objects.filter(
        reminders.answered(), reference__startswith="B-", contact__isnull=False
    ).values_list("pk", flat=True)
    rows = [
        Delivery(
            content_type=content_type,
            object_id=str(pk),
            kind=reminders.CLOSED,
            state=DeliveryState.SENT,
            created_at=now,
            updated_at=now,
            sent_at=now,
        )
        for pk in answered
    ]
    Delivery.objects.bulk_create(rows, batch_size=BATCH, ignore_conflicts=True)
