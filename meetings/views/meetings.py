"""Views of meetings, locations and calendars. Thin: they check a rule (meetings.rules), call a
service and redirect. The yearly schedule and the work plan have their own view modules.

Refusals (DESIGN.md): not logged in → the login page; a meeting you may not see → 404; seen but
not allowed → 403. The calendar feed needs no session: its secret address is the credential.
"""

import datetime
from collections import Counter

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import (
    require_GET,
    require_http_methods,
    require_POST,
    require_safe,
)

from meetings import services
from meetings.access import meeting_for
from meetings.compliance import year_compliance
from meetings.forms import CancelForm, LocationForm, MeetingForm, VisitReportForm
from meetings.ical import meetings_calendar
from meetings.models import (
    CalendarFeed,
    Location,
    Meeting,
    MeetingKind,
    MeetingState,
    Theme,
    WorkVisitReport,
    YearSchedule,
)
from meetings.rows import meeting_rows
from meetings.rules import rule_for_transition
from meetings.services import agenda_lead_warning
from wijraad import deliveries
from wijraad.access import allowed, require
from wijraad.forms import error_messages, form_errors, posted
from wijraad.models import Delivery, DeliveryState

# How far back the calendar feed reaches; everything coming is in it.
FEED_PAST_DAYS = 365
FIRST_YEAR, LAST_YEAR = 2000, 2100

# --- Access helpers ------------------------------------------------------------------------------


def checked_year(year):
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise Http404
    return year


def shortfall_warning(request, meeting):
    """After a change, warn when the meeting's year falls short of the minimum for its kind."""
    if meeting.kind not in MeetingKind.counted():
        return
    count = year_compliance(meeting.date.year).of(meeting.kind)
    if count.falls_short:
        messages.warning(request, count.warning)


# --- Lists ---------------------------------------------------------------------------------------


@login_required
@require_GET
def meeting_list(request):
    require(request, "meetings.view_meetings")
    today = timezone.localdate()
    meetings = Meeting.objects.visible_to(request.user).upcoming(today).for_list()
    return render(
        request,
        "meetings/list.html",
        {
            "rows": meeting_rows(meetings),
            "years": range(today.year - 2, today.year + 2),
            "can_manage": allowed(request.user, "meetings.manage_meetings"),
            "can_see_work_plan": allowed(request.user, "meetings.view_work_plan"),
        },
    )


@login_required
@require_GET
def year_overview(request, year):
    require(request, "meetings.view_meetings")
    checked_year(year)
    user = request.user
    rows = meeting_rows(Meeting.objects.visible_to(user).in_year(year).for_list())
    compliance = schedule = None
    if allowed(user, "meetings.view_compliance"):
        compliance = year_compliance(year)
        schedule = YearSchedule.objects.filter(year=year).select_related("adopted_by").first()
    return render(
        request,
        "meetings/year.html",
        {
            "year": year,
            "rows": rows,
            "compliance": compliance,
            "schedule": schedule,
            "can_see_schedule": allowed(user, "meetings.view_schedule"),
            "can_manage": allowed(user, "meetings.manage_meetings"),
            "can_see_work_plan": allowed(user, "meetings.view_work_plan"),
        },
    )


# --- One meeting ---------------------------------------------------------------------------------


@login_required
@require_GET
def meeting_detail(request, pk):
    meeting = meeting_for(request, pk)
    user = request.user
    history = meeting.state_changes.select_related("by")
    activities = None
    if allowed(user, "meetings.view_work_plan"):
        activities = meeting.activities.select_related("theme")
    report = None
    if meeting.is_work_visit:
        report = (
            WorkVisitReport.objects.filter(meeting=meeting)
            .select_related("written_by")
            .prefetch_related("themes")
            .first()
        )
    # Cancelling has its own page; the minutes are adopted on the minutes page.
    transitions = [
        state
        for state in meeting.allowed_transitions()
        if state not in (MeetingState.CANCELLED, MeetingState.MINUTES_ADOPTED)
        and allowed(user, rule_for_transition(state), meeting)
    ]
    return render(
        request,
        "meetings/detail.html",
        {
            "meeting": meeting,
            "history": history,
            "activities": activities,
            "report": report,
            "transitions": transitions,
            "can_change": allowed(user, "meetings.change_meeting", meeting),
            "can_report": allowed(user, "meetings.write_visit_report", meeting),
            "has_started": meeting.starts_at <= timezone.now(),
            "can_view_attendance": allowed(user, "meetings.view_attendance", meeting),
            "can_view_deliveries": allowed(user, "meetings.view_deliveries", meeting),
        },
    )


