"""Retention (DESIGN rule 15): contact details go a set time after closing, the story later.

Both periods come from the rules in force today (members.models.CouncilRules):
`signal_contact_retention_months` (default 3) and `signal_anonymise_after_months` (default 24).
Contact details never stay longer than the resident was promised when they gave consent
(SignalContact.promised_months), also when the rules later say longer.
Idempotent: a second run finds nothing left to do. Theme, location, dates and outcome stay.
"""

import logging

from django.db import transaction
from django.db.models import Q
from django.dispatch import Signal as Event
from django.utils import timezone

from members.dates import add_months
from members.models import CouncilRules
from signals.models import Signal, SignalContact, SignalState

logger = logging.getLogger(__name__)

# Sent inside the transaction that removes stories, with `signal_ids`: the rows change through an
# UPDATE, which sends no post_save, and a floor above that copied a story (the search index) must
# forget it in the same transaction.
stories_removed = Event()


def contact_retention_months(day=None):
    """How many months after closing contact details are kept, by the rules in force on `day`
    (default today): what the consent box promises, and what consent stores."""
    return CouncilRules.objects.in_force(day).signal_contact_retention_months


def _cutoff(now, months):
    day = add_months(timezone.localdate(now), -months)
    return timezone.make_aware(
        timezone.datetime.combine(day, timezone.datetime.min.time()),
        timezone.get_current_timezone(),
    )


def retention_run(*, now=None, dry_run=False):
    """Remove what is due; returns the counts {"contacts": n, "anonymised": m}."""
    now = now or timezone.now()
    rules = CouncilRules.objects.in_force(timezone.localdate(now))
    finished = Signal.objects.filter(state__in=SignalState.finished(), closed_at__isnull=False)
    # The story goes later than the contact details, also when the rules say otherwise.
    months = min(rules.signal_contact_retention_months, rules.signal_anonymise_after_months)
    due = Q(signal__closed_at__lt=_cutoff(now, months))
    # A shorter period promised at consent (the rules were raised since) is kept to.
    promised = (
        SignalContact.objects.filter(promised_months__lt=months)
        .values_list("promised_months", flat=True)
        .distinct()
    )
    for shorter in promised:
        due |= Q(promised_months=shorter, signal__closed_at__lt=_cutoff(now, shorter))
    contacts = SignalContact.objects.filter(due, signal__in=finished)
    stories = finished.filter(
        closed_at__lt=_cutoff(now, rules.signal_anonymise_after_months), anonymised_at__isnull=True
    )
    counts = {"contacts": contacts.count(), "anonymised": stories.count()}
    if not dry_run:
        with transaction.atomic():
            signal_ids = list(contacts.values_list("signal_id", flat=True))
            contacts.delete()
            Signal.objects.filter(pk__in=signal_ids).update(contact_removed_at=now)
            anonymised_ids = list(stories.values_list("pk", flat=True))
            Signal.objects.filter(pk__in=anonymised_ids).update(
                story="",
                status_selector=None,
                status_hash="",
                anonymised_at=now,
            )
            if anonymised_ids:
                stories_removed.send(sender=Signal, signal_ids=anonymised_ids)
    logger.info(
        "signals retention%s: %d contact details removed, %d signals anonymised",
        " (dry run)" if dry_run else "",
        counts["contacts"],
        counts["anonymised"],
    )
    return counts
