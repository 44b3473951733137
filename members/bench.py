"""Bench volume for people and documents, on top of the demo data (`manage.py bench_data`).

Per year of history (`years`, default 10, ending this year):

- 15 people with terms (150 in ten years). The council has 13 seats, and the demo council holds
  most of them for its last few years, so 150 people fit only if most leave early: seats are
  handed on like lanes, each person sitting for a few months to a year and a half, a few for a
  whole term or two (reappointed), every one within the rules: at most 2 terms, at most 13
  seats on any day (demo terms included), terms of one person never overlapping. Most sign the
  confidentiality declaration when they start.
- Chairs and vice-chairs before the demo's, each holding a seat for the whole office; staff
  secretaries and board users before the demo's.
- 50 documents of the library, every kind and visibility level, each with a small real PDF in
  the private storage (so downloads work).

Rows go in with bulk inserts, so the audit log and the services' checks are skipped; the rules
are kept by construction here instead (meetings/tests/test_bench_data.py checks them). The bench
accounts have addresses under wijraad's BENCH_EMAIL_DOMAIN and no usable password.
"""

import datetime
import os
import random
import uuid

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from members.dates import add_years
from members.demo import STAFF_SECRETARY, demo_pdf
from members.models import (
    BoardPosition,
    BoardPositionKind,
    ConfidentialityDeclaration,
    CouncilRules,
    DeclarationText,
    Document,
    DocumentCategory,
    Office,
    OfficeRole,
    RelationToWij,
    Term,
    User,
)
from members.roles import bump_roles_version
from wijraad.files import private_storage
from wijraad.management.commands.bench_data import BENCH_EMAIL_DOMAIN
from wijraad.models import Visibility

PEOPLE_PER_YEAR = 15
DOCUMENTS_PER_YEAR = 50
# Shortest seat a bench person holds, in days.
SHORTEST_SEAT = 60
# Share of the bench people who sign the declaration when they start.
SIGNED_SHARE = 0.95

FIRST_NAMES = [
    "Anna", "Bert", "Carla", "Dirk", "Esther", "Frank", "Greet", "Henk", "Iris", "Jeroen",
    "Karin", "Lucas", "Maria", "Niels", "Olga", "Peter", "Roos", "Sietse", "Tineke", "Ubbo",
    "Vera", "Willem", "Yasmin", "Zeynep", "Mohammed", "Nadia", "Kevin", "Sanne", "Jelle", "Fenna",
]  # fmt: skip
LAST_NAMES = [
    "de Jong", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos",
    "Vos", "Peters", "Hendriks", "Dijkstra", "Kramer", "van der Veen", "Hoekstra", "Postma",
    "Wiersma", "Boersma", "Kuiper", "Veenstra", "Huisman", "Jansen", "Zijlstra", "Schuurman",
]  # fmt: skip
NEIGHBOURHOODS = [
    "Beijum", "Lewenborg", "Oosterpark", "Selwerd", "Vinkhuizen", "Paddepoel", "Haren",
    "Hoogkerk", "Ten Boer", "De Wijert", "Helpman", "Korrewegwijk", "Corpus den Hoorn",
]  # fmt: skip
EXPERTISE = [
    "Armoede en schulden", "Jeugdhulp", "Wonen", "Ouderen", "Werk en inkomen", "Mantelzorg",
    "Taal en inburgering", "Onderwijs", "Sport in de wijk", "Digitale vaardigheden",
]  # fmt: skip
END_REASONS = [
    "Verhuisd naar een andere gemeente.",
    "Persoonlijke omstandigheden.",
    "Nieuwe baan; de combinatie lukt niet meer.",
    "Andere verplichtingen.",
]
DOCUMENT_TOPICS = [
    "bereikbaarheid", "privacy", "informatie aan inwoners", "wachttijden", "jeugdhulp",
    "schuldhulp", "ontvangst op de locaties", "tevredenheidsonderzoek", "werkbezoeken",
    "samenwerking met de gemeente",
]  # fmt: skip
DOCUMENT_KINDS = [
    (DocumentCategory.REGULATION, "Reglement"),
    (DocumentCategory.WORK_PLAN, "Werkplan-notitie"),
    (DocumentCategory.ANNUAL_REPORT, "Jaarverslag-bijlage"),
    (DocumentCategory.CONFIDENTIALITY, "Toelichting geheimhouding"),
    (DocumentCategory.OTHER, "Notitie"),
]
MONTHS = [
    "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
    "oktober", "november", "december",
]  # fmt: skip
VISIBILITIES = [
    (Visibility.PUBLIC, 20),
    (Visibility.BOARD, 20),
    (Visibility.COUNCIL, 45),
    (Visibility.RESTRICTED, 15),
]


