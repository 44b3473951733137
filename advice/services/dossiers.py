"""Dossiers: opening one (a board request, one registered by the secretary, unrequested advice),
the one transition service, deadlines, the working group, agenda items, documents, publishing.

Keyword-only, one transaction each, refusing with a translated ValidationError and changing
nothing then. Who may call them is decided by the views through advice.rules.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from advice.models import (
    FIRST_STATE,
    AdoptedAdvice,
    BoardAnswer,
    DeadlineExtension,
    DeadlineKind,
    Dossier,
    DossierDocument,
    DossierKind,
    DossierState,
    DossierStateChange,
    Topic,
    weeks_after,
)
from advice.models.drafts import ConsentOutcome
from meetings.models import AgendaItemKind, MeetingKind
from meetings.services import agenda_item_add
from members.models import Council, CouncilRules, User
from wijraad.audit import acting
from wijraad.files import DOCUMENT_AND_IMAGE_TYPES
from wijraad.models import Visibility


def field_error(field, message, code):
    """A ValidationError on one form field, with a code the tests and callers can read."""
    return ValidationError({field: ValidationError(message, code=code)})


def _day(day):
    return date_format(day, "j F Y")


def locked(dossier, revision=None):
    """The dossier's row, locked until the transaction ends. With `revision` (what a form saw),
    refuse when the dossier moved on meanwhile: a stale form changes nothing."""
    fresh = Dossier.objects.select_for_update(of=("self",)).get(pk=dossier.pk)
    if revision is not None and str(revision) != str(fresh.revision):
        raise ValidationError(
            _(
                "This dossier changed while you were working on it. Look at it again and "
                "repeat what you wanted to do."
            ),
            code="stale",
        )
    return fresh


def _touch(dossier, *fields):
    dossier.revision += 1
    dossier.updated_at = timezone.now()
    dossier.save(update_fields=[*fields, "revision", "updated_at"])


def next_number(year):
    """The next free number of `year`; the caller holds the council's lock."""
    last = Dossier.objects.filter(year=year).aggregate(last=Max("number"))["last"] or 0
    if last >= 999:
        raise ValidationError(_("No reference numbers are left this year."), code="numbers_out")
    return last + 1


def dossier_create(
    *,
    kind,
    title,
    topic,
    by,
    board_question="",
    intended_decision="",
    decision_planned_on=None,
    requested_on=None,
    advice_due=None,
    visibility=None,
    requested_by=None,
    working_group=(),
    uploads=(),
):
    """Open a dossier: a board's request (requested advice or a consent request, submitted by a
    board user or registered by the secretary on the board's behalf) or the council's own
    unrequested advice. It gets the next reference number of the request's year; the advice is
    due after the rules' weeks (default 6) unless the board gave a later date."""
    kind = DossierKind(kind)
    title = (title or "").strip()
    today = timezone.localdate()
    requested_on = requested_on or today
    if not title:
        raise field_error("title", _("Give the dossier a title."), "title_required")
    if requested_on > today:
        raise field_error(
            "requested_on", _("The request cannot arrive after today."), "request_in_future"
        )
    if kind in DossierKind.from_board() and not (board_question or "").strip():
        raise field_error(
            "board_question",
            _("Write down what the board asks the council."),
            "question_required",
        )
    if decision_planned_on is not None and decision_planned_on < requested_on:
        raise field_error(
            "decision_planned_on",
            _("The decision cannot be planned before the request."),
            "decision_before_request",
        )
    rules = CouncilRules.objects.in_force(requested_on)
    default_due = weeks_after(requested_on, rules.advice_deadline_weeks)
    if advice_due is not None and advice_due < requested_on:
        raise field_error(
            "advice_due",
            _("The deadline for the advice cannot be before the request."),
            "deadline_before_request",
        )
    if visibility is None:
        visibility = Visibility.BOARD if kind in DossierKind.from_board() else Visibility.COUNCIL
    if kind in DossierKind.from_board() and visibility not in (
        Visibility.BOARD,
        Visibility.PUBLIC,
    ):
        raise field_error(
            "visibility",
            _("The board asked for this advice, so the board must be able to see the dossier."),
            "board_must_see",
        )
    _check_working_group(working_group, today)
    with transaction.atomic(), acting(by):
        Council.lock()
        dossier = Dossier(
            kind=kind,
            year=requested_on.year,
            number=next_number(requested_on.year),
            title=title,
            topic=topic,
            board_question=(board_question or "").strip(),
            intended_decision=(intended_decision or "").strip(),
            decision_planned_on=decision_planned_on,
            visibility=visibility,
            state=FIRST_STATE[kind],
            requested_on=requested_on,
            advice_due=advice_due or default_due,
            requested_by=requested_by,
            registered_by=by,
        )
        dossier.full_clean()
        dossier.save()
        if working_group:
            dossier.working_group.set(working_group)
        DossierStateChange.objects.create(
            dossier=dossier, from_state="", to_state=dossier.state, by=by
        )
        for upload, doc_title in uploads:
            _document(dossier=dossier, by=by, upload=upload, title=doc_title).store()
    return dossier


