"""The board's side: its written answer (and a correction as a new linked answer), replacement
consent by the confidential committee, and carrying out a decision that needed consent."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from advice.models import AnswerPosition, BoardAnswer, DossierState, ReplacementConsent
from advice.models.drafts import ConsentOutcome
from advice.services.dossiers import (
    _touch,
    consent_allows,
    dossier_transition,
    field_error,
    locked,
)
from meetings.models import Meeting, MeetingKind, MeetingState
from wijraad.audit import acting
from wijraad.files import DOCUMENT_AND_IMAGE_TYPES


def consultations_for(dossier, now=None):
    """The consultation meetings held before `now` with this dossier on their agenda: the ones a
    deviating answer can point to."""
    now = now or timezone.now()
    return (
        Meeting.objects.filter(
            kind=MeetingKind.CONSULTATION,
            state__in=MeetingState.taken_place(),
            date__lte=timezone.localdate(now),
            agenda_items__dossiers=dossier,
        )
        .distinct()
        .order_by("-date")
    )


def _check_answer(dossier, position, reasons, consultation):
    if position not in AnswerPosition.deviating():
        return
    errors = {}
    if not reasons:
        errors["reasons"] = ValidationError(
            _("The board deviates from the advice, so it must give its reasons in writing."),
            code="reasons_required",
        )
    held = consultations_for(dossier)
    if consultation is None or consultation.pk not in {meeting.pk for meeting in held}:
        if held:
            message = _("Choose the consultation meeting in which this advice was discussed.")
        else:
            message = _(
                "Before the board deviates from the advice, it discusses it with the council: "
                "a consultation meeting (overlegvergadering) must have been held with this "
                "dossier on its agenda. None has been held yet; ask the council's secretary "
                "to put the dossier on the agenda of a consultation."
            )
        errors["consultation"] = ValidationError(message, code="consultation_required")
    if errors:
        raise ValidationError(errors)


def answer_give(*, dossier, position, text, by, reasons="", summary="", consultation=None):
    """The board's written answer to advice sent to it. Partly or not following the advice
    needs reasons and a consultation held before, with the dossier on its agenda. An answer is
    never changed afterwards: see answer_correct."""
    position = AnswerPosition(position)
    text, reasons, summary = (text or "").strip(), (reasons or "").strip(), (summary or "").strip()
    if not text:
        raise field_error("text", _("Write the board's answer."), "text_required")
    with transaction.atomic(), acting(by):
        dossier = locked(dossier)
        if dossier.answers.exists():
            raise ValidationError(
                _(
                    "The board has already answered. An answer cannot be changed; send a "
                    "correction instead."
                ),
                code="already_answered",
            )
        if dossier.state != DossierState.SENT or dossier.is_consent:
            raise ValidationError(
                _("This dossier is not waiting for the board's answer."), code="not_waiting"
            )
        _check_answer(dossier, position, reasons, consultation)
        answer = BoardAnswer.objects.create(
            dossier=dossier,
            position=position,
            text=text,
            reasons=reasons if position in AnswerPosition.deviating() else "",
            summary=summary,
            consultation=consultation if position in AnswerPosition.deviating() else None,
            answered_by=by,
        )
        dossier_transition(dossier=dossier, to=DossierState.ANSWERED, by=by)
    return answer


def answer_correct(*, answer, position, text, by, reasons="", summary="", consultation=None):
    """A correction of the board's latest answer: a new answer linked to the one it corrects,
    under the same rules."""
    position = AnswerPosition(position)
    text, reasons, summary = (text or "").strip(), (reasons or "").strip(), (summary or "").strip()
    if not text:
        raise field_error("text", _("Write the board's answer."), "text_required")
    with transaction.atomic(), acting(by):
        dossier = locked(answer.dossier)
        if BoardAnswer.objects.filter(corrects=answer).exists():
            raise ValidationError(
                _("This answer has already been corrected; correct the latest answer."),
                code="already_corrected",
            )
        if dossier.state != DossierState.ANSWERED:
            raise ValidationError(
                _("This dossier is closed; its answer cannot be corrected."), code="closed"
            )
        _check_answer(dossier, position, reasons, consultation)
        correction = BoardAnswer.objects.create(
            dossier=dossier,
            position=position,
            text=text,
            reasons=reasons if position in AnswerPosition.deviating() else "",
            summary=summary,
            consultation=consultation if position in AnswerPosition.deviating() else None,
            corrects=answer,
            answered_by=by,
        )
        _touch(dossier)
    return correction


def replacement_consent_record(*, dossier, upload, decided_on, by, note=""):
    """Record the confidential committee's replacement consent where the council refused, with
    the committee's decision as a document."""
    if upload is None:
        raise field_error(
            "upload", _("Add the confidential committee's decision."), "document_required"
        )
    if decided_on is None or decided_on > timezone.localdate():
        raise field_error(
            "decided_on", _("Give the day the committee decided (not after today)."), "bad_day"
        )
    consent = ReplacementConsent.from_upload(
        upload,
        allowed=DOCUMENT_AND_IMAGE_TYPES,
        by=by,
        dossier=dossier,
        decided_on=decided_on,
        note=(note or "").strip(),
    )
    with transaction.atomic(), acting(by):
        dossier = locked(dossier)
        advice = getattr(dossier, "advice", None)
        if (
            not dossier.is_consent
            or dossier.state != DossierState.SENT
            or advice is None
            or advice.consent != ConsentOutcome.REFUSED
        ):
            raise ValidationError(
                _("Replacement consent is only for a consent request the council refused."),
                code="not_refused",
            )
        if hasattr(dossier, "replacement_consent"):
            raise ValidationError(
                _("Replacement consent has already been recorded."), code="already_recorded"
            )
        if decided_on < advice.adopted_at.date():
            raise field_error(
                "decided_on",
                _("The committee decides after the council refused."),
                "before_refusal",
            )
        consent.store()
        _touch(dossier)
    return consent


def decision_carried_out(*, dossier, on, by):
    """The board marks the decision of a consent request carried out, which closes it. Refused
    without the council's consent or the confidential committee's replacement consent."""
    with transaction.atomic(), acting(by):
        dossier = locked(dossier)
        if not dossier.is_consent or dossier.state != DossierState.SENT:
            raise ValidationError(
                _("Only a consent request the council has decided on can be carried out."),
                code="not_consent",
            )
        if not consent_allows(dossier):
            raise ValidationError(
                _(
                    "The council refused its consent. The decision can only be carried out "
                    "with replacement consent from the confidential committee."
                ),
                code="no_consent",
            )
        if on is None or on > timezone.localdate() or on < dossier.sent_at.date():
            raise field_error(
                "on",
                _("Give the day the decision was carried out (not after today)."),
                "bad_day",
            )
        dossier.decision_carried_out_on = on
        _touch(dossier, "decision_carried_out_on")
        dossier = dossier_transition(dossier=dossier, to=DossierState.CLOSED, by=by)
    return dossier
