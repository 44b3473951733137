"""Meetings of the council: WIJ locations, meetings of each kind and their states, the yearly
schedule (vergaderrooster) with its draft entries, the work plan (werkplan), work-visit reports
and private calendar feeds.

A meeting's time is a local date with local start and end times (Europe/Amsterdam): a 17:30
meeting stays 17:30 across daylight-saving changes; `starts_at`/`ends_at` give aware datetimes.
Changing meetings goes through meetings.services (and the schedule through meetings.schedule),
which check the rules under a lock; the models hold what needs no other rows.
"""

import datetime
import hashlib
import secrets
import uuid
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext_lazy as _

from members.roles import visibility_levels_for
from wijraad.models import Visibility


def local_zone():
    return ZoneInfo(settings.TIME_ZONE)


def year_range(year):
    """The half-open range [1 January, 1 January next year) of `year`."""
    return datetime.date(year, 1, 1), datetime.date(year + 1, 1, 1)


# --- Locations -----------------------------------------------------------------------------------


class Location(models.Model):
    """A WIJ location (WIJ-locatie) where the council meets."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    address = models.CharField(
        _("address"), max_length=200, help_text=_("Street, house number, postcode and place.")
    )
    accessibility = models.TextField(
        _("accessibility"),
        blank=True,
        help_text=_("E.g. step-free entrance, lift, accessible toilet, hearing loop, parking."),
    )
    is_active = models.BooleanField(
        _("in use"),
        default=True,
        help_text=_("Only locations in use are offered for new meetings and schedules."),
    )

    class Meta:
        verbose_name = _("location")
        verbose_name_plural = _("locations")
        ordering = ["name"]

    def __str__(self):
        return self.name


# --- Meetings ------------------------------------------------------------------------------------


class MeetingKind(models.TextChoices):
    COUNCIL = "council", _("Council meeting")
    CONSULTATION = "consultation", _("Consultation with the board")
    WORK_VISIT = "work_visit", _("Work visit")
    OTHER = "other", _("Other (training, extra meeting)")

    @classmethod
    def counted(cls):
        """The kinds the council's yearly minimums count."""
        return [cls.COUNCIL, cls.CONSULTATION]


# Who sees a meeting follows from its kind, on the portal's one visibility scale: the board sees
# consultations (overlegvergaderingen), everything else is the council's own.
KIND_VISIBILITY = {
    MeetingKind.COUNCIL: Visibility.COUNCIL,
    MeetingKind.CONSULTATION: Visibility.BOARD,
    MeetingKind.WORK_VISIT: Visibility.COUNCIL,
    MeetingKind.OTHER: Visibility.COUNCIL,
}


def kinds_visible_to(user):
    levels = visibility_levels_for(user)
    return [kind for kind, level in KIND_VISIBILITY.items() if level in levels]


class MeetingState(models.TextChoices):
    PLANNED = "planned", _("Planned")
    AGENDA_PUBLISHED = "agenda_published", _("Agenda published")
    HELD = "held", _("Held")
    MINUTES_ADOPTED = "minutes_adopted", _("Minutes adopted")
    CANCELLED = "cancelled", _("Cancelled")

    @classmethod
    def upcoming(cls):
        return [cls.PLANNED, cls.AGENDA_PUBLISHED]

    @classmethod
    def taken_place(cls):
        return [cls.HELD, cls.MINUTES_ADOPTED]


# The allowed moves between states; meetings.services.meeting_transition is the one function
# that moves a meeting. Reinstating a cancelled meeting brings it back as planned.
TRANSITIONS = {
    MeetingState.PLANNED: {
        MeetingState.AGENDA_PUBLISHED,
        MeetingState.HELD,
        MeetingState.CANCELLED,
    },
    MeetingState.AGENDA_PUBLISHED: {MeetingState.HELD, MeetingState.CANCELLED},
    MeetingState.HELD: {MeetingState.MINUTES_ADOPTED},
    MeetingState.MINUTES_ADOPTED: set(),
    MeetingState.CANCELLED: {MeetingState.PLANNED},
}

# A work visit has no agenda and no minutes: its record is the visit report.
STATES_NOT_FOR_KIND = {
    MeetingKind.WORK_VISIT: {MeetingState.AGENDA_PUBLISHED, MeetingState.MINUTES_ADOPTED},
}


class MeetingQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The meetings `user` may see today: members and the secretary all kinds, board users
        consultations only, everyone else none."""
        kinds = kinds_visible_to(user)
        if not kinds:
            return self.none()
        return self.filter(kind__in=kinds)

    def in_year(self, year):
        start, end = year_range(year)
        return self.filter(date__gte=start, date__lt=end)

    def not_cancelled(self):
        return self.exclude(state=MeetingState.CANCELLED)

    def upcoming(self, today=None):
        return self.filter(date__gte=today or timezone.localdate())

    def overlapping(self, *, location, date, start_time, end_time):
        """Meetings (not cancelled) at `location` on `date` sharing time with [start, end)."""
        return self.not_cancelled().filter(
            location=location, date=date, start_time__lt=end_time, end_time__gt=start_time
        )

    def for_list(self):
        return self.select_related("location").order_by("date", "start_time", "pk")


class Meeting(models.Model):
    """A meeting of the council: a council meeting, a consultation with the board, a work visit
    or another meeting (training, extra meeting).

    `revision` rises on every change that matters to attendees (time, place, title, cancelling,
    reinstating): the calendar's SEQUENCE, and the reminders' cue to announce a meeting again.
    An agenda with papers, attendance, minutes and action items hang off a meeting
    (meetings.agenda).
    """

    uid = models.UUIDField(
        _("calendar identifier"), default=uuid.uuid4, unique=True, editable=False
    )
    kind = models.CharField(_("kind"), max_length=20, choices=MeetingKind.choices)
    title = models.CharField(
        _("title"),
        max_length=150,
        blank=True,
        help_text=_("Leave empty to use the kind, e.g. 'Council meeting'."),
    )
    date = models.DateField(_("date"))
    start_time = models.TimeField(_("start time"))
    end_time = models.TimeField(_("end time"))
    location = models.ForeignKey(
        Location,
        verbose_name=_("WIJ location"),
        on_delete=models.PROTECT,
        related_name="meetings",
        null=True,
        blank=True,
    )
    other_place = models.CharField(
        _("other place"),
        max_length=200,
        blank=True,
        help_text=_("Only when the meeting is not at a WIJ location: the address or 'online'."),
    )
    description = models.TextField(
        _("practical information"),
        blank=True,
        help_text=_("E.g. soup and sandwiches from 17:00, who to ask at the desk."),
    )
    state = models.CharField(
        _("state"), max_length=20, choices=MeetingState.choices, default=MeetingState.PLANNED
    )
    cancel_reason = models.CharField(_("reason for cancelling"), max_length=300, blank=True)
    agenda_published_at = models.DateTimeField(_("agenda published at"), null=True, blank=True)
    revision = models.PositiveIntegerField(_("revision"), default=0)
    schedule = models.ForeignKey(
        "YearSchedule",
        verbose_name=_("yearly schedule"),
        on_delete=models.SET_NULL,
        related_name="meetings",
        null=True,
        blank=True,
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    updated_at = models.DateTimeField(_("changed at"), default=timezone.now)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["date", "start_time", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_time__gt=F("start_time")), name="meeting_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(location__isnull=False) | ~Q(other_place=""),
                name="meeting_has_a_place",
            ),
        ]
        indexes = [models.Index(fields=["date", "kind"], name="meeting_date_kind_idx")]

    def __str__(self):
        return f"{self.display_title} ({self.date:%Y-%m-%d})"

    @property
    def display_title(self):
        return self.title or self.get_kind_display()

    @property
    def starts_at(self):
        return datetime.datetime.combine(self.date, self.start_time, tzinfo=local_zone())

    @property
    def ends_at(self):
        return datetime.datetime.combine(self.date, self.end_time, tzinfo=local_zone())

    @property
    def place(self):
        if self.location is not None:
            return f"{self.location.name}, {self.location.address}"
        return self.other_place

    @property
    def is_cancelled(self):
        return self.state == MeetingState.CANCELLED

    @property
    def is_upcoming(self):
        return self.state in MeetingState.upcoming()

    @property
    def has_agenda(self):
        """Work visits have no agenda and no minutes."""
        return self.kind != MeetingKind.WORK_VISIT

    @property
    def agenda_is_out(self):
        return self.agenda_published_at is not None or self.state in MeetingState.taken_place()

    @property
    def is_work_visit(self):
        return self.kind == MeetingKind.WORK_VISIT

    @property
    def is_on_schedule(self):
        return self.schedule_id is not None

    def allowed_transitions(self):
        excluded = STATES_NOT_FOR_KIND.get(self.kind, set())
        return [state for state in MeetingState if state in TRANSITIONS[self.state] - excluded]

    def may_move_to(self, state):
        return state in self.allowed_transitions()


class StateChange(models.Model):
    """One move of a meeting from one state to another. Appended, never edited."""

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="state_changes"
    )
    from_state = models.CharField(_("from"), max_length=20, choices=MeetingState.choices)
    to_state = models.CharField(_("to"), max_length=20, choices=MeetingState.choices)
    reason = models.CharField(_("reason"), max_length=300, blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    at = models.DateTimeField(_("at"), default=timezone.now)

    class Meta:
        verbose_name = _("state change")
        verbose_name_plural = _("state changes")
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.meeting_id}: {self.from_state} → {self.to_state}"


# --- The yearly schedule -------------------------------------------------------------------------


class ScheduleState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    ADOPTED = "adopted", _("Adopted")


class YearSchedule(models.Model):
    """The vergaderrooster of one year: a proposal the secretary edits, then adopts.

    Adopting turns the draft entries into planned meetings; after that the meetings themselves are
    changed. The generator's settings are kept so the proposal can be made again.
    """

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    state = models.CharField(
        _("state"), max_length=10, choices=ScheduleState.choices, default=ScheduleState.DRAFT
    )
    council_weekday = models.PositiveSmallIntegerField(
        _("weekday of council meetings"), choices=list(WEEKDAYS.items()), default=1
    )
    council_start = models.TimeField(_("council meetings start at"), default=datetime.time(17, 30))
    council_minutes = models.PositiveSmallIntegerField(
        _("length of a council meeting (minutes)"), default=120
    )
    council_interval_weeks = models.PositiveSmallIntegerField(
        _("a council meeting every ... weeks"), default=3
    )
    consultation_weekday = models.PositiveSmallIntegerField(
        _("weekday of consultations"), choices=list(WEEKDAYS.items()), default=1
    )
    consultation_start = models.TimeField(
        _("consultations start at"), default=datetime.time(17, 30)
    )
    consultation_minutes = models.PositiveSmallIntegerField(
        _("length of a consultation (minutes)"), default=90
    )
    consultation_interval_weeks = models.PositiveSmallIntegerField(
        _("a consultation every ... weeks"), default=6
    )
    first_day = models.DateField(_("first meeting on or after"))
    last_day = models.DateField(_("last meeting on or before"))
    summer_break_first_day = models.DateField(_("summer break: first day"))
    summer_break_last_day = models.DateField(_("summer break: last day"))
    adopted_at = models.DateTimeField(_("adopted at"), null=True, blank=True)
    adopted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("adopted by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("yearly schedule")
        verbose_name_plural = _("yearly schedules")
        ordering = ["-year"]

    def __str__(self):
        return str(_("Schedule %(year)s") % {"year": self.year})

    @property
    def is_draft(self):
        return self.state == ScheduleState.DRAFT


class ScheduleEntry(models.Model):
    """A meeting proposed in a draft schedule; becomes a Meeting when the schedule is adopted."""

    schedule = models.ForeignKey(
        YearSchedule, verbose_name=_("schedule"), on_delete=models.CASCADE, related_name="entries"
    )
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=[(k.value, k.label) for k in MeetingKind if k in MeetingKind.counted()],
    )
    date = models.DateField(_("date"))
    start_time = models.TimeField(_("start time"))
    end_time = models.TimeField(_("end time"))
    location = models.ForeignKey(
        Location, verbose_name=_("WIJ location"), on_delete=models.PROTECT, related_name="+"
    )
    shifted_from = models.DateField(
        _("moved from"),
        null=True,
        blank=True,
        help_text=_("The date the rhythm gave, when that day was not available."),
    )

    class Meta:
        verbose_name = _("schedule entry")
        verbose_name_plural = _("schedule entries")
        ordering = ["date", "start_time", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_time__gt=F("start_time")), name="schedule_entry_ends_after_start"
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.date:%Y-%m-%d}"


# --- Work plan -----------------------------------------------------------------------------------


class WorkPlan(models.Model):
    """The werkplan of one year: the themes the council works on and what it plans to do."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    introduction = models.TextField(_("introduction"), blank=True)
    adopted_on = models.DateField(
        _("adopted on"), null=True, blank=True, help_text=_("The day the council agreed on it.")
    )

    class Meta:
        verbose_name = _("work plan")
        verbose_name_plural = _("work plans")
        ordering = ["-year"]

    def __str__(self):
        return str(_("Work plan %(year)s") % {"year": self.year})


