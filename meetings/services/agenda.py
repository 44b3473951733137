"""Changes to agendas, meeting papers and attendance.

Keyword-only, one transaction each, refusing with a translated ValidationError. Who may call
them is decided by the views through meetings.rules. Publishing the agenda is a state change of
the meeting: meetings.services.meeting_transition.
"""

import dataclasses

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from meetings import reminders
from meetings.models import (
    AgendaDocument,
    AgendaItem,
    Attendance,
    AttendanceAnswer,
    Meeting,
    MeetingKind,
)
from members.models import CouncilRules, User
from wijraad.audit import acting
from wijraad.files import DOCUMENT_AND_IMAGE_TYPES

ITEM_FIELDS = ("title", "description", "kind", "presenter", "duration_minutes", "visibility")


def locked(meeting):
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
    with transaction.atomic(), acting(by):
        meeting = locked(meeting)
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
    with transaction.atomic(), acting(by):
        _check_agenda_open(locked(item.meeting))
        item = AgendaItem.objects.select_for_update().get(pk=item.pk)
        for name, value in changes.items():
            setattr(item, name, value)
        item.full_clean()
        item.save()
    return item


def agenda_item_delete(*, item, by):
    """Remove an item (and its papers, once committed) from an agenda still to come."""
    with transaction.atomic(), acting(by):
        _check_agenda_open(locked(item.meeting))
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
    with transaction.atomic(), acting(by):
        meeting = locked(meeting)
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


def document_add(*, item, by, upload, title="", visibility, previous=None):
    """Attach a paper to an agenda item. The file is checked by its bytes (PDF, Office, ODF,
    images) and its size before anything is stored. Added after the agenda went out, the paper
    is "new" on the agenda and announced to whoever may see it (meetings.reminders.PAPER)."""
    document = AgendaDocument.from_upload(
        upload,
        allowed=DOCUMENT_AND_IMAGE_TYPES,
        by=by,
        agenda_item=item,
        title=(title or "").strip() or (upload.name or "")[:200],
        visibility=visibility,
        previous=previous,
    )
    meeting = item.meeting
    if meeting.is_cancelled or not meeting.has_agenda:
        raise ValidationError(
            _("This meeting is cancelled; papers cannot be added."), code="meeting_cancelled"
        )
    with transaction.atomic(), acting(by):
        document.store()
        if previous is not None:
            AgendaDocument.objects.filter(pk=previous.pk).update(superseded_at=timezone.now())
        reminders.record_paper(document)
    return document


def document_replace(*, document, by, upload, title="", visibility=None):
    """A new version of a paper: it takes the old one's place on the agenda; the old one stays
    as an earlier version (file and download log too)."""
    if not document.is_current:
        raise ValidationError(
            _("This paper has been replaced already; replace the newest version."),
            code="paper_replaced",
        )
    return document_add(
        item=document.agenda_item,
        by=by,
        upload=upload,
        title=(title or "").strip() or document.title,
        visibility=visibility or document.visibility,
        previous=document,
    )


def document_update(*, document, by, title, visibility):
    """Another title or visibility for a paper; the audit log keeps the change and its actor."""
    with transaction.atomic(), acting(by):
        document = AgendaDocument.objects.select_for_update().get(pk=document.pk)
        document.title = (title or "").strip() or document.title
        document.visibility = visibility
        document.full_clean()
        document.save(update_fields=["title", "visibility"])
    return document


def document_delete(*, document, by):
    """Remove a paper and, once that is committed, its file. The download log keeps its rows."""
    with acting(by):
        document.remove()


# --- Attendance ----------------------------------------------------------------------------------


def seated_members(day):
    """The people holding a seat on `day` (signed or not): they count for the quorum."""
    return User.objects.seated(day).distinct().order_by("name", "pk")


def quorum_for(seated_count):
    """More than half of the members: 3 of 4, 7 of 13."""
    return seated_count // 2 + 1


def board_attendees(meeting):
    """Board users who may answer whether they come: those in office on the day of a
    consultation; nobody for other meetings (they do not see them)."""
    if meeting.kind != MeetingKind.CONSULTATION:
        return User.objects.none()
    return User.objects.board(meeting.date).filter(is_active=True).order_by("name", "pk")


@dataclasses.dataclass(frozen=True)
class AttendanceCount:
    seated: int
    quorum: int
    coming: int
    attended: int
    recorded: bool

    @property
    def has_quorum(self):
        return (self.attended if self.recorded else self.coming) >= self.quorum


def attendance_count(meeting, *, people=None, rows=None):
    """The quorum count of `meeting`: only people holding a seat on its day count (a board user's
    or a former member's answer does not). `people` (seated members) and `rows` (person id ->
    Attendance) may be handed in by a page that has them already."""
    if people is None:
        people = list(seated_members(meeting.date))
    if rows is None:
        rows = {row.person_id: row for row in Attendance.objects.filter(meeting=meeting)}
    seated_rows = [rows[person.pk] for person in people if person.pk in rows]
    return AttendanceCount(
        seated=len(people),
        quorum=quorum_for(len(people)),
        coming=sum(1 for row in seated_rows if row.answer == AttendanceAnswer.PRESENT),
        attended=sum(1 for row in seated_rows if row.attended),
        recorded=any(row.attended is not None for row in seated_rows),
    )


def attendance_register(meeting):
    """Who was present, absent with notice (said beforehand they could not come) and absent,
    from the attendance the secretary recorded; None while nothing is recorded. Seated members
    only, by name."""
    people = list(seated_members(meeting.date))
    rows = {row.person_id: row for row in Attendance.objects.filter(meeting=meeting)}
    if not any(row.attended is not None for row in rows.values()):
        return None
    present, with_notice, absent = [], [], []
    for person in people:
        row = rows.get(person.pk)
        if row is not None and row.attended:
            present.append(person)
        elif row is not None and row.answer == AttendanceAnswer.ABSENT:
            with_notice.append(person)
        else:
            absent.append(person)
    return {"present": present, "with_notice": with_notice, "absent": absent}


def attendance_answer(*, meeting, person, answer, reason=""):
    """A member, or a board user for a consultation, says before the meeting whether they come
    (with an optional reason if not). Who may answer is meetings.rules (answer_attendance)."""
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


def attendance_record(*, meeting, present):
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
