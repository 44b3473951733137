"""Changes to minutes (notulen), action items and board commitments.

Keyword-only, one transaction each, refusing with a translated ValidationError.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from meetings.models import (
    ACTION_TRANSITIONS,
    MINUTES_TRANSITIONS,
    ActionItem,
    ActionKind,
    ActionStatus,
    Meeting,
    MeetingKind,
    MeetingState,
    Minutes,
    MinutesState,
)
from meetings.services.meetings import field_error, meeting_transition
from members.models import User
from wijraad.audit import acting

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
    with transaction.atomic(), acting(by):
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
    with transaction.atomic(), acting(by):
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
    with transaction.atomic(), acting(by):
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
    """Who can own an action item (the seated members and the secretary) or a commitment (the
    board users of today)."""
    day = day or timezone.localdate()
    if kind == ActionKind.COMMITMENT:
        return User.objects.board(day).order_by("name", "pk")
    who = Q(pk__in=User.objects.seated(day).values("pk")) | Q(
        pk__in=User.objects.secretaries(day).values("pk")
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
    _check_owner(kind, owner)
    with transaction.atomic(), acting(by):
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


def _check_owner(kind, owner):
    if owner is None or not action_owner_choices(kind).filter(pk=owner.pk).exists():
        message = (
            _("A board commitment belongs to a board member of today.")
            if kind == ActionKind.COMMITMENT
            else _("An action item belongs to a member or the secretary.")
        )
        raise field_error("owner", message, "wrong_owner")


def action_item_update(*, action, by, title, owner, due_date=None):
    """Correct an action item or commitment: what, who and when. The audit log keeps the old
    values with `by` as the actor."""
    title = (title or "").strip()
    with transaction.atomic(), acting(by):
        action = ActionItem.objects.select_for_update().get(pk=action.pk)
        if owner is None or owner.pk != action.owner_id:
            _check_owner(action.kind, owner)
        action.title = title
        action.owner = owner
        action.due_date = due_date
        action.full_clean()
        action.save(update_fields=["title", "owner", "due_date"])
    return action


def action_item_delete(*, action, by):
    """Remove an action item or commitment entered by mistake; the audit log keeps that it was
    there and who removed it. (Something no longer needed is dropped instead: its status.)"""
    with transaction.atomic(), acting(by):
        ActionItem.objects.select_for_update().get(pk=action.pk).delete()


def action_item_transition(*, action, to, by):
    """Close an action item or commitment (done or dropped), or open it again."""
    to = ActionStatus(to)
    with transaction.atomic(), acting(by):
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
