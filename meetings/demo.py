"""Demo meetings: the 10 WIJ locations (demo addresses), the adopted schedules of last year (held,
one cancelled) and this year (held up to today), a draft proposal for next year, this year's work
plan and work visits with reports. Loaded by `manage.py demo_data` after the members' demo data.

Idempotent: each part is made only when it is missing. Dates are relative to the day of loading.
"""

import datetime

from django.utils import timezone

from meetings import schedule as scheduling
from meetings import services
from meetings.models import (
    Activity,
    ActivityStatus,
    Location,
    Meeting,
    MeetingKind,
    MeetingState,
    Theme,
    WorkPlan,
    YearSchedule,
)
from members.models import User

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
    """Mark the past meetings of `year` as held (older ones with adopted minutes)."""
    now = timezone.now()
    meetings = list(Meeting.objects.in_year(year).filter(schedule__year=year).order_by("date"))
    if cancel_one:
        spring = [m for m in meetings if m.kind == MeetingKind.COUNCIL and m.date.month == 4]
        if spring:
            services.meeting_cancel(
                meeting=spring[0], reason="Te weinig leden beschikbaar (griepgolf).", by=by
            )
    for meeting in Meeting.objects.in_year(year).not_cancelled().order_by("date"):
        if meeting.starts_at > now:
            continue
        meeting = services.meeting_transition(meeting=meeting, to=MeetingState.HELD, by=by)
        if (
            meeting.kind != MeetingKind.WORK_VISIT
            and meeting.date < now.date() - datetime.timedelta(days=21)
        ):
            services.meeting_transition(meeting=meeting, to=MeetingState.MINUTES_ADOPTED, by=by)


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
        by=by,
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
            by=by,
        )
        for number, (activity_title, status) in enumerate(activities):
            services.activity_save(
                activity=Activity(theme=theme, title=activity_title, status=status),
                by=by,
                meetings=meetings[number : number + 1],
            )
    return plan


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
    for year, cancel_one in ((today.year - 1, True), (today.year, False)):
        if not YearSchedule.objects.filter(year=year).exists():
            schedule = scheduling.schedule_propose(year=year, by=by)
            scheduling.schedule_adopt(schedule=schedule, by=by)
            _record_what_happened(year, by=by, cancel_one=cancel_one)
            made.append(f"schedule {year}")
    if not YearSchedule.objects.filter(year=today.year + 1).exists():
        scheduling.schedule_propose(year=today.year + 1, by=by)
        made.append(f"draft schedule {today.year + 1}")
    if not WorkPlan.objects.filter(year=today.year).exists():
        _work_plan(today.year, by=by)
        made.append(f"work plan {today.year}")
    if not Meeting.objects.filter(kind=MeetingKind.WORK_VISIT).exists():
        _work_visits(today, by=by)
        made.append("work visits")
    stdout.write(f"Meetings: made {', '.join(made) if made else 'nothing (all there)'}.")
