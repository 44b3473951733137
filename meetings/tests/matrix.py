"""The meetings app's part of the permission matrix (see wijraad.testing.matrix).

Who sees what: members and the secretary every meeting; board users consultations only (a
council meeting is 404 to them); the unsigned member, the former member and the administrator
no meetings at all (lists 403, a meeting 404). The calendar feed needs no session: its token is
the credential, so everyone holding the address gets it.
"""

import datetime

from django.utils import timezone

from meetings import services
from meetings.models import (
    ActionItem,
    ActionKind,
    Activity,
    AgendaDocument,
    AgendaItem,
    Attendance,
    CalendarFeed,
    Location,
    Meeting,
    MeetingKind,
    MeetingState,
    Minutes,
    MinutesState,
    ScheduleEntry,
    Theme,
    WorkPlan,
    WorkVisitReport,
    YearSchedule,
)
from meetings.tests.factories import (
    ActionItemFactory,
    ActivityFactory,
    AgendaDocumentFactory,
    AgendaItemFactory,
    LocationFactory,
    MeetingFactory,
    ThemeFactory,
    WorkPlanFactory,
)
from wijraad.models import Visibility
from wijraad.testing.matrix import ALLOWED, Route, everyone, logged_in

COUNCIL_TITLE = "Matrix-raadsvergadering"
CONSULTATION_TITLE = "Matrix-overleg"

SEES_MEETINGS = logged_in(403, lid=200, voorzitter=200, secretaris=200, bestuurder=200)
SECRETARY_ONLY = logged_in(403, secretaris=200)
SECRETARY_POSTS = logged_in(403, secretaris=ALLOWED)
CHAIR_AND_SECRETARY = logged_in(403, voorzitter=200, secretaris=200)
CHAIR_AND_SECRETARY_POST = logged_in(403, voorzitter=ALLOWED, secretaris=ALLOWED)
COUNCIL_ONLY = logged_in(403, lid=200, voorzitter=200, secretaris=200)
POST_ONLY = logged_in(405)
# A council meeting: invisible (404) to all but members and the secretary.
COUNCIL_MEETING = logged_in(404, lid=200, voorzitter=200, secretaris=200)
COUNCIL_MEETING_SECRETARY = logged_in(404, lid=403, voorzitter=403, secretaris=200)
COUNCIL_MEETING_SECRETARY_POST = logged_in(404, lid=403, voorzitter=403, secretaris=ALLOWED)

HIDES_COUNCIL = {"bestuurder": lambda o: COUNCIL_TITLE}
SHOWS = {
    "bestuurder": lambda o: CONSULTATION_TITLE,
    "lid": lambda o: COUNCIL_TITLE,
    "secretaris": lambda o: COUNCIL_TITLE,
}


def meeting_objects(personas, made):
    today = timezone.localdate()
    location = LocationFactory(name="WIJ Matrixwijk")
    soon = today + datetime.timedelta(days=30)
    council = MeetingFactory(title=COUNCIL_TITLE, date=soon, location=location)
    consultation = MeetingFactory(
        kind=MeetingKind.CONSULTATION,
        title=CONSULTATION_TITLE,
        date=soon,
        start_time=datetime.time(10, 0),
        end_time=datetime.time(11, 30),
        location=location,
    )
    visit = MeetingFactory(
        kind=MeetingKind.WORK_VISIT,
        date=today - datetime.timedelta(days=3),
        location=location,
        state=MeetingState.HELD,
    )
    next_year = today.year + 1
    schedule = services.schedule_propose(year=next_year)
    plan = WorkPlanFactory(year=today.year)
    theme = ThemeFactory(work_plan=plan)
    activity = ActivityFactory(theme=theme)
    _feed, feed_token = services.calendar_feed_reset(user=personas["lid"])
    return {
        "location": location,
        "council": council,
        "consultation": consultation,
        "visit": visit,
        "schedule": schedule,
        "entry": schedule.entries.first(),
        "plan": plan,
        "theme": theme,
        "activity": activity,
        "feed_token": feed_token,
        "year": today.year,
    }


def meeting_state(objects):
    return list(
        Meeting.objects.order_by("pk").values_list(
            "pk", "state", "date", "start_time", "location", "title", "revision"
        )
    )


