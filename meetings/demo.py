"""Demo meetings: a council that looks alive on whatever day the demo is loaded.

What the demo promises, on every date (meetings/tests/test_demo_dates.py checks it on 1 January,
a Tuesday in the summer break, 1 December, 31 December 23:30 and 29 February):

- the 10 WIJ locations (demo addresses);
- the adopted schedules of last year (held, one cancelled) and this year (held up to today);
  from September on next year's schedule is adopted too, so there are always at least three
  months of meetings ahead; a draft proposal for the year after the last adopted one;
- the agenda of the next council meeting and of the next consultation published, with papers on
  every visibility level and attendance answers;
- the last two held meetings of each kind with agendas and minutes: the older adopted at the
  newer, the newer's minutes shared and waiting to be adopted; action items and commitments;
- a meeting (a training) within the reminder lead time, so the sweep sends a reminder e-mail
  within minutes of `make run`;
- this year's work plan, and work visits with reports.

Idempotent: each part is made only when it is missing, so loading twice changes nothing. Dates are
relative to the day of loading; loading again on a later day rolls the parts that depend on today
forward (meetings that took place are marked held, the next agendas go out, a new meeting falls
within the reminder lead time).
"""

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone

from meetings import services
from meetings.models import (
    ActionKind,
    ActionStatus,
    Activity,
    ActivityStatus,
    AgendaItem,
    AgendaItemKind,
    AttendanceAnswer,
    Location,
    Meeting,
    MeetingKind,
    MeetingState,
    Minutes,
    MinutesState,
    Theme,
    WorkPlan,
    YearSchedule,
)
from members.models import CouncilRules, User
from wijraad.models import Visibility

# Demo addresses: the street names are real-sounding, the numbers and postcodes are not real.
LOCATIONS = [
    ("WIJ Beijum", "Beijumerweg 100, 9736 ZZ Groningen (demo-adres)", "Drempelvrij, lift."),
    ("WIJ De Wijert", "Van Lenneplaan 100, 9721 ZZ Groningen (demo-adres)", "Drempelvrij."),
    ("WIJ Haren", "Kerkstraat 100, 9751 ZZ Haren (demo-adres)", "Ringleiding in zaal 1."),
    ("WIJ Hoogkerk", "Hoofdweg 100, 9745 ZZ Hoogkerk (demo-adres)", "Invalidenparkeerplaats."),
    ("WIJ Korrewegwijk", "Korreweg 100, 9714 ZZ Groningen (demo-adres)", "Lift, invalidentoilet."),
    ("WIJ Lewenborg", "Kardingerplein 100, 9733 ZZ Groningen (demo-adres)", "Drempelvrij."),
    ("WIJ Oosterpark", "Oosterparkweg 100, 9713 ZZ Groningen (demo-adres)", "Lift aanwezig."),
    ("WIJ Selwerd", "Siersteenlaan 100, 9743 ZZ Groningen (demo-adres)", "Drempelvrij, lift."),
    ("WIJ Ten Boer", "Stationsweg 100, 9791 ZZ Ten Boer (demo-adres)", "Gelijkvloers."),
    ("WIJ Vinkhuizen", "Vinkhuizen-Centrum 100, 9746 ZZ Groningen (demo-adres)", "Lift."),
]

THEMES = [
    (
        "Bereikbaarheid en ontvangst",
        "Kun je WIJ makkelijk bereiken, en hoe word je ontvangen?",
        [
            ("Alle tien WIJ-locaties bezoeken", ActivityStatus.IN_PROGRESS),
            ("Advies over telefonische bereikbaarheid", ActivityStatus.PLANNED),
        ],
    ),
    (
        "Privacy",
        "Hoe gaat WIJ om met persoonlijke gegevens van inwoners?",
        [("Privacybeleid bespreken met de bestuurder", ActivityStatus.DONE)],
    ),
    (
        "Informatie aan inwoners",
        "Is de informatie van WIJ begrijpelijk (taalniveau B1)?",
        [
            ("Folders en website laten lezen door inwoners", ActivityStatus.PLANNED),
            ("Tevredenheidsonderzoek meelezen", ActivityStatus.PLANNED),
        ],
    ),
]

