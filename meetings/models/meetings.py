"""Meetings of the council: WIJ locations, meetings of each kind, their states and the history of
their moves.

A meeting's time is a local date with local start and end times (Europe/Amsterdam): a 17:30
meeting stays 17:30 across daylight-saving changes; `starts_at`/`ends_at` give aware datetimes.
Changing meetings goes through meetings.services (meetings.services.meetings, .schedule, …),
which check the rules under a lock; the models hold what needs no other rows.
"""

import datetime
import uuid
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
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


# How each state shows as a badge: cancelled red, taken place grey, agenda out green.
STATE_BADGES = {
    MeetingState.CANCELLED: "text-bg-danger",
    MeetingState.HELD: "text-bg-secondary",
    MeetingState.MINUTES_ADOPTED: "text-bg-secondary",
    MeetingState.AGENDA_PUBLISHED: "text-bg-success",
}

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
    (meetings.models.agenda, meetings.models.minutes).
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
    def place_name(self):
        """The place in short, as a table shows it: the location's name, without its address."""
        return self.location.name if self.location is not None else self.other_place

    @property
    def state_badge(self):
        """The badge's colour classes for the state (meetings/includes/state.html)."""
        return STATE_BADGES.get(self.state, "text-bg-light border")

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
