"""Triage: the secretary moves signals through their states, merges duplicates, links them to
agenda items; the themes; the status page's lookup; every view of contact details logged."""

import hmac

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from meetings.models import AgendaItem
from signals.models import (
    SIGNAL_TRANSITIONS,
    ContactView,
    Signal,
    SignalContact,
    SignalState,
    SignalStateChange,
    token_hash,
)
from wijraad.audit import acting
from wijraad.security import log_event

SELECTOR_LENGTH = 16
# Compared against when no row has the selector, so a wrong token costs what a right one does.
_DUMMY_HASH = token_hash("0" * 32)


def _locked(signal):
    return Signal.objects.select_for_update().get(pk=signal.pk)


def _move(signal, to, *, by, note=""):
    """Move a locked signal to `to` if the table allows it, with its history row."""
    if to not in SIGNAL_TRANSITIONS[SignalState(signal.state)]:
        raise ValidationError(
            _("A signal that is %(state)s cannot become %(to)s.")
            % {"state": signal.get_state_display().lower(), "to": SignalState(to).label.lower()}
        )
    SignalStateChange.objects.create(
        signal=signal, from_state=signal.state, to_state=to, by=by, note=note[:300]
    )
    signal.state = to
    if to in SignalState.finished():
        signal.closed_at = timezone.now()


def signal_transition(*, signal, to, by, outcome="", referral="", note=""):
    """Move `signal` to state `to`. Closing needs an outcome (the resident reads it); "not for
    the council" needs a kind explanation of where to go instead."""
    to = SignalState(to)
    if to == SignalState.MERGED:
        raise ValidationError(_("Use merging to mark a signal as a duplicate."))
    outcome, referral = outcome.strip(), referral.strip()
    if to == SignalState.CLOSED and not outcome:
        raise ValidationError({"outcome": _("Write what came of it: the resident reads this.")})
    if to == SignalState.NOT_FOR_COUNCIL and not referral:
        raise ValidationError(
            {"referral": _("Tell the resident kindly where they can go instead.")}
        )
    with acting(by), transaction.atomic():
        locked = _locked(signal)
        _move(locked, to, by=by, note=note)
        if to == SignalState.CLOSED:
            locked.outcome = outcome
        if to == SignalState.NOT_FOR_COUNCIL:
            locked.referral = referral
        locked.save(update_fields=["state", "closed_at", "outcome", "referral"])
    return locked


def signal_merge(*, signal, into, by):
    """Mark `signal` as a duplicate of `into`: its resident hears what comes of `into`."""
    if into.pk == signal.pk:
        raise ValidationError(_("A signal cannot be merged into itself."))
    if into.state == SignalState.MERGED:
        raise ValidationError(
            _("%(reference)s is itself merged: merge into the signal it went to.")
            % {"reference": into.reference}
        )
    with acting(by), transaction.atomic():
        locked = _locked(signal)
        _move(locked, SignalState.MERGED, by=by, note=into.reference)
        locked.merged_into = into
        locked.save(update_fields=["state", "closed_at", "merged_into"])
    return locked


def signal_link_agenda_item(*, signal, item, by):
    """Link `signal` to an agenda item; a signal still in triage is then being discussed."""
    if signal.is_finished:
        raise ValidationError(_("This signal is finished: it cannot go on an agenda any more."))
    if not AgendaItem.objects.visible_to(by).filter(pk=item.pk).exists():
        raise ValidationError(_("Choose an agenda item from the list."))
    with acting(by), transaction.atomic():
        locked = _locked(signal)
        locked.agenda_items.add(item)
        if locked.state in (SignalState.NEW, SignalState.TRIAGE):
            if locked.state == SignalState.NEW:
                _move(locked, SignalState.TRIAGE, by=by)
            _move(locked, SignalState.DISCUSSION, by=by, note=item.title)
            locked.save(update_fields=["state", "closed_at"])
    return locked


def signal_unlink_agenda_item(*, signal, item, by):
    with acting(by):
        signal.agenda_items.remove(item)


def signal_update(*, signal, by, theme, location=None, neighbourhood=""):
    """Triage: the secretary corrects the theme and the place."""
    from signals.services.tallies import tally_add

    with acting(by), transaction.atomic():
        locked = _locked(signal)
        old = {"theme_id": locked.theme_id, "location_id": locked.location_id}
        locked.theme = theme
        locked.location = location
        locked.neighbourhood = neighbourhood
        locked.save(update_fields=["theme", "location", "neighbourhood"])
        new = {"theme_id": locked.theme_id, "location_id": locked.location_id}
        if old != new:
            tally_add(received_on=locked.received_on, delta=-1, **old)
            tally_add(received_on=locked.received_on, **new)
    return locked


def contact_view(*, signal, by, request=None):
    """The contact details of `signal` for the secretary; the view is logged (DESIGN rule 15)."""
    contact = SignalContact.objects.filter(signal=signal).first()
    ContactView.objects.create(signal=signal, viewer=by)
    log_event("signals.contact_viewed", request=request, user=by, signal=signal.pk)
    return contact


def status_lookup(token):
    """The signal whose status page `token` opens, or None. Same work for a wrong token as for a
    right one: one indexed lookup by the selector, one constant-time compare of hashes."""
    token = token or ""
    selector, verifier = token[:SELECTOR_LENGTH], token[SELECTOR_LENGTH:]
    signal = (
        Signal.objects.select_related("theme", "merged_into")
        .filter(status_selector=selector, anonymised_at__isnull=True)
        .first()
        if len(selector) == SELECTOR_LENGTH
        else None
    )
    stored = signal.status_hash if signal is not None else _DUMMY_HASH
    matches = hmac.compare_digest(token_hash(verifier), stored)
    return signal if (signal is not None and matches) else None


def theme_save(*, theme, by):
    with acting(by):
        theme.full_clean()
        theme.save()
    return theme


def signal_link_dossier(*, signal, dossier, by):
    """Link `signal` to an advice dossier it fed; a signal not yet further is then taken into
    advice."""
    from advice.models import Dossier

    if signal.is_finished:
        raise ValidationError(_("This signal is finished: it cannot feed a dossier any more."))
    if not Dossier.objects.visible_to(by).filter(pk=dossier.pk).exists():
        raise ValidationError(_("Choose an advice dossier from the list."))
    with acting(by), transaction.atomic():
        locked = _locked(signal)
        locked.dossiers.add(dossier)
        path = {
            SignalState.NEW: [SignalState.TRIAGE, SignalState.ADVICE],
            SignalState.TRIAGE: [SignalState.ADVICE],
            SignalState.DISCUSSION: [SignalState.ADVICE],
        }.get(SignalState(locked.state), [])
        for to in path:
            _move(locked, to, by=by, note=dossier.reference if to == SignalState.ADVICE else "")
        if path:
            locked.save(update_fields=["state", "closed_at"])
    return locked


def signal_unlink_dossier(*, signal, dossier, by):
    with acting(by):
        signal.dossiers.remove(dossier)
