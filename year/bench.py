"""Bench volume for the council's year (`manage.py bench_data`), with bulk inserts:

- a vacancy each spring of every past year (closed), an annual report of every past year
  (published the next March, when that has come; last year's stays the demo's draft), the
  allowance rates of every year from 1 January;
- two trainings a year for every member seated that year; an approved allowance statement per
  member and past year with its lines, computed from the recorded attendance and stored as the
  secretary's approval stores it (`year.services.statement_store`);
- two hiring panels in every past year, closed after the steps of their table, with two
  members seated that year; one of three weeks ago, accepted;
- applications only as the retention rules leave them (DESIGN rule 14): 50 running procedures
  and 30 not selected in the last three weeks, on the demo's open vacancy. Older applicants' data
  would have been deleted, so there is none. No e-mails are due for any of them.
"""

import datetime
import random

from django.utils import timezone

from members.models import Term, User
from year.allowance import statement_for
from year.models import (
    APPLICATION_TRANSITIONS,
    AllowanceRates,
    AllowanceStatement,
    AnnualReport,
    Application,
    ApplicationState,
    ApplicationStateChange,
    HiringPanel,
    HiringPanelState,
    HiringPanelStateChange,
    Training,
    Vacancy,
)
from year.services import statement_store

BATCH = 2_000
RUNNING = 50
NOT_SELECTED = 30
TRAINING_TITLES = [
    "Advies schrijven dat gelezen wordt",
    "Wet medezeggenschap cliënten zorginstellingen",
    "Voorzitten van een vergadering",
    "Privacy en de AVG",
    "Werkbezoeken voorbereiden",
]


def load(*, stdout, years=10):
    today = timezone.localdate()
    rng = random.Random(f"wijraad-bench-year-{years}-{today.isoformat()}")  # noqa: S311
    secretary = User.objects.filter(email="secretaris@example.org").first()
    past_years = range(today.year - years + 1, today.year)
    vacancies = _vacancies(today, past_years)
    reports = _reports(today, past_years)
    _rates(today, years)
    trainings = _trainings(rng, today, years)
    statements = _statements(past_years, secretary)
    applications = _applications(rng, secretary)
    panels = _hiring_panels(rng, today, past_years, secretary)
    stdout.write(
        f"Year: {vacancies} vacancies, {reports} annual reports, {trainings} trainings, "
        f"{statements} allowance statements, {applications} applications, {panels} hiring "
        f"panels over {years} years."
    )


def _at(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(10)))


def _vacancies(today, past_years):
    opened = Vacancy.objects.open_on(today).first()
    first_open = opened.opened_on if opened else today
    rows = [
        Vacancy(
            title="Lid van de WIJ-raad",
            seats=2,
            opened_on=datetime.date(year, 3, 1),
            closed_on=datetime.date(year, 4, 30),
        )
        for year in past_years
        if datetime.date(year, 4, 30) <= first_open
    ]
    Vacancy.objects.bulk_create(rows)
    return len(rows)


def _reports(today, past_years):
    have = set(AnnualReport.objects.values_list("year", flat=True))
    rows = []
    for year in past_years:
        if year in have:
            continue
        published_on = datetime.date(year + 1, 3, 1)
        rows.append(
            AnnualReport(
                year=year,
                introduction=f"Bench: het jaar {year} van de WIJ-raad.",
                closing="Bench: met dank aan alle inwoners.",
                published_at=_at(published_on) if published_on <= today else None,
            )
        )
    AnnualReport.objects.bulk_create(rows)
    return len(rows)


def _rates(today, years):
    have = set(AllowanceRates.objects.values_list("valid_from", flat=True))
    rows = [
        AllowanceRates(
            valid_from=datetime.date(year, 1, 1),
            per_meeting=20 + year % 5,
            per_work_visit=15,
            per_month=0,
        )
        for year in range(today.year - years + 1, today.year + 1)
        if datetime.date(year, 1, 1) not in have
    ]
    AllowanceRates.objects.bulk_create(rows)


def _seated(year):
    """The people with a term on any day of `year`."""
    start, end = datetime.date(year, 1, 1), datetime.date(year + 1, 1, 1)
    return sorted(
        set(Term.objects.filter(start__lt=end, end__gt=start).values_list("person_id", flat=True))
    )


def _trainings(rng, today, years):
    rows = []
    for year in range(today.year - years + 1, today.year + 1):
        last_day = min(datetime.date(year, 12, 31), today)
        days = (last_day - datetime.date(year, 1, 1)).days + 1
        for person_id in _seated(year):
            for _n in range(2):
                rows.append(
                    Training(
                        person_id=person_id,
                        title=rng.choice(TRAINING_TITLES),
                        provider=rng.choice(["LSR", "Movisie", "WIJ Groningen"]),
                        date=datetime.date(year, 1, 1) + datetime.timedelta(rng.randrange(days)),
                        hours=rng.choice([2, 3, 4, 6]),
                    )
                )
    Training.objects.bulk_create(rows, batch_size=BATCH)
    return len(rows)


