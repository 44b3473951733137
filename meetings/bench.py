"""Bench volume for meetings, on top of the demo data and members' bench volume
(`manage.py bench_data`).

Per year of history (`years`, default 10, ending this year):

- about 170 meetings of every kind: for a year without a schedule, an adopted schedule from the
  portal's own proposal (council meetings every three weeks, consultations every six, holidays
  and the summer break skipped, `meetings.schedule.propose`); then work visits and other
  meetings (trainings, working groups) on working days until the year holds 170. Never two
  meetings at one place at the same time. Past meetings are held (a few cancelled, with a
  reason); some changed once or twice (their revision).
- 200 agenda items (2,000 in ten years), on the held council meetings and
  consultations the bench made (on its other meetings when it made none), with papers (small
  real PDFs in the private storage), attendance of the members seated that day, minutes adopted
  at the next meeting of the same kind (the newest shared), and action items and board
  commitments, mostly done.
- a report of every held work visit, a work plan for every year, and the history of states.
- 5,000 rows of the delivery ledger (50,000 in ten years): the agenda, reminder and change
  e-mails that went out for past meetings to the people who could see them that day.

Rows go in with bulk inserts (no audit log, no services); the rules hold by construction. The
calendar feeds of the personas `lid` and `secretaris` are made here, for the benchmark.

`make_due_reminders(count)` is the benchmark's own step (bench/run.py): it records `count`
reminder deliveries that are due, for the sweep and the workers to send.
"""

import datetime
import itertools
import random
from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Value
from django.db.models.functions import Cast, Concat
from django.utils import timezone

from meetings import reminders, services
from meetings.models import (
    ActionItem,
    ActionKind,
    ActionStatus,
    Activity,
    ActivityStatus,
    AgendaDocument,
    AgendaItem,
    AgendaItemKind,
    Attendance,
    AttendanceAnswer,
    Location,
    Meeting,
    MeetingKind,
    MeetingState,
    Minutes,
    MinutesState,
    ScheduleState,
    StateChange,
    Theme,
    WorkPlan,
    WorkVisitReport,
    YearSchedule,
)
from members.bench import write_pdf
from members.models import (
    BoardPosition,
    ConfidentialityDeclaration,
    Office,
    OfficeRole,
    Term,
    User,
)
from wijraad.deliveries import message_id_for
from wijraad.models import Delivery, DeliveryState, Visibility

