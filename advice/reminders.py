"""Advice notices and reminders: what is due when, to whom, and the e-mail for each.

Registered with the delivery ledger (wijraad.deliveries) in AdviceConfig.ready(): the sweep calls
`find_due(now)`; the send task calls the builder of the delivery's kind. The ledger keeps each
message once per (dossier, revision, recipient, kind).

- REQUEST_RECEIVED: to the secretary, when the board's request is received (state received).
- ADVICE_DUE: to the working group, from a week before the council's advice is due, while the
  advice is not sent. Once per deadline (an extension is reminded again: revision = extensions).
- SENT: to the board, when the advice is sent.
- ANSWER_DUE: to the board, from a week before its answer is due. Once per deadline.
- ANSWER_OVERDUE: to the board and the secretary, once the answer is late. Once per deadline.
- ANSWERED: to the council (members and the secretary), when the board answers; a correction is
  told again (revision = the number of answers).

The mails say *that* something is waiting, with the reference number and a link; never the
title or any text of the dossier. Who gets one is checked again when the mail is built: the
recipient must still see the dossier (Dossier.objects.visible_to).
"""

import datetime

from django.db.models import Count
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from advice.models import Dossier, DossierKind, DossierState
from members.models import User
from wijraad.deliveries import Due
from wijraad.mail import absolute_url, build_mail

REQUEST_RECEIVED = "advice.request_received"
ADVICE_DUE = "advice.advice_due"
SENT = "advice.sent"
ANSWER_DUE = "advice.answer_due"
ANSWER_OVERDUE = "advice.answer_overdue"
ANSWERED = "advice.answered"
KINDS = (REQUEST_RECEIVED, ADVICE_DUE, SENT, ANSWER_DUE, ANSWER_OVERDUE, ANSWERED)
KIND_LABELS = {
    REQUEST_RECEIVED: _("Request for advice received (to the secretary)"),
    ADVICE_DUE: _("Advice due within a week (to the working group)"),
    SENT: _("Advice sent (to the board)"),
    ANSWER_DUE: _("Answer due within a week (to the board)"),
    ANSWER_OVERDUE: _("Answer overdue (to the board and the secretary)"),
    ANSWERED: _("The board answered (to the council)"),
}
# One line on the e-mail preferences page: when it comes.
KIND_EXPLANATIONS = {
    REQUEST_RECEIVED: _("When the board asks the council for advice."),
    ADVICE_DUE: _("A week before the council's advice must be sent."),
    SENT: _("When the council sends its advice to the board."),
    ANSWER_DUE: _("A week before the board's answer is due."),
    ANSWER_OVERDUE: _("When the board's answer is late."),
    ANSWERED: _("When the board answers the council's advice."),
}
# Why a kind cannot be switched off: a duty of the person's office, not news.
ANSWER_ALWAYS = _(
    "A duty of your office: the board must answer the council's advice in time, so this "
    "always comes."
)
REQUEST_ALWAYS = _(
    "Part of the secretary's work: a request for advice must be taken up in time, so this "
    "always comes."
)
ALWAYS_ON = {
    REQUEST_RECEIVED: REQUEST_ALWAYS,
    ANSWER_DUE: ANSWER_ALWAYS,
    ANSWER_OVERDUE: ANSWER_ALWAYS,
}
# How long before a deadline the reminder goes out.
REMIND_DAYS = 7


def _ids(queryset):
    return list(queryset.filter(is_active=True).distinct().values_list("pk", flat=True))


def find_due(now):
    today = timezone.localdate(now)
    soon = today + datetime.timedelta(days=REMIND_DAYS)
    dossiers = list(
        Dossier.objects.filter(state__in=DossierState.open())
        .annotate(extension_count=Count("extensions", distinct=True))
        .annotate(answer_count=Count("answers", distinct=True))
        .prefetch_related("working_group")
        .order_by("pk")
    )
    secretaries = _ids(User.objects.secretaries(today))
    board = _ids(User.objects.board(today))
    council = _ids(User.objects.members(today)) + secretaries
    due = []
    for dossier in dossiers:
        revision = dossier.extension_count
        if dossier.state == DossierState.RECEIVED and dossier.kind in DossierKind.from_board():
            due += [Due(dossier, pk, REQUEST_RECEIVED) for pk in secretaries]
        preparing = dossier.is_preparing or dossier.state == DossierState.ADOPTED
        if preparing and today <= dossier.advice_due <= soon:
            due += [
                Due(dossier, person.pk, ADVICE_DUE, revision)
                for person in dossier.working_group.all()
                if person.is_active
            ]
        if dossier.state == DossierState.SENT:
            due += [Due(dossier, pk, SENT) for pk in board]
            if dossier.answer_due and not dossier.is_consent:
                if today <= dossier.answer_due <= soon:
                    due += [Due(dossier, pk, ANSWER_DUE, revision) for pk in board]
                if dossier.answer_due < today:
                    due += [
                        Due(dossier, pk, ANSWER_OVERDUE, revision) for pk in board + secretaries
                    ]
        if dossier.state == DossierState.ANSWERED:
            due += [Due(dossier, pk, ANSWERED, dossier.answer_count) for pk in council]
    return due


def still_due(dossier, kind, today):
    if kind == REQUEST_RECEIVED:
        return dossier.state == DossierState.RECEIVED
    if kind == ADVICE_DUE:
        return dossier.is_preparing or dossier.state == DossierState.ADOPTED
    if kind == SENT:
        return dossier.state in DossierState.with_the_board()
    if kind in (ANSWER_DUE, ANSWER_OVERDUE):
        return dossier.state == DossierState.SENT
    return dossier.state in (DossierState.ANSWERED, DossierState.CLOSED)


def build_mail_for(delivery):
    """The mail of an advice delivery, or None when it is no longer needed or allowed."""
    user = delivery.recipient
    dossier = Dossier.objects.visible_to(user).filter(pk=delivery.object_id).first()
    if dossier is None or not still_due(dossier, delivery.kind, timezone.localdate()):
        return None
    return build_mail(
        user=user,
        template=f"advice/emails/{delivery.kind.split('.', 1)[1]}",
        context={
            "dossier": dossier,
            "dossier_url": absolute_url(reverse("advice:detail", args=[dossier.pk])),
        },
    )


def _start_of(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def useful_until(delivery):
    """A reminder of a deadline is of use before the day it falls (a held one is sent at once
    if the overview would come later). None for the other kinds."""
    dossier = Dossier.objects.filter(pk=delivery.object_id).first()
    if dossier is None:
        return None
    if delivery.kind == ADVICE_DUE:
        return _start_of(dossier.advice_due)
    if delivery.kind == ANSWER_DUE and dossier.answer_due:
        return _start_of(dossier.answer_due)
    return None


def register():
    from wijraad import deliveries

    deliveries.register_finder("advice", find_due)
    for kind in KINDS:
        deliveries.register_kind(
            kind,
            build_mail_for,
            label=KIND_LABELS[kind],
            explanation=KIND_EXPLANATIONS[kind],
            always_on=ALWAYS_ON.get(kind),
            useful_until=useful_until if kind in (ADVICE_DUE, ANSWER_DUE) else None,
        )
