"""Dashboard panels of the meetings app; each context runs a fixed number of queries."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import (
    BooleanField,
    Case,
    Count,
    Exists,
    ExpressionWrapper,
    F,
    IntegerField,
    OuterRef,
    Q,
    Value,
    When,
    Window,
)
from django.db.models.functions import RowNumber
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from meetings.compliance import year_compliance
from meetings.models import (
    ActionItem,
    Attendance,
    Meeting,
    MeetingKind,
    MeetingState,
    Minutes,
    MinutesState,
    ScheduleState,
    YearSchedule,
)
from members.panels import rules_book
from wijraad import deliveries
from wijraad.access import allowed
from wijraad.dashboard import Panel, per_request
from wijraad.models import Delivery, DeliveryState

NEXT_MEETINGS = 4
UNANSWERED = 4
# From this month on the dashboard reminds the secretary and the chair of next year's schedule.
SCHEDULE_REMINDER_MONTH = 9


def _coming_meetings(request):
    """The coming meetings of the two panels "Next meetings" and "Will you come?", in one query
    shared by the request: the first NEXT_MEETINGS the user sees, and the first UNANSWERED * 2 of
    those the user has not answered for yet (still planned, not a work visit). Each row says
    which list it belongs to."""

    def compute():
        user = request.user
        today = timezone.localdate()
        answered = Attendance.objects.filter(meeting=OuterRef("pk"), person=user).exclude(answer="")
        askable = (
            Q(state__in=MeetingState.upcoming())
            & ~Q(kind=MeetingKind.WORK_VISIT)
            & ~Q(Exists(answered))
        )
        order = [F("date").asc(), F("start_time").asc(), F("pk").asc()]
        rows = (
            Meeting.objects.visible_to(user)
            .upcoming(today)
            .for_list()
            .annotate(
                askable=ExpressionWrapper(askable, output_field=BooleanField()),
                coming_rank=Window(RowNumber(), order_by=order),
                askable_rank=Window(RowNumber(), partition_by=[F("askable")], order_by=order),
            )
            .filter(
                Q(coming_rank__lte=NEXT_MEETINGS)
                | Q(askable=True, askable_rank__lte=UNANSWERED * 2)
            )
        )
        return list(rows)

    return per_request(request, "meetings.coming", compute)


def next_meetings_context(request):
    return {"meetings": [m for m in _coming_meetings(request) if m.coming_rank <= NEXT_MEETINGS]}


def compliance_context(request):
    today = timezone.localdate()
    next_year = today.year + 1
    unadopted = (
        today.month >= SCHEDULE_REMINDER_MONTH
        and not YearSchedule.objects.filter(year=next_year, state=ScheduleState.ADOPTED).exists()
    )
    # Meetings whose day has passed but that still count as planned: the counter is only right
    # once they are marked as held (or cancelled).
    unconfirmed = Meeting.objects.filter(
        date__lt=today, date__year=today.year, state__in=MeetingState.upcoming()
    ).count()
    return {
        "compliance": year_compliance(today.year, rules_book=rules_book(request)),
        "next_year": next_year,
        "next_year_unadopted": unadopted,
        "unconfirmed": unconfirmed,
    }


OPEN_ACTIONS = 6


def open_actions_context(request):
    """Open action items and board commitments the user sees: their own first, then soonest
    due first."""
    rows = ActionItem.objects.visible_to(request.user).open()
    own_first = Case(
        When(owner_id=request.user.pk, then=Value(0)), default=Value(1), output_field=IntegerField()
    )
    ordered = rows.for_list().order_by(own_first, F("due_date").asc(nulls_last=True), "pk")
    # The rows shown and how many there are in one query: each row carries the total.
    shown = list(ordered.annotate(total=Window(Count("pk")))[:OPEN_ACTIONS])
    total = shown[0].total if shown else 0
    return {
        "actions": shown,
        "more": total - len(shown),
        "today": timezone.localdate(),
    }


TO_DO_ROWS = 6


def secretary_to_do_context(request):
    """The secretary's loose ends: meetings that took place but are not marked held, draft
    minutes waiting to be shared or adopted, and e-mails that failed. Six queries at most."""
    today = timezone.localdate()
    meetings = Meeting.objects.visible_to(request.user)
    not_held = meetings.filter(date__lt=today, state__in=MeetingState.upcoming()).order_by(
        "date", "pk"
    )
    waiting = (
        Minutes.objects.filter(
            meeting__in=meetings, state__in=[MinutesState.DRAFT, MinutesState.SHARED]
        )
        .select_related("meeting")
        .order_by("meeting__date", "pk")
    )
    failed = Delivery.objects.filter(state=DeliveryState.FAILED).select_related("recipient")
    meeting_type = ContentType.objects.get_for_model(Meeting)
    failed_rows = list(failed.order_by("-updated_at", "-pk")[:TO_DO_ROWS])
    for row in failed_rows:
        row.label = deliveries.kind_name(row.kind)
        row.meeting_pk = row.object_id if row.content_type_id == meeting_type.pk else None
    return {
        "not_held": list(not_held[:TO_DO_ROWS]),
        "not_held_total": not_held.count(),
        "minutes": list(waiting[:TO_DO_ROWS]),
        "failed": failed_rows,
        "failed_total": failed.count(),
    }


def unanswered_context(request):
    """Coming meetings the user may answer for and has not answered yet, soonest first."""
    user = request.user
    now = timezone.now()
    shown = [
        meeting
        for meeting in _coming_meetings(request)
        if meeting.askable
        and meeting.starts_at > now
        and allowed(user, "meetings.answer_attendance", meeting)
    ]
    return {"meetings": shown[:UNANSWERED]}


PANELS = [
    Panel(
        key="meetings.next",
        title=_("Next meetings"),
        template="meetings/panels/next.html",
        visible=lambda user: allowed(user, "meetings.view_meetings"),
        context=next_meetings_context,
        order=20,
    ),
    Panel(
        key="meetings.actions",
        title=_("Open action items and board commitments"),
        template="meetings/panels/actions.html",
        visible=lambda user: allowed(user, "meetings.view_meetings"),
        context=open_actions_context,
        order=25,
    ),
    Panel(
        key="meetings.unanswered",
        title=_("Will you come?"),
        template="meetings/panels/unanswered.html",
        visible=lambda user: allowed(user, "meetings.answer_attendances"),
        context=unanswered_context,
        order=22,
    ),
    Panel(
        key="meetings.to_do",
        title=_("To do for the secretary"),
        template="meetings/panels/to_do.html",
        visible=lambda user: allowed(user, "meetings.manage_meetings"),
        context=secretary_to_do_context,
        order=15,
    ),
    Panel(
        key="meetings.compliance",
        title=_("Meetings this year"),
        template="meetings/panels/compliance.html",
        visible=lambda user: allowed(user, "meetings.view_schedule"),
        context=compliance_context,
        order=30,
    ),
]
