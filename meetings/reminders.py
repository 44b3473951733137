"""Meeting reminders and notices: what is due when, to whom, and the e-mail for each.

Registered with the delivery ledger (wijraad.deliveries) in MeetingsConfig.ready(): the sweep
calls `find_due(now)`; the send task calls the builder of the delivery's kind. The ledger keeps
each message once per (meeting or action item, revision, recipient, kind).

The kinds, and when each is due (the numbers come from the council's rules in force today):

- AGENDA: the agenda is published and the meeting is still to come. Once per person.
- REMINDER: the meeting starts within `reminder_lead_days` (default 2) and has not started;
  for a person who chose their own time (MailPreference.reminder_lead_hours, kept within the
  secretary's limits), from that many hours before the start. Once per person, whatever
  happens to the meeting afterwards (a change has its own notice).
- CHANGED: the meeting changed or was cancelled (a new revision) after a person was told about
  it (an agenda, reminder or earlier change notice about an older revision). One per revision.
  Also recorded at once by the services (`record_change`) for everyone who may see the meeting,
  whether or not they were told before: a meeting of the adopted schedule cancelled three weeks
  ahead reaches everyone (everybody knows it from the schedule overview).
- AGENDA_LATE: to the secretary, when the agenda of a meeting is still not published
  `agenda_late_warning_days` (default 8) before it. Once per secretary and meeting.
- ANNOUNCED: a new meeting outside the adopted schedule (an extra meeting) is planned. Recorded
  by meeting_create for everyone who may see it, in the same transaction.
- SCHEDULE: the year's schedule is adopted: one overview per person with every meeting they may
  see and a calendar (.ics) of them. Recorded by schedule_adopt, in the same transaction.
- PAPER: a paper added to an agenda that is already out (a new paper or a new version), to
  whoever may see it, while the meeting is still to come. Recorded by document_add.
- ACTION_DUE: to the owner of an open action item or board commitment due within
  `reminder_lead_days` days, once the owner may see it (ActionItem.objects.visible_to: its
  minutes are out to them — shared for a member, adopted for a board user). Once per item.

Who gets a meeting mail: whoever may see the meeting today (Meeting.objects.visible_to: members
and the secretary every kind, board users consultations only). Former members, unsigned members
and board users for council meetings get nothing. Everything is checked again when the mail is
built: a mail no longer needed (cancelled meeting, person left the council) is skipped.
"""

import datetime
from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from meetings import ical
from meetings.ical import meeting_calendar
from meetings.models import (
    KIND_VISIBILITY,
    ActionItem,
    ActionKind,
    ActionStatus,
    AgendaDocument,
    Meeting,
    MeetingKind,
    MeetingState,
    YearSchedule,
    kinds_visible_to,
)
from members.models import CouncilRules, MailPreference, User
from members.roles import roles_for
from wijraad.deliveries import Due, per_batch, record_due
from wijraad.mail import absolute_url, build_mail, mail_language
from wijraad.models import Delivery, Visibility

AGENDA = "meetings.agenda"
REMINDER = "meetings.reminder"
CHANGED = "meetings.changed"
AGENDA_LATE = "meetings.agenda_late"
ACTION_DUE = "meetings.action_due"
ANNOUNCED = "meetings.announced"
SCHEDULE = "meetings.schedule"
PAPER = "meetings.paper"
MEETING_KINDS = (AGENDA, REMINDER, CHANGED, AGENDA_LATE, ANNOUNCED)
# The kinds that tell a person about a meeting: after one of them, a change is announced.
TOLD = (AGENDA, REMINDER, CHANGED, ANNOUNCED)
KIND_LABELS = {
    AGENDA: _("Agenda published"),
    REMINDER: _("Reminder"),
    CHANGED: _("Change or cancellation"),
    AGENDA_LATE: _("Agenda not published yet (to the secretary)"),
    ACTION_DUE: _("Action item due"),
    ANNOUNCED: _("New meeting planned"),
    SCHEDULE: _("Schedule of the year adopted"),
    PAPER: _("New paper after the agenda went out"),
}
# One line on the e-mail preferences page: when it comes.
KIND_EXPLANATIONS = {
    AGENDA: _("When the agenda and the papers of a meeting are out."),
    REMINDER: _("A short reminder before a meeting, at the time you choose on this page."),
    CHANGED: _("When a meeting is cancelled, moved or changed."),
    AGENDA_LATE: _("A warning when the agenda of a coming meeting is not out yet."),
    ACTION_DUE: _("When an action item of yours is almost due."),
    ANNOUNCED: _("When an extra meeting is planned."),
    SCHEDULE: _("The meetings of the new year, with a file for your calendar."),
    PAPER: _("When a paper is added to an agenda that is already out."),
}
# Why a change notice cannot be switched off.
CHANGED_ALWAYS = _("You must know in time when a meeting does not go ahead or moves.")
# Why the secretary's warning of a late agenda cannot be switched off: a duty, not news.
AGENDA_LATE_ALWAYS = _(
    "Part of the secretary's work: the agenda must be out in time, so this always comes."
)
ALWAYS_ON = {CHANGED: CHANGED_ALWAYS, AGENDA_LATE: AGENDA_LATE_ALWAYS}
TEMPLATES = {
    AGENDA: "meetings/emails/agenda",
    REMINDER: "meetings/emails/reminder",
    CHANGED: "meetings/emails/changed",
    AGENDA_LATE: "meetings/emails/agenda_late",
    ACTION_DUE: "meetings/emails/action_due",
    ANNOUNCED: "meetings/emails/announced",
    SCHEDULE: "meetings/emails/schedule",
    PAPER: "meetings/emails/paper",
}


