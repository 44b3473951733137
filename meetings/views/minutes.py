"""Views of the minutes (notulen) and of action items and board commitments. Thin: a rule
(meetings.rules), a service (meetings.services), a redirect."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from meetings import services
from meetings.access import action_for, agenda_meeting_for
from meetings.forms import (
    ActionItemChangeForm,
    ActionItemForm,
    AdoptForm,
    DecisionFilterForm,
    MinutesForm,
)
from meetings.models import (
    ActionItem,
    ActionKind,
    ActionStatus,
    AgendaItem,
    Meeting,
    MeetingKind,
    Minutes,
    MinutesState,
)
from meetings.views.agenda import agenda_items, numbered
from members.models import User
from wijraad.access import allowed, require
from wijraad.forms import error_messages, form_errors, posted


@login_required
@require_GET
def minutes(request, pk):
    # The minutes record comes in the meeting's own query (a reverse one-to-one).
    meeting = agenda_meeting_for(
        request, pk, related=("minutes__adopted_at_meeting", "minutes__adopted_by")
    )
    user = request.user
    try:
        record = meeting.minutes
    except Minutes.DoesNotExist:
        record = None
    visible = allowed(user, "meetings.view_minutes", record)
    items = agenda_items(user, meeting) if visible else []
    actions = (
        ActionItem.objects.visible_to(user).filter(meeting=meeting).for_list() if visible else []
    )
    can_write = (
        allowed(user, "meetings.write_minutes", meeting)
        and not meeting.is_cancelled
        and meeting.starts_at <= timezone.now()
        and not (record and record.is_adopted)
    )
    can_adopt = (
        record is not None
        and record.state == MinutesState.SHARED
        and allowed(user, "meetings.adopt_minutes", meeting)
    )
    return render(
        request,
        "meetings/minutes.html",
        {
            "meeting": meeting,
            "minutes": record if visible else None,
            "items": items,
            "actions": actions,
            "register": services.attendance_register(meeting) if visible else None,
            "can_write": can_write,
            "can_adopt": can_adopt,
            "can_add_action": allowed(user, "meetings.manage_actions", meeting)
            and services.actions_open(meeting),
            "adopt_form": AdoptForm(meetings=services.adoption_candidates(meeting))
            if can_adopt
            else None,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def minutes_edit(request, pk):
    meeting = agenda_meeting_for(request, pk, "meetings.write_minutes")
    record = Minutes.objects.filter(meeting=meeting).first()
    if meeting.is_cancelled or meeting.starts_at > timezone.now() or (record and record.is_adopted):
        raise PermissionDenied
    items = numbered(AgendaItem.objects.filter(meeting=meeting).order_by("position", "pk"))
    form = MinutesForm(
        posted(request), items=items, initial={"general": record.general if record else ""}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.minutes_save(
                meeting=meeting,
                by=request.user,
                general=form.cleaned_data["general"],
                items=form.item_texts(),
            )
        except ValidationError as error:
            form_errors(form, error)
        else:
            messages.success(request, _("The draft minutes are saved."))
            return redirect("meetings:minutes", pk=meeting.pk)
    return render(
        request,
        "meetings/form.html",
        {
            "form": form,
            "title": _("Minutes of %(meeting)s") % {"meeting": meeting},
            "intro": _(
                "The minutes (notulen) say per agenda item what was said and what was decided. "
                "Write in general terms and never write residents' names."
            ),
            "back": reverse("meetings:minutes", args=[meeting.pk]),
        },
    )


@login_required
@require_POST
def minutes_transition(request, pk):
    meeting = agenda_meeting_for(request, pk, "meetings.write_minutes")
    record = get_object_or_404(Minutes, meeting=meeting)
    target = request.POST.get("to")
    if target not in (MinutesState.DRAFT, MinutesState.SHARED):
        raise PermissionDenied
    try:
        services.minutes_transition(minutes=record, to=target, by=request.user)
    except ValidationError as error:
        error_messages(request, error)
    else:
        if target == MinutesState.SHARED:
            messages.success(request, _("The draft minutes are shared with the members."))
        else:
            messages.success(request, _("The draft minutes are taken back."))
    return redirect("meetings:minutes", pk=meeting.pk)


@login_required
@require_POST
def minutes_adopt(request, pk):
    meeting = agenda_meeting_for(request, pk, "meetings.adopt_minutes")
    record = get_object_or_404(Minutes, meeting=meeting)
    # Any meeting of this kind goes to the service, which explains a refusal.
    form = AdoptForm(request.POST, meetings=Meeting.objects.filter(kind=meeting.kind))
    if not form.is_valid():
        messages.error(request, _("Choose the meeting where the minutes were adopted."))
        return redirect("meetings:minutes", pk=meeting.pk)
    try:
        services.minutes_adopt(
            minutes=record, at_meeting=form.cleaned_data["at_meeting"], by=request.user
        )
    except ValidationError as error:
        error_messages(request, error)
    else:
        messages.success(request, _("The minutes are adopted."))
    return redirect("meetings:minutes", pk=meeting.pk)


# --- Action items and board commitments ----------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def action_add(request, pk):
    meeting = agenda_meeting_for(request, pk, "meetings.manage_actions")
    if not services.actions_open(meeting):
        raise PermissionDenied
    consultation = meeting.kind == MeetingKind.CONSULTATION
    owners = services.action_owner_choices(ActionKind.ACTION)
    if consultation:
        owners = owners | services.action_owner_choices(ActionKind.COMMITMENT)
    items = AgendaItem.objects.visible_to(request.user).filter(meeting=meeting)
    form = ActionItemForm(posted(request), owners=owners, items=items, consultation=consultation)
    if request.method == "POST" and form.is_valid():
        try:
            services.action_item_add(meeting=meeting, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form_errors(form, error)
        else:
            messages.success(request, _("The action item is added."))
            return redirect("meetings:minutes", pk=meeting.pk)
    return render(
        request,
        "meetings/form.html",
        {
            "form": form,
            "title": _("Add an action item or board commitment")
            if consultation
            else _("Add an action item"),
            "intro": _(
                "Open action items (actiepunten) and board commitments (toezeggingen) come back "
                "on every next agenda of this kind of meeting until they are closed."
            ),
            "back": reverse("meetings:minutes", args=[meeting.pk]),
        },
    )


@login_required
@require_POST
def action_transition(request, pk):
    action = action_for(request, pk, "meetings.close_action")
    target = request.POST.get("to")
    if target not in ActionStatus.values:
        raise PermissionDenied
    try:
        services.action_item_transition(action=action, to=target, by=request.user)
    except ValidationError as error:
        error_messages(request, error)
    else:
        messages.success(
            request,
            _("The action item is now: %(status)s.")
            % {"status": ActionStatus(target).label.lower()},
        )
    return redirect("meetings:actions")


@login_required
@require_http_methods(["GET", "POST"])
def action_edit(request, pk):
    action = action_for(request, pk, "meetings.change_action")
    owners = services.action_owner_choices(action.kind) | User.objects.filter(pk=action.owner_id)
    form = ActionItemChangeForm(
        posted(request),
        owners=owners.distinct().order_by("name", "pk"),
        initial={"title": action.title, "owner": action.owner_id, "due_date": action.due_date},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.action_item_update(action=action, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form_errors(form, error)
        else:
            messages.success(request, _("The action item is changed."))
            return redirect("meetings:actions")
    return render(
        request,
        "meetings/form.html",
        {
            "form": form,
            "title": _("Change an action item or board commitment"),
            "intro": _(
                "Correct what, who or when. The history keeps the old values. To remove one "
                "entered by mistake, use the button below; something no longer needed is "
                "dropped on the list instead."
            ),
            "back": reverse("meetings:actions"),
            "delete_url": reverse("meetings:action_delete", args=[action.pk]),
            "delete_label": _("Remove this action item"),
        },
    )


@login_required
@require_POST
def action_delete(request, pk):
    action = action_for(request, pk, "meetings.change_action")
    services.action_item_delete(action=action, by=request.user)
    messages.success(request, _("The action item is removed."))
    return redirect("meetings:actions")


DECISIONS_PER_PAGE = 25


@login_required
@require_GET
def decisions(request):
    """The decision list (besluitenlijst): every decision in adopted minutes the user may see,
    newest first, by year and topic, a page at a time; printable."""
    require(request, "meetings.view_meetings")
    user = request.user
    visible = AgendaItem.objects.visible_to(user).decisions()
    form = DecisionFilterForm(
        request.GET or None,
        years=[day.year for day in visible.dates("meeting__date", "year", order="DESC")],
    )
    rows = visible
    if form.is_valid():
        if form.cleaned_data["year"]:
            rows = rows.filter(meeting__date__year=form.cleaned_data["year"])
        rows = rows.about(form.cleaned_data["topic"])
    rows = rows.select_related("meeting").order_by("-meeting__date", "meeting_id", "position", "pk")
    page = Paginator(rows, DECISIONS_PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "meetings/decisions.html",
        {"form": form, "page": page, "query": query.urlencode()},
    )


@login_required
@require_GET
def actions(request):
    require(request, "meetings.view_meetings")
    user = request.user
    status = request.GET.get("status", ActionStatus.OPEN)
    rows = ActionItem.objects.visible_to(user).for_list()
    if status == ActionStatus.OPEN:
        rows = rows.open()
    else:
        status = "closed"
        rows = rows.filter(~Q(status=ActionStatus.OPEN))
    rows = list(rows)
    for row in rows:
        row.can_close = allowed(user, "meetings.close_action", row)
        row.can_change = allowed(user, "meetings.change_action", row)
    return render(
        request,
        "meetings/actions.html",
        {"actions": rows, "status": status, "today": timezone.localdate()},
    )