MEETINGS_PER_YEAR = 170
AGENDA_ITEMS_PER_YEAR = 200
DELIVERIES_PER_YEAR = 5_000
# Of the meetings the bench adds to a year beyond the schedule: work visits, the rest other.
WORK_VISIT_SHARE = 0.6
CANCELLED_SHARE = 0.02
# How often a meeting changed before it took place (its revision), and how likely each is.
REVISIONS, REVISION_WEIGHTS = (0, 1, 2, 3), (30, 35, 20, 15)
PAPER_SHARE = 0.6
OTHER_TITLES = [
    "Scholing: signalen van inwoners opvangen",
    "Werkgroep bereikbaarheid",
    "Werkgroep informatie aan inwoners",
    "Kennismaking met nieuwe leden",
    "Themabijeenkomst armoede",
    "Extra vergadering werkplan",
    "Overleg met de gemeente",
]
VISIT_TIMES = [
    (datetime.time(10, 0), datetime.time(12, 0)),
    (datetime.time(13, 30), datetime.time(15, 30)),
]
OTHER_TIMES = [
    (datetime.time(10, 0), datetime.time(12, 0)),
    (datetime.time(14, 0), datetime.time(16, 0)),
    (datetime.time(19, 0), datetime.time(21, 0)),
]
CANCEL_REASONS = ["Te weinig leden beschikbaar.", "De locatie was niet beschikbaar."]
# (title, kind, visibility) of the items between the opening and the closing.
COUNCIL_TOPICS = [
    ("Telefonische bereikbaarheid van WIJ", AgendaItemKind.DISCUSSION, Visibility.COUNCIL),
    ("Adviesaanvraag privacybeleid", AgendaItemKind.ADVICE, Visibility.COUNCIL),
    ("Terugkoppeling werkbezoeken", AgendaItemKind.INFORMATION, Visibility.COUNCIL),
    ("Werkplan: stand van zaken", AgendaItemKind.DISCUSSION, Visibility.COUNCIL),
    ("Ongevraagd advies wachttijden", AgendaItemKind.ADVICE, Visibility.COUNCIL),
    ("Vertrouwelijk: samenstelling van de raad", AgendaItemKind.DECISION, Visibility.RESTRICTED),
    ("Begroting van de raad", AgendaItemKind.DECISION, Visibility.COUNCIL),
    ("Jaarverslag", AgendaItemKind.DECISION, Visibility.PUBLIC),
    ("Signalen uit de wijken", AgendaItemKind.DISCUSSION, Visibility.COUNCIL),
    ("Tevredenheidsonderzoek", AgendaItemKind.DISCUSSION, Visibility.BOARD),
]
CONSULTATION_TOPICS = [
    ("Stand van zaken wachttijden", AgendaItemKind.DISCUSSION, Visibility.BOARD),
    ("Adviesaanvraag van de bestuurder", AgendaItemKind.ADVICE, Visibility.BOARD),
    ("Reactie op ons advies", AgendaItemKind.DISCUSSION, Visibility.BOARD),
    ("Voorbespreking van de raad", AgendaItemKind.DISCUSSION, Visibility.COUNCIL),
    ("Ontwikkelingen bij WIJ", AgendaItemKind.INFORMATION, Visibility.BOARD),
    ("Kwaliteit en veiligheid", AgendaItemKind.DISCUSSION, Visibility.BOARD),
]
ACTION_TITLES = {True: "Cijfers per locatie nasturen", False: "Uitzoeken en terugkoppelen"}
OPENING = ("Opening en mededelingen", AgendaItemKind.INFORMATION)
CLOSING = ("Rondvraag en sluiting", AgendaItemKind.INFORMATION)
HEARD = (
    "Inwoners vertellen dat de inloop fijn is, maar dat ze lang wachten aan de telefoon. "
    "Medewerkers zien meer vragen over geldzaken. (bench-gegevens)"
)


def _aware(day, time):
    return timezone.make_aware(datetime.datetime.combine(day, time))


def _working_days(year, first, last):
    holidays = services.public_holidays(year)
    day = first
    while day <= last:
        if day.weekday() < 5 and day not in holidays:
            yield day
        day += datetime.timedelta(days=1)


class People:
    """Who held what on a day, from rows in memory (terms, offices, board positions)."""

    def __init__(self):
        self.terms = list(Term.objects.values_list("person_id", "start", "end"))
        self.staff = list(
            Office.objects.filter(role=OfficeRole.STAFF_SECRETARY).values_list(
                "person_id", "start", "end"
            )
        )
        self.board = list(BoardPosition.objects.values_list("person_id", "start", "end"))
        self.signed = set(ConfidentialityDeclaration.objects.values_list("person_id", flat=True))

    @staticmethod
    def _on(rows, day):
        return sorted({p for p, start, end in rows if start <= day and (end is None or end > day)})

    def seated(self, day):
        return self._on(self.terms, day)

    def audience(self, kind, day):
        """Who could see a meeting of `kind` on `day` (the reminders' rule, from memory):
        signed members, the staff secretary, and for consultations the board."""
        people = {p for p in self.seated(day) if p in self.signed} | set(self._on(self.staff, day))
        if kind == MeetingKind.CONSULTATION:
            people |= set(self._on(self.board, day))
        return sorted(people)

    def staff_on(self, day):
        staff = self._on(self.staff, day)
        return staff[0] if staff else None

    def board_on(self, day):
        board = self._on(self.board, day)
        return board[0] if board else None


# --- Meetings ------------------------------------------------------------------------------------


class Calendar:
    """The meetings of the data set in memory, to keep places free and states in order."""

    def __init__(self, locations):
        self.locations = locations
        self.taken = defaultdict(list)  # (location id, date) -> [(start, end)]
        for location_id, day, start, end in Meeting.objects.not_cancelled().values_list(
            "location_id", "date", "start_time", "end_time"
        ):
            self.taken[(location_id, day)].append((start, end))

    def free(self, location, day, start, end):
        return all(end <= s or e <= start for s, e in self.taken[(location.pk, day)])

    def book(self, meeting):
        self.taken[(meeting.location_id, meeting.date)].append(
            (meeting.start_time, meeting.end_time)
        )