def _statements(past_years, secretary):
    """Each statement as the secretary approves it (year.services.statement_store: the row and
    its lines), without the approval's checks: the bench writes whole past years."""
    have = set(AllowanceStatement.objects.values_list("person_id", "period_start", "period_end"))
    made = 0
    for year in past_years:
        start, end = datetime.date(year, 1, 1), datetime.date(year + 1, 1, 1)
        approved_at = timezone.make_aware(
            datetime.datetime.combine(end + datetime.timedelta(days=20), datetime.time(9))
        )
        for person in User.objects.filter(pk__in=_seated(year)):
            if (person.pk, start, end) in have:
                continue
            statement = statement_for(person, start, end, warnings=False)
            statement_store(statement, by=secretary, at=approved_at)
            made += 1
    return made


def _steps(to_state):
    """The states an application passes from RECEIVED to `to_state`, by the shortest legal path
    of APPLICATION_TRANSITIONS (RECEIVED itself not included)."""
    paths = {ApplicationState.RECEIVED: []}
    queue = [ApplicationState.RECEIVED]
    while queue:
        state = queue.pop(0)
        for following in APPLICATION_TRANSITIONS[state]:
            if following not in paths:
                paths[following] = [*paths[state], following]
                queue.append(following)
    return paths[ApplicationState(to_state)]


def _applications(rng, secretary):
    vacancy = Vacancy.objects.open_on().first()
    if vacancy is None:
        return 0
    now = timezone.now()
    running = [ApplicationState.RECEIVED, ApplicationState.CALL_PLANNED, ApplicationState.PROPOSED]
    rows = []
    for number in range(RUNNING + NOT_SELECTED):
        came_in = now - datetime.timedelta(days=rng.randrange(1, 21), hours=rng.randrange(24))
        state = running[number % 3] if number < RUNNING else ApplicationState.NOT_SELECTED
        rows.append(
            Application(
                vacancy=vacancy,
                name=f"Bench Sollicitant {number}",
                email=f"sollicitant{number}@bench.example.net",
                phone="050 000 0000",
                cv=f"bench/cv-{number}.pdf",
                cv_name="cv.pdf",
                letter=f"bench/brief-{number}.pdf",
                letter_name="motivatiebrief.pdf",
                keep_consent=number % 4 == 0,
                state=state,
                submitted_at=came_in,
                closed_at=min(came_in + datetime.timedelta(days=1), now)
                if state == ApplicationState.NOT_SELECTED
                else None,
            )
        )
    Application.objects.bulk_create(rows, batch_size=BATCH)
    made = Application.objects.filter(email__endswith="@bench.example.net")
    changes = []
    for application in made:
        changes.append(
            ApplicationStateChange(
                application=application, to_state="received", at=application.submitted_at
            )
        )
        from_state = ApplicationState.RECEIVED
        for step in _steps(application.state):
            changes.append(
                ApplicationStateChange(
                    application=application,
                    from_state=from_state,
                    to_state=step,
                    by=secretary,
                    at=application.closed_at or application.submitted_at,
                )
            )
            from_state = step
    ApplicationStateChange.objects.bulk_create(changes, batch_size=BATCH)
    return len(rows)


PANEL_POSITIONS = [
    "Teamleider WIJ Vinkhuizen",
    "Directeur-bestuurder",
    "Manager bedrijfsvoering",
    "Teamleider WIJ Oosterpark",
    "Lid raad van toezicht",
]
# A closed panel's steps (HIRING_PANEL_TRANSITIONS), days after the request.
PANEL_STEPS = [
    ("", HiringPanelState.REQUESTED, 0),
    (HiringPanelState.REQUESTED, HiringPanelState.ACCEPTED, 7),
    (HiringPanelState.ACCEPTED, HiringPanelState.TOOK_PLACE, 35),
    (HiringPanelState.TOOK_PLACE, HiringPanelState.CLOSED, 42),
]


def _hiring_panels(rng, today, past_years, secretary):
    """Two requests in every past year, closed with their whole history, and one request of
    three weeks ago that the council accepted, with members seated today."""
    if HiringPanel.objects.filter(position__in=PANEL_POSITIONS).exists():
        return 0
    made = []
    for year in past_years:
        for month in (3, 9):
            requested = datetime.date(year, month, 1 + rng.randrange(20))
            made.append((requested, PANEL_STEPS, _seated(year)))
    made.append((today - datetime.timedelta(days=21), PANEL_STEPS[:2], _seated(today.year)))
    panels = [
        HiringPanel(
            position=rng.choice(PANEL_POSITIONS),
            requested_on=requested,
            request="WIJ vraagt twee leden van de raad voor de sollicitatiecommissie.",
            outcome="De commissie heeft een kandidaat voorgedragen." if len(steps) > 2 else "",
            state=steps[-1][1],
        )
        for requested, steps, _seated_then in made
    ]
    HiringPanel.objects.bulk_create(panels, batch_size=BATCH)
    changes, taking_part = [], []
    through = HiringPanel.participants.through
    for panel, (_requested, steps, seated_then) in zip(panels, made, strict=True):
        for source, target, days in steps:
            at = _at(panel.requested_on + datetime.timedelta(days))
            changes.append(
                HiringPanelStateChange(
                    panel=panel, from_state=source, to_state=target, by=secretary, at=at
                )
            )
        for person in rng.sample(seated_then, min(2, len(seated_then))):
            taking_part.append(through(hiringpanel_id=panel.pk, user_id=person))
    HiringPanelStateChange.objects.bulk_create(changes, batch_size=BATCH)
    through.objects.bulk_create(taking_part, batch_size=BATCH)
    return len(panels)
