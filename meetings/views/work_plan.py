"""Views of the work plan (werkplan): themes and activities of a year, linked to meetings, with a
progress view. Members read it; the chair and the secretary keep it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from meetings import services
from meetings.access import activity_for, theme_for
from meetings.forms import ActivityForm, ThemeForm, WorkPlanForm
from meetings.models import Activity, ActivityStatus, Meeting, Theme, WorkPlan
from meetings.views.meetings import checked_year
from wijraad.access import allowed, require
from wijraad.forms import form_errors, posted


def progress(activities):
    """Counts per status, and how much of what is still meant to happen is done."""
    counts = dict.fromkeys(ActivityStatus, 0)
    for activity in activities:
        counts[ActivityStatus(activity.status)] += 1
    meant = sum(counts.values()) - counts[ActivityStatus.DROPPED]
    done = counts[ActivityStatus.DONE]
    return {
        "counts": [(status.label, counts[status]) for status in ActivityStatus],
        "done": done,
        "meant": meant,
        "percent": round(100 * done / meant) if meant else 0,
    }


@login_required
@require_GET
def work_plan(request, year):
    require(request, "meetings.view_work_plan")
    checked_year(year)
    plan = WorkPlan.objects.filter(year=year).first()
    themes = []
    overall = None
    if plan is not None:
        meetings = Meeting.objects.visible_to(request.user).order_by("date", "start_time")
        activities = Activity.objects.prefetch_related(Prefetch("meetings", queryset=meetings))
        themes = list(plan.themes.prefetch_related(Prefetch("activities", queryset=activities)))
        everything = []
        for theme in themes:
            theme.progress = progress(theme.activities.all())
            everything.extend(theme.activities.all())
        overall = progress(everything)
    return render(
        request,
        "meetings/work_plan.html",
        {
            "year": year,
            "plan": plan,
            "themes": themes,
            "overall": overall,
            "can_change": allowed(request.user, "meetings.change_work_plan"),
        },
    )


def _page(request, form, title, year):
    return render(
        request,
        "meetings/form.html",
        {"form": form, "title": title, "back": reverse("meetings:work_plan", args=[year])},
    )


@login_required
@require_http_methods(["GET", "POST"])
def work_plan_edit(request, year):
    require(request, "meetings.change_work_plan")
    checked_year(year)
    plan = WorkPlan.objects.filter(year=year).first() or WorkPlan(year=year)
    form = WorkPlanForm(posted(request), instance=plan)
    if request.method == "POST" and form.is_valid():
        try:
            services.work_plan_save(year=year, **form.cleaned_data)
        except ValidationError as error:
            form_errors(form, error)
        else:
            messages.success(request, _("The work plan is saved."))
            return redirect("meetings:work_plan", year=year)
    return _page(request, form, _("Work plan %(year)s") % {"year": year}, year)


@login_required
@require_http_methods(["GET", "POST"])
def theme_edit(request, year=None, pk=None):
    if pk is not None:
        theme = theme_for(request, pk, "meetings.change_work_plan")
    else:
        require(request, "meetings.change_work_plan")
        theme = Theme(work_plan=get_object_or_404(WorkPlan, year=checked_year(year)))
    year = theme.work_plan.year
    form = ThemeForm(posted(request), instance=theme)
    if request.method == "POST" and form.is_valid():
        services.theme_save(theme=form.instance)
        messages.success(request, _("The theme is saved."))
        return redirect("meetings:work_plan", year=year)
    title = _("Change the theme") if pk is not None else _("Add a theme")
    return _page(request, form, title, year)


@login_required
@require_POST
def theme_delete(request, pk):
    theme = theme_for(request, pk, "meetings.change_work_plan")
    services.theme_delete(theme=theme)
    messages.success(request, _("The theme and its activities are removed."))
    return redirect("meetings:work_plan", year=theme.work_plan.year)


@login_required
@require_http_methods(["GET", "POST"])
def activity_edit(request, theme_pk=None, pk=None):
    if pk is not None:
        activity = activity_for(request, pk, "meetings.change_work_plan")
    else:
        activity = Activity(theme=theme_for(request, theme_pk, "meetings.change_work_plan"))
    year = activity.theme.work_plan.year
    meetings = Meeting.objects.visible_to(request.user).in_year(year).for_list()
    form = ActivityForm(posted(request), instance=activity, meetings=meetings)
    if request.method == "POST" and form.is_valid():
        try:
            services.activity_save(
                activity=form.instance,
                meetings=list(form.cleaned_data["meetings"]),
            )
        except ValidationError as error:
            form_errors(form, error)
        else:
            messages.success(request, _("The activity is saved."))
            return redirect("meetings:work_plan", year=year)
    title = _("Change the activity") if pk is not None else _("Add an activity")
    return _page(request, form, title, year)


@login_required
@require_POST
def activity_delete(request, pk):
    activity = activity_for(request, pk, "meetings.change_work_plan")
    services.activity_delete(activity=activity)
    messages.success(request, _("The activity is removed."))
    return redirect("meetings:work_plan", year=activity.theme.work_plan.year)