VISIT_HEARD = (
    "Inwoners vinden de inloop zonder afspraak fijn. Meerdere mensen zeggen dat ze lang moeten "
    "wachten aan de telefoon. Medewerkers merken dat vragen over geldzaken toenemen."
)


def _secretary():
    return User.objects.filter(email="secretaris@example.org").first()


def _record_what_happened(year, *, by, cancel_one):
    """Mark the past meetings of `year` as held (older ones with minutes adopted at the next
    meeting of their kind)."""
    now = timezone.now()
    meetings = list(Meeting.objects.in_year(year).filter(schedule__year=year).order_by("date"))
    if cancel_one:
        spring = [m for m in meetings if m.kind == MeetingKind.COUNCIL and m.date.month == 4]
        if spring:
            services.meeting_cancel(
                meeting=spring[0], reason="Te weinig leden beschikbaar (griepgolf).", by=by
            )
    held = []
    for meeting in Meeting.objects.in_year(year).not_cancelled().order_by("date"):
        if meeting.starts_at > now:
            continue
        held.append(services.meeting_transition(meeting=meeting, to=MeetingState.HELD, by=by))
    for meeting in held:
        if (
            meeting.kind == MeetingKind.WORK_VISIT
            or meeting.date >= now.date() - datetime.timedelta(days=21)
        ):
            continue
        later = [m for m in held if m.kind == meeting.kind and m.date > meeting.date]
        if later:
            _adopted_minutes(meeting, at=later[0], by=by)


def _adopted_minutes(meeting, *, at, by):
    """Short minutes of a meeting from before the portal kept agendas, adopted at `at`."""
    minutes = services.minutes_save(
        meeting=meeting,
        by=by,
        general="Verslag in het kort (demo): de vergadering verliep volgens de agenda.",
    )
    services.minutes_transition(minutes=minutes, to=MinutesState.SHARED, by=by)
    services.minutes_adopt(minutes=minutes, at_meeting=at, by=by)


def _work_visits(today, *, by):
    locations = {location.name: location for location in Location.objects.all()}
    visits = [
        (today - datetime.timedelta(days=300), "WIJ Lewenborg", True),
        (today - datetime.timedelta(days=30), "WIJ Beijum", True),
        (today + datetime.timedelta(days=20), "WIJ Vinkhuizen", False),
    ]
    for day, name, report in visits:
        meeting = services.meeting_create(
            by=by,
            kind=MeetingKind.WORK_VISIT,
            title=f"Werkbezoek {name}",
            date=day,
            start_time=datetime.time(10, 0),
            end_time=datetime.time(12, 0),
            location=locations[name],
        )
        if report:
            meeting = services.meeting_transition(meeting=meeting, to=MeetingState.HELD, by=by)
            themes = list(Theme.objects.filter(work_plan__year=day.year)[:1])
            services.visit_report_save(meeting=meeting, by=by, heard=VISIT_HEARD, themes=themes)


def _work_plan(year, *, by):
    plan = services.work_plan_save(
        year=year,
        introduction=(
            "Dit jaar wil de WIJ-raad vooral horen hoe inwoners WIJ ervaren: bij de inloop, "
            "aan de telefoon en in de informatie die ze krijgen."
        ),
        adopted_on=datetime.date(year, 1, 1),
    )
    meetings = list(Meeting.objects.in_year(year).filter(kind=MeetingKind.COUNCIL)[:3])
    for position, (title, description, activities) in enumerate(THEMES):
        theme = services.theme_save(
            theme=Theme(work_plan=plan, title=title, description=description, position=position),
        )
        for number, (activity_title, status) in enumerate(activities):
            services.activity_save(
                activity=Activity(theme=theme, title=activity_title, status=status),
                meetings=meetings[number : number + 1],
            )
    return plan


