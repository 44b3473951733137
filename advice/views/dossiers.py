"""Views of dossiers: the list, a dossier's page, opening and registering one, the board's
request, moving it on, the working group, agenda, deadlines, documents, publishing, topics.
Thin: a rule (advice.rules), a service (advice.services), a redirect."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from advice import services
from advice.access import document_for, dossier_for
from advice.forms import (
    AgendaForm,
    DocumentForm,
    ExtendForm,
    OpenForm,
    ReasonForm,
    RegisterForm,
    RequestForm,
    TopicForm,
    WorkingGroupForm,
)
from advice.models import (
    BoardAnswer,
    Dossier,
    DossierDocument,
    DossierKind,
    DossierState,
    Topic,
)
from advice.views.common import form_page, refuse_on
from meetings.models import AgendaItem, Meeting, MeetingKind, MeetingState
from wijraad.access import allowed, require
from wijraad.files import private_file_response
from wijraad.forms import error_messages, posted

# Ten years hold some 600 dossiers: the list shows them a page at a time, newest first.
PER_PAGE = 50


@login_required
@require_GET
def dossier_list(request):
    require(request, "advice.view_dossiers")
    dossiers = Dossier.objects.visible_to(request.user).for_list()
    state = request.GET.get("state", "")
    if state == "open":
        dossiers = dossiers.open()
    elif state in DossierState.values:
        dossiers = dossiers.filter(state=state)
    else:
        state = ""
    user = request.user
    page = Paginator(dossiers, PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "advice/list.html",
        {
            "dossiers": page.object_list,
            "page": page,
            "state": state,
            "states": DossierState.choices,
            "today": timezone.localdate(),
            "can_open": allowed(user, "advice.open_dossier"),
            "can_register": allowed(user, "advice.register_request"),
            "can_submit": allowed(user, "advice.submit_request"),
            "can_manage_topics": allowed(user, "advice.manage_topics"),
        },
    )


@login_required
@require_GET
def dossier_detail(request, pk):
    dossier = dossier_for(request, pk)
    user = request.user
    can_read_drafts = allowed(user, "advice.read_drafts", dossier)
    can_read_advice = allowed(user, "advice.read_advice", dossier)
    advice = getattr(dossier, "advice", None) if can_read_advice else None
    answers = (
        list(BoardAnswer.objects.filter(dossier=dossier).select_related("consultation"))
        if dossier.state in DossierState.with_the_board()
        else []
    )
    items = (
        AgendaItem.objects.visible_to(user)
        .filter(dossiers=dossier)
        .select_related("meeting")
        .order_by("meeting__date")
    )
    manage = allowed(user, "advice.manage_dossier", dossier)
    return render(
        request,
        "advice/detail.html",
        {
            "dossier": dossier,
            "today": timezone.localdate(),
            "advice": advice,
            "answers": answers,
            "latest_answer": answers[-1] if answers else None,
            "items": items,
            # The signals app holds the link (the floor above); the council sees the signals
            # behind a dossier, the board does not (only aggregated figures).
            "signals": dossier.signals.select_related("theme").order_by("received_on", "pk")
            if allowed(user, "signals.view_signals")
            else [],
            "documents": DossierDocument.objects.visible_to(user).filter(dossier=dossier),
            "history": dossier.state_changes.select_related("by"),
            "extensions": dossier.extensions.all() if dossier.has_extensions else [],
            "working_group": dossier.working_group.order_by("name") if can_read_drafts else [],
            "replacement": getattr(dossier, "replacement_consent", None),
            "consent_allows": dossier.is_consent and services.consent_allows(dossier),
            "can_read_drafts": can_read_drafts,
            "can_read_advice": can_read_advice and advice is not None,
            "can_manage": manage and dossier.is_open,
            "can_publish": manage and dossier.state in DossierState.with_the_board(),
            "can_adopt": allowed(user, "advice.adopt_advice", dossier) and dossier.is_preparing,
            "can_send": allowed(user, "advice.send_advice", dossier)
            and dossier.state == DossierState.ADOPTED,
            "can_answer": allowed(user, "advice.answer_advice", dossier)
            and dossier.state == DossierState.SENT
            and not dossier.is_consent,
            "can_correct": allowed(user, "advice.answer_advice", dossier)
            and dossier.state == DossierState.ANSWERED,
            "can_replace": allowed(user, "advice.record_replacement_consent", dossier)
            and dossier.is_consent
            and dossier.state == DossierState.SENT
            and advice is not None
            and advice.consent == "refused"
            and not hasattr(dossier, "replacement_consent"),
            "can_carry_out": allowed(user, "advice.carry_out_decision", dossier)
            and dossier.is_consent
            and dossier.state == DossierState.SENT,
            "can_withdraw": allowed(user, "advice.withdraw_dossier", dossier)
            and DossierState.WITHDRAWN in dossier.allowed_transitions(),
            "can_close": manage
            and dossier.state == DossierState.ANSWERED
            and DossierState.CLOSED in dossier.allowed_transitions(),
            "withdraw_form": ReasonForm(initial={"revision": dossier.revision}),
        },
    )


def _create(request, form, *, kind, requested_by, requested_on=None, visibility=None):
    data = form.cleaned_data
    uploads = []
    if data.get("upload"):
        uploads.append((data["upload"], data.get("document_title", "")))
    return services.dossier_create(
        kind=kind,
        title=data["title"],
        topic=data["topic"],
        by=request.user,
        board_question=data.get("board_question", ""),
        intended_decision=data.get("intended_decision", ""),
        decision_planned_on=data.get("decision_planned_on"),
        requested_on=requested_on,
        advice_due=data.get("advice_due"),
        visibility=visibility,
        requested_by=requested_by,
        uploads=uploads,
    )


@login_required
@require_http_methods(["GET", "POST"])
def request_submit(request):
    """The board asks the council for advice or consent."""
    require(request, "advice.submit_request")
    form = RequestForm(posted(request), request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            dossier = _create(
                request, form, kind=form.cleaned_data["kind"], requested_by=request.user
            )
        except ValidationError as error:
            refuse_on(form, error, "upload")
        else:
            messages.success(
                request,
                _("Your request is received as %(reference)s. The council's secretary is told.")
                % {"reference": dossier.reference},
            )
            return redirect("advice:detail", pk=dossier.pk)
    return form_page(
        request,
        form,
        title=_("Ask the council for advice or consent"),
        intro=_(
            "Describe the intended decision and what you ask the council. The council has six "
            "weeks for its advice unless you agree on a later date."
        ),
        back=reverse("advice:list"),
        submit=_("Send the request"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def request_register(request):
    """The secretary registers a request that came in by letter or e-mail."""
    require(request, "advice.register_request")
    form = RegisterForm(posted(request), request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            dossier = _create(
                request,
                form,
                kind=form.cleaned_data["kind"],
                requested_by=form.cleaned_data["requested_by"],
                requested_on=form.cleaned_data["requested_on"],
            )
        except ValidationError as error:
            refuse_on(form, error, "upload")
        else:
            messages.success(
                request,
                _("The request is registered as %(reference)s.") % {"reference": dossier.reference},
            )
            return redirect("advice:detail", pk=dossier.pk)
    return form_page(
        request,
        form,
        title=_("Register a request of the board"),
        intro=_("For a request that came in by letter or e-mail."),
        back=reverse("advice:list"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def dossier_open(request):
    """The council opens unrequested advice."""
    require(request, "advice.open_dossier")
    form = OpenForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            dossier = _create(
                request,
                form,
                kind=DossierKind.UNREQUESTED,
                requested_by=None,
                visibility=form.cleaned_data["visibility"],
            )
        except ValidationError as error:
            refuse_on(form, error)
        else:
            messages.success(
                request, _("Dossier %(reference)s is opened.") % {"reference": dossier.reference}
            )
            return redirect("advice:detail", pk=dossier.pk)
    return form_page(
        request,
        form,
        title=_("Open unrequested advice"),
        intro=_(
            "Unrequested advice (ongevraagd advies): the council raises a subject itself. The "
            "board answers it in writing, like requested advice."
        ),
        back=reverse("advice:list"),
    )


@login_required
@require_POST
def dossier_withdraw(request, pk):
    dossier = dossier_for(request, pk, "advice.withdraw_dossier")
    form = ReasonForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the reason for withdrawing the dossier."))
        return redirect("advice:detail", pk=dossier.pk)
    try:
        services.dossier_transition(
            dossier=dossier,
            to=DossierState.WITHDRAWN,
            by=request.user,
            reason=form.cleaned_data["reason"],
            revision=form.cleaned_data["revision"],
        )
    except ValidationError as error:
        error_messages(request, error)
    else:
        messages.success(request, _("The dossier is withdrawn."))
    return redirect("advice:detail", pk=dossier.pk)


@login_required
@require_POST
def dossier_close(request, pk):
    dossier = dossier_for(request, pk, "advice.manage_dossier")
    try:
        services.dossier_transition(
            dossier=dossier,
            to=DossierState.CLOSED,
            by=request.user,
            revision=request.POST.get("revision") or None,
        )
    except ValidationError as error:
        error_messages(request, error)
    else:
        messages.success(request, _("The dossier is closed."))
    return redirect("advice:detail", pk=dossier.pk)


@login_required
@require_http_methods(["GET", "POST"])
def working_group(request, pk):
    dossier = dossier_for(request, pk, "advice.manage_dossier")
    if not dossier.is_open:
        raise PermissionDenied
    form = WorkingGroupForm(posted(request), initial={"people": dossier.working_group.all()})
    if request.method == "POST" and form.is_valid():
        try:
            services.working_group_set(
                dossier=dossier, people=list(form.cleaned_data["people"]), by=request.user
            )
        except ValidationError as error:
            refuse_on(form, error, "people")
        else:
            messages.success(request, _("The working group is saved."))
            return redirect("advice:detail", pk=dossier.pk)
    return form_page(
        request,
        form,
        title=_("Working group"),
        intro=_("The members who prepare the advice (the werkgroep)."),
        back=reverse("advice:detail", args=[dossier.pk]),
        dossier=dossier,
    )


@login_required
@require_http_methods(["GET", "POST"])
def agenda(request, pk):
    dossier = dossier_for(request, pk, "advice.manage_dossier")
    if not dossier.is_open:
        raise PermissionDenied
    meetings = (
        Meeting.objects.visible_to(request.user)
        .filter(
            kind__in=[MeetingKind.COUNCIL, MeetingKind.CONSULTATION],
            state__in=MeetingState.upcoming(),
            date__gte=timezone.localdate(),
        )
        .select_related("location")
        .order_by("date", "start_time")
    )
    form = AgendaForm(posted(request), meetings=meetings)
    if request.method == "POST" and form.is_valid():
        try:
            services.dossier_put_on_agenda(
                dossier=dossier, meeting=form.cleaned_data["meeting"], by=request.user
            )
        except ValidationError as error:
            refuse_on(form, error, "meeting")
        else:
            messages.success(request, _("The dossier is on the agenda."))
            return redirect("advice:detail", pk=dossier.pk)
    return form_page(
        request,
        form,
        title=_("Put the dossier on an agenda"),
        intro=_(
            "A council meeting to prepare or adopt the advice; a consultation meeting "
            "(overlegvergadering) to discuss it with the board."
        ),
        back=reverse("advice:detail", args=[dossier.pk]),
        dossier=dossier,
    )


@login_required
@require_http_methods(["GET", "POST"])
def deadline_extend(request, pk):
    dossier = dossier_for(request, pk, "advice.manage_dossier")
    form = ExtendForm(posted(request), initial={"revision": dossier.revision})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.deadline_extend(
                dossier=dossier,
                deadline=data["deadline"],
                new_date=data["new_date"],
                reason=data["reason"],
                by=request.user,
                revision=data["revision"],
            )
        except ValidationError as error:
            refuse_on(form, error)
        else:
            messages.success(request, _("The deadline is extended."))
            return redirect("advice:detail", pk=dossier.pk)
    return form_page(
        request,
        form,
        title=_("Extend a deadline"),
        intro=_("Only as agreed between the board and the council. The reason stays on record."),
        back=reverse("advice:detail", args=[dossier.pk]),
        dossier=dossier,
    )


@login_required
@require_http_methods(["GET", "POST"])
def document_add(request, pk):
    dossier = dossier_for(request, pk, "advice.manage_dossier")
    form = DocumentForm(posted(request), request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.document_add(
                dossier=dossier,
                by=request.user,
                upload=data["upload"],
                title=data["title"],
                visibility=data["visibility"],
            )
        except ValidationError as error:
            refuse_on(form, error, "upload")
        else:
            messages.success(request, _("The document is added."))
            return redirect("advice:detail", pk=dossier.pk)
    return form_page(
        request,
        form,
        title=_("Add a document"),
        back=reverse("advice:detail", args=[dossier.pk]),
        dossier=dossier,
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
        perm="advice.download_dossier_document",
    )


@login_required
@require_POST
def dossier_publish(request, pk):
    dossier = dossier_for(request, pk, "advice.manage_dossier")
    publish = request.POST.get("publish") == "1"
    try:
        services.dossier_publish(dossier=dossier, by=request.user, publish=publish)
    except ValidationError as error:
        error_messages(request, error)
    else:
        if publish:
            messages.success(request, _("The summary is on the public page."))
        else:
            messages.success(request, _("The dossier is taken off the public page."))
    return redirect("advice:detail", pk=dossier.pk)


@login_required
@require_http_methods(["GET", "POST"])
def topics(request):
    require(request, "advice.manage_topics")
    form = TopicForm(posted(request))
    if request.method == "POST":
        toggle = request.POST.get("toggle")
        if toggle:
            topic = get_object_or_404(Topic, pk=toggle)
            services.topic_set_active(topic=topic, active=not topic.is_active)
            return redirect("advice:topics")
        if form.is_valid():
            try:
                services.topic_add(name=form.cleaned_data["name"])
            except ValidationError as error:
                refuse_on(form, error, "name")
            else:
                messages.success(request, _("The topic is added."))
                return redirect("advice:topics")
    return render(
        request,
        "advice/topics.html",
        {"form": form, "topics": Topic.objects.order_by("name")},
        status=400 if request.method == "POST" and not form.is_valid() else 200,
    )
