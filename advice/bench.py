"""Bench volume for advice, on top of the demo data and the meetings' bench volume
(`manage.py bench_data`).

600 dossiers over `years` years (60 a year, ending today): requested advice, unrequested advice and
consent requests on WIJ's topics, each with its reference number of the year, its history of
states, two draft versions with comments once it was prepared, the adopted advice (adopted in a
held council meeting with the dossier on its agenda), and for most older ones the board's answer
(a deviating one after a held consultation with the dossier on its agenda). About a third of the
advice sent is published.

Rows go in with bulk inserts (no audit log, no services); the rules hold by construction:
advice_due never before the request, answers only after sending, deviating answers reasoned and
after a consultation.
"""

import bisect
import datetime
import random

from django.db.models import Max
from django.utils import timezone

from advice.models import (
    AdoptedAdvice,
    AnswerPosition,
    BoardAnswer,
    ConsentOutcome,
    Dossier,
    DossierKind,
    DossierState,
    DossierStateChange,
    DraftComment,
    DraftVersion,
    Topic,
)
from meetings.models import AgendaItem, AgendaItemKind, Meeting, MeetingKind, MeetingState
from members.models import User
from wijraad.models import Visibility

DOSSIERS_PER_YEAR = 60
KINDS = [DossierKind.REQUESTED] * 6 + [DossierKind.UNREQUESTED] * 3 + [DossierKind.CONSENT]


def _aware(day):
    return datetime.datetime.combine(day, datetime.time(12), tzinfo=timezone.get_current_timezone())


class Held:
    """The held meetings of one kind by date: the first one on or after a day."""

    def __init__(self, kind):
        self.meetings = list(
            Meeting.objects.filter(kind=kind, state__in=MeetingState.taken_place()).order_by("date")
        )
        self.dates = [meeting.date for meeting in self.meetings]

    def after(self, day, before):
        index = bisect.bisect_left(self.dates, day)
        if index < len(self.meetings) and self.meetings[index].date < before:
            return self.meetings[index]
        return None