def _scheduled(year, *, locations, by):
    """An adopted schedule for `year` with its council meetings and consultations (unsaved)."""
    defaults = services.schedule_defaults(year)
    schedule = YearSchedule.objects.create(
        year=year,
        state=ScheduleState.ADOPTED,
        adopted_at=_aware(datetime.date(year - 1, 11, 15), datetime.time(20, 0)),
        adopted_by=by,
        **defaults,
    )
    entries = services.propose(schedule, locations=locations, booked=[])
    return [
        Meeting(
            kind=entry.kind,
            date=entry.date,
            start_time=entry.start_time,
            end_time=entry.end_time,
            location=entry.location,
            schedule=schedule,
        )
        for entry in entries
    ]


def _extra(rng, year, count, *, calendar, first_day, last_day):
    """`count` work visits and other meetings on working days of `year` (unsaved)."""
    days = list(_working_days(year, max(first_day, datetime.date(year, 1, 7)), last_day))
    made = []
    if not days:
        return made
    for number in range(count):
        visit = number < count * WORK_VISIT_SHARE
        for _attempt in range(50):
            day = rng.choice(days)
            start, end = rng.choice(VISIT_TIMES if visit else OTHER_TIMES)
            location = rng.choice(calendar.locations)
            if calendar.free(location, day, start, end):
                break
        else:
            continue
        meeting = Meeting(
            kind=MeetingKind.WORK_VISIT if visit else MeetingKind.OTHER,
            title=f"Werkbezoek {location.name}" if visit else rng.choice(OTHER_TITLES),
            date=day,
            start_time=start,
            end_time=end,
            location=location,
        )
        calendar.book(meeting)
        made.append(meeting)
    return made


def _settle(rng, meetings, *, now):
    """States, revisions, publishing times and the history of every new meeting."""
    for meeting in meetings:
        created = _aware(meeting.date - datetime.timedelta(days=60), datetime.time(9, 0))
        meeting.created_at = meeting.updated_at = min(created, now)
        # Changed once or more (time, place) before it took place: each change was announced.
        meeting.revision = rng.choices(REVISIONS, weights=REVISION_WEIGHTS)[0]
        if meeting.starts_at > now:
            continue
        if rng.random() < CANCELLED_SHARE:
            meeting.state = MeetingState.CANCELLED
            meeting.cancel_reason = rng.choice(CANCEL_REASONS)
            meeting.revision += 1
            continue
        meeting.state = MeetingState.HELD


def _history(meetings, *, adopted_on, by):
    """The state changes that brought each meeting where it is (appended history)."""
    changes = []
    for meeting in meetings:
        at = meeting.starts_at
        if meeting.state == MeetingState.CANCELLED:
            changes.append(
                StateChange(
                    meeting=meeting,
                    from_state=MeetingState.PLANNED,
                    to_state=MeetingState.CANCELLED,
                    reason=meeting.cancel_reason,
                    by=by,
                    at=at - datetime.timedelta(days=3),
                )
            )
            continue
        if meeting.state == MeetingState.PLANNED:
            continue
        before = MeetingState.PLANNED
        if meeting.agenda_published_at:
            changes.append(
                StateChange(
                    meeting=meeting,
                    from_state=before,
                    to_state=MeetingState.AGENDA_PUBLISHED,
                    by=by,
                    at=meeting.agenda_published_at,
                )
            )
            before = MeetingState.AGENDA_PUBLISHED
        changes.append(
            StateChange(
                meeting=meeting, from_state=before, to_state=MeetingState.HELD, by=by, at=at
            )
        )
        if meeting.pk in adopted_on:
            changes.append(
                StateChange(
                    meeting=meeting,
                    from_state=MeetingState.HELD,
                    to_state=MeetingState.MINUTES_ADOPTED,
                    by=by,
                    at=adopted_on[meeting.pk],
                )
            )
    StateChange.objects.bulk_create(changes, batch_size=1000)
    return len(changes)


# --- Agendas, papers, attendance, minutes, action items ------------------------------------------