# From this month on, next year's schedule is adopted in the demo: the council adopts its
# schedule in the autumn, and this keeps three months of meetings ahead in December.
ADOPT_NEXT_YEAR_FROM_MONTH = 9
TRAINING_TITLE = "Scholing: signalen van inwoners opvangen"


def _schedules(today, *, by):
    """Adopted schedules of last year, this year and (from September) next year; a draft for the
    year after the last adopted one."""
    made = []
    years = [(today.year - 1, True), (today.year, False)]
    if today.month >= ADOPT_NEXT_YEAR_FROM_MONTH:
        years.append((today.year + 1, False))
    for year, cancel_one in years:
        schedule = YearSchedule.objects.filter(year=year).first()
        if schedule is not None and not schedule.is_draft:
            continue
        if schedule is None:
            schedule = services.schedule_propose(year=year)
        services.schedule_adopt(schedule=schedule, by=by)
        _record_what_happened(year, by=by, cancel_one=cancel_one)
        made.append(f"schedule {year}")
    draft_year = years[-1][0] + 1
    if not YearSchedule.objects.filter(year=draft_year).exists():
        services.schedule_propose(year=draft_year)
        made.append(f"draft schedule {draft_year}")
    return made


def _mark_held(*, by):
    """Meetings that have begun since the demo was loaded are marked as held."""
    now = timezone.now()
    begun = [
        meeting
        for meeting in Meeting.objects.filter(
            date__lte=timezone.localdate(), state__in=MeetingState.upcoming()
        ).order_by("date", "start_time")
        if meeting.starts_at <= now
    ]
    for meeting in begun:
        services.meeting_transition(meeting=meeting, to=MeetingState.HELD, by=by)
    return ["held meetings"] if begun else []


def _meeting_soon(today, *, by):
    """A training within the reminder lead time (on a working day when there is one), unless a
    meeting already falls within it."""
    now = timezone.now()
    lead_days = max(1, CouncilRules.objects.in_force(today).reminder_lead_days)
    last = today + datetime.timedelta(days=lead_days)
    soon = Meeting.objects.filter(
        date__gte=today, date__lte=last, state__in=MeetingState.upcoming()
    )
    if any(meeting.starts_at > now for meeting in soon):
        return []
    days = [today + datetime.timedelta(days=n) for n in range(1, lead_days + 1)]
    free_days = [
        day for day in days if day.weekday() < 5 and day not in services.public_holidays(day.year)
    ]
    day = (free_days or days)[0]
    for location in Location.objects.filter(is_active=True).order_by("name"):
        try:
            services.meeting_create(
                by=by,
                kind=MeetingKind.OTHER,
                title=TRAINING_TITLE,
                description=(
                    "Hoe luister je naar een inwoner, en wat doe je met wat je hoort? "
                    "Met een oefening in tweetallen."
                ),
                date=day,
                start_time=datetime.time(10, 0),
                end_time=datetime.time(12, 0),
                location=location,
            )
        except ValidationError:
            continue
        return [f"training on {day.isoformat()}"]
    return []


def load(*, stdout):
    made = []
    for name, address, accessibility in LOCATIONS:
        _location, created = Location.objects.get_or_create(
            name=name, defaults={"address": address, "accessibility": accessibility}
        )
        if created:
            made.append(name)
    by = _secretary()
    today = timezone.localdate()
    made += _schedules(today, by=by)
    made += _mark_held(by=by)
    if not WorkPlan.objects.filter(year=today.year).exists():
        _work_plan(today.year, by=by)
        made.append(f"work plan {today.year}")
    if not Meeting.objects.filter(kind=MeetingKind.WORK_VISIT).exists():
        _work_visits(today, by=by)
        made.append("work visits")
    made += _next_agendas(today, by=by)
    if not AgendaItem.objects.filter(meeting__date__lt=today).exists():
        _past_agendas(today, by=by)
        made.append("minutes, attendance and action items of held meetings")
    made += _meeting_soon(today, by=by)
    stdout.write(f"Meetings: made {', '.join(made) if made else 'nothing (all there)'}.")


