"""Views of agendas, meeting papers and attendance. Thin: a rule (meetings.rules), a service
(meetings.services), a redirect. Refusals as DESIGN.md says: not logged in → login page,
not visible → 404, visible but not allowed → 403; a reorder naming foreign items → 400.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.http import HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from meetings import services
from meetings.access import agenda_meeting_for, document_for, item_for
from meetings.forms import (
    AgendaItemForm,
    AttendanceAnswerForm,
    AttendanceRecordForm,
    DocumentChangeForm,
    DocumentForm,
)
from meetings.models import (
    ActionItem,
    AgendaDocument,
    AgendaItem,
    Attendance,
    MeetingState,
)
from wijraad.access import allowed
from wijraad.files import human_size, private_file_response
from wijraad.forms import error_messages, form_errors, posted


def numbered(items):
    items = list(items)
    for number, item in enumerate(items, start=1):
        item.number = number
    return items


def agenda_items(user, meeting):
    """The items `user` sees, numbered, with their current papers (`papers`, each with `is_new`:
    added after the agenda went out) and the earlier versions of replaced ones (`earlier`)."""
    items = numbered(
        AgendaItem.objects.visible_to(user)
        .filter(meeting=meeting)
        .order_by("position", "pk")
        .prefetch_related(
            Prefetch(
                "documents",
                queryset=AgendaDocument.objects.visible_to(user).order_by("uploaded_at", "pk"),
                to_attr="all_papers",
            ),
            # The advice dossiers on the item: a reverse relation held by the advice app.
            "dossiers",
        )
    )
    for item in items:
        item.papers = [paper for paper in item.all_papers if paper.is_current]
        item.earlier = [paper for paper in item.all_papers if not paper.is_current]
        for paper in item.papers:
            paper.is_new = paper.is_new_since(meeting.agenda_published_at)
    return items


def moves(items):
    """For each item, the full order with it moved one place up and one place down (forms
    that work without JavaScript)."""
    ids = [item.pk for item in items]
    for index, item in enumerate(items):
        item.order_up = item.order_down = None
        if index > 0:
            up = ids.copy()
            up[index - 1], up[index] = up[index], up[index - 1]
            item.order_up = up
        if index < len(ids) - 1:
            down = ids.copy()
            down[index + 1], down[index] = down[index], down[index + 1]
            item.order_down = down


# --- The agenda ----------------------------------------------------------------------------------


@login_required
@require_GET
def agenda(request, pk):
    meeting = agenda_meeting_for(request, pk)
    user = request.user
    can_edit = allowed(user, "meetings.edit_agenda", meeting)
    items = agenda_items(user, meeting)
    if can_edit and meeting.is_upcoming:
        moves(items)
    carried = ActionItem.objects.visible_to(user).carried_to(meeting).for_list()
    can_publish = (
        allowed(user, "meetings.publish_agenda", meeting)
        and meeting.may_move_to(MeetingState.AGENDA_PUBLISHED)
        and meeting.starts_at > timezone.now()
    )
    return render(
        request,
        "meetings/agenda.html",
        {
            "meeting": meeting,
            "items": items,
            "carried": carried,
            "can_edit": can_edit and meeting.is_upcoming,
            "can_add_papers": can_edit and not meeting.is_cancelled,
            "can_publish": can_publish,
            "lead_warning": services.agenda_lead_warning(meeting) if can_publish else None,
            "total_minutes": sum(item.duration_minutes or 0 for item in items),
            "today": timezone.localdate(),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def agenda_item_add(request, pk):
    meeting = agenda_meeting_for(request, pk, "meetings.edit_agenda")
    if not meeting.is_upcoming:
        raise PermissionDenied
    form = AgendaItemForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.agenda_item_add(meeting=meeting, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form_errors(form, error)
        else:
            messages.success(request, _("The item is added to the agenda."))
            return redirect("meetings:agenda", pk=meeting.pk)
    return render(
        request,
        "meetings/form.html",
        {
            "form": form,
            "title": _("Add an agenda item"),
            "back": reverse("meetings:agenda", args=[meeting.pk]),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def agenda_item_edit(request, pk):
    item = item_for(request, pk, "meetings.edit_agenda")
    if not item.meeting.is_upcoming:
        raise PermissionDenied
    form = AgendaItemForm(posted(request), instance=item)
    if request.method == "POST" and form.is_valid():
        try:
            services.agenda_item_update(item=item, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form_errors(form, error)
        else:
            messages.success(request, _("The agenda item is changed."))
            return redirect("meetings:agenda", pk=item.meeting_id)
    return render(
        request,
        "meetings/form.html",
        {
            "form": form,
            "title": _("Change the agenda item"),
            "back": reverse("meetings:agenda", args=[item.meeting_id]),
        },
    )


@login_required
@require_POST
def agenda_item_delete(request, pk):
    item = item_for(request, pk, "meetings.edit_agenda")
    try:
        services.agenda_item_delete(item=item, by=request.user)
    except ValidationError as error:
        error_messages(request, error)
    else:
        messages.success(request, _("The item is removed from the agenda."))
    return redirect("meetings:agenda", pk=item.meeting_id)


@login_required
@require_POST
def agenda_reorder(request, pk):
    meeting = agenda_meeting_for(request, pk, "meetings.edit_agenda")
    try:
        services.agenda_reorder(
            meeting=meeting, by=request.user, order=request.POST.getlist("order")
        )
    except ValidationError as error:
        if error.code == "wrong_items":
            return HttpResponseBadRequest(" ".join(error.messages))
        error_messages(request, error)
    else:
        messages.success(request, _("The order of the agenda is changed."))
    return redirect("meetings:agenda", pk=meeting.pk)


# --- Papers --------------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def document_add(request, pk):
    item = item_for(request, pk, "meetings.edit_agenda")
    if item.meeting.is_cancelled:
        raise PermissionDenied
    form = DocumentForm(posted(request), request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.document_add(
                item=item,
                by=request.user,
                upload=data["upload"],
                title=data["title"],
                visibility=data["visibility"],
            )
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                form_errors(form, error)
            else:
                form.add_error("upload", error)
        else:
            messages.success(request, _("The paper is added."))
            return redirect("meetings:agenda", pk=item.meeting_id)
    return render(
        request,
        "meetings/document_add.html",
        {"form": form, "item": item, "max_size": human_size(settings.MAX_UPLOAD_SIZE)},
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_GET
def document_download(request, pk):
    document = document_for(request, pk)
    return private_file_response(
        request,
        subject=document,
        name=document.file.name,
        download_name=document.original_name,
        perm="meetings.download_meeting_paper",
    )


@login_required
@require_http_methods(["GET", "POST"])
def document_edit(request, pk):
    document = document_for(request, pk, "meetings.edit_agenda")
    meeting = document.agenda_item.meeting
    if meeting.is_cancelled or not document.is_current:
        raise PermissionDenied
    form = DocumentChangeForm(
        posted(request),
        request.FILES or None,
        initial={"title": document.title, "visibility": document.visibility},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if data["upload"]:
                services.document_replace(
                    document=document,
                    by=request.user,
                    upload=data["upload"],
                    title=data["title"],
                    visibility=data["visibility"],
                )
            else:
                services.document_update(
                    document=document,
                    by=request.user,
                    title=data["title"],
                    visibility=data["visibility"],
                )
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                form_errors(form, error)
            else:
                form.add_error("upload", error)
        else:
            messages.success(request, _("The paper is changed."))
            return redirect("meetings:agenda", pk=meeting.pk)
    return render(
        request,
        "meetings/document_edit.html",
        {"form": form, "document": document, "max_size": human_size(settings.MAX_UPLOAD_SIZE)},
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_POST
def document_delete(request, pk):
    document = document_for(request, pk, "meetings.edit_agenda")
    services.document_delete(document=document, by=request.user)
    messages.success(request, _("The paper is removed."))
    return redirect("meetings:agenda", pk=document.agenda_item.meeting_id)


# --- Attendance ----------------------------------------------------------------------------------


@login_required
@require_GET
def attendance(request, pk):
    meeting = agenda_meeting_for(request, pk, "meetings.view_attendance")
    user = request.user
    people = list(services.seated_members(meeting.date))
    board = list(services.board_attendees(meeting))
    rows = {row.person_id: row for row in Attendance.objects.filter(meeting=meeting)}
    lines = [(person, rows.get(person.pk)) for person in people]
    board_lines = [(person, rows.get(person.pk)) for person in board]
    count = services.attendance_count(meeting, people=people, rows=rows)
    now = timezone.now()
    own = rows.get(user.pk)
    can_answer = (
        allowed(user, "meetings.answer_attendance", meeting)
        and not meeting.is_cancelled
        and meeting.starts_at > now
    )
    can_record = (
        allowed(user, "meetings.record_attendance", meeting)
        and not meeting.is_cancelled
        and meeting.starts_at <= now
    )
    answer_form = AttendanceAnswerForm(
        initial={"answer": own.answer, "reason": own.reason} if own else None
    )
    record_form = AttendanceRecordForm(
        people=services.seated_members(meeting.date),
        initial={"present": [pk for pk, row in rows.items() if row.attended]},
    )
    return render(
        request,
        "meetings/attendance.html",
        {
            "meeting": meeting,
            "lines": lines,
            "board_lines": board_lines,
            "seated": count.seated,
            "quorum": count.quorum,
            "coming": count.coming,
            "attended": count.attended,
            "recorded": count.recorded,
            "has_quorum": count.has_quorum,
            "own": own,
            "can_answer": can_answer,
            "can_record": can_record,
            "can_see_register": allowed(user, "meetings.view_attendance_register", meeting),
            "answer_form": answer_form,
            "record_form": record_form,
        },
    )


@login_required
@require_POST
def attendance_answer(request, pk):
    meeting = agenda_meeting_for(request, pk, "meetings.answer_attendance")
    form = AttendanceAnswerForm(request.POST)
    if form.is_valid():
        try:
            services.attendance_answer(meeting=meeting, person=request.user, **form.cleaned_data)
        except ValidationError as error:
            error_messages(request, error)
        else:
            messages.success(request, _("Thank you, your answer is saved."))
    else:
        messages.error(request, _("Choose whether you will come."))
    return redirect("meetings:attendance", pk=meeting.pk)


@login_required
@require_POST
def attendance_record(request, pk):
    meeting = agenda_meeting_for(request, pk, "meetings.record_attendance")
    form = AttendanceRecordForm(request.POST, people=services.seated_members(meeting.date))
    if not form.is_valid():
        messages.error(request, _("Choose only members holding a seat."))
        return redirect("meetings:attendance", pk=meeting.pk)
    try:
        services.attendance_record(meeting=meeting, present=list(form.cleaned_data["present"]))
    except ValidationError as error:
        error_messages(request, error)
    else:
        messages.success(request, _("Who was there is recorded."))
    return redirect("meetings:attendance", pk=meeting.pk)
