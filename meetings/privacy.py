"""The personal data of the meetings app, for the privacy statement (see wijraad.privacy)."""

from django.utils.translation import gettext_lazy as _

from wijraad.privacy import ALL, PersonalData

PERSONAL_DATA = [
    PersonalData(
        key="meetings-attendance",
        what=_(
            "Whether someone comes to a meeting, the reason they give when they cannot come, "
            "and whether they were there."
        ),
        who=_("The secretary and the chair; the minutes name who was there."),
        kept=_("As long as the meeting's records are kept: they are the council's archive."),
        fields={"meetings.Attendance": ("person", "answer", "reason", "answered_at", "attended")},
    ),
    PersonalData(
        key="meetings-roles",
        what=_(
            "Who presents an agenda item, owns an action item, wrote a work-visit report, added a "
            "paper, adopted minutes or a schedule, or changed a meeting's state."
        ),
        who=_("Whoever may see the meeting."),
        kept=_("As long as the meeting's records are kept."),
        fields={
            "meetings.AgendaItem": ("presenter",),
            "meetings.ActionItem": ("owner",),
            "meetings.WorkVisitReport": ("written_by",),
            "meetings.AgendaDocument": ("uploaded_by", "uploaded_at"),
            "meetings.Minutes": ("adopted_by",),
            "meetings.YearSchedule": ("adopted_by",),
            "meetings.StateChange": ("by", "reason"),
        },
    ),
    PersonalData(
        key="meetings-feed",
        what=_("Your private calendar address (only as a code that cannot be turned back)."),
        who=_("Nobody: the address is shown once, when it is made."),
        kept=_("Until you make a new address, stop it, or choose a new password."),
        fields={"meetings.CalendarFeed": ALL},
    ),
]

NOT_PERSONAL = {
    "meetings.Location": ALL,
    "meetings.Meeting": ALL,
    "meetings.StateChange": ("id", "meeting", "from_state", "to_state", "at"),
    "meetings.AgendaItem": (
        "id",
        "meeting",
        "position",
        "title",
        "description",
        "kind",
        "duration_minutes",
        "visibility",
        "notes",
        "decision",
    ),
    "meetings.AgendaDocument": (
        "id",
        "file",
        "original_name",
        "size",
        "content_type",
        "agenda_item",
        "title",
        "visibility",
        "previous",
        "superseded_at",
    ),
    "meetings.Attendance": ("id", "meeting"),
    "meetings.Minutes": (
        "id",
        "meeting",
        "state",
        "general",
        "adopted_at_meeting",
        "adopted_at",
        "updated_at",
    ),
    "meetings.ActionItem": (
        "id",
        "meeting",
        "agenda_item",
        "kind",
        "title",
        "due_date",
        "status",
        "closed_at",
        "created_at",
    ),
    "meetings.YearSchedule": (
        "id",
        "year",
        "state",
        "council_weekday",
        "council_start",
        "council_minutes",
        "council_interval_weeks",
        "consultation_weekday",
        "consultation_start",
        "consultation_minutes",
        "consultation_interval_weeks",
        "first_day",
        "last_day",
        "summer_break_first_day",
        "summer_break_last_day",
        "adopted_at",
    ),
    "meetings.ScheduleEntry": ALL,
    "meetings.WorkPlan": ALL,
    "meetings.Theme": ALL,
    "meetings.Activity": ALL,
    "meetings.WorkVisitReport": (
        "id",
        "meeting",
        "heard",
        "other_topics",
        "updated_at",
        "themes",
    ),
}
