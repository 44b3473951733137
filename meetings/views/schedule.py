"""Views of the yearly schedule (vergaderrooster): the secretary makes a proposal, edits it and
adopts it; the chair reads along. Thin: the rules are in meetings.services.schedule."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from meetings import services
from meetings.access import draft_schedule_for, schedule_entry_for
from meetings.compliance import year_compliance
from meetings.forms import ScheduleEntryForm, ScheduleSettingsForm
from meetings.models import ScheduleEntry, YearSchedule
from meetings.views.meetings import checked_year
from wijraad.access import allowed, require
from wijraad.forms import error_messages, form_errors, posted


def _schedule_page(request, year, settings_form=None, status=200):
    schedule = YearSchedule.objects.filter(year=year).select_related("adopted_by").first()
    entries = counts = None
    if schedule is not None and schedule.is_draft:
        entries = list(schedule.entries.select_related("location"))
        for entry in entries:
            if entry.shifted_from:
                entry.shift_reason = services.shift_reason(schedule, entry.shifted_from)
        counts = services.proposal_counts(schedule)
    if settings_form is None and (schedule is None or schedule.is_draft):
        initial = services.schedule_defaults(year)
        if schedule is not None:
            initial = {name: getattr(schedule, name) for name in services.SETTINGS}
        settings_form = ScheduleSettingsForm(initial=initial)
    compliance = year_compliance(year) if schedule is not None and not schedule.is_draft else None
    return render(
        request,
        "meetings/schedule.html",
        {
            "year": year,
            "schedule": schedule,
            "entries": entries,
            "counts": counts,
            "settings_form": settings_form,
            "compliance": compliance,
            "can_manage": allowed(request.user, "meetings.manage_meetings"),
        },
        status=status,
    )


@login_required
@require_GET
def schedule_detail(request, year):
    require(request, "meetings.view_schedule")
    return _schedule_page(request, checked_year(year))


@login_required
@require_POST
def schedule_generate(request, year):
    require(request, "meetings.manage_meetings")
    checked_year(year)
    form = ScheduleSettingsForm(request.POST)
    if form.is_valid():
        try:
            services.schedule_propose(year=year, **form.cleaned_data)
        except ValidationError as error:
            form_errors(form, error)
        else:
            messages.success(
                request,
                _("The portal made a proposal. Check it, change what you need, then adopt it."),
            )
            return redirect("meetings:schedule", year=year)
    return _schedule_page(request, year, settings_form=form)


@login_required
@require_http_methods(["GET", "POST"])
def schedule_entry_edit(request, year=None, pk=None):
    require(request, "meetings.manage_meetings")
    if pk is not None:
        entry = schedule_entry_for(request, pk)
        year = entry.schedule.year
    else:
        entry = ScheduleEntry(schedule=draft_schedule_for(request, checked_year(year)))
    form = ScheduleEntryForm(posted(request), instance=entry)
    if request.method == "POST" and form.is_valid():
        try:
            services.schedule_entry_save(entry=form.instance)
        except ValidationError as error:
            form_errors(form, error)
        else:
            messages.success(request, _("The proposed meeting is saved."))
            return redirect("meetings:schedule", year=year)
    title = (
        _("Move a proposed meeting")
        if pk is not None
        else _("Add a meeting to the proposal for %(year)s") % {"year": year}
    )
    return render(
        request,
        "meetings/form.html",
        {"form": form, "title": title, "back": reverse("meetings:schedule", args=[year])},
    )


@login_required
@require_POST
def schedule_entry_delete(request, pk):
    require(request, "meetings.manage_meetings")
    entry = schedule_entry_for(request, pk)
    services.schedule_entry_delete(entry=entry)
    messages.success(request, _("The proposed meeting is removed."))
    return redirect("meetings:schedule", year=entry.schedule.year)


@login_required
@require_POST
def schedule_adopt(request, year):
    require(request, "meetings.manage_meetings")
    schedule = draft_schedule_for(request, checked_year(year))
    try:
        services.schedule_adopt(schedule=schedule, by=request.user)
    except ValidationError as error:
        error_messages(request, error)
        return redirect("meetings:schedule", year=year)
    messages.success(
        request,
        _("The schedule of %(year)s is adopted; its meetings are planned.") % {"year": year},
    )
    for count in year_compliance(year).counts:
        if count.falls_short:
            messages.warning(request, count.warning)
    return redirect("meetings:year", year=year)


@login_required
@require_POST
def schedule_discard(request, year):
    require(request, "meetings.manage_meetings")
    services.schedule_discard(schedule=draft_schedule_for(request, checked_year(year)))
    messages.success(request, _("The proposal is thrown away."))
    return redirect("meetings:schedule", year=year)