# --- Who ----------------------------------------------------------------------------------------


def may_see(user, meeting):
    return user.is_active and meeting.kind in kinds_visible_to(user)


def meeting_audience(kind, day):
    """Who may see meetings of `kind` on `day` (the rule of Meeting.objects.visible_to)."""
    return list(User.objects.audience(KIND_VISIBILITY[kind], day).order_by("pk"))


def secretaries(day):
    return list(User.objects.secretaries(day).order_by("pk"))


# --- Notices recorded by the services, in the transaction of the change ----------------------


def record_change(meeting):
    """A change notice (CHANGED, this revision) for everyone who may see `meeting` today, told
    before or not. Nothing for a meeting that has begun. The sweep sends it."""
    if meeting.starts_at <= timezone.now():
        return
    audience = meeting_audience(meeting.kind, timezone.localdate())
    record_due(Due(meeting, person.pk, CHANGED, meeting.revision) for person in audience)


def record_announcement(meeting):
    """An announcement (ANNOUNCED) of a new extra meeting for everyone who may see it."""
    audience = meeting_audience(meeting.kind, timezone.localdate())
    record_due(Due(meeting, person.pk, ANNOUNCED, meeting.revision) for person in audience)


def record_schedule(schedule):
    """One overview (SCHEDULE) of the adopted `schedule` for everyone who may see a meeting of
    it: members and the secretary all of it, board users its consultations."""
    day = timezone.localdate()
    levels = {KIND_VISIBILITY[kind] for kind in MeetingKind.counted()}
    people = set()
    for level in sorted(levels):
        people |= set(User.objects.audience(level, day).values_list("pk", flat=True))
    record_due(Due(schedule, pk, SCHEDULE, 0) for pk in sorted(people))


def _strictest(*levels):
    order = list(Visibility.values)  # public, board, council, restricted: each sees fewer
    return max(levels, key=order.index)


def record_paper(document):
    """Announce (PAPER) a paper added after the agenda went out, to everyone who may see it:
    who sees the meeting, the item's level and the paper's own. Nothing before the agenda is
    out, or once the meeting has begun or is cancelled."""
    item = document.agenda_item
    meeting = item.meeting
    if meeting.agenda_published_at is None or meeting.is_cancelled:
        return
    if meeting.starts_at <= timezone.now():
        return
    day = timezone.localdate()
    level = _strictest(item.visibility, document.visibility)
    sees_paper = set(User.objects.audience(level, day).values_list("pk", flat=True))
    audience = [person.pk for person in meeting_audience(meeting.kind, day)]
    record_due(Due(document, pk, PAPER, 0) for pk in audience if pk in sees_paper)


# --- When ---------------------------------------------------------------------------------------


def _existing(meetings):
    """(meeting id, recipient id, kind) -> revisions already in the ledger."""
    content_type = ContentType.objects.get_for_model(Meeting)
    rows = Delivery.objects.filter(
        content_type=content_type,
        object_id__in=[str(meeting.pk) for meeting in meetings],
        kind__in=MEETING_KINDS,
    ).values_list("object_id", "recipient_id", "kind", "revision")
    found = defaultdict(set)
    for object_id, recipient_id, kind, revision in rows:
        found[(int(object_id), recipient_id, kind)].add(revision)
    return found


