"""Who may do what with meetings, the schedule, the work plan, agendas, minutes and calendar feeds.

Built on the role predicates of members.rules (one cached query per person). Each permission is
registered with `rules.add_perm("meetings.<verb>_<noun>", predicate)` and asked through
wijraad.access (`allowed`, `require`), which asks this rule set only: no authentication backend
and no superuser shortcut, so the administrator sees no council meetings. Views hand `can_*`
flags to templates; the dashboard panels ask the same names.

Who sees which meeting is Meeting.objects.visible_to(user): members and the secretary every
kind, board users consultations only. The unsigned member, the former member and the
administrator see no meetings, no list and no calendar (403 on lists, 404 on a meeting).
"""

import rules

from meetings.models import (
    AgendaDocument,
    MeetingKind,
    MeetingState,
    kinds_visible_to,
    minutes_states_visible_to,
)
from members.roles import roles_for
from members.rules import is_board, is_chair, is_member, is_secretary

# Anyone who sees at least some meetings: lists, year pages, locations, the calendar feed.
can_view_meetings = is_member | is_secretary | is_board

# The secretary runs the council: plans, moves, cancels meetings; locations; the schedule.
can_manage_meetings = is_secretary

# The counters against the yearly minimums are the council's own business.
can_view_compliance = is_member | is_secretary

# The draft schedule: prepared by the secretary, read along by the chair.
can_view_schedule = is_secretary | is_chair

# The work plan is the council's: members read it, the chair and the secretary keep it.
can_view_work_plan = is_member | is_secretary
can_change_work_plan = is_secretary | is_chair


@rules.predicate
def can_see_meeting(user, meeting):
    return meeting is not None and meeting.kind in kinds_visible_to(user)


@rules.predicate
def is_work_visit(user, meeting):
    return meeting is not None and meeting.kind == MeetingKind.WORK_VISIT


# The chair publishes agendas (DESIGN.md); the secretary does everything else with a meeting.
can_publish_agenda = can_see_meeting & (is_secretary | is_chair)
can_change_meeting = can_see_meeting & is_secretary

# Members record what they heard on work visits; the secretary too.
can_write_visit_report = can_see_meeting & is_work_visit & (is_member | is_secretary)

# Agendas: the chair and the secretary prepare them and add the papers.
can_edit_agenda = can_see_meeting & (is_secretary | is_chair)
# Attendance: members answer, and board users for the consultations they see; the secretary
# records who came. The register (members' answers, reasons, quorum) is the council's own.
can_view_attendance = can_see_meeting & (is_member | is_secretary | is_board)
can_view_attendance_register = can_see_meeting & (is_member | is_secretary)
can_answer_attendance = can_see_meeting & (is_member | is_board)
can_record_attendance = can_see_meeting & is_secretary
# The secretary writes the minutes (notulen); the chair or the secretary records their adoption.
can_write_minutes = can_see_meeting & is_secretary
can_adopt_minutes = can_see_meeting & (is_secretary | is_chair)
# Who was e-mailed about a meeting (the delivery ledger): the secretary's check.
can_view_deliveries = can_see_meeting & is_secretary
# Action items and board commitments: the chair and the secretary keep the list.
can_manage_actions = can_see_meeting & (is_secretary | is_chair)


@rules.predicate
def owns_action(user, action):
    return action is not None and user.is_authenticated and action.owner_id == user.pk


@rules.predicate
def can_see_action_meeting(user, action):
    return action is not None and action.meeting.kind in kinds_visible_to(user)


# Whoever owns an action item or commitment reports it done, as do the chair and the secretary.
can_close_action = can_see_action_meeting & (is_secretary | is_chair | owns_action)
# Correcting or removing one is for those who keep the list.
can_change_action = can_see_action_meeting & (is_secretary | is_chair)


@rules.predicate
def can_see_paper(user, document):
    """A meeting paper: its own level, its item's level and its meeting's kind."""
    if document is None:
        return False
    levels = roles_for(user).visibility_levels
    item = document.agenda_item
    return (
        document.visibility in levels
        and item.visibility in levels
        and item.meeting.kind in kinds_visible_to(user)
    )


@rules.predicate
def is_public_paper(user, document):
    """A paper on the public side: anyone, logged in or not (AgendaDocument.objects.public)."""
    return document is not None and AgendaDocument.objects.public().filter(pk=document.pk).exists()


@rules.predicate
def can_read_minutes(user, minutes):
    """Draft minutes: the chair and the secretary; shared: the council; adopted: everyone who
    sees the meeting (minutes_states_visible_to; the caller has the meeting from meeting_for)."""
    if minutes is None:
        return False
    states = minutes_states_visible_to(user)
    return states is None or minutes.state in states


rules.add_perm("meetings.view_meetings", can_view_meetings)
rules.add_perm("meetings.view_meeting", can_see_meeting)
rules.add_perm("meetings.manage_meetings", can_manage_meetings)
rules.add_perm("meetings.change_meeting", can_change_meeting)
rules.add_perm("meetings.publish_agenda", can_publish_agenda)
rules.add_perm("meetings.view_compliance", can_view_compliance)
rules.add_perm("meetings.view_schedule", can_view_schedule)
rules.add_perm("meetings.view_work_plan", can_view_work_plan)
rules.add_perm("meetings.change_work_plan", can_change_work_plan)
rules.add_perm("meetings.write_visit_report", can_write_visit_report)
rules.add_perm("meetings.edit_agenda", can_edit_agenda)
rules.add_perm("meetings.view_attendance", can_view_attendance)
rules.add_perm("meetings.view_attendance_register", can_view_attendance_register)
rules.add_perm("meetings.answer_attendance", can_answer_attendance)
# Whether someone answers for any meetings at all (the dashboard's "Will you come?" panel).
rules.add_perm("meetings.answer_attendances", is_member | is_board)
rules.add_perm("meetings.record_attendance", can_record_attendance)
rules.add_perm("meetings.view_minutes", can_read_minutes)
rules.add_perm("meetings.write_minutes", can_write_minutes)
rules.add_perm("meetings.adopt_minutes", can_adopt_minutes)
rules.add_perm("meetings.manage_actions", can_manage_actions)
rules.add_perm("meetings.close_action", can_close_action)
rules.add_perm("meetings.change_action", can_change_action)
rules.add_perm("meetings.view_deliveries", can_view_deliveries)
# wijraad.files.private_file_response asks this one for every download.
rules.add_perm("meetings.download_meeting_paper", can_see_paper)
rules.add_perm("meetings.download_public_paper", is_public_paper)


def rule_for_transition(state):
    """The permission that allows moving a meeting to `state` (cancelling has its own page)."""
    if state == MeetingState.AGENDA_PUBLISHED:
        return "meetings.publish_agenda"
    return "meetings.change_meeting"