# --- Agendas, papers, attendance, minutes, action items ------------------------------------------

DEMO_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)

# (title, kind, visibility, presenter, minutes, papers: [(title, visibility)])
COUNCIL_AGENDA = [
    (
        "Opening en mededelingen",
        AgendaItemKind.INFORMATION,
        Visibility.COUNCIL,
        "Voorzitter",
        10,
        [],
    ),
    (
        "Telefonische bereikbaarheid van WIJ",
        AgendaItemKind.DISCUSSION,
        Visibility.COUNCIL,
        "Werkgroep bereikbaarheid",
        30,
        [("Notitie bereikbaarheid", Visibility.COUNCIL)],
    ),
    (
        "Adviesaanvraag privacybeleid",
        AgendaItemKind.ADVICE,
        Visibility.COUNCIL,
        "Secretaris",
        40,
        [("Concept-privacybeleid WIJ", Visibility.COUNCIL), ("Samenvatting", Visibility.PUBLIC)],
    ),
    (
        "Vertrouwelijk: samenstelling van de raad",
        AgendaItemKind.DECISION,
        Visibility.RESTRICTED,
        "Voorzitter",
        15,
        [("Notitie samenstelling", Visibility.RESTRICTED)],
    ),
    ("Rondvraag en sluiting", AgendaItemKind.INFORMATION, Visibility.COUNCIL, "Voorzitter", 10, []),
]
CONSULTATION_AGENDA = [
    ("Opening", AgendaItemKind.INFORMATION, Visibility.BOARD, "Voorzitter", 5, []),
    (
        "Stand van zaken wachttijden",
        AgendaItemKind.DISCUSSION,
        Visibility.BOARD,
        "Bestuurder",
        30,
        [("Cijfers wachttijden", Visibility.BOARD)],
    ),
    (
        "Voorbespreking van de raad",
        AgendaItemKind.DISCUSSION,
        Visibility.COUNCIL,
        "Voorzitter",
        20,
        [("Standpunt van de raad (intern)", Visibility.COUNCIL)],
    ),
]


def _people(*emails):
    return list(User.objects.filter(email__in=emails).order_by("email"))


def _fill_agenda(meeting, agenda, *, by, direct=False):
    """Add the items (and their papers). A meeting that took place gets its items written
    directly: the agenda services only change agendas of meetings still to come."""
    from django.core.files.base import ContentFile

    items = []
    for position, (title, kind, visibility, presenter, minutes, papers) in enumerate(agenda):
        fields = {
            "kind": kind,
            "visibility": visibility,
            "presenter": presenter,
            "duration_minutes": minutes,
            "description": f"Toelichting bij '{title}' (demo).",
        }
        if direct:
            item = AgendaItem.objects.create(
                meeting=meeting, title=title, position=position, **fields
            )
        else:
            item = services.agenda_item_add(meeting=meeting, by=by, title=title, **fields)
        for paper_title, paper_visibility in papers:
            upload = ContentFile(DEMO_PDF, name=f"{paper_title}.pdf")
            services.document_add(
                item=item, by=by, upload=upload, title=paper_title, visibility=paper_visibility
            )
        items.append(item)
    return items


AGENDAS = ((MeetingKind.COUNCIL, COUNCIL_AGENDA), (MeetingKind.CONSULTATION, CONSULTATION_AGENDA))


def _demo_members():
    return _people("lid@example.org", "voorzitter@example.org", "marieke.bos@example.org")


