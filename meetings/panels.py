"""Dashboard panels of the meetings app; each context runs a fixed number of queries."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from meetings.compliance import year_compliance
from meetings.models import ActionItem, Meeting, MeetingState, ScheduleState, YearSchedule
from wijraad.access import allowed
from wijraad.dashboard import Panel

NEXT_MEETINGS = 4
# From this month on the dashboard reminds the secretary and the chair of next year's schedule.
SCHEDULE_REMINDER_MONTH = 9


def next_meetings_context(request):
    today = timezone.localdate()
    meetings = Meeting.objects.visible_to(request.user).upcoming(today).for_list()
    return {"meetings": list(meetings[:NEXT_MEETINGS])}


def compliance_context(request):
    today = timezone.localdate()
    next_year = today.year + 1
    unadopted = (
        today.month >= SCHEDULE_REMINDER_MONTH
        and not YearSchedule.objects.filter(year=next_year, state=ScheduleState.ADOPTED).exists()
    )
    # Meetings whose day has passed but that still count as planned: the counter is only right
    # once they are marked as held (or cancelled).
    unconfirmed = Meeting.objects.filter(
        date__lt=today, date__year=today.year, state__in=MeetingState.upcoming()
    ).count()
    return {
        "compliance": year_compliance(today.year),
        "next_year": next_year,
        "next_year_unadopted": unadopted,
        "unconfirmed": unconfirmed,
    }


OPEN_ACTIONS = 6


def open_actions_context(request):
    """Open action items and board commitments the user sees, soonest due first."""
    rows = ActionItem.objects.visible_to(request.user).open()
    shown = list(rows.for_list()[:OPEN_ACTIONS])
    total = rows.count()
    return {
        "actions": shown,
        "more": total - len(shown),
        "today": timezone.localdate(),
    }


PANELS = [
    Panel(
        key="meetings.next",
        title=_("Next meetings"),
        template="meetings/panels/next.html",
        visible=lambda user: allowed(user, "meetings.view_meetings"),
        context=next_meetings_context,
        order=20,
    ),
    Panel(
        key="meetings.actions",
        title=_("Open action items and board commitments"),
        template="meetings/panels/actions.html",
        visible=lambda user: allowed(user, "meetings.view_meetings"),
        context=open_actions_context,
        order=25,
    ),
    Panel(
        key="meetings.compliance",
        title=_("Meetings this year"),
        template="meetings/panels/compliance.html",
        visible=lambda user: allowed(user, "meetings.view_schedule"),
        context=compliance_context,
        order=30,
    ),
]