def _check_transition(dossier, to):
    """The rules of a move beyond the table: what must exist before the dossier may move on."""
    if to == DossierState.ADOPTED and not AdoptedAdvice.objects.filter(dossier=dossier).exists():
        raise ValidationError(
            _("The council adopts its advice in a meeting first."), code="not_adopted"
        )
    if to == DossierState.SENT and dossier.state != DossierState.ADOPTED:
        raise ValidationError(
            _("Only advice the council adopted can be sent to the board."), code="not_adopted"
        )
    if to == DossierState.ANSWERED and not BoardAnswer.objects.filter(dossier=dossier).exists():
        raise ValidationError(_("The board has not answered yet."), code="not_answered")
    if to == DossierState.CLOSED and dossier.is_consent and not dossier.decision_carried_out_on:
        raise ValidationError(
            _("A consent request closes when the board has carried out its decision."),
            code="not_carried_out",
        )


def dossier_transition(*, dossier, to, by, reason="", revision=None):
    """Move a dossier to state `to`: the one function that changes a dossier's state.

    The allowed moves are advice.models.DOSSIER_TRANSITIONS (less EDGES_NOT_FOR_KIND).
    Withdrawing needs a reason. Adopting, sending, answering and closing a consent request need
    what advice_adopt, advice_send, answer_give and decision_carried_out record first; those
    services call this one. Every move is appended to the dossier's history.
    """
    to = DossierState(to)
    reason = (reason or "").strip()
    with transaction.atomic(), acting(by):
        dossier = locked(dossier, revision)
        if not dossier.may_move_to(to):
            raise ValidationError(
                _("A dossier that is '%(current)s' cannot become '%(new)s'."),
                code="transition_not_allowed",
                params={"current": dossier.get_state_display(), "new": to.label},
            )
        if to == DossierState.WITHDRAWN and not reason:
            raise field_error(
                "reason", _("Give the reason for withdrawing the dossier."), "reason_required"
            )
        _check_transition(dossier, to)
        from_state = dossier.state
        dossier.state = to
        _touch(dossier, "state")
        DossierStateChange.objects.create(
            dossier=dossier, from_state=from_state, to_state=to, reason=reason, by=by
        )
    return dossier


def deadline_extend(*, dossier, deadline, new_date, reason, by, revision=None):
    """Move the council's or the board's deadline later, as agreed between them, with the
    reason on record."""
    deadline = DeadlineKind(deadline)
    reason = (reason or "").strip()
    if not reason:
        raise field_error("reason", _("Give the reason for the extension."), "reason_required")
    with transaction.atomic(), acting(by):
        dossier = locked(dossier, revision)
        field = "advice_due" if deadline == DeadlineKind.ADVICE else "answer_due"
        old = getattr(dossier, field)
        if deadline == DeadlineKind.ADVICE and dossier.state not in (
            *DossierState.preparing(),
            DossierState.ADOPTED,
        ):
            raise ValidationError(
                _("The advice has been sent; its deadline cannot change any more."),
                code="advice_sent",
            )
        if deadline == DeadlineKind.ANSWER and (old is None or dossier.state != DossierState.SENT):
            raise ValidationError(
                _("Only the deadline of an answer the board still owes can be extended."),
                code="no_answer_due",
            )
        if new_date is None or new_date <= old:
            raise field_error(
                "new_date",
                _("The new deadline must be later than the current one (%(day)s).")
                % {"day": _day(old)},
                "not_later",
            )
        setattr(dossier, field, new_date)
        _touch(dossier, field)
        DeadlineExtension.objects.create(
            dossier=dossier,
            deadline=deadline,
            old_date=old,
            new_date=new_date,
            reason=reason,
            by=by,
        )
    return dossier