def bench_email(label, number):
    return f"{label}.{number:04d}@{BENCH_EMAIL_DOMAIN}"


def _at(day, hour=10):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 0)))


def _person(rng, number, label="lid", **fields):
    name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
    return User(
        email=bench_email(label, number),
        name=name,
        password=make_password(None),
        neighbourhood=rng.choice(NEIGHBOURHOODS),
        relation_to_wij=rng.choice(RelationToWij.values[:4]),
        expertise=rng.choice(EXPERTISE),
        phone=f"06 {rng.randint(1000, 9999)} {rng.randint(1000, 9999)}",
        **fields,
    )


# --- Seats ---------------------------------------------------------------------------------------


def free_lanes(*, first_day, last_day, max_seats, terms):
    """The seats left free by `terms`, as lanes: lane k is free on the days fewer than
    max_seats - k seats are taken. Returns {lane: [(start, end), ...]} (half-open)."""
    days = (last_day - first_day).days
    change = [0] * (days + 1)
    for start, end in terms:
        start, end = max(start, first_day), min(end, last_day)
        if start < end:
            change[(start - first_day).days] += 1
            change[(end - first_day).days] -= 1
    taken, running = [], 0
    for offset in range(days):
        running += change[offset]
        taken.append(running)
    lanes = {}
    for lane in range(max_seats):
        runs, begun = [], None
        for offset, seats in enumerate(taken):
            free = seats < max_seats - lane
            if free and begun is None:
                begun = offset
            elif not free and begun is not None:
                runs.append((begun, offset))
                begun = None
        if begun is not None:
            runs.append((begun, days))
        lanes[lane] = [
            (first_day + datetime.timedelta(days=a), first_day + datetime.timedelta(days=b))
            for a, b in runs
        ]
    return lanes