def _agendas(rng, meetings, *, total, by):
    """`total` items spread evenly over `meetings`, with papers; returns (items, papers)."""
    items = []
    for index, meeting in enumerate(meetings):
        count = (index + 1) * total // len(meetings) - index * total // len(meetings)
        topics = CONSULTATION_TOPICS if meeting.kind == MeetingKind.CONSULTATION else COUNCIL_TOPICS
        level = Visibility.BOARD if meeting.kind == MeetingKind.CONSULTATION else Visibility.COUNCIL
        plan = [(*OPENING, level)]
        if count >= 2:
            plan += [rng.choice(topics) for _ in range(count - 2)] + [(*CLOSING, level)]
        for position, (title, kind, visibility) in enumerate(plan):
            items.append(
                AgendaItem(
                    meeting=meeting,
                    position=position,
                    title=title,
                    kind=kind,
                    visibility=visibility,
                    presenter="Voorzitter" if position == 0 else "Secretaris",
                    duration_minutes=10 if kind == AgendaItemKind.INFORMATION else 30,
                    description=f"Toelichting bij '{title}' (bench-gegevens).",
                    notes="Er is over dit punt gesproken (bench-gegevens).",
                    decision="De raad stemt in." if kind == AgendaItemKind.DECISION else "",
                )
            )
    AgendaItem.objects.bulk_create(items, batch_size=1000)
    papers = []
    for item in items:
        if item.title in (OPENING[0], CLOSING[0]) or rng.random() > PAPER_SHARE:
            continue
        title = f"Notitie: {item.title.lower()}"
        name, size = write_pdf(AgendaDocument, title, [f"Vergaderstuk bij '{item.title}'."])
        papers.append(
            AgendaDocument(
                agenda_item=item,
                title=title,
                visibility=item.visibility,
                file=name,
                original_name=f"notitie-{item.pk}.pdf",
                size=size,
                content_type="application/pdf",
                uploaded_by=by,
                uploaded_at=item.meeting.starts_at - datetime.timedelta(days=10),
            )
        )
    AgendaDocument.objects.bulk_create(papers, batch_size=1000)
    return items, papers


def _minutes(meetings, *, held_by_kind, now, by):
    """Minutes of `meetings`: adopted at the next held meeting of the same kind, else shared.
    Returns {meeting id: when adopted}."""
    made, adopted_on = [], {}
    for meeting in meetings:
        later = [m for m in held_by_kind[meeting.kind] if m.starts_at > meeting.starts_at]
        at = later[0] if later else None
        if at is not None and at.starts_at <= now:
            when = at.ends_at
            made.append(
                Minutes(
                    meeting=meeting,
                    state=MinutesState.ADOPTED,
                    general="Verslag van de vergadering (bench-gegevens).",
                    adopted_at_meeting=at,
                    adopted_at=when,
                    adopted_by=by,
                    updated_at=when,
                )
            )
            adopted_on[meeting.pk] = when
        else:
            made.append(
                Minutes(
                    meeting=meeting,
                    state=MinutesState.SHARED,
                    general="Concept-verslag (bench-gegevens).",
                    updated_at=meeting.ends_at,
                )
            )
    Minutes.objects.bulk_create(made, batch_size=1000)
    return adopted_on


def _attendance_and_actions(rng, meetings, *, people, today):
    rows, actions = [], []
    for meeting in meetings:
        seated = people.seated(meeting.date)
        for person_id in seated:
            present = rng.random() < 0.8
            rows.append(
                Attendance(
                    meeting=meeting,
                    person_id=person_id,
                    answer=AttendanceAnswer.PRESENT if present else AttendanceAnswer.ABSENT,
                    reason="" if present else "Verhinderd.",
                    answered_at=meeting.starts_at - datetime.timedelta(days=3),
                    attended=present,
                )
            )
        board = people.board_on(meeting.date)
        commitment = meeting.kind == MeetingKind.CONSULTATION and board is not None
        owner = board if commitment else (rng.choice(seated) if seated else None)
        if owner is None:
            continue
        recent = meeting.date > today - datetime.timedelta(days=60)
        actions.append(
            ActionItem(
                meeting=meeting,
                kind=ActionKind.COMMITMENT if commitment else ActionKind.ACTION,
                title="Cijfers per locatie nasturen"
                if commitment
                else "Uitzoeken en terugkoppelen",
                owner_id=owner,
                due_date=today + datetime.timedelta(days=rng.randint(10, 40))
                if recent
                else meeting.date + datetime.timedelta(days=21),
                status=ActionStatus.OPEN if recent else ActionStatus.DONE,
                closed_at=None if recent else meeting.starts_at + datetime.timedelta(days=20),
                created_at=meeting.ends_at,
            )
        )
    Attendance.objects.bulk_create(rows, batch_size=2000)
    ActionItem.objects.bulk_create(actions, batch_size=1000)
    return len(rows), len(actions)


