"""Messages to residents, through the delivery ledger (wijraad.deliveries): never doubled, never
lost. The resident has no account, so a row has no recipient: the builder sends to the address
kept with the signal (SignalContact), in the language the form was filled in.

- RECEIVED: right after a signal with an e-mail address is stored: the reference and the private
  link to the status page. Recorded by the intake service itself (signals.services.intake).
- CLOSED: once the signal is closed (with its outcome), or found not for the council (with where
  to go instead), or merged into a signal that was — found by the sweep. Once per signal.
- DOSSIER_ANSWERED: once the board answered an advice dossier the signal fed (the ledger's
  revision is the dossier's id: once per signal and dossier).

A builder returns None (the row is skipped) when the address is gone (removed after follow-up).
"""

from django.contrib.contenttypes.models import ContentType
from django.core.mail import EmailMultiAlternatives
from django.db.models import CharField, Exists, OuterRef, Q
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from signals.models import Signal, SignalContact, SignalState
from wijraad.deliveries import Due, record_now
from wijraad.mail import absolute_url, render_mail
from wijraad.models import Delivery

RECEIVED = "signals.received"
CLOSED = "signals.closed"
DOSSIER_ANSWERED = "signals.dossier_answered"
KINDS = (RECEIVED, CLOSED, DOSSIER_ANSWERED)
KIND_LABELS = {
    RECEIVED: _("Signal received (to the resident)"),
    CLOSED: _("What came of a signal (to the resident)"),
    DOSSIER_ANSWERED: _("The board answered the advice a signal fed (to the resident)"),
}
TEMPLATES = {
    RECEIVED: "signals/emails/received",
    CLOSED: "signals/emails/closed",
    DOSSIER_ANSWERED: "signals/emails/dossier_answered",
}
ANSWERED_STATES = (SignalState.CLOSED, SignalState.NOT_FOR_COUNCIL)


def confirmation_due(signal):
    if (
        signal.status_selector
        and SignalContact.objects.filter(signal=signal).exclude(email="").exists()
    ):
        record_now([Due(signal, None, RECEIVED, 0)])


def answered():
    """Signals whose resident should hear the outcome: answered themselves, or merged into one
    that was answered."""
    return Q(state__in=ANSWERED_STATES) | Q(
        state=SignalState.MERGED, merged_into__state__in=ANSWERED_STATES
    )


def find_due(now):
    content_type = ContentType.objects.get_for_model(Signal)
    told = Delivery.objects.filter(
        content_type=content_type, kind=CLOSED, object_id=OuterRef("pk_text")
    )
    signals = (
        Signal.objects.filter(answered(), contact__email__gt="", anonymised_at__isnull=True)
        .annotate(pk_text=Cast("pk", CharField()))
        .filter(~Exists(told))
        .only("pk")
    )
    due = [Due(signal, None, CLOSED, 0) for signal in signals]
    return due + list(_dossiers_answered(content_type))


def answered_dossier_links(signal=None):
    """(signal id, dossier id) of signals with an address whose dossier the board answered."""
    from advice.models import DossierState

    links = Signal.dossiers.through.objects.all()
    if signal is not None:
        links = links.filter(signal=signal)
    return (
        links.filter(
            dossier__state__in=[DossierState.ANSWERED, DossierState.CLOSED],
            dossier__answers__isnull=False,
            signal__contact__email__gt="",
            signal__anonymised_at__isnull=True,
        )
        .values_list("signal_id", "dossier_id")
        .distinct()
    )


def _dossiers_answered(content_type):
    told = set(
        Delivery.objects.filter(content_type=content_type, kind=DOSSIER_ANSWERED).values_list(
            "object_id", "revision"
        )
    )
    for signal_id, dossier_id in answered_dossier_links():
        if (str(signal_id), dossier_id) not in told:
            yield Due(Signal(pk=signal_id), None, DOSSIER_ANSWERED, dossier_id)


def board_answer(dossier):
    """The board's answer that counts: the latest one (a correction replaces the answer)."""
    return dossier.answers.order_by("-answered_at", "-pk").first()


def _mail(signal, kind, context):
    contact = SignalContact.objects.filter(signal=signal).first()
    if contact is None or not contact.email:
        return None
    token = signal.status_token()
    context = {
        "signal": signal,
        "contact": contact,
        "status_url": absolute_url(reverse("signals:status", args=[token])) if token else "",
        **context,
    }
    subject, text, html = render_mail(
        template=TEMPLATES[kind], context=context, language=signal.language
    )
    from django.conf import settings

    message = EmailMultiAlternatives(
        subject=subject, body=text, from_email=settings.DEFAULT_FROM_EMAIL, to=[contact.email]
    )
    message.attach_alternative(html, "text/html")
    return message


def _signal(delivery):
    return (
        Signal.objects.select_related("theme", "merged_into").filter(pk=delivery.object_id).first()
    )


def build_received(delivery):
    signal = _signal(delivery)
    if signal is None or signal.anonymised_at:
        return None
    return _mail(signal, RECEIVED, {})


def build_closed(delivery):
    signal = _signal(delivery)
    if (
        signal is None
        or signal.anonymised_at
        or not Signal.objects.filter(answered(), pk=signal.pk).exists()
    ):
        return None
    answer = signal.merged_into if signal.state == SignalState.MERGED else signal
    return _mail(
        signal,
        CLOSED,
        {"answer": answer, "not_for_council": answer.state == SignalState.NOT_FOR_COUNCIL},
    )


def build_dossier_answered(delivery):
    from advice.models import Dossier

    signal = _signal(delivery)
    dossier = Dossier.objects.select_related("topic").filter(pk=delivery.revision).first()
    if signal is None or signal.anonymised_at or dossier is None:
        return None
    if not signal.dossiers.filter(pk=dossier.pk).exists():
        return None
    answer = board_answer(dossier)
    if answer is None:
        return None
    return _mail(signal, DOSSIER_ANSWERED, {"dossier": dossier, "board_answer": answer})


def register():
    from wijraad import deliveries

    deliveries.register_finder("signals", find_due)
    # To residents (no account): no label, so not on anyone's e-mail preferences.
    deliveries.register_kind(RECEIVED, build_received, name=_("Signal received"))
    deliveries.register_kind(CLOSED, build_closed, name=_("Signal closed"))
    deliveries.register_kind(
        DOSSIER_ANSWERED, build_dossier_answered, name=_("The board answered a signal's advice")
    )