def seats(rng, *, lanes, today, mean, long_seats, term_years):
    """Cut the free lanes into seats [start, end) held by one person each, of about `mean`
    days (`long_seats` of them longer than a term), starting no later than today; a seat
    longer than one term is two terms (at most)."""
    longest = datetime.timedelta(days=366 * 2 * term_years - 2)
    shortest, longest_short = max(SHORTEST_SEAT, mean // 2), max(SHORTEST_SEAT, mean * 3 // 2)
    cut = []
    for lane in sorted(lanes):
        for start, end in lanes[lane]:
            cursor = start
            while cursor <= today and (end - cursor).days >= SHORTEST_SEAT:
                left = (end - cursor).days
                if long_seats and left >= 366 * term_years + 180:
                    length = rng.randint(366 * term_years + 90, min(left, longest.days))
                    long_seats -= 1
                else:
                    length = rng.randint(shortest, longest_short)
                seat_end = cursor + datetime.timedelta(days=length)
                if seat_end > today:
                    # Sitting today: whole terms (one, or two when reappointed), as planned.
                    whole = 1 if length <= 366 * term_years else 2
                    seat_end = add_years(cursor, whole * term_years)
                if (end - seat_end).days < SHORTEST_SEAT:
                    seat_end = end
                seat_end = min(seat_end, end, cursor + longest)
                cut.append((cursor, seat_end))
                cursor = seat_end
    return cut


def seats_for(seed, *, lanes, today, people, term_years):
    """About `people` seats in the free lanes: the mean length that comes closest."""
    usable = sum((min(end, today) - start).days for runs in lanes.values() for start, end in runs)
    mean = max(SHORTEST_SEAT, usable // max(people, 1))
    best = None
    for _attempt in range(40):
        # Made-up data, the same for the same seed: no secret depends on this generator.
        rng = random.Random(seed)  # noqa: S311
        cut = seats(
            rng,
            lanes=lanes,
            today=today,
            mean=mean,
            long_seats=max(1, people // 50),
            term_years=term_years,
        )
        if best is None or abs(len(cut) - people) < abs(len(best) - people):
            best = cut
        if len(cut) <= people:
            break
        mean = mean * 21 // 20 + 1
    return best


def terms_for(seat, term_years):
    """The one or two terms (start, end, planned end) that fill a seat."""
    start, end = seat
    planned = add_years(start, term_years)
    if end <= planned:
        return [(start, end, planned)]
    second_planned = add_years(planned, term_years)
    return [(start, planned, planned), (planned, min(end, second_planned), second_planned)]


# --- Loading -------------------------------------------------------------------------------------


def _declaration_texts(first_day):
    """The declaration texts by date; an older version when none was in force at the start."""
    if DeclarationText.objects.in_force(first_day) is None:
        DeclarationText.objects.create(
            version=f"{first_day.year}-1",
            in_force_from=first_day,
            body=(
                "Wat ik in de WIJ-raad hoor of lees en vertrouwelijk is, vertel ik aan niemand "
                "buiten de WIJ-raad. Deze plicht blijft gelden als mijn lidmaatschap voorbij is."
            ),
        )
    return list(DeclarationText.objects.order_by("in_force_from"))


def _text_on(texts, day):
    return [text for text in texts if text.in_force_from <= day][-1]


def _offices(*, seats_by_person, first_day, demo_starts):
    """Chairs and vice-chairs before the demo's: people who sat a while, each for their seat."""
    made = []
    free_from = dict.fromkeys((OfficeRole.CHAIR, OfficeRole.VICE_CHAIR), first_day)
    holders = set()
    for person, (start, end) in sorted(seats_by_person.items(), key=lambda item: item[1]):
        if (end - start).days < 300 or person.pk in holders:
            continue
        for role in (OfficeRole.CHAIR, OfficeRole.VICE_CHAIR):
            if start >= free_from[role] and end <= demo_starts.get(role, end):
                made.append(Office(person=person, role=role, start=start, end=end))
                free_from[role] = end
                holders.add(person.pk)
                break
    return made


def _before_demo(rng, *, first_day, demo_start, label, number, make):
    """Two people before the demo's holder: [first_day, middle), [middle, demo_start)."""
    if demo_start is None or demo_start <= first_day + datetime.timedelta(days=60):
        return []
    middle = first_day + (demo_start - first_day) / 2
    made = []
    for offset, (start, end) in enumerate(((first_day, middle), (middle, demo_start))):
        person = _person(rng, number + offset, label=label)
        person.save()
        made.append(make(person, start, end))
    return made


def write_pdf(model, title, paragraphs):
    """A small real PDF in the private storage, under the model's folder; (name, size)."""
    data = demo_pdf(title, paragraphs)
    folder = f"{model._meta.app_label}/{model._meta.model_name}"
    name = f"{folder}/{uuid.uuid4().hex}.pdf"
    storage = private_storage()
    path = storage.path(name)
    os.makedirs(os.path.dirname(path), mode=0o750, exist_ok=True)
    with open(path, "wb") as file:
        file.write(data)
    os.chmod(path, 0o640)
    return name, len(data)


def _documents(rng, *, first_day, today, count, by):
    days = (today - first_day).days
    levels = [level for level, weight in VISIBILITIES for _ in range(weight)]
    documents = []
    for number in range(count):
        category, kind = DOCUMENT_KINDS[number % len(DOCUMENT_KINDS)]
        topic = rng.choice(DOCUMENT_TOPICS)
        day = first_day + datetime.timedelta(days=rng.randint(0, max(days - 1, 0)))
        title = f"{kind} {topic} {day:%Y-%m} ({number + 1})"
        name, size = write_pdf(
            Document, title, [f"Stuk van de WIJ-raad over {topic} (bench-gegevens)."]
        )
        documents.append(
            Document(
                title=title,
                description=f"Over {topic}, voor de vergadering van {MONTHS[day.month - 1]} "
                f"{day.year}.",
                category=category,
                visibility=rng.choice(levels),
                file=name,
                original_name=f"{kind.lower()}-{topic.replace(' ', '-')}-{number + 1}.pdf",
                size=size,
                content_type="application/pdf",
                uploaded_by=by,
                uploaded_at=_at(day, hour=9 + number % 8),
            )
        )
    Document.objects.bulk_create(documents, batch_size=500)
    return len(documents)


def load(*, stdout, years=10):
    today = timezone.localdate()
    first_day = datetime.date(today.year - years + 1, 1, 1)
    # Made-up data, the same for the same day: no secret depends on this generator.
    rng = random.Random(f"wijraad-bench-members-{years}-{today.isoformat()}")  # noqa: S311
    rules = CouncilRules.objects.in_force(today)

    existing = list(Term.objects.values_list("start", "end"))
    horizon = add_years(today, 2 * rules.term_length_years) + datetime.timedelta(days=1)
    lanes = free_lanes(
        first_day=first_day, last_day=horizon, max_seats=rules.max_seats, terms=existing
    )
    seat_list = seats_for(
        f"seats-{years}-{today.isoformat()}",
        lanes=lanes,
        today=today,
        people=PEOPLE_PER_YEAR * years,
        term_years=rules.term_length_years,
    )

    # Bulk inserts send no signals: drop the cached roles here (members.receivers does it for
    # every other change).
    bump_roles_version()
    transaction.on_commit(bump_roles_version)
    people = [_person(rng, number) for number in range(len(seat_list))]
    User.objects.bulk_create(people, batch_size=500)
    people = list(User.objects.filter(email__in=[p.email for p in people]).order_by("email"))

    texts = _declaration_texts(first_day)
    terms, declarations, seats_by_person = [], [], {}
    for person, seat in zip(people, seat_list, strict=True):
        seats_by_person[person] = seat
        planned_terms = terms_for(seat, rules.term_length_years)
        for ordinal, (start, end, planned) in enumerate(planned_terms, start=1):
            terms.append(
                Term(
                    person=person,
                    ordinal=ordinal,
                    start=start,
                    end=end,
                    planned_end=planned,
                    end_reason=rng.choice(END_REASONS) if end < planned else "",
                    created_at=_at(start - datetime.timedelta(days=30)),
                )
            )
        if rng.random() < SIGNED_SHARE:
            start = seat[0]
            declarations.append(
                ConfidentialityDeclaration(
                    person=person, text=_text_on(texts, start), signed_at=_at(start)
                )
            )
    Term.objects.bulk_create(terms, batch_size=500)
    ConfidentialityDeclaration.objects.bulk_create(declarations, batch_size=500)

    demo_starts = {}
    for role, start in Office.objects.filter(
        role__in=[OfficeRole.CHAIR, OfficeRole.VICE_CHAIR]
    ).values_list("role", "start"):
        demo_starts[role] = min(start, demo_starts.get(role, start))
    offices = _offices(
        seats_by_person=seats_by_person, first_day=first_day, demo_starts=demo_starts
    )

    def first_start(rows):
        return rows.order_by("start").values_list("start", flat=True).first()

    number = len(people)
    offices += _before_demo(
        rng,
        first_day=first_day,
        demo_start=first_start(Office.objects.filter(role=OfficeRole.STAFF_SECRETARY)),
        label="secretaris",
        number=number,
        make=lambda person, start, end: Office(
            person=person, role=OfficeRole.STAFF_SECRETARY, start=start, end=end
        ),
    )
    Office.objects.bulk_create(offices)
    positions = []
    for kind in BoardPositionKind:
        positions += _before_demo(
            rng,
            first_day=first_day,
            demo_start=first_start(BoardPosition.objects.filter(kind=kind)),
            label=kind.value.replace("_", "-"),
            number=number,
            make=lambda person, start, end, kind=kind: BoardPosition(
                person=person, kind=kind, start=start, end=end
            ),
        )
    BoardPosition.objects.bulk_create(positions)

    secretary = User.objects.filter(email__iexact=STAFF_SECRETARY[0]).first()
    document_count = _documents(
        rng, first_day=first_day, today=today, count=DOCUMENTS_PER_YEAR * years, by=secretary
    )
    stdout.write(
        f"Members: {len(people)} people with {len(terms)} terms since {first_day.isoformat()}, "
        f"{len(declarations)} declarations, {len(offices)} offices, {len(positions)} board "
        f"positions, {document_count} documents."
    )
