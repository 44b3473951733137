"""Intake: the public form (no account) and signals members record.

Abuse is held off before anything is stored: the rate limit per client address, the
proof-of-work challenge and the honeypot (wijraad.public_forms, checked by the view), and the
idempotency key: a form posted twice stores one signal.
"""

import logging

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from signals.models import STORY_MAX_LENGTH, Signal, SignalChannel, SignalContact
from signals.services.retention import contact_retention_months
from wijraad.audit import acting

logger = logging.getLogger(__name__)


def _check_story(story):
    if not story.strip():
        raise ValidationError({"story": _("Please tell us what happened.")})
    if len(story) > STORY_MAX_LENGTH:
        raise ValidationError(
            {
                "story": _("Your story is too long: at most %(max)d characters.")
                % {"max": STORY_MAX_LENGTH}
            }
        )


def _count(signal):
    from signals.services.tallies import tally_add

    tally_add(
        received_on=signal.received_on, theme_id=signal.theme_id, location_id=signal.location_id
    )


def _add_contact(signal, *, name, email, phone, consent):
    if not (email or phone):
        return None
    if not consent:
        raise ValidationError(
            {"consent": _("Tick the box if you want an answer, or leave your details out.")}
        )
    return SignalContact.objects.create(
        signal=signal,
        name=name,
        email=email,
        phone=phone,
        promised_months=contact_retention_months(),  # what the consent box said
    )


def signal_submit(
    *,
    theme,
    story,
    location=None,
    neighbourhood="",
    name="",
    email="",
    phone="",
    consent=False,
    language="nl",
    intake_key=None,
):
    """Store a signal from the public form; returns (signal, created).

    The same intake key again returns the signal stored the first time (a double post, the back
    button, a network retry), and nothing is stored twice.
    """
    from signals import reminders

    if intake_key is not None:
        existing = Signal.objects.filter(intake_key=intake_key).first()
        if existing is not None:
            return existing, False
    _check_story(story)
    if not theme.is_active:
        raise ValidationError({"theme": _("Choose one of the themes in the list.")})
    try:
        with transaction.atomic():
            signal = Signal(
                theme=theme,
                location=location,
                neighbourhood=neighbourhood,
                story=story,
                channel=SignalChannel.FORM,
                language=language,
                intake_key=intake_key,
            )
            if email:
                signal.new_status_token()
            signal.save()
            _add_contact(signal, name=name, email=email, phone=phone, consent=consent)
            _count(signal)
            reminders.confirmation_due(signal)
    except IntegrityError:
        existing = Signal.objects.filter(intake_key=intake_key).first() if intake_key else None
        if existing is None:
            raise
        return existing, False
    logger.info("signal received", extra={"signal": signal.pk, "channel": signal.channel})
    return signal, True


def signal_record(
    *,
    by,
    theme,
    story,
    channel,
    received_on=None,
    location=None,
    neighbourhood="",
    visit_report=None,
    name="",
    email="",
    phone="",
    consent=False,
):
    """A signal a member heard (work visit, phone call, e-mail, meeting). Contact details only when
    the person wants an answer and said yes to keeping them."""
    _check_story(story)
    if channel == SignalChannel.FORM:
        raise ValidationError({"channel": _("The public form records its own signals.")})
    if visit_report is not None and channel != SignalChannel.WORK_VISIT:
        raise ValidationError(
            {"channel": _("A signal from a work visit report has channel work visit.")}
        )
    today = timezone.localdate()
    received_on = received_on or today
    if received_on > today:
        raise ValidationError({"received_on": _("The date cannot be in the future.")})
    with acting(by), transaction.atomic():
        signal = Signal(
            theme=theme,
            story=story,
            channel=channel,
            received_on=received_on,
            location=location,
            neighbourhood=neighbourhood,
            visit_report=visit_report,
            recorded_by=by,
        )
        if email:
            signal.new_status_token()
        signal.save()
        _add_contact(signal, name=name, email=email, phone=phone, consent=consent)
        _count(signal)
        if email:
            from signals import reminders

            reminders.confirmation_due(signal)
    return signal