def _visit_reports(rng, meetings, *, people):
    reports = []
    for meeting in meetings:
        seated = people.seated(meeting.date)
        reports.append(
            WorkVisitReport(
                meeting=meeting,
                heard=HEARD,
                written_by_id=rng.choice(seated) if seated else None,
                updated_at=meeting.ends_at + datetime.timedelta(days=2),
            )
        )
    WorkVisitReport.objects.bulk_create(reports, batch_size=1000)
    return len(reports)


def _work_plans(years_range):
    made = 0
    for year in years_range:
        if WorkPlan.objects.filter(year=year).exists():
            continue
        plan = WorkPlan.objects.create(
            year=year,
            introduction="Het werkplan van dit jaar (bench-gegevens).",
            adopted_on=datetime.date(year, 1, 1),
        )
        themes = Theme.objects.bulk_create(
            Theme(work_plan=plan, title=title, position=position)
            for position, title in enumerate(["Bereikbaarheid", "Privacy", "Informatie"])
        )
        Activity.objects.bulk_create(
            Activity(
                theme=theme,
                title=f"Activiteit {number + 1}: {theme.title.lower()}",
                planned_for=datetime.date(year, 3 + 4 * number, 1),
                status=ActivityStatus.DONE,
            )
            for theme in themes
            for number in range(2)
        )
        made += 1
    return made


# --- The delivery ledger -------------------------------------------------------------------------


def _deliveries(meetings, *, people, total, now):
    """The e-mails that went out for past meetings: agenda, reminder and change notices."""
    content_type = ContentType.objects.get_for_model(Meeting)
    rows = []
    for meeting in meetings:
        if len(rows) >= total:
            break
        audience = people.audience(meeting.kind, meeting.date)
        sent = [(reminders.REMINDER, 0, meeting.starts_at - datetime.timedelta(days=2))]
        if meeting.agenda_published_at:
            sent.append((reminders.AGENDA, 0, meeting.agenda_published_at))
        for revision in range(1, meeting.revision + 1):
            at = meeting.starts_at - datetime.timedelta(days=1, hours=revision)
            sent.append((reminders.CHANGED, revision, at))
        for (kind, revision, at), person_id in itertools.product(sent, audience):
            at = min(at, now)
            rows.append(
                Delivery(
                    content_type=content_type,
                    object_id=str(meeting.pk),
                    revision=revision,
                    recipient_id=person_id,
                    kind=kind,
                    state=DeliveryState.SENT,
                    attempts=1,
                    created_at=at,
                    queued_at=at,
                    sent_at=at,
                    updated_at=at,
                )
            )
    rows = rows[:total]
    Delivery.objects.bulk_create(rows, batch_size=2000, ignore_conflicts=True)
    # The Message-ID a worker would have given each row (wijraad.deliveries.message_id_for).
    prefix, suffix = message_id_for(Delivery(pk="{pk}")).split("{pk}")
    Delivery.objects.filter(state=DeliveryState.SENT, message_id="").update(
        message_id=Concat(Value(prefix), Cast("pk", CharField()), Value(suffix))
    )
    return len(rows)


