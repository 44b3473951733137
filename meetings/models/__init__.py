"""The models of the meetings app, by sub-domain: meetings (locations, meetings, their states),
schedule (the vergaderrooster), work_plan (werkplan, work visits), agenda (items, papers,
attendance), minutes (notulen, action items) and calendar (private feeds).

Import them from here (`from meetings.models import Meeting`); the modules depend one way:
meetings ← schedule, work_plan, calendar, agenda ← minutes.
"""

from meetings.models.agenda import (
    AgendaDocument,
    AgendaDocumentQuerySet,
    AgendaItem,
    AgendaItemKind,
    AgendaItemQuerySet,
    Attendance,
    AttendanceAnswer,
    item_scope,
)
from meetings.models.calendar import (
    CalendarFeed,
    CalendarFeedQuerySet,
    feed_token_hash,
    new_feed_token,
)
from meetings.models.meetings import (
    KIND_VISIBILITY,
    STATES_NOT_FOR_KIND,
    TRANSITIONS,
    Location,
    Meeting,
    MeetingKind,
    MeetingQuerySet,
    MeetingState,
    StateChange,
    kinds_visible_to,
    local_zone,
    year_range,
)
from meetings.models.minutes import (
    ACTION_TRANSITIONS,
    MINUTES_TRANSITIONS,
    ActionItem,
    ActionItemQuerySet,
    ActionKind,
    ActionStatus,
    Minutes,
    MinutesState,
    minutes_states_visible_to,
)
from meetings.models.schedule import ScheduleEntry, ScheduleState, YearSchedule
from meetings.models.work_plan import (
    Activity,
    ActivityStatus,
    Theme,
    WorkPlan,
    WorkVisitReport,
)

__all__ = [
    "ACTION_TRANSITIONS",
    "KIND_VISIBILITY",
    "MINUTES_TRANSITIONS",
    "STATES_NOT_FOR_KIND",
    "TRANSITIONS",
    "ActionItem",
    "ActionItemQuerySet",
    "ActionKind",
    "ActionStatus",
    "Activity",
    "ActivityStatus",
    "AgendaDocument",
    "AgendaDocumentQuerySet",
    "AgendaItem",
    "AgendaItemKind",
    "AgendaItemQuerySet",
    "Attendance",
    "AttendanceAnswer",
    "CalendarFeed",
    "CalendarFeedQuerySet",
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
    "feed_token_hash",
    "item_scope",
    "kinds_visible_to",
    "local_zone",
    "minutes_states_visible_to",
    "new_feed_token",
    "year_range",
]