def schedule_state(objects):
    return (
        list(YearSchedule.objects.values_list("pk", "state")),
        list(ScheduleEntry.objects.order_by("pk").values_list("pk", "date", "location")),
        Meeting.objects.count(),
    )


def work_plan_state(objects):
    return (
        list(WorkPlan.objects.values_list("pk", "introduction", "adopted_on")),
        list(Theme.objects.order_by("pk").values_list("pk", "title")),
        list(Activity.objects.order_by("pk").values_list("pk", "title", "status")),
    )


def council_pk(o):
    return {"pk": o["council"].pk}


def year_of(o):
    return {"year": o["year"]}


def next_year(o):
    return {"year": o["schedule"].year}


ENTRY_DATA = lambda o: {  # noqa: E731 - a table of small lambdas reads best here
    "kind": MeetingKind.COUNCIL,
    "date": f"{o['schedule'].year}-02-16",
    "start_time": "17:30",
    "end_time": "19:30",
    "location": o["location"].pk,
}

MEETING_ROUTES = [
    Route("meetings:list", get=SEES_MEETINGS, absent=HIDES_COUNCIL, present=SHOWS),
    Route(
        "meetings:year",
        kwargs=lambda o: {"year": o["council"].date.year},
        get=SEES_MEETINGS,
        absent=HIDES_COUNCIL,
        present=SHOWS,
    ),
    Route(
        "meetings:create",
        get=SECRETARY_ONLY,
        post=SECRETARY_POSTS,
        data=lambda o: {
            "kind": MeetingKind.OTHER,
            "title": "Training",
            "date": o["council"].date.isoformat(),
            "start_time": "13:00",
            "end_time": "15:00",
            "location": o["location"].pk,
        },
        snapshot=meeting_state,
    ),
    Route("meetings:detail", kwargs=council_pk, get=COUNCIL_MEETING),
    Route("meetings:ics", kwargs=council_pk, get=COUNCIL_MEETING),
    Route(
        "meetings:edit",
        kwargs=council_pk,
        get=COUNCIL_MEETING_SECRETARY,
        post=COUNCIL_MEETING_SECRETARY_POST,
        data=lambda o: {
            "kind": MeetingKind.COUNCIL,
            "title": "Verzet",
            "date": o["council"].date.isoformat(),
            "start_time": "18:00",
            "end_time": "20:00",
            "location": o["location"].pk,
        },
        snapshot=meeting_state,
    ),
    Route(
        "meetings:cancel",
        kwargs=council_pk,
        get=COUNCIL_MEETING_SECRETARY,
        post=COUNCIL_MEETING_SECRETARY_POST,
        data=lambda o: {"reason": "Te weinig leden"},
        snapshot=meeting_state,
    ),
    # The chair publishes agendas; other moves are the secretary's.
    Route(
        "meetings:transition",
        kwargs=council_pk,
        get=POST_ONLY,
        post=logged_in(404, lid=403, voorzitter=ALLOWED, secretaris=ALLOWED),
        data=lambda o: {"to": MeetingState.AGENDA_PUBLISHED},
        snapshot=meeting_state,
    ),
    Route(
        "meetings:visit_report",
        kwargs=lambda o: {"pk": o["visit"].pk},
        get=COUNCIL_MEETING,
        post=logged_in(404, lid=ALLOWED, voorzitter=ALLOWED, secretaris=ALLOWED),
        data=lambda o: {"heard": "Lange wachttijd", "no_names": "on"},
        snapshot=lambda o: list(WorkVisitReport.objects.values_list("meeting", "heard")),
    ),
    Route("meetings:deliveries", kwargs=council_pk, get=COUNCIL_MEETING_SECRETARY),
    Route(
        "meetings:locations",
        get=SEES_MEETINGS,
        present={"bestuurder": lambda o: "WIJ Matrixwijk"},
    ),
    Route(
        "meetings:location_create",
        get=SECRETARY_ONLY,
        post=SECRETARY_POSTS,
        data=lambda o: {"name": "WIJ Nieuw", "address": "Nieuwstraat 1, Groningen"},
        snapshot=lambda o: list(Location.objects.values_list("pk", "name", "address")),
    ),
    Route(
        "meetings:location_edit",
        kwargs=lambda o: {"pk": o["location"].pk},
        get=SECRETARY_ONLY,
        post=SECRETARY_POSTS,
        data=lambda o: {"name": "WIJ Andere naam", "address": "Nieuwstraat 1, Groningen"},
        snapshot=lambda o: list(Location.objects.values_list("pk", "name", "address")),
    ),
    Route("meetings:schedule", kwargs=next_year, get=CHAIR_AND_SECRETARY),
    Route(
        "meetings:schedule_generate",
        kwargs=next_year,
        get=POST_ONLY,
        post=SECRETARY_POSTS,
        data=lambda o: {
            "council_weekday": 1,
            "council_start": "17:30",
            "council_minutes": 120,
            "council_interval_weeks": 2,
            "consultation_weekday": 1,
            "consultation_start": "17:30",
            "consultation_minutes": 90,
            "consultation_interval_weeks": 6,
            "first_day": f"{o['schedule'].year}-01-08",
            "last_day": f"{o['schedule'].year}-12-19",
            "summer_break_first_day": f"{o['schedule'].year}-07-11",
            "summer_break_last_day": f"{o['schedule'].year}-08-23",
        },
        snapshot=schedule_state,
    ),
    Route(
        "meetings:schedule_entry_add",
        kwargs=next_year,
        get=SECRETARY_ONLY,
        post=SECRETARY_POSTS,
        data=ENTRY_DATA,
        snapshot=schedule_state,
    ),
    Route(
        "meetings:schedule_entry_edit",
        kwargs=lambda o: {"pk": o["entry"].pk},
        get=SECRETARY_ONLY,
        post=SECRETARY_POSTS,
        data=ENTRY_DATA,
        snapshot=schedule_state,
    ),
    Route(
        "meetings:schedule_entry_delete",
        kwargs=lambda o: {"pk": o["entry"].pk},
        get=POST_ONLY,
        post=SECRETARY_POSTS,
        snapshot=schedule_state,
    ),
    Route(
        "meetings:schedule_adopt",
        kwargs=next_year,
        get=POST_ONLY,
        post=SECRETARY_POSTS,
        snapshot=schedule_state,
    ),
    Route(
        "meetings:schedule_discard",
        kwargs=next_year,
        get=POST_ONLY,
        post=SECRETARY_POSTS,
        snapshot=schedule_state,
    ),
    Route("meetings:work_plan", kwargs=year_of, get=COUNCIL_ONLY),
    Route(
        "meetings:work_plan_edit",
        kwargs=year_of,
        get=CHAIR_AND_SECRETARY,
        post=CHAIR_AND_SECRETARY_POST,
        data=lambda o: {"introduction": "Nieuw"},
        snapshot=work_plan_state,
    ),
    Route(
        "meetings:theme_create",
        kwargs=year_of,
        get=CHAIR_AND_SECRETARY,
        post=CHAIR_AND_SECRETARY_POST,
        data=lambda o: {"title": "Nieuw thema", "position": 1},
        snapshot=work_plan_state,
    ),
    Route(
        "meetings:theme_edit",
        kwargs=lambda o: {"pk": o["theme"].pk},
        get=CHAIR_AND_SECRETARY,
        post=CHAIR_AND_SECRETARY_POST,
        data=lambda o: {"title": "Ander thema", "position": 1},
        snapshot=work_plan_state,
    ),
    Route(
        "meetings:theme_delete",
        kwargs=lambda o: {"pk": o["theme"].pk},
        get=POST_ONLY,
        post=CHAIR_AND_SECRETARY_POST,
        snapshot=work_plan_state,
    ),
    Route(
        "meetings:activity_create",
        kwargs=lambda o: {"theme_pk": o["theme"].pk},
        get=CHAIR_AND_SECRETARY,
        post=CHAIR_AND_SECRETARY_POST,
        data=lambda o: {"title": "Nieuwe activiteit", "status": "planned"},
        snapshot=work_plan_state,
    ),
    Route(
        "meetings:activity_edit",
        kwargs=lambda o: {"pk": o["activity"].pk},
        get=CHAIR_AND_SECRETARY,
        post=CHAIR_AND_SECRETARY_POST,
        data=lambda o: {"title": "Andere activiteit", "status": "done"},
        snapshot=work_plan_state,
    ),
    Route(
        "meetings:activity_delete",
        kwargs=lambda o: {"pk": o["activity"].pk},
        get=POST_ONLY,
        post=CHAIR_AND_SECRETARY_POST,
        snapshot=work_plan_state,
    ),
    Route("meetings:calendar", get=SEES_MEETINGS),
    Route(
        "meetings:calendar_reset",
        get=POST_ONLY,
        post=logged_in(
            403, lid=ALLOWED, voorzitter=ALLOWED, secretaris=ALLOWED, bestuurder=ALLOWED
        ),
        snapshot=lambda o: list(CalendarFeed.objects.values_list("user", "token_hash")),
    ),
    Route(
        "meetings:calendar_revoke",
        get=POST_ONLY,
        post=logged_in(
            403, lid=ALLOWED, voorzitter=ALLOWED, secretaris=ALLOWED, bestuurder=ALLOWED
        ),
        snapshot=lambda o: list(CalendarFeed.objects.values_list("user", "token_hash")),
    ),
    # No session needed: the token in the address is the credential (the owner is `lid`).
    Route(
        "meetings:feed",
        kwargs=lambda o: {"token": o["feed_token"]},
        get=everyone(200),
        present={"anoniem": lambda o: COUNCIL_TITLE},
    ),
]