def _next_agendas(today, *, by):
    """The agenda of the next council meeting and of the next consultation is out."""
    made = []
    members = _demo_members()
    coming = Meeting.objects.filter(date__gt=today, state__in=MeetingState.upcoming())
    for kind, agenda in AGENDAS:
        upcoming = coming.filter(kind=kind).order_by("date", "start_time").first()
        if (
            upcoming is None
            or upcoming.state != MeetingState.PLANNED
            or upcoming.agenda_items.exists()
        ):
            continue
        _fill_agenda(upcoming, agenda, by=by)
        services.meeting_transition(meeting=upcoming, to=MeetingState.AGENDA_PUBLISHED, by=by)
        for number, person in enumerate(members):
            services.attendance_answer(
                meeting=upcoming,
                person=person,
                answer=AttendanceAnswer.ABSENT if number == 2 else AttendanceAnswer.PRESENT,
                reason="Op vakantie" if number == 2 else "",
            )
        made.append(f"agenda of {upcoming.date.isoformat()}")
    return made


def _past_agendas(today, *, by):
    """The last two held meetings of each kind get agendas, attendance and minutes (the older
    adopted at the newer, the newer shared), and action items."""
    members = _demo_members()
    board = _people("bestuurder@example.org")
    for kind, agenda in AGENDAS:
        held = list(
            Meeting.objects.filter(
                kind=kind, state__in=MeetingState.taken_place(), date__lt=today
            ).order_by("-date")[:2]
        )
        if len(held) < 2:
            continue
        last, before = held
        for meeting in (before, last):
            items = _fill_agenda(meeting, agenda, by=by, direct=True)
            seated = list(services.seated_members(meeting.date))
            services.attendance_record(meeting=meeting, present=seated[: len(seated) // 2 + 2])
            minutes = Minutes.objects.filter(meeting=meeting).first()
            if minutes is None or not minutes.is_adopted:
                services.minutes_save(
                    meeting=meeting,
                    by=by,
                    general="Aanwezig: zie de aanwezigheidslijst. Voorzitter: de voorzitter.",
                    items={
                        item: (
                            "Er is over dit punt gesproken (demo).",
                            "De raad stemt in." if item.kind == AgendaItemKind.DECISION else "",
                        )
                        for item in items
                    },
                )
        if before.state == MeetingState.HELD:
            minutes = Minutes.objects.get(meeting=before)
            services.minutes_transition(minutes=minutes, to=MinutesState.SHARED, by=by)
            services.minutes_adopt(minutes=minutes, at_meeting=last, by=by)
        draft = Minutes.objects.get(meeting=last)
        if draft.state == MinutesState.DRAFT:
            services.minutes_transition(minutes=draft, to=MinutesState.SHARED, by=by)
        owner = members[0] if members else by
        services.action_item_add(
            meeting=before,
            by=by,
            kind=ActionKind.ACTION,
            title="Ervaringen van inwoners met de telefoon verzamelen",
            owner=owner,
            due_date=today + datetime.timedelta(days=14),
        )
        closed = services.action_item_add(
            meeting=before,
            by=by,
            kind=ActionKind.ACTION,
            title="Locatiebezoek Beijum plannen",
            owner=by,
            due_date=today - datetime.timedelta(days=7),
        )
        services.action_item_transition(action=closed, to=ActionStatus.DONE, by=by)
        if kind == MeetingKind.CONSULTATION and board:
            services.action_item_add(
                meeting=last,
                by=by,
                kind=ActionKind.COMMITMENT,
                title="De bestuurder stuurt de cijfers over wachttijden per locatie",
                owner=board[0],
                due_date=today + datetime.timedelta(days=21),
            )
            done = services.action_item_add(
                meeting=before,
                by=by,
                kind=ActionKind.COMMITMENT,
                title="De bestuurder legt het privacybeleid voor als adviesaanvraag",
                owner=board[0],
            )
            services.action_item_transition(action=done, to=ActionStatus.DONE, by=by)
