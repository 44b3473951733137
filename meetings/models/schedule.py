"""The yearly schedule (vergaderrooster): a draft of entries the secretary edits, then adopts."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext_lazy as _

from meetings.models.meetings import (
    Location,
    MeetingKind,
)

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
