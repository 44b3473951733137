"""The work plan (werkplan) of a year with its themes and activities, and the reports of work
visits."""

from django.conf import settings
from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from meetings.models.meetings import (
    Meeting,
)

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