def _check_working_group(people, day):
    members = set(User.objects.members(day).values_list("pk", flat=True))
    if any(person.pk not in members for person in people):
        raise field_error(
            "working_group",
            _("Only members of the council can be in the working group."),
            "not_members",
        )


def working_group_set(*, dossier, people, by):
    """Choose the members who prepare the advice."""
    _check_working_group(people, timezone.localdate())
    with transaction.atomic(), acting(by):
        dossier = locked(dossier)
        if not dossier.is_open:
            raise ValidationError(_("This dossier is no longer open."), code="not_open")
        dossier.working_group.set(people)
    return dossier


def dossier_put_on_agenda(*, dossier, meeting, by):
    """Put the dossier on the agenda of a meeting still to come: a council meeting to prepare
    or adopt it, a consultation to discuss it with the board. The link is kept here."""
    if meeting.kind not in (MeetingKind.COUNCIL, MeetingKind.CONSULTATION):
        raise field_error(
            "meeting",
            _("A dossier goes on the agenda of a council meeting or a consultation."),
            "wrong_meeting_kind",
        )
    with transaction.atomic(), acting(by):
        dossier = locked(dossier)
        if not dossier.is_open:
            raise ValidationError(_("This dossier is no longer open."), code="not_open")
        if dossier.agenda_items.filter(meeting=meeting).exists():
            raise field_error(
                "meeting", _("The dossier is already on this agenda."), "already_on_agenda"
            )
        consultation = meeting.kind == MeetingKind.CONSULTATION
        if consultation and dossier.visibility not in (Visibility.BOARD, Visibility.PUBLIC):
            raise field_error(
                "meeting",
                _("The board cannot see this dossier yet, so it cannot go on a consultation."),
                "board_cannot_see",
            )
        item = agenda_item_add(
            meeting=meeting,
            by=by,
            title=f"{dossier.reference} {dossier.title}"[:200],
            kind=AgendaItemKind.ADVICE,
            visibility=Visibility.BOARD if consultation else Visibility.COUNCIL,
        )
        dossier.agenda_items.add(item)
        _touch(dossier)
    return item


def _document(*, dossier, by, upload, title="", visibility=Visibility.BOARD):
    return DossierDocument.from_upload(
        upload,
        allowed=DOCUMENT_AND_IMAGE_TYPES,
        by=by,
        dossier=dossier,
        title=(title or "").strip() or (upload.name or "")[:200],
        visibility=visibility,
    )


def document_add(*, dossier, by, upload, title="", visibility=Visibility.BOARD):
    """Attach a document; checked by its bytes and size before anything is stored."""
    document = _document(dossier=dossier, by=by, upload=upload, title=title, visibility=visibility)
    if not dossier.is_open:
        raise ValidationError(_("This dossier is no longer open."), code="not_open")
    with acting(by):
        return document.store()


def dossier_publish(*, dossier, by, publish=True):
    """Show the dossier on the public page (title, topic, kind, dates, the plain-language
    summaries), or take it off again. Only advice that was sent can be published."""
    with transaction.atomic(), acting(by):
        dossier = locked(dossier)
        if publish and dossier.state not in DossierState.with_the_board():
            raise ValidationError(
                _("Only advice that was sent to the board can be published."),
                code="not_sent",
            )
        dossier.published_at = timezone.now() if publish else None
        _touch(dossier, "published_at")
    return dossier


def consent_allows(dossier):
    """Whether the decision of a consent request may be carried out: the council consented
    (perhaps with conditions), or the confidential committee gave replacement consent."""
    advice = getattr(dossier, "advice", None)
    if advice is not None and advice.consent in ConsentOutcome.allowing():
        return True
    return hasattr(dossier, "replacement_consent")


def topic_add(*, name):
    """Add a topic to the list the council advises on; the same name twice is refused."""
    name = (name or "").strip()
    if not name:
        raise field_error("name", _("Give the topic a name."), "name_required")
    if Topic.objects.filter(name__iexact=name).exists():
        raise field_error("name", _("This topic is already on the list."), "duplicate")
    return Topic.objects.create(name=name)


def topic_set_active(*, topic, active):
    """Offer a topic for new dossiers again, or stop offering it (old dossiers keep it)."""
    topic.is_active = active
    topic.save(update_fields=["is_active"])
    return topic
