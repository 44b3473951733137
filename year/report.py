"""The annual report's figures (jaarverslag), computed from the live data of one calendar year
with the rules that applied that year. Each part reuses the function the live page uses, so the
report and the page cannot disagree: meetings.compliance.year_compliance (the schedule page) and
signals.trends.trends (the trends page, groups under SIGNAL_MIN_GROUP merged)."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from advice.models import AnswerPosition, BoardAnswer, Dossier, DossierKind
from meetings.compliance import year_compliance
from meetings.models import Attendance, Meeting, MeetingKind, MeetingState
from members.models import CouncilRules, Office, OfficeRole, Term
from signals.trends import trends
from year.models import Training


@dataclass(frozen=True)
class Composition:
    seated_at_start: int
    seated_at_end: int
    joined: list
    left: list
    offices: list


def year_bounds(year):
    return datetime.date(year, 1, 1), datetime.date(year + 1, 1, 1)


def rules_of(year):
    """The rules in force on 1 January, and every change during the year (in date order)."""
    first, following = year_bounds(year)
    changes = list(
        CouncilRules.objects.filter(valid_from__gt=first, valid_from__lt=following).order_by(
            "valid_from"
        )
    )
    return CouncilRules.objects.in_force(first), changes


def composition(year):
    first, following = year_bounds(year)
    last = following - datetime.timedelta(days=1)

    def seated(day):
        return Term.objects.filter(start__lte=day, end__gt=day).count()

    terms = Term.objects.select_related("person")
    joined = list(terms.filter(ordinal=1, start__gte=first, start__lt=following).order_by("start"))
    ended = list(terms.filter(end__gt=first, end__lte=following).order_by("end"))
    followed = set(
        Term.objects.filter(start__in={t.end for t in ended}).values_list("person_id", "start")
    )
    left = [t for t in ended if (t.person_id, t.end) not in followed]
    offices = list(
        Office.objects.filter(start__lt=following)
        .filter(Q(end__isnull=True) | Q(end__gt=first))
        .exclude(role=OfficeRole.STAFF_SECRETARY)
        .select_related("person")
        .order_by("role", "start")
    )
    return Composition(
        seated_at_start=seated(first),
        seated_at_end=seated(last),
        joined=joined,
        left=left,
        offices=offices,
    )


def attendance(year):
    """Of the council meetings and consultations held: how often members were recorded present.
    Only the rows that count (Attendance.objects.counted: people holding a seat on the meeting's
    day), as each meeting's attendance page and the allowance count them."""
    rows = (
        Attendance.objects.counted()
        .filter(
            meeting__in=Meeting.objects.in_year(year).filter(
                kind__in=MeetingKind.counted(), state__in=MeetingState.taken_place()
            ),
            attended__isnull=False,
        )
        .aggregate(recorded=Count("pk"), present=Count("pk", filter=Q(attended=True)))
    )
    recorded, present = rows["recorded"], rows["present"]
    return {
        "recorded": recorded,
        "present": present,
        "percentage": round(100 * present / recorded) if recorded else None,
    }


def advice(year):
    dossiers = Dossier.objects.filter(year=year)
    kinds = dict(dossiers.values_list("kind").annotate(n=Count("pk")).order_by())
    by_topic = list(
        dossiers.values_list("topic__name").annotate(n=Count("pk")).order_by("-n", "topic__name")
    )
    first, following = year_bounds(year)
    # One answer per dossier whose board first answered in this year: the position that stands
    # (the latest correction, as the dossier's page shows last) and the time the first answer
    # took, in days between the dates the dossier's page shows (sent, answered).
    firsts = {
        answer.dossier_id: answer
        for answer in BoardAnswer.objects.filter(
            corrects__isnull=True,
            answered_at__gte=_start_of(first),
            answered_at__lt=_start_of(following),
        ).select_related("dossier")
    }
    standing = {}
    for answer in BoardAnswer.objects.filter(dossier_id__in=firsts).order_by("answered_at", "pk"):
        standing[answer.dossier_id] = answer.position
    positions = {}
    for position in standing.values():
        positions[position] = positions.get(position, 0) + 1
    days = [
        (_local_day(answer.answered_at) - _local_day(answer.dossier.sent_at)).days
        for answer in firsts.values()
        if answer.dossier.sent_at
    ]
    return {
        "total": sum(kinds.values()),
        "kinds": [(label, kinds.get(value, 0)) for value, label in DossierKind.choices],
        "topics": [(name or _("No topic"), n) for name, n in by_topic],
        "answers": [(label, positions.get(value, 0)) for value, label in AnswerPosition.choices],
        "answer_count": len(firsts),
        "average_days": round(sum(days) / len(days)) if days else None,
    }


def _start_of(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))


def _local_day(moment):
    return timezone.localtime(moment).date()


def work_visits(year):
    return (
        Meeting.objects.in_year(year)
        .filter(kind=MeetingKind.WORK_VISIT, state__in=MeetingState.taken_place())
        .count()
    )


def training(year):
    rows = Training.objects.filter(date__year=year).aggregate(
        count=Count("pk"), hours=Sum("hours"), people=Count("person", distinct=True)
    )
    return {"count": rows["count"], "hours": rows["hours"] or 0, "people": rows["people"]}


def signals_of(year):
    first, following = year_bounds(year)
    return trends(first, following - datetime.timedelta(days=1))


def figures(year):
    rules, changes = rules_of(year)
    first, following = year_bounds(year)
    return {
        "year": year,
        "rules": rules,
        # The seats on 31 December are held against the rules of that day.
        "rules_at_end": CouncilRules.objects.in_force(following - datetime.timedelta(days=1)),
        "rule_changes": changes,
        "composition": composition(year),
        "compliance": year_compliance(year),
        "attendance": attendance(year),
        "advice": advice(year),
        "signals": signals_of(year),
        "work_visits": work_visits(year),
        "training": training(year),
    }
