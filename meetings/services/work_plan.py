"""Changes to the work plan (werkplan), its themes and activities, and work-visit reports."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from meetings.models import (
    MeetingKind,
    WorkPlan,
    WorkVisitReport,
)
from meetings.services.meetings import field_error

# --- Work plan -----------------------------------------------------------------------------------


def work_plan_save(*, year, introduction="", adopted_on=None):
    """Create or change the work plan of `year`."""
    if adopted_on is not None and adopted_on.year > year:
        raise field_error(
            "adopted_on",
            _("A work plan is agreed on before or during its year."),
            "adopted_after_year",
        )
    with transaction.atomic():
        plan, _created = WorkPlan.objects.select_for_update().get_or_create(year=year)
        plan.introduction = introduction
        plan.adopted_on = adopted_on
        plan.full_clean()
        plan.save()
    return plan


def theme_save(*, theme):
    theme.full_clean()
    theme.save()
    return theme


def theme_delete(*, theme):
    """Remove a theme with its activities (a mistake); a dropped plan is kept as 'dropped'."""
    theme.delete()


def _check_activity_meetings(activity, meetings):
    year = activity.theme.work_plan.year
    wrong = [meeting for meeting in meetings if meeting.date.year != year]
    if wrong:
        raise field_error(
            "meetings",
            _("Link only meetings of %(year)s: %(meetings)s is in another year.")
            % {"year": year, "meetings": wrong[0]},
            "meeting_other_year",
        )


def activity_save(*, activity, meetings=None):
    """Add or change an activity of the work plan; `meetings` (if given) replaces its links."""
    with transaction.atomic():
        if meetings is not None:
            _check_activity_meetings(activity, meetings)
        activity.full_clean()
        activity.save()
        if meetings is not None:
            activity.meetings.set(meetings)
    return activity


def activity_delete(*, activity):
    activity.delete()


# --- Work visits ---------------------------------------------------------------------------------


def visit_report_save(*, meeting, by, heard, themes=(), other_topics=""):
    """Write or change the report of a work visit that took place.

    The report says what was heard and which themes it touches, never residents' names: the
    form says so and asks the writer to confirm.
    """
    if meeting.kind != MeetingKind.WORK_VISIT:
        raise ValidationError(_("Only a work visit has a visit report."), code="not_a_visit")
    if meeting.is_cancelled:
        raise ValidationError(_("This work visit was cancelled."), code="visit_cancelled")
    if meeting.date > timezone.localdate():
        raise ValidationError(
            _("The report can be written once the visit has taken place."), code="visit_not_yet"
        )
    if not (heard or "").strip():
        raise field_error("heard", _("Write what you heard."), "heard_required")
    wrong = [theme for theme in themes if theme.work_plan.year != meeting.date.year]
    if wrong:
        raise field_error(
            "themes", _("Choose themes of the work plan of the visit's year."), "theme_other_year"
        )
    with transaction.atomic():
        report, _created = WorkVisitReport.objects.select_for_update().get_or_create(
            meeting=meeting, defaults={"heard": heard, "written_by": by}
        )
        report.heard = heard.strip()
        report.other_topics = (other_topics or "").strip()
        report.written_by = by
        report.updated_at = timezone.now()
        report.full_clean()
        report.save()
        report.themes.set(themes)
    return report