def load(*, stdout, years=10):
    today = timezone.localdate()
    first_year = today.year - years + 1
    # Made-up data, the same for the same day: no secret depends on this generator.
    rng = random.Random(f"wijraad-bench-advice-{years}-{today.isoformat()}")  # noqa: S311
    topics = list(Topic.objects.order_by("pk"))
    by = User.objects.filter(email="secretaris@example.org").first()
    board = User.objects.filter(email="bestuurder@example.org").first()
    authors = list(User.objects.members(today).distinct().order_by("pk")[:6]) or [by]
    councils, consultations = Held(MeetingKind.COUNCIL), Held(MeetingKind.CONSULTATION)
    numbers = dict(Dossier.objects.values_list("year").annotate(last=Max("number")))

    plans = []
    for year in range(first_year, today.year + 1):
        last_day = min(datetime.date(year, 12, 31), today)
        span = (last_day - datetime.date(year, 1, 1)).days
        for _ in range(DOSSIERS_PER_YEAR):
            day = datetime.date(year, 1, 1) + datetime.timedelta(days=rng.randint(0, span))
            plans.append((day, rng.choice(KINDS), rng.choice(topics)))
    plans.sort(key=lambda plan: plan[0])

    dossiers, stories = [], []
    for day, kind, topic in plans:
        numbers[day.year] = numbers.get(day.year, 0) + 1
        age = (today - day).days
        advice_due = day + datetime.timedelta(weeks=6)
        adopted_in = councils.after(day + datetime.timedelta(days=14), advice_due)
        if age < 14 or adopted_in is None:
            state = rng.choice([DossierState.IN_PREPARATION, FIRST[kind]])
        elif rng.random() < 0.05:
            state = DossierState.WITHDRAWN
        else:
            state = DossierState.SENT
        sent_on = adopted_in.date + datetime.timedelta(days=2) if adopted_in else None
        if state == DossierState.SENT and (sent_on is None or sent_on > today):
            state, sent_on = DossierState.IN_PREPARATION, None
        answer_due = sent_on + datetime.timedelta(weeks=4) if sent_on else None
        answered_on = None
        if (
            state == DossierState.SENT
            and answer_due
            and answer_due + datetime.timedelta(14) < today
        ):
            answered_on = sent_on + datetime.timedelta(days=rng.randint(7, 27))
            state = DossierState.CLOSED
        dossier = Dossier(
            kind=kind,
            year=day.year,
            number=numbers[day.year],
            title=f"Bench-advies {day.year}-{numbers[day.year]:03d}: {topic.name.lower()}",
            topic=topic,
            board_question="Wat vindt de raad van dit voorgenomen besluit?",
            intended_decision="Het bestuur wil het beleid aanpassen.",
            visibility=Visibility.BOARD,
            state=state,
            requested_on=day,
            advice_due=advice_due,
            sent_at=_aware(sent_on) if state in DossierState.with_the_board() else None,
            answer_due=answer_due if kind != DossierKind.CONSENT else None,
            decision_carried_out_on=answered_on if kind == DossierKind.CONSENT else None,
            published_at=(_aware(answered_on) if answered_on and rng.random() < 0.35 else None),
            requested_by=board if kind != DossierKind.UNREQUESTED else None,
            registered_by=by,
            created_at=_aware(day),
            updated_at=_aware(answered_on or sent_on or day),
        )
        dossiers.append(dossier)
        stories.append((adopted_in if sent_on else None, answered_on))
    Dossier.objects.bulk_create(dossiers, batch_size=500)

    changes, versions, links, items = [], [], [], []
    for dossier, (adopted_in, _answered_on) in zip(dossiers, stories, strict=True):
        changes.append(
            DossierStateChange(
                dossier=dossier, to_state=FIRST[dossier.kind], by=by, at=dossier.created_at
            )
        )
        if dossier.state == FIRST[dossier.kind]:
            continue
        for number in (1, 2):
            versions.append(
                DraftVersion(
                    dossier=dossier,
                    number=number,
                    text=f"Versie {number}: de raad adviseert om inwoners eerst te vragen.",
                    author=rng.choice(authors),
                    created_at=dossier.created_at + datetime.timedelta(days=3 * number),
                )
            )
        if dossier.state == DossierState.WITHDRAWN:
            changes.append(
                DossierStateChange(
                    dossier=dossier,
                    from_state=FIRST[dossier.kind],
                    to_state=DossierState.WITHDRAWN,
                    reason="Het bestuur ziet af van het besluit.",
                    by=by,
                    at=dossier.created_at + datetime.timedelta(days=10),
                )
            )
        if adopted_in is not None:
            items.append(
                AgendaItem(
                    meeting=adopted_in,
                    title=f"{dossier.reference} {dossier.title}"[:200],
                    kind=AgendaItemKind.ADVICE,
                    visibility=Visibility.COUNCIL,
                    position=50,
                )
            )
            links.append((dossier, len(items) - 1))
    DossierStateChange.objects.bulk_create(changes, batch_size=1000)
    DraftVersion.objects.bulk_create(versions, batch_size=1000)
    latest = {version.dossier_id: version for version in versions if version.number == 2}
    DraftComment.objects.bulk_create(
        [
            DraftComment(
                version=version,
                author=rng.choice(authors),
                text=f"Reactie {n}: kan dit korter?",
                created_at=version.created_at + datetime.timedelta(days=1),
            )
            for version in latest.values()
            for n in (1, 2)
        ],
        batch_size=1000,
    )

    advice, answers, more_changes = [], [], []
    for dossier, (adopted_in, answered_on) in zip(dossiers, stories, strict=True):
        if adopted_in is None or dossier.state not in DossierState.with_the_board():
            continue
        consent, conditions = "", ""
        if dossier.kind == DossierKind.CONSENT:
            consent = rng.choice([ConsentOutcome.GIVEN, ConsentOutcome.CONDITIONAL])
        if consent == ConsentOutcome.CONDITIONAL:
            conditions = "Na een jaar evalueren."
        advice.append(
            AdoptedAdvice(
                dossier=dossier,
                version=latest[dossier.pk],
                text=latest[dossier.pk].text,
                reasons="Inwoners merken dit direct.",
                summary="De raad vraagt WIJ om inwoners eerst te horen.",
                consent=consent,
                conditions=conditions,
                meeting=adopted_in,
                adopted_by=by,
                adopted_at=_aware(adopted_in.date),
            )
        )
        for state, at in (
            (DossierState.IN_PREPARATION, dossier.created_at + datetime.timedelta(days=3)),
            (DossierState.ADOPTED, _aware(adopted_in.date)),
            (DossierState.SENT, dossier.sent_at),
        ):
            more_changes.append(DossierStateChange(dossier=dossier, to_state=state, by=by, at=at))
        if answered_on is None:
            continue
        if dossier.kind != DossierKind.CONSENT:
            consultation = consultations.after(dossier.sent_at.date(), answered_on)
            deviating = consultation is not None and rng.random() < 0.25
            if deviating:
                items.append(
                    AgendaItem(
                        meeting=consultation,
                        title=f"{dossier.reference} {dossier.title}"[:200],
                        kind=AgendaItemKind.ADVICE,
                        visibility=Visibility.BOARD,
                        position=50,
                    )
                )
                links.append((dossier, len(items) - 1))
            answers.append(
                BoardAnswer(
                    dossier=dossier,
                    position=AnswerPosition.PARTLY if deviating else AnswerPosition.FOLLOWS,
                    text="Het bestuur neemt het advies over.",
                    reasons="Een deel past niet in de begroting." if deviating else "",
                    summary="Het bestuur doet wat de raad vraagt.",
                    consultation=consultation if deviating else None,
                    answered_by=board,
                    answered_at=_aware(answered_on),
                )
            )
            more_changes.append(
                DossierStateChange(
                    dossier=dossier,
                    to_state=DossierState.ANSWERED,
                    by=board,
                    at=_aware(answered_on),
                )
            )
        more_changes.append(
            DossierStateChange(
                dossier=dossier,
                to_state=DossierState.CLOSED,
                by=by,
                at=_aware(answered_on) + datetime.timedelta(days=1),
            )
        )
    AdoptedAdvice.objects.bulk_create(advice, batch_size=1000)
    BoardAnswer.objects.bulk_create(answers, batch_size=1000)
    DossierStateChange.objects.bulk_create(more_changes, batch_size=1000)
    AgendaItem.objects.bulk_create(items, batch_size=1000)
    Through = Dossier.agenda_items.through
    Through.objects.bulk_create(
        [Through(dossier_id=dossier.pk, agendaitem_id=items[index].pk) for dossier, index in links],
        batch_size=1000,
    )
    stdout.write(
        f"Advice: {len(dossiers)} dossiers since {first_year}, {len(versions)} draft versions, "
        f"{len(advice)} adopted, {len(answers)} answers, {len(items)} agenda items."
    )


FIRST = {
    DossierKind.REQUESTED: DossierState.RECEIVED,
    DossierKind.CONSENT: DossierState.RECEIVED,
    DossierKind.UNREQUESTED: DossierState.OPENED,
}
