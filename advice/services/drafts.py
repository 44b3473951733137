"""The council's work on its advice: draft versions, comments, adopting in a meeting, sending
to the board."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from advice.models import (
    AdoptedAdvice,
    ConsentOutcome,
    DossierState,
    DraftComment,
    DraftVersion,
    weeks_after,
)
from advice.services.dossiers import _touch, dossier_transition, field_error, locked
from meetings.models import MeetingKind, MeetingState
from members.models import CouncilRules
from wijraad.audit import acting
from wijraad.models import Visibility


def _check_preparing(dossier):
    if not dossier.is_preparing:
        raise ValidationError(
            _("The council's advice on this dossier is no longer being drafted."),
            code="not_preparing",
        )


def draft_save(*, dossier, text, by, revision=None):
    """Keep a new version of the advice text. The first version starts the preparation."""
    text = (text or "").strip()
    if not text:
        raise field_error("text", _("Write the text of the advice."), "text_required")
    with transaction.atomic(), acting(by):
        dossier = locked(dossier, revision)
        _check_preparing(dossier)
        if dossier.state != DossierState.IN_PREPARATION:
            dossier = dossier_transition(dossier=dossier, to=DossierState.IN_PREPARATION, by=by)
        last = dossier.versions.aggregate(last=Max("number"))["last"] or 0
        version = DraftVersion.objects.create(
            dossier=dossier, number=last + 1, text=text, author=by
        )
        _touch(dossier)
    return version


def comment_add(*, version, text, by):
    """A member's comment on a draft, while the advice is being drafted."""
    text = (text or "").strip()
    if not text:
        raise field_error("text", _("Write your comment."), "text_required")
    _check_preparing(version.dossier)
    with acting(by):
        return DraftComment.objects.create(version=version, text=text, author=by)


def adoptable_meetings(dossier):
    """The council meetings held with this dossier on their agenda: where it can be adopted."""
    return dossier.agenda_items.filter(
        meeting__kind=MeetingKind.COUNCIL,
        meeting__state__in=MeetingState.taken_place(),
    ).values_list("meeting", flat=True)


def advice_adopt(
    *, dossier, version, meeting, reasons, summary, by, consent="", conditions="", revision=None
):
    """The chair (or the secretary) records the advice the council decided on in a council
    meeting that was held with this dossier on its agenda: the text of a draft version, the
    reasons (required) and a plain-language summary; for a consent request the consent outcome
    (conditions required when consent comes with conditions)."""
    reasons = (reasons or "").strip()
    summary = (summary or "").strip()
    conditions = (conditions or "").strip()
    errors = {}
    if not reasons:
        errors["reasons"] = ValidationError(
            _("Advice is reasoned: write the reasons."), code="reasons_required"
        )
    if not summary:
        errors["summary"] = ValidationError(
            _("Write a short summary in plain language."), code="summary_required"
        )
    if errors:
        raise ValidationError(errors)
    with transaction.atomic(), acting(by):
        dossier = locked(dossier, revision)
        _check_preparing(dossier)
        if version is None or version.dossier_id != dossier.pk:
            raise field_error("version", _("Choose a version of this dossier."), "wrong_version")
        if meeting is None or meeting.pk not in set(adoptable_meetings(dossier)):
            raise field_error(
                "meeting",
                _(
                    "The council adopts advice in a council meeting that has been held with "
                    "this dossier on its agenda. Put the dossier on an agenda first."
                ),
                "not_in_meeting",
            )
        if dossier.is_consent:
            if consent not in ConsentOutcome.values:
                raise field_error(
                    "consent",
                    _("Say whether the council gives its consent."),
                    "consent_required",
                )
            if consent == ConsentOutcome.CONDITIONAL and not conditions:
                raise field_error(
                    "conditions", _("Write down the conditions."), "conditions_required"
                )
        else:
            consent, conditions = "", ""
        if dossier.state != DossierState.IN_PREPARATION:
            dossier = dossier_transition(dossier=dossier, to=DossierState.IN_PREPARATION, by=by)
        advice = AdoptedAdvice.objects.create(
            dossier=dossier,
            version=version,
            text=version.text,
            reasons=reasons,
            summary=summary,
            consent=consent,
            conditions=conditions,
            meeting=meeting,
            adopted_by=by,
        )
        dossier_transition(dossier=dossier, to=DossierState.ADOPTED, by=by)
    return advice


def advice_send(*, dossier, by, revision=None):
    """Send the adopted advice to the board: the board sees the dossier from now on, and its
    answer is due after the rules' weeks (default 4)."""
    with transaction.atomic(), acting(by):
        dossier = locked(dossier, revision)
        if dossier.state != DossierState.ADOPTED:
            raise ValidationError(
                _("Only advice the council adopted can be sent to the board."),
                code="not_adopted",
            )
        today = timezone.localdate()
        dossier.sent_at = timezone.now()
        if not dossier.is_consent:
            weeks = CouncilRules.objects.in_force(today).answer_deadline_weeks
            dossier.answer_due = weeks_after(today, weeks)
        if dossier.visibility in (Visibility.COUNCIL, Visibility.RESTRICTED):
            dossier.visibility = Visibility.BOARD
        _touch(dossier, "sent_at", "answer_due", "visibility")
        dossier = dossier_transition(dossier=dossier, to=DossierState.SENT, by=by)
    return dossier