def load(*, stdout, years=10):
    now = timezone.now()
    today = timezone.localdate()
    first_year = today.year - years + 1
    first_day = datetime.date(first_year, 1, 1)
    # Made-up data, the same for the same day: no secret depends on this generator.
    rng = random.Random(f"wijraad-bench-meetings-{years}-{today.isoformat()}")  # noqa: S311
    by = User.objects.filter(email="secretaris@example.org").first()
    locations = list(Location.objects.filter(is_active=True).order_by("name"))
    calendar = Calendar(locations)
    people = People()

    new = []
    for year in range(first_year, today.year + 1):
        year_meetings = []
        if not YearSchedule.objects.filter(year=year).exists():
            year_meetings = _scheduled(year, locations=locations, by=by)
            for meeting in year_meetings:
                calendar.book(meeting)
        existing = Meeting.objects.in_year(year).count()
        extra = max(0, MEETINGS_PER_YEAR - existing - len(year_meetings))
        last_day = datetime.date(year, 12, 31)
        year_meetings += _extra(
            rng, year, extra, calendar=calendar, first_day=first_day, last_day=last_day
        )
        new += year_meetings
    new.sort(key=lambda meeting: (meeting.date, meeting.start_time))
    _settle(rng, new, now=now)
    held = [m for m in new if m.state == MeetingState.HELD]
    with_agenda = [m for m in held if m.kind in MeetingKind.counted()] or [
        m for m in held if m.kind == MeetingKind.OTHER
    ]
    for meeting in with_agenda:
        meeting.agenda_published_at = meeting.starts_at - datetime.timedelta(days=8)
    Meeting.objects.bulk_create(new, batch_size=1000)

    items, papers = _agendas(rng, with_agenda, total=AGENDA_ITEMS_PER_YEAR * years, by=by)
    all_held = Meeting.objects.filter(state__in=MeetingState.taken_place()).order_by(
        "date", "start_time"
    )
    held_by_kind = defaultdict(list)
    for meeting in all_held:
        held_by_kind[meeting.kind].append(meeting)
    adopted_on = _minutes(with_agenda, held_by_kind=held_by_kind, now=now, by=by)
    Meeting.objects.filter(pk__in=adopted_on).update(state=MeetingState.MINUTES_ADOPTED)
    changes = _history(new, adopted_on=adopted_on, by=by)
    attendance, actions = _attendance_and_actions(rng, with_agenda, people=people, today=today)
    reports = _visit_reports(
        rng, [m for m in held if m.kind == MeetingKind.WORK_VISIT], people=people
    )
    plans = _work_plans(range(first_year, today.year + 1))

    past = list(
        Meeting.objects.filter(date__lt=today)
        .exclude(state=MeetingState.PLANNED)
        .order_by("-date", "-start_time")
    )
    deliveries = _deliveries(past, people=people, total=DELIVERIES_PER_YEAR * years, now=now)

    stdout.write(
        f"Meetings: {len(new)} meetings since {first_day.isoformat()} "
        f"({Meeting.objects.count()} in all), {len(items)} agenda items, {len(papers)} papers, "
        f"{len(with_agenda)} minutes ({len(adopted_on)} adopted), {attendance} attendance rows, "
        f"{actions} action items, {reports} visit reports, {plans} work plans, {changes} state "
        f"changes, {deliveries} deliveries."
    )


# --- The benchmark's reminders -------------------------------------------------------------------


def make_due_reminders(*, count, now=None):
    """Record `count` due e-mails in the ledger, pending, for the sweep to queue: the agenda and
    the reminder of every coming meeting to everyone who may see it (meetings.reminders'
    audience), and as many rounds again under higher revision numbers as `count` needs (the
    ledger keeps one row per revision; the mail built is the same). Returns the ids."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    coming = [
        meeting
        for meeting in Meeting.objects.filter(
            date__gte=today, state__in=MeetingState.upcoming()
        ).order_by("date", "start_time", "pk")
        if meeting.starts_at > now + datetime.timedelta(hours=1)
    ]
    audiences = {kind: reminders.meeting_audience(kind, today) for kind in MeetingKind}
    pairs = [
        (meeting, person.pk, kind)
        for meeting in coming
        for person in audiences[meeting.kind]
        for kind in (reminders.REMINDER, reminders.AGENDA)
    ]
    if not pairs:
        raise ValueError("No coming meetings with an audience: load the bench data first.")
    content_type = ContentType.objects.get_for_model(Meeting)
    recorded = set(
        Delivery.objects.filter(
            content_type=content_type, object_id__in=[str(meeting.pk) for meeting in coming]
        ).values_list("object_id", "recipient_id", "kind", "revision")
    )
    rows = []
    for number in itertools.count():
        if len(rows) == count:
            break
        meeting, person_id, kind = pairs[number % len(pairs)]
        revision = meeting.revision + number // len(pairs)
        if (str(meeting.pk), person_id, kind, revision) in recorded:
            continue
        rows.append(
            Delivery(
                content_type=content_type,
                object_id=str(meeting.pk),
                revision=revision,
                recipient_id=person_id,
                kind=kind,
                created_at=now,
                updated_at=now,
            )
        )
    made = Delivery.objects.bulk_create(rows, batch_size=2000)
    return [row.pk for row in made]