def calendar_response(meetings, *, request, filename, name, language=None, attachment=False):
    body = meetings_calendar(
        meetings, base_url=request.build_absolute_uri("/")[:-1], name=name, language=language
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    disposition = "attachment" if attachment else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    response["Cache-Control"] = "no-store, private"
    response["X-Robots-Tag"] = "noindex"
    return response


@login_required
@require_GET
def meeting_ics(request, pk):
    meeting = meeting_for(request, pk)
    return calendar_response(
        [meeting],
        request=request,
        filename=f"wijraad-{meeting.date:%Y-%m-%d}.ics",
        name=_("WIJ-raad"),
        attachment=True,
    )


@login_required
@require_http_methods(["GET", "POST"])
def meeting_create(request):
    require(request, "meetings.manage_meetings")
    kind = request.GET.get("kind")
    initial = {
        "kind": kind if kind in MeetingKind.values else MeetingKind.COUNCIL,
        "start_time": datetime.time(17, 30),
        "end_time": datetime.time(19, 30),
    }
    form = MeetingForm(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            meeting = services.meeting_create(by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form_errors(form, error)
        else:
            messages.success(request, _("The meeting is planned."))
            return redirect("meetings:detail", pk=meeting.pk)
    return render(
        request,
        "meetings/form.html",
        {"form": form, "title": _("Plan a meeting"), "back": reverse("meetings:list")},
    )


@login_required
@require_http_methods(["GET", "POST"])
def meeting_edit(request, pk):
    meeting = meeting_for(request, pk, "meetings.change_meeting")
    if not meeting.is_upcoming:
        raise PermissionDenied
    form = MeetingForm(posted(request), instance=meeting)
    if request.method == "POST" and form.is_valid():
        try:
            services.meeting_update(meeting=meeting, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form_errors(form, error)
        else:
            messages.success(request, _("The meeting is changed."))
            return redirect("meetings:detail", pk=meeting.pk)
    return render(
        request,
        "meetings/form.html",
        {
            "form": form,
            "title": _("Change %(meeting)s") % {"meeting": meeting.display_title},
            "back": reverse("meetings:detail", args=[meeting.pk]),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def meeting_cancel(request, pk):
    meeting = meeting_for(request, pk, "meetings.change_meeting")
    if not meeting.may_move_to(MeetingState.CANCELLED):
        raise PermissionDenied
    form = CancelForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.meeting_cancel(
                meeting=meeting, reason=form.cleaned_data["reason"], by=request.user
            )
        except ValidationError as error:
            form_errors(form, error)
        else:
            messages.success(request, _("The meeting is cancelled."))
            shortfall_warning(request, meeting)
            return redirect("meetings:detail", pk=meeting.pk)
    after = None
    if meeting.kind in MeetingKind.counted():
        after = year_compliance(meeting.date.year, without=meeting).of(meeting.kind)
    return render(
        request, "meetings/cancel.html", {"meeting": meeting, "form": form, "after": after}
    )


@login_required
@require_POST
def meeting_transition(request, pk):
    meeting = meeting_for(request, pk)
    target = request.POST.get("to")
    if target not in MeetingState.values or target in (
        MeetingState.CANCELLED,
        MeetingState.MINUTES_ADOPTED,
    ):
        raise PermissionDenied
    require(request, rule_for_transition(target), meeting)
    try:
        services.meeting_transition(meeting=meeting, to=target, by=request.user)
    except ValidationError as error:
        error_messages(request, error)
    else:
        messages.success(
            request,
            _("The meeting is now: %(state)s.") % {"state": MeetingState(target).label.lower()},
        )
        if target == MeetingState.PLANNED:
            shortfall_warning(request, meeting)
        if target == MeetingState.AGENDA_PUBLISHED:
            warning = agenda_lead_warning(meeting)
            if warning:
                messages.warning(request, warning)
            return redirect("meetings:agenda", pk=meeting.pk)
    return redirect("meetings:detail", pk=meeting.pk)


# --- Locations -----------------------------------------------------------------------------------


@login_required
@require_GET
def location_list(request):
    require(request, "meetings.view_meetings")
    locations = Location.objects.order_by("-is_active", "name")
    can_manage = allowed(request.user, "meetings.manage_meetings")
    return render(
        request, "meetings/locations.html", {"locations": locations, "can_manage": can_manage}
    )


@login_required
@require_http_methods(["GET", "POST"])
def location_edit(request, pk=None):
    require(request, "meetings.manage_meetings")
    location = get_object_or_404(Location, pk=pk) if pk is not None else Location()
    form = LocationForm(posted(request), instance=location)
    if request.method == "POST" and form.is_valid():
        try:
            services.location_save(location=form.instance, by=request.user)
        except ValidationError as error:
            form_errors(form, error)
        else:
            messages.success(request, _("The location is saved."))
            return redirect("meetings:locations")
    title = _("Change %(location)s") % {"location": location} if pk else _("Add a WIJ location")
    return render(
        request,
        "meetings/form.html",
        {"form": form, "title": title, "back": reverse("meetings:locations")},
    )


# --- Calendar ------------------------------------------------------------------------------------


@login_required
@require_GET
def calendar(request):
    """The calendar page. The address itself is not on it: only its hash is stored, so it is
    shown once, in the answer to making it (calendar_reset)."""
    require(request, "meetings.view_meetings")
    feed = CalendarFeed.objects.filter(user=request.user).first()
    return render(request, "meetings/calendar.html", {"feed": feed})


@never_cache
@login_required
@require_POST
def calendar_reset(request):
    """Make a (new) address and show it, this once: the page answers the POST itself (no
    redirect, nothing in the session) and is never stored by the browser."""
    require(request, "meetings.view_meetings")
    had_one = CalendarFeed.objects.filter(user=request.user).exists()
    feed, token = services.calendar_feed_reset(user=request.user)
    feed_url = request.build_absolute_uri(reverse("meetings:feed", args=[token]))
    return render(
        request,
        "meetings/calendar.html",
        {"feed": feed, "feed_url": feed_url, "replaced": had_one},
    )


@login_required
@require_POST
def calendar_revoke(request):
    """Stop the address: calendar apps subscribed to it get nothing any more."""
    require(request, "meetings.view_meetings")
    if services.calendar_feed_revoke(user=request.user):
        messages.success(
            request, _("Your calendar address is stopped: it no longer shows your meetings.")
        )
    return redirect("meetings:calendar")


@require_safe
def feed(request, token):
    """The private feed: no session, the token is the credential. It holds exactly the meetings
    its owner may see today; when the owner may see none (e.g. the term ended), it is gone."""
    feed = CalendarFeed.objects.for_token(token).select_related("user").first()
    if feed is None or not feed.user.is_active or not allowed(feed.user, "meetings.view_meetings"):
        raise Http404
    since = timezone.localdate() - datetime.timedelta(days=FEED_PAST_DAYS)
    meetings = Meeting.objects.visible_to(feed.user).filter(date__gte=since).for_list()
    return calendar_response(
        meetings,
        request=request,
        filename="wijraad.ics",
        name=_("WIJ-raad"),
        language=feed.user.preferred_language,
    )


# --- Work visits ---------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def visit_report(request, pk):
    meeting = meeting_for(request, pk, "meetings.write_visit_report")
    report = WorkVisitReport.objects.filter(meeting=meeting).prefetch_related("themes").first()
    themes = Theme.objects.filter(work_plan__year=meeting.date.year).order_by("position", "pk")
    initial = {}
    if report is not None:
        initial = {
            "heard": report.heard,
            "themes": list(report.themes.all()),
            "other_topics": report.other_topics,
        }
    form = VisitReportForm(posted(request), initial=initial, themes=themes)
    if request.method == "POST" and form.is_valid():
        try:
            services.visit_report_save(
                meeting=meeting,
                by=request.user,
                heard=form.cleaned_data["heard"],
                themes=list(form.cleaned_data["themes"]),
                other_topics=form.cleaned_data["other_topics"],
            )
        except ValidationError as error:
            form_errors(form, error)
        else:
            messages.success(request, _("The visit report is saved."))
            return redirect("meetings:detail", pk=meeting.pk)
    return render(
        request,
        "meetings/form.html",
        {
            "form": form,
            "title": _("Report of the work visit of %(day)s") % {"day": date_format(meeting.date)},
            "intro": _(
                "A work visit (werkbezoek) is a visit to hear residents and staff. Write down what "
                "you heard in general terms, so the council can use it. Never write residents' "
                "names or anything else that shows who someone is."
            ),
            "back": reverse("meetings:detail", args=[meeting.pk]),
        },
    )


@login_required
@require_GET
def meeting_deliveries(request, pk):
    """The e-mails the portal sent (or is sending) about a meeting: who was reminded. A person's
    own choices (an overview, a kind switched off) are theirs (members.privacy): the secretary
    sees only how many e-mails wait or were switched off, not whose."""
    meeting = meeting_for(request, pk, "meetings.view_deliveries")
    rows = list(
        Delivery.objects.about(meeting)
        .select_related("recipient")
        .order_by("recipient__name", "recipient__email", "created_at", "pk")
    )
    private = (DeliveryState.HELD, DeliveryState.SWITCHED_OFF)
    shown = [row for row in rows if row.state not in private]
    for row in shown:
        row.label = deliveries.kind_name(row.kind)
    return render(
        request,
        "meetings/deliveries.html",
        {
            "meeting": meeting,
            "rows": shown,
            "counts": Counter(row.state for row in rows),
            "states": DeliveryState,
        },
    )