def find_due(now):
    """Every meeting mail and action reminder due at `now` (the sweep records them)."""
    today = timezone.localdate(now)
    rules = CouncilRules.objects.in_force(today)
    coming = list(Meeting.objects.filter(date__gte=today).select_related("location").order_by("pk"))
    existing = _existing(coming)
    audiences = {}

    def audience(meeting):
        if meeting.kind not in audiences:
            audiences[meeting.kind] = meeting_audience(meeting.kind, today)
        return audiences[meeting.kind]

    due = []
    reminder_until = today + datetime.timedelta(days=rules.reminder_lead_days)
    leads = MailPreference.objects.reminder_leads(rules) if coming else {}
    late_from = today + datetime.timedelta(days=rules.agenda_late_warning_days)

    def reminded(meeting, person):
        """The reminder is due: from the person's own time before the start, else by the day."""
        if person.pk in leads:
            # In real hours (UTC): "24 hours before" stays 24 hours over a change of the clock.
            return meeting.starts_at.astimezone(datetime.UTC) - leads[person.pk] <= now
        return meeting.date <= reminder_until

    for meeting in coming:
        upcoming = meeting.state in MeetingState.upcoming() and meeting.starts_at > now
        kinds = []
        if upcoming and meeting.state == MeetingState.AGENDA_PUBLISHED:
            kinds.append(AGENDA)
        for person in audience(meeting) if meeting.starts_at > now else ():
            person_kinds = [*kinds, REMINDER] if upcoming and reminded(meeting, person) else kinds
            for kind in person_kinds:
                if not existing.get((meeting.pk, person.pk, kind)):
                    due.append(Due(meeting, person.pk, kind, meeting.revision))
            told = set()
            for kind in TOLD:
                told |= existing.get((meeting.pk, person.pk, kind), set())
            if told and min(told) < meeting.revision:
                due.append(Due(meeting, person.pk, CHANGED, meeting.revision))
        late = (
            meeting.state == MeetingState.PLANNED
            and meeting.has_agenda
            and meeting.agenda_published_at is None
            and meeting.date <= late_from
        )
        if late and meeting.starts_at > now:
            for person in secretaries(today):
                if not existing.get((meeting.pk, person.pk, AGENDA_LATE)):
                    due.append(Due(meeting, person.pk, AGENDA_LATE, meeting.revision))
    actions = ActionItem.objects.filter(
        status=ActionStatus.OPEN, due_date__gte=today, due_date__lte=reminder_until
    ).select_related("meeting", "owner")
    for action in actions:
        # The owner is reminded once they may see the action item: its minutes are out to them.
        if action.owner.is_active and action.is_visible_to(action.owner):
            due.append(Due(action, action.owner_id, ACTION_DUE, 0))
    return due


# --- The e-mails --------------------------------------------------------------------------------


def _message(delivery, *, context, attachments=()):
    return build_mail(
        user=delivery.recipient,
        template=TEMPLATES[delivery.kind],
        context=context,
        attachments=attachments,
    )


def _ics(meeting, language):
    with translation.override(language):
        name = translation.gettext("WIJ-raad meeting")
    data = meeting_calendar(meeting, base_url=absolute_url(), name=name, language=language)
    return ("vergadering.ics", data.decode(), "text/calendar; charset=utf-8; method=PUBLISH")


def meeting_links(meeting):
    detail = absolute_url(reverse("meetings:detail", args=[meeting.pk]))
    agenda = (
        absolute_url(reverse("meetings:agenda", args=[meeting.pk])) if meeting.has_agenda else ""
    )
    return {"meeting_url": detail, "agenda_url": agenda}


def build_meeting_mail(delivery):
    """The mail for a meeting delivery, or None when it is not needed any more."""
    meeting = per_batch(
        ("meetings.meeting", delivery.object_id),
        lambda: Meeting.objects.select_related("location").filter(pk=delivery.object_id).first(),
    )
    user = delivery.recipient
    if meeting is None or not may_see(user, meeting):
        return None
    now = timezone.now()
    if meeting.starts_at <= now:
        return None
    if delivery.kind in (AGENDA, REMINDER, ANNOUNCED) and meeting.is_cancelled:
        return None
    if delivery.kind == ANNOUNCED and meeting.revision != delivery.revision:
        return None  # changed before the announcement went: the change notice tells it all
    if delivery.kind == CHANGED and meeting.revision != delivery.revision:
        return None  # a newer change has a notice of its own
    if delivery.kind == AGENDA_LATE and (
        meeting.agenda_published_at is not None
        or meeting.state != MeetingState.PLANNED
        or not roles_for(user).secretary
    ):
        return None
    # The links and the calendar are the same for everyone the batch writes to about it.
    links = per_batch(("meetings.links", meeting.pk), lambda: meeting_links(meeting))
    context = {"meeting": meeting, **links}
    if delivery.kind == AGENDA_LATE:
        rules = CouncilRules.objects.in_force(timezone.localdate())
        context["lead_days"] = rules.agenda_lead_days
        return _message(delivery, context=context)
    language = mail_language(user)
    ics = per_batch(("meetings.ics", meeting.pk, language), lambda: _ics(meeting, language))
    return _message(delivery, context=context, attachments=[ics])