# --- Agendas, papers, attendance, minutes, action items ------------------------------------------

COUNCIL_ITEM = "Matrix-raadspunt"
RESTRICTED_ITEM = "Matrix-vertrouwelijk punt"
SHARED_ITEM = "Matrix-gedeeld overlegpunt"
COUNCIL_ONLY_ITEM = "Matrix-raadsdeel van het overleg"
COUNCIL_ACTION = "Matrix-actiepunt van de raad"
COMMITMENT = "Matrix-toezegging"
DRAFT_COMMITMENT = "Matrix-concepttoezegging"
BOARD_DECISION = "Matrix-besluit met het bestuur"
PUBLIC_ITEM = "Matrix-openbaar punt"
COUNCIL_DECISION = "Matrix-besluit van de raad"

# The chair and the secretary prepare agendas; members read them; others do not see the meeting.
AGENDA_EDITORS = logged_in(404, lid=403, voorzitter=200, secretaris=200)
AGENDA_EDITORS_POST = logged_in(404, lid=403, voorzitter=ALLOWED, secretaris=ALLOWED)


def agenda_objects(o, personas):
    now = timezone.now()
    today = timezone.localdate()
    council, consultation = o["council"], o["consultation"]
    Meeting.objects.filter(pk__in=[council.pk, consultation.pk]).update(
        state=MeetingState.AGENDA_PUBLISHED, agenda_published_at=now
    )
    council_item = AgendaItemFactory(meeting=council, title=COUNCIL_ITEM, position=0)
    public_item = AgendaItemFactory(
        meeting=council, title=PUBLIC_ITEM, position=2, visibility=Visibility.PUBLIC
    )
    AgendaItemFactory(
        meeting=council, title=RESTRICTED_ITEM, position=1, visibility=Visibility.RESTRICTED
    )
    shared = AgendaItemFactory(
        meeting=consultation, title=SHARED_ITEM, position=0, visibility=Visibility.BOARD
    )
    council_part = AgendaItemFactory(meeting=consultation, title=COUNCIL_ONLY_ITEM, position=1)
    held = MeetingFactory(
        title="Matrix-gehouden vergadering",
        date=today - datetime.timedelta(days=7),
        location=o["location"],
        state=MeetingState.HELD,
    )
    held_item = AgendaItemFactory(meeting=held, title="Matrix-gehouden punt")
    Minutes.objects.create(meeting=held, state=MinutesState.SHARED, general="Concept")
    held_consultation = MeetingFactory(
        kind=MeetingKind.CONSULTATION,
        date=today - datetime.timedelta(days=7),
        start_time=datetime.time(10, 0),
        end_time=datetime.time(11, 30),
        location=o["location"],
        state=MeetingState.HELD,
    )
    # The board sees commitments once the minutes are adopted, not from a shared draft.
    Minutes.objects.create(meeting=held_consultation, state=MinutesState.ADOPTED)
    # The decision list: the board reads the decisions of items shared with it, not the council's.
    AgendaItemFactory(
        meeting=held_consultation, visibility=Visibility.BOARD, decision=BOARD_DECISION
    )
    AgendaItemFactory(meeting=held_consultation, position=1, decision=COUNCIL_DECISION)
    draft_consultation = MeetingFactory(
        kind=MeetingKind.CONSULTATION,
        date=today - datetime.timedelta(days=3),
        start_time=datetime.time(10, 0),
        end_time=datetime.time(11, 30),
        location=o["location"],
        state=MeetingState.HELD,
    )
    Minutes.objects.create(meeting=draft_consultation, state=MinutesState.SHARED)
    ActionItemFactory(
        meeting=draft_consultation,
        kind=ActionKind.COMMITMENT,
        title=DRAFT_COMMITMENT,
        owner=personas["bestuurder"],
    )
    return {
        "council_item": council_item,
        "shared_item": shared,
        "council_paper": AgendaDocumentFactory(agenda_item=council_part, title="Matrix-raadsstuk"),
        "shared_paper": AgendaDocumentFactory(
            agenda_item=shared, title="Matrix-gedeeld stuk", visibility=Visibility.BOARD
        ),
        "held": held,
        "held_item": held_item,
        "public_paper": AgendaDocumentFactory(
            agenda_item=public_item, title="Matrix-openbaar stuk", visibility=Visibility.PUBLIC
        ),
        "action": ActionItemFactory(
            meeting=held, title=COUNCIL_ACTION, owner=personas["lid"], agenda_item=held_item
        ),
        "commitment": ActionItemFactory(
            meeting=held_consultation,
            kind=ActionKind.COMMITMENT,
            title=COMMITMENT,
            owner=personas["bestuurder"],
        ),
    }


