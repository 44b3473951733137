"""Changes to agendas, meeting papers, attendance, minutes and action items.

Keyword-only, one transaction each, refusing with a translated ValidationError. Who may call
them is decided by the views through meetings.rules. Publishing the agenda is a state change of
the meeting: meetings.services.meeting_transition.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from meetings.models import (
    ACTION_TRANSITIONS,
    MINUTES_TRANSITIONS,
    ActionItem,
    ActionKind,
    ActionStatus,
    AgendaDocument,
    AgendaItem,
    Attendance,
    AttendanceAnswer,
    Meeting,
    MeetingKind,
    MeetingState,
    Minutes,
    MinutesState,
)
from meetings.services import field_error, meeting_transition
from members.models import CouncilRules, User
from wijraad.files import DOCUMENT_AND_IMAGE_TYPES

ITEM_FIELDS = ("title", "description", "kind", "presenter", "duration_minutes", "visibility")


def _locked(meeting):
    return Meeting.objects.select_for_update(of=("self",)).get(pk=meeting.pk)


def agenda_lead_warning(meeting, *, today=None):
    """A warning when the agenda goes out later than the rules' lead time (default 7 days)
    before the meeting, else None."""
    today = today or timezone.localdate()
    lead = CouncilRules.objects.in_force(meeting.date).agenda_lead_days
    days = (meeting.date - today).days
    if days < lead:
        return _(
            "The agenda goes out %(days)s day(s) before the meeting; the rules ask for at least "
            "%(lead)s days, so members have time to read the papers."
        ) % {"days": max(days, 0), "lead": lead}
    return None


def _check_agenda_open(meeting):
    if not meeting.has_agenda:
        raise ValidationError(_("A work visit has no agenda."), code="no_agenda")
    if meeting.is_cancelled:
        raise ValidationError(
            _("This meeting is cancelled; its agenda cannot be changed."),
            code="meeting_cancelled",
        )
    if not meeting.is_upcoming:
        raise ValidationError(
            _("This meeting has taken place; its agenda cannot be changed any more."),
            code="agenda_closed",
        )


# --- Agenda items --------------------------------------------------------------------------------


def agenda_item_add(*, meeting, by, title, **fields):
    """Add an item at the end of the agenda of a meeting that is still to come."""
    with transaction.atomic():
        meeting = _locked(meeting)
        _check_agenda_open(meeting)
        last = meeting.agenda_items.aggregate(last=Max("position"))["last"]
        item = AgendaItem(
            meeting=meeting, title=title, position=0 if last is None else last + 1, **fields
        )
        item.full_clean()
        item.save()
    return item


def agenda_item_update(*, item, by, **changes):
    unknown = set(changes) - set(ITEM_FIELDS)
    if unknown:
        raise TypeError(f"agenda_item_update cannot change {sorted(unknown)}")
    with transaction.atomic():
        _check_agenda_open(_locked(item.meeting))
        item = AgendaItem.objects.select_for_update().get(pk=item.pk)
        for name, value in changes.items():
            setattr(item, name, value)
        item.full_clean()
        item.save()
    return item


def agenda_item_delete(*, item, by):
    """Remove an item (and its papers, once committed) from an agenda still to come."""
    with transaction.atomic():
        _check_agenda_open(_locked(item.meeting))
        names = list(item.documents.values_list("file", flat=True))
        item.delete()
        storage = AgendaDocument._meta.get_field("file").storage
        transaction.on_commit(lambda: [storage.delete(name) for name in names])


def agenda_reorder(*, meeting, by, order):
    """Put the agenda in the order of `order` (item ids). It must name exactly this meeting's
    items, each once; otherwise nothing changes."""
    try:
        ids = [int(pk) for pk in order]
    except (TypeError, ValueError):
        ids = None
    with transaction.atomic():
        meeting = _locked(meeting)
        _check_agenda_open(meeting)
        items = {item.pk: item for item in meeting.agenda_items.select_for_update()}
        if ids is None or len(ids) != len(set(ids)) or set(ids) != set(items):
            raise ValidationError(
                _("The new order must list every item of this agenda exactly once."),
                code="wrong_items",
            )
        for position, pk in enumerate(ids):
            items[pk].position = position
        AgendaItem.objects.bulk_update(items.values(), ["position"])


# --- Papers --------------------------------------------------------------------------------------


def document_add(*, item, by, upload, title="", visibility):
    """Attach a paper to an agenda item. The file is checked by its bytes (PDF, Office, ODF,
    images) and its size before anything is stored."""
    document = AgendaDocument.from_upload(
        upload,
        allowed=DOCUMENT_AND_IMAGE_TYPES,
        by=by,
        agenda_item=item,
        title=(title or "").strip() or (upload.name or "")[:200],
        visibility=visibility,
    )
    meeting = item.meeting
    if meeting.is_cancelled or not meeting.has_agenda:
        raise ValidationError(
            _("This meeting is cancelled; papers cannot be added."), code="meeting_cancelled"
        )
    return document.store()


def document_delete(*, document, by):
    """Remove a paper and, once that is committed, its file. The download log keeps its rows."""
    document.remove()


# --- Attendance ----------------------------------------------------------------------------------


def seated_members(day):
    """The people holding a seat on `day` (signed or not): they count for the quorum."""
    return User.objects.seated(day).distinct().order_by("name", "pk")


def quorum_for(seated_count):
    """More than half of the members."""
    return seated_count // 2 + 1


def attendance_answer(*, meeting, person, answer, reason=""):
    """A member says before the meeting whether they come (with an optional reason if not)."""
    answer = AttendanceAnswer(answer)
    if meeting.is_cancelled:
        raise ValidationError(_("This meeting is cancelled."), code="meeting_cancelled")
    if meeting.starts_at <= timezone.now():
        raise ValidationError(
            _("This meeting has begun; you can no longer say whether you come."),
            code="meeting_begun",
        )
    with transaction.atomic():
        row, _created = Attendance.objects.select_for_update().get_or_create(
            meeting=meeting, person=person
        )
        row.answer = answer
        row.reason = (reason or "").strip() if answer == AttendanceAnswer.ABSENT else ""
        row.answered_at = timezone.now()
        row.full_clean()
        row.save()
    return row


def attendance_record(*, meeting, by, present):
    """The secretary records who was actually there: `present` are the people who came; every
    other seated member was not there."""
    if meeting.is_cancelled:
        raise ValidationError(_("This meeting is cancelled."), code="meeting_cancelled")
    if meeting.starts_at > timezone.now():
        raise ValidationError(
            _("Who was there can be recorded once the meeting has begun."),
            code="meeting_not_begun",
        )
    seated = {person.pk for person in seated_members(meeting.date)}
    present = {person.pk for person in present}
    if not present <= seated:
        raise ValidationError(
            _("Only members holding a seat on the day of the meeting can be recorded."),
            code="not_seated",
        )
    with transaction.atomic():
        existing = {
            row.person_id: row
            for row in Attendance.objects.select_for_update().filter(meeting=meeting)
        }
        for pk in seated:
            row = existing.get(pk) or Attendance(meeting=meeting, person_id=pk)
            row.attended = pk in present
            row.save()


# --- Minutes -------------------------------------------------------------------------------------


def _check_minutes_open(meeting):
    if not meeting.has_agenda or meeting.is_cancelled:
        raise ValidationError(
            _("This meeting has no minutes (cancelled or a work visit)."), code="no_minutes"
        )
    if meeting.starts_at > timezone.now():
        raise ValidationError(
            _("Minutes are written once the meeting has begun."), code="meeting_not_begun"
        )


def minutes_save(*, meeting, by, general="", items=None):
    """Write or change the draft minutes: general remarks, and per agenda item the notes and the
    decision (`items`: {item: (notes, decision)}). Adopted minutes are final."""
    _check_minutes_open(meeting)
    with transaction.atomic():
        minutes, _created = Minutes.objects.select_for_update().get_or_create(meeting=meeting)
        if minutes.is_adopted:
            raise ValidationError(
                _("These minutes are adopted and cannot be changed."), code="minutes_adopted"
            )
        foreign = [item for item in (items or {}) if item.meeting_id != meeting.pk]
        if foreign:
            raise ValidationError(_("That item is not on this agenda."), code="wrong_items")
        minutes.general = (general or "").strip()
        minutes.updated_at = timezone.now()
        minutes.save()
        for item, (notes, decision) in (items or {}).items():
            item.notes = (notes or "").strip()
            item.decision = (decision or "").strip()
            item.save(update_fields=["notes", "decision"])
    return minutes


def minutes_transition(*, minutes, to, by):
    """Share the draft with the members, or take it back (adopting: minutes_adopt)."""
    to = MinutesState(to)
    with transaction.atomic():
        minutes = Minutes.objects.select_for_update().get(pk=minutes.pk)
        if to == MinutesState.ADOPTED or to not in MINUTES_TRANSITIONS[minutes.state]:
            raise ValidationError(
                _("Minutes that are '%(current)s' cannot become '%(new)s'."),
                code="transition_not_allowed",
                params={"current": minutes.get_state_display(), "new": to.label},
            )
        minutes.state = to
        minutes.updated_at = timezone.now()
        minutes.save(update_fields=["state", "updated_at"])
    return minutes


def adoption_candidates(meeting):
    """The meetings where the minutes of `meeting` can be adopted: later meetings of the same kind
    that have begun and were not cancelled."""
    return (
        Meeting.objects.filter(kind=meeting.kind, date__gt=meeting.date)
        .not_cancelled()
        .filter(date__lte=timezone.localdate())
        .order_by("date", "start_time", "pk")
    )


def minutes_adopt(*, minutes, at_meeting, by):
    """Record that the minutes were adopted at `at_meeting`, a later meeting of the same kind,
    and move the meeting whose minutes they are to 'minutes adopted'."""
    with transaction.atomic():
        minutes = Minutes.objects.select_for_update().select_related("meeting").get(pk=minutes.pk)
        meeting = minutes.meeting
        if at_meeting.pk == meeting.pk:
            raise ValidationError(
                _("Draft minutes cannot be adopted in their own meeting; choose a later one."),
                code="own_meeting",
            )
        if at_meeting.kind != meeting.kind or at_meeting.starts_at <= meeting.starts_at:
            raise field_error(
                "at_meeting",
                _("Choose a later meeting of the same kind."),
                "not_a_later_meeting",
            )
        if at_meeting.is_cancelled or at_meeting.starts_at > timezone.now():
            raise field_error(
                "at_meeting",
                _("Choose a meeting that has taken place (on %(day)s it has not begun yet).")
                % {"day": date_format(at_meeting.date, "j F Y")},
                "not_taken_place",
            )
        if minutes.state != MinutesState.SHARED:
            raise ValidationError(
                _("Share the draft with the members before it is adopted."), code="not_shared"
            )
        if meeting.state != MeetingState.HELD:
            raise ValidationError(
                _("Mark the meeting as held before adopting its minutes."), code="not_held"
            )
        minutes.state = MinutesState.ADOPTED
        minutes.adopted_at_meeting = at_meeting
        minutes.adopted_at = timezone.now()
        minutes.adopted_by = by
        minutes.save()
        meeting_transition(meeting=meeting, to=MeetingState.MINUTES_ADOPTED, by=by)
    return minutes


# --- Action items and board commitments ----------------------------------------------------------


def action_owner_choices(kind, day=None):
    """Who can own an action item (seated members and the secretary) or a commitment (the board
    members of today)."""
    from members.models import BoardPosition, Office, OfficeRole, Term

    day = day or timezone.localdate()
    if kind == ActionKind.COMMITMENT:
        who = Q(pk__in=BoardPosition.objects.active_on(day).values("person"))
    else:
        who = Q(pk__in=Term.objects.active_on(day).values("person")) | Q(
            pk__in=Office.objects.active_on(day)
            .filter(role__in=[OfficeRole.SECRETARY, OfficeRole.STAFF_SECRETARY])
            .values("person")
        )
    return User.objects.filter(who).order_by("name", "pk")


def actions_open(meeting, now=None):
    """Whether action items can be added to `meeting`: it has an agenda, is not cancelled and
    has begun (action items are agreed in the meeting)."""
    return (
        meeting.has_agenda
        and not meeting.is_cancelled
        and meeting.starts_at <= (now or timezone.now())
    )


def action_item_add(*, meeting, by, kind, title, owner, due_date=None, agenda_item=None):
    kind = ActionKind(kind)
    if not meeting.has_agenda or meeting.is_cancelled:
        raise ValidationError(
            _("A cancelled meeting or a work visit has no action items."), code="no_actions"
        )
    if not actions_open(meeting):
        raise ValidationError(
            _(
                "Action items are agreed in a meeting: add them once the meeting has begun "
                "(on %(day)s)."
            ),
            code="not_started",
            params={"day": date_format(meeting.date, "j F Y")},
        )
    if kind == ActionKind.COMMITMENT and meeting.kind != MeetingKind.CONSULTATION:
        raise field_error(
            "kind",
            _("Board commitments are made in a consultation with the board."),
            "commitment_outside_consultation",
        )
    if agenda_item is not None and agenda_item.meeting_id != meeting.pk:
        raise field_error("agenda_item", _("That item is not on this agenda."), "wrong_items")
    if owner is None or not action_owner_choices(kind).filter(pk=owner.pk).exists():
        message = (
            _("A board commitment belongs to a board member of today.")
            if kind == ActionKind.COMMITMENT
            else _("An action item belongs to a member or the secretary.")
        )
        raise field_error("owner", message, "wrong_owner")
    with transaction.atomic():
        action = ActionItem(
            meeting=meeting,
            agenda_item=agenda_item,
            kind=kind,
            title=(title or "").strip(),
            owner=owner,
            due_date=due_date,
        )
        action.full_clean()
        action.save()
    return action


def action_item_transition(*, action, to, by):
    """Close an action item or commitment (done or dropped), or open it again."""
    to = ActionStatus(to)
    with transaction.atomic():
        action = ActionItem.objects.select_for_update().get(pk=action.pk)
        if to not in ACTION_TRANSITIONS[action.status]:
            raise ValidationError(
                _("An action item that is '%(current)s' cannot become '%(new)s'."),
                code="transition_not_allowed",
                params={"current": action.get_status_display(), "new": to.label},
            )
        action.status = to
        action.closed_at = None if to == ActionStatus.OPEN else timezone.now()
        action.save(update_fields=["status", "closed_at"])
    return action