def build_action_mail(delivery):
    action = (
        ActionItem.objects.select_related("meeting", "owner").filter(pk=delivery.object_id).first()
    )
    if action is None or not action.is_open or action.owner_id != delivery.recipient_id:
        return None
    if not (action.owner.is_active and action.is_visible_to(action.owner)):
        return None
    context = {
        "action": action,
        "meeting": action.meeting,
        "is_commitment": action.kind == ActionKind.COMMITMENT,
        "actions_url": absolute_url(reverse("meetings:actions")),
    }
    return _message(delivery, context=context)


def build_schedule_mail(delivery):
    """The overview of an adopted schedule: the recipient's coming meetings of it, with a
    calendar. None when the person sees none of them (any more)."""
    schedule = YearSchedule.objects.filter(pk=delivery.object_id).first()
    user = delivery.recipient
    if schedule is None or not user.is_active:
        return None
    meetings = list(
        Meeting.objects.filter(
            schedule=schedule,
            kind__in=kinds_visible_to(user),
            date__gte=timezone.localdate(),
        )
        .exclude(state=MeetingState.CANCELLED)
        .select_related("location")
        .order_by("date", "start_time", "pk")
    )
    if not meetings:
        return None
    language = mail_language(user)
    with translation.override(language):
        name = translation.gettext("WIJ-raad meetings %(year)s") % {"year": schedule.year}
    # Through the module: a merge that changes this file's import of meetings.ical keeps it.
    data = ical.meetings_calendar(meetings, base_url=absolute_url(), name=name, language=language)
    ics = (f"vergaderrooster-{schedule.year}.ics", data.decode(), "text/calendar; charset=utf-8")
    context = {
        "schedule": schedule,
        "meetings": meetings,
        "meetings_url": absolute_url(reverse("meetings:list")),
    }
    return _message(delivery, context=context, attachments=[ics])


def build_paper_mail(delivery):
    """The notice of a late paper; None when it is gone, replaced again, no longer visible to
    the recipient, or its meeting has begun or is cancelled."""
    user = delivery.recipient
    document = (
        AgendaDocument.objects.visible_to(user)
        .select_related("agenda_item__meeting__location")
        .filter(pk=delivery.object_id)
        .first()
    )
    if document is None or not document.is_current or not user.is_active:
        return None
    meeting = document.agenda_item.meeting
    if meeting.is_cancelled or meeting.starts_at <= timezone.now():
        return None
    context = {
        "document": document,
        "item": document.agenda_item,
        "meeting": meeting,
        "is_new_version": document.previous_id is not None,
        **meeting_links(meeting),
    }
    return _message(delivery, context=context)


# --- Until when an e-mail is of use (a held one is sent at once if the overview comes too late) -


def meeting_useful_until(delivery):
    """A mail about a meeting is of no use once the meeting has begun."""
    meeting = Meeting.objects.filter(pk=delivery.object_id).first()
    return meeting.starts_at if meeting else None


def paper_useful_until(delivery):
    document = (
        AgendaDocument.objects.select_related("agenda_item__meeting")
        .filter(pk=delivery.object_id)
        .first()
    )
    return document.agenda_item.meeting.starts_at if document else None


def action_useful_until(delivery):
    """An action item is reminded before the day it is due."""
    action = ActionItem.objects.filter(pk=delivery.object_id).first()
    if action is None:
        return None
    return timezone.make_aware(datetime.datetime.combine(action.due_date, datetime.time.min))


USEFUL_UNTIL = {
    AGENDA: meeting_useful_until,
    AGENDA_LATE: meeting_useful_until,
    ANNOUNCED: meeting_useful_until,
    PAPER: paper_useful_until,
    ACTION_DUE: action_useful_until,
}


def register():
    from wijraad import deliveries

    deliveries.register_finder("meetings", find_due)
    builders = dict.fromkeys(MEETING_KINDS, build_meeting_mail)
    builders.update({ACTION_DUE: build_action_mail, SCHEDULE: build_schedule_mail})
    builders[PAPER] = build_paper_mail
    for kind, builder in builders.items():
        deliveries.register_kind(
            kind,
            builder,
            # A reminder or a change shortly before a meeting must not wait behind overviews, nor
            # for a person's overview of the day or week.
            urgent=kind in (REMINDER, CHANGED),
            label=KIND_LABELS[kind],
            explanation=KIND_EXPLANATIONS[kind],
            always_on=ALWAYS_ON.get(kind),
            useful_until=USEFUL_UNTIL.get(kind),
        )