def agenda_state(o):
    return (
        list(
            AgendaItem.objects.order_by("pk").values_list(
                "pk", "meeting", "position", "title", "visibility"
            )
        ),
        list(AgendaDocument.objects.order_by("pk").values_list("pk", "agenda_item", "title")),
        list(Meeting.objects.order_by("pk").values_list("pk", "state", "agenda_published_at")),
    )


def paper_state(o):
    return list(
        AgendaDocument.objects.order_by("pk").values_list("pk", "title", "visibility", "previous")
    )


def attendance_state(o):
    return list(
        Attendance.objects.order_by("pk").values_list("meeting", "person", "answer", "attended")
    )


def minutes_state(o):
    return (
        list(Minutes.objects.order_by("pk").values_list("meeting", "state", "general")),
        list(AgendaItem.objects.order_by("pk").values_list("pk", "notes", "decision")),
        list(Meeting.objects.order_by("pk").values_list("pk", "state")),
    )


def action_state(o):
    return list(ActionItem.objects.order_by("pk").values_list("pk", "title", "status", "owner"))


# Downloading papers: a council paper of a consultation (404 to the board, who sees the meeting)
# and a paper shared with the board.
DOWNLOADS = {
    "council_paper": logged_in(404, lid=200, voorzitter=200, secretaris=200),
    "shared_paper": logged_in(404, lid=200, voorzitter=200, secretaris=200, bestuurder=200),
}