class Theme(models.Model):
    work_plan = models.ForeignKey(
        WorkPlan, verbose_name=_("work plan"), on_delete=models.CASCADE, related_name="themes"
    )
    title = models.CharField(_("theme"), max_length=150)
    description = models.TextField(_("what and why"), blank=True)
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["position", "pk"]

    def __str__(self):
        return self.title


class ActivityStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    DROPPED = "dropped", _("Dropped")


class Activity(models.Model):
    theme = models.ForeignKey(
        Theme, verbose_name=_("theme"), on_delete=models.CASCADE, related_name="activities"
    )
    title = models.CharField(_("activity"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    planned_for = models.DateField(
        _("planned for"), null=True, blank=True, help_text=_("When it should be done.")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=ActivityStatus.choices, default=ActivityStatus.PLANNED
    )
    meetings = models.ManyToManyField(
        Meeting,
        verbose_name=_("meetings"),
        related_name="activities",
        blank=True,
        help_text=_("Meetings where this activity is discussed or done."),
    )

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = [F("planned_for").asc(nulls_last=True), "pk"]

    def __str__(self):
        return self.title


# --- Work visits ---------------------------------------------------------------------------------


class WorkVisitReport(models.Model):
    """What members heard on a work visit, without residents' names."""

    meeting = models.OneToOneField(
        Meeting, verbose_name=_("work visit"), on_delete=models.CASCADE, related_name="report"
    )
    heard = models.TextField(_("what we heard"))
    themes = models.ManyToManyField(
        Theme, verbose_name=_("themes of the work plan"), related_name="visit_reports", blank=True
    )
    other_topics = models.CharField(_("other topics"), max_length=300, blank=True)
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("written by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("last changed"), default=timezone.now)

    class Meta:
        verbose_name = _("work visit report")
        verbose_name_plural = _("work visit reports")

    def __str__(self):
        return str(self.meeting)


# --- Calendar feeds ------------------------------------------------------------------------------


def new_feed_token():
    return secrets.token_urlsafe(32)


def feed_token_hash(token):
    """What is stored of a calendar address's token: its SHA-256, in hexadecimal."""
    return hashlib.sha256(token.encode()).hexdigest()


class CalendarFeedQuerySet(models.QuerySet):
    def for_token(self, token):
        """The feed whose address holds `token`."""
        return self.filter(token_hash=feed_token_hash(token))


class CalendarFeed(models.Model):
    """A person's private calendar address. The token in the address is the credential
    (calendar apps cannot log in); like an invitation's, only its hash is stored, so the address
    is shown once, right after it is made (meetings.services.calendar_feed_reset). A new address,
    stopping it, or a new password ends the old one: it then answers 404."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="calendar_feed",
    )
    token_hash = models.CharField(_("token (SHA-256)"), max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    objects = CalendarFeedQuerySet.as_manager()

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")

    def __str__(self):
        return str(self.user)


# The agenda, papers, attendance, minutes and action items (their own module, same app).
from meetings.agenda import (  # noqa: E402 - after Meeting, which they refer to by name
    ACTION_TRANSITIONS,
    MINUTES_TRANSITIONS,
    ActionItem,
    ActionKind,
    ActionStatus,
    AgendaDocument,
    AgendaItem,
    AgendaItemKind,
    Attendance,
    AttendanceAnswer,
    Minutes,
    MinutesState,
)

__all__ = [
    "ACTION_TRANSITIONS",
    "KIND_VISIBILITY",
    "MINUTES_TRANSITIONS",
    "TRANSITIONS",
    "ActionItem",
    "ActionKind",
    "ActionStatus",
    "Activity",
    "ActivityStatus",
    "AgendaDocument",
    "AgendaItem",
    "AgendaItemKind",
    "Attendance",
    "AttendanceAnswer",
    "CalendarFeed",
    "Location",
    "Meeting",
    "MeetingKind",
    "MeetingQuerySet",
    "MeetingState",
    "Minutes",
    "MinutesState",
    "ScheduleEntry",
    "ScheduleState",
    "StateChange",
    "Theme",
    "WorkPlan",
    "WorkVisitReport",
    "YearSchedule",
]