def held_pk(o):
    return {"pk": o["held"].pk}


AGENDA_ROUTES = [
    Route(
        "meetings:agenda",
        kwargs=council_pk,
        get=COUNCIL_MEETING,
        absent={"lid": lambda o: RESTRICTED_ITEM},
        present={
            "lid": lambda o: COUNCIL_ITEM,
            "voorzitter": lambda o: RESTRICTED_ITEM,
            "secretaris": lambda o: RESTRICTED_ITEM,
        },
    ),
    # The consultation's agenda: the board sees the shared items, not the council's own part.
    Route(
        "meetings:agenda",
        kwargs=lambda o: {"pk": o["consultation"].pk},
        get=logged_in(404, lid=200, voorzitter=200, secretaris=200, bestuurder=200),
        absent={"bestuurder": lambda o: COUNCIL_ONLY_ITEM},
        present={"bestuurder": lambda o: SHARED_ITEM, "lid": lambda o: COUNCIL_ONLY_ITEM},
    ),
    Route(
        "meetings:agenda_item_add",
        kwargs=council_pk,
        get=AGENDA_EDITORS,
        post=AGENDA_EDITORS_POST,
        data=lambda o: {"title": "Nieuw punt", "kind": "discussion", "visibility": "council"},
        snapshot=agenda_state,
    ),
    Route(
        "meetings:agenda_item_edit",
        kwargs=lambda o: {"pk": o["council_item"].pk},
        get=AGENDA_EDITORS,
        post=AGENDA_EDITORS_POST,
        data=lambda o: {"title": "Ander punt", "kind": "decision", "visibility": "council"},
        snapshot=agenda_state,
    ),
    Route(
        "meetings:agenda_item_delete",
        kwargs=lambda o: {"pk": o["council_item"].pk},
        get=POST_ONLY,
        post=AGENDA_EDITORS_POST,
        snapshot=agenda_state,
    ),
    Route(
        "meetings:agenda_reorder",
        kwargs=council_pk,
        get=POST_ONLY,
        post=AGENDA_EDITORS_POST,
        data=lambda o: {
            "order": list(
                o["council"].agenda_items.order_by("-position").values_list("pk", flat=True)
            )
        },
        snapshot=agenda_state,
    ),
    Route(
        "meetings:document_add",
        kwargs=lambda o: {"pk": o["council_item"].pk},
        get=AGENDA_EDITORS,
        post=AGENDA_EDITORS_POST,
        data=lambda o: {"title": "Stuk", "visibility": "council"},
        snapshot=agenda_state,
    ),
    # A download answers with the file itself (a streaming response), which the harness does not
    # read: the persona table DOWNLOADS is checked, closing each file, in test_papers.py.
    Route("meetings:document_download", kwargs=lambda o: {"pk": o["council_paper"].pk}),
    Route(
        "meetings:document_delete",
        kwargs=lambda o: {"pk": o["council_paper"].pk},
        get=POST_ONLY,
        post=AGENDA_EDITORS_POST,
        snapshot=agenda_state,
    ),
    # Another title or visibility, or a new version: those who prepare the agenda.
    Route(
        "meetings:document_edit",
        kwargs=lambda o: {"pk": o["council_paper"].pk},
        get=AGENDA_EDITORS,
        post=AGENDA_EDITORS_POST,
        data=lambda o: {"title": "Ander stuk", "visibility": "restricted"},
        snapshot=paper_state,
    ),
    Route("meetings:attendance", kwargs=council_pk, get=COUNCIL_MEETING),
    Route(
        "meetings:attendance_answer",
        kwargs=council_pk,
        get=POST_ONLY,
        post=logged_in(404, lid=ALLOWED, voorzitter=ALLOWED, secretaris=403),
        data=lambda o: {"answer": "present"},
        snapshot=attendance_state,
    ),
    # A consultation: board users answer too; the register (members, quorum) is not shown to them.
    Route(
        "meetings:attendance",
        kwargs=lambda o: {"pk": o["consultation"].pk},
        get=logged_in(404, lid=200, voorzitter=200, secretaris=200, bestuurder=200),
        absent={"bestuurder": lambda o: "Quorum"},
        present={"lid": lambda o: "Quorum", "bestuurder": lambda o: "Kom je?"},
    ),
    Route(
        "meetings:attendance_answer",
        kwargs=lambda o: {"pk": o["consultation"].pk},
        get=POST_ONLY,
        post=logged_in(404, lid=ALLOWED, voorzitter=ALLOWED, secretaris=403, bestuurder=ALLOWED),
        data=lambda o: {"answer": "present"},
        snapshot=attendance_state,
    ),
    Route(
        "meetings:attendance_record",
        kwargs=held_pk,
        get=POST_ONLY,
        post=COUNCIL_MEETING_SECRETARY_POST,
        data=lambda o: {"present": [o["held"].pk]},
        snapshot=attendance_state,
    ),
    Route(
        "meetings:minutes",
        kwargs=held_pk,
        get=COUNCIL_MEETING,
        present={"lid": lambda o: "Concept"},
    ),
    Route(
        "meetings:minutes_edit",
        kwargs=held_pk,
        get=COUNCIL_MEETING_SECRETARY,
        post=COUNCIL_MEETING_SECRETARY_POST,
        data=lambda o: {"general": "Gewijzigd"},
        snapshot=minutes_state,
    ),
    Route(
        "meetings:minutes_transition",
        kwargs=held_pk,
        get=POST_ONLY,
        post=COUNCIL_MEETING_SECRETARY_POST,
        data=lambda o: {"to": "draft"},
        snapshot=minutes_state,
    ),
    Route(
        "meetings:minutes_adopt",
        kwargs=held_pk,
        get=POST_ONLY,
        post=AGENDA_EDITORS_POST,
        data=lambda o: {"at_meeting": o["council"].pk},
        snapshot=minutes_state,
    ),
    Route(
        "meetings:action_add",
        kwargs=held_pk,
        get=AGENDA_EDITORS,
        post=AGENDA_EDITORS_POST,
        data=lambda o: {"kind": "action", "title": "Nieuw", "owner": o["held"].pk},
        snapshot=action_state,
    ),
    # Action items follow their minutes: the board sees commitments of adopted minutes only.
    Route(
        "meetings:actions",
        get=SEES_MEETINGS,
        absent={"bestuurder": lambda o: COUNCIL_ACTION},
        present={"bestuurder": lambda o: COMMITMENT, "lid": lambda o: COUNCIL_ACTION},
    ),
    Route(
        "meetings:actions",
        query="?draft",
        get=SEES_MEETINGS,
        absent={"bestuurder": lambda o: DRAFT_COMMITMENT},
        present={"lid": lambda o: DRAFT_COMMITMENT},
    ),
    # The public side: everyone, logged in or not, reads the public items only.
    Route(
        "meetings:public",
        get=everyone(200),
        present={"anoniem": lambda o: "Openbare agenda van"},
    ),
    Route(
        "meetings:public_agenda",
        kwargs=council_pk,
        get=everyone(200),
        present={"anoniem": lambda o: PUBLIC_ITEM, "bestuurder": lambda o: PUBLIC_ITEM},
        absent={"anoniem": lambda o: COUNCIL_ITEM, "lid": lambda o: RESTRICTED_ITEM},
    ),
    # A download answers with the file itself: checked in test_public_meetings.py.
    Route("meetings:public_paper", kwargs=lambda o: {"pk": o["public_paper"].pk}),
    Route(
        "meetings:decisions",
        get=SEES_MEETINGS,
        absent={"bestuurder": lambda o: COUNCIL_DECISION},
        present={"bestuurder": lambda o: BOARD_DECISION, "lid": lambda o: COUNCIL_DECISION},
    ),
    # The owner (lid) reports their own action item done, as do the chair and the secretary.
    Route(
        "meetings:action_transition",
        kwargs=lambda o: {"pk": o["action"].pk},
        get=POST_ONLY,
        post=logged_in(404, lid=ALLOWED, voorzitter=ALLOWED, secretaris=ALLOWED),
        data=lambda o: {"to": "done"},
        snapshot=action_state,
    ),
    # Correcting or removing one: the chair and the secretary; the owner may not (403).
    Route(
        "meetings:action_edit",
        kwargs=lambda o: {"pk": o["action"].pk},
        get=logged_in(404, lid=403, voorzitter=200, secretaris=200),
        post=logged_in(404, lid=403, voorzitter=ALLOWED, secretaris=ALLOWED),
        data=lambda o: {"title": "Anders verwoord", "owner": o["action"].owner_id},
        snapshot=action_state,
    ),
    Route(
        "meetings:action_delete",
        kwargs=lambda o: {"pk": o["action"].pk},
        get=POST_ONLY,
        post=logged_in(404, lid=403, voorzitter=ALLOWED, secretaris=ALLOWED),
        snapshot=action_state,
    ),
]


def objects(personas, made):
    """What the routes need: the meetings, schedules and work plan, then their agendas."""
    o = meeting_objects(personas, made)
    o.update(agenda_objects(o, personas))
    return o


ROUTES = [*MEETING_ROUTES, *AGENDA_ROUTES]
