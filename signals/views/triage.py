"""The council's side: the list, a signal's page, recording, triage, themes."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from advice.models import Dossier
from meetings.models import AgendaItem
from signals import services
from signals.access import signal_for, theme_for
from signals.forms import (
    DossierLinkForm,
    FilterForm,
    LinkForm,
    MergeForm,
    RecordForm,
    ThemeForm,
    TransitionForm,
    TriageForm,
)
from signals.models import ContactView, Signal, SignalState, SignalStateChange, SignalTheme
from wijraad.access import allowed, require
from wijraad.forms import error_messages, form_errors, posted

PAGE_SIZE = 50


@login_required
@require_GET
def signal_list(request):
    require(request, "signals.view_signals")
    form = FilterForm(request.GET or None)
    signals = Signal.objects.visible_to(request.user).select_related("theme", "location")
    state = theme = None
    if form.is_valid():
        state, theme = form.cleaned_data["state"], form.cleaned_data["theme"]
    if not state:
        signals = signals.open()
    elif state != "all":
        signals = signals.filter(state=state)
    if theme is not None:
        signals = signals.filter(theme=theme)
    page = Paginator(signals, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "signals/list.html",
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "can_record": allowed(request.user, "signals.record_signal"),
            "can_manage_themes": allowed(request.user, "signals.manage_signal_themes"),
            "can_view_trends": allowed(request.user, "signals.view_signal_trends"),
        },
    )


@login_required
@require_GET
def signal_detail(request, pk):
    signal = signal_for(request, pk, "signals.view_signals")
    items = AgendaItem.objects.visible_to(request.user).select_related("meeting")
    history = SignalStateChange.objects.select_related("by")
    signal = (
        Signal.objects.filter(pk=signal.pk)
        .select_related("theme", "location", "recorded_by", "merged_into", "visit_report__meeting")
        .prefetch_related(
            Prefetch("agenda_items", queryset=items.order_by("meeting__date", "position")),
            Prefetch("state_changes", queryset=history),
            Prefetch("duplicates", queryset=Signal.objects.order_by("pk")),
            Prefetch("dossiers", queryset=Dossier.objects.visible_to(request.user).for_list()),
        )
        .get()
    )
    can_triage = allowed(request.user, "signals.triage_signal", signal)
    context = {
        "signal": signal,
        "can_triage": can_triage,
        "can_view_contact": allowed(request.user, "signals.view_signal_contact", signal),
        "has_contact": hasattr(signal, "contact") if can_triage else None,
    }
    if can_triage and not signal.is_finished:
        context.update(
            transition_form=TransitionForm(signal=signal),
            merge_form=MergeForm(),
            link_form=LinkForm(user=request.user),
            dossier_form=DossierLinkForm(user=request.user),
            triage_form=TriageForm(
                initial={
                    "theme": signal.theme_id,
                    "location": signal.location_id,
                    "neighbourhood": signal.neighbourhood,
                }
            ),
        )
    return render(request, "signals/detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def signal_record(request):
    require(request, "signals.record_signal")
    with_contact = allowed(request.user, "signals.view_signal_contact")
    initial = {}
    report = request.GET.get("verslag")
    if report and report.isdigit():
        initial = {"visit_report": int(report), "channel": "work_visit"}
    form = RecordForm(
        posted(request), user=request.user, with_contact=with_contact, initial=initial
    )
    if form.is_valid():
        data = form.cleaned_data
        try:
            signal = services.signal_record(
                by=request.user,
                theme=data["theme"],
                story=data["story"],
                channel=data["channel"],
                received_on=data["received_on"],
                location=data["location"],
                neighbourhood=data["neighbourhood"],
                visit_report=data["visit_report"],
                name=data.get("name", ""),
                email=data.get("email", ""),
                phone=data.get("phone", ""),
                consent=data.get("consent", False),
            )
        except ValidationError as error:
            form_errors(form, error)
        else:
            messages.success(
                request, _("Signal %(reference)s is recorded.") % {"reference": signal.reference}
            )
            return redirect("signals:detail", pk=signal.pk)
    return render(
        request,
        "signals/form.html",
        {"form": form, "title": _("Record a signal"), "back": reverse("signals:list")},
    )


@login_required
@require_GET
def signal_contact(request, pk):
    signal = signal_for(request, pk, "signals.view_signal_contact")
    contact = services.contact_view(signal=signal, by=request.user, request=request)
    views = ContactView.objects.filter(signal=signal).select_related("viewer")[:20]
    return render(
        request, "signals/contact.html", {"signal": signal, "contact": contact, "views": views}
    )


@login_required
@require_POST
def signal_transition(request, pk):
    signal = signal_for(request, pk, "signals.triage_signal")
    form = TransitionForm(request.POST, signal=signal)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.signal_transition(
                signal=signal,
                to=data["to"],
                by=request.user,
                outcome=data["outcome"],
                referral=data["referral"],
                note=data["note"],
            )
        except ValidationError as error:
            error_messages(request, error)
        else:
            messages.success(
                request,
                _("The signal is now: %(state)s.") % {"state": SignalState(data["to"]).label},
            )
    else:
        messages.error(request, _("Choose a state this signal can move to."))
    return redirect("signals:detail", pk=signal.pk)


@login_required
@require_POST
def signal_merge(request, pk):
    signal = signal_for(request, pk, "signals.triage_signal")
    form = MergeForm(request.POST)
    into = None
    if form.is_valid():
        reference = form.cleaned_data["into"].strip().upper()
        into = Signal.objects.visible_to(request.user).filter(reference=reference).first()
    if into is None:
        messages.error(request, _("There is no signal with that reference."))
        return redirect("signals:detail", pk=signal.pk)
    try:
        services.signal_merge(signal=signal, into=into, by=request.user)
    except ValidationError as error:
        error_messages(request, error)
        return redirect("signals:detail", pk=signal.pk)
    messages.success(request, _("Merged into %(reference)s.") % {"reference": into.reference})
    return redirect("signals:detail", pk=into.pk)


@login_required
@require_POST
def signal_link(request, pk):
    signal = signal_for(request, pk, "signals.triage_signal")
    form = LinkForm(request.POST, user=request.user)
    if form.is_valid():
        try:
            services.signal_link_agenda_item(
                signal=signal, item=form.cleaned_data["agenda_item"], by=request.user
            )
        except ValidationError as error:
            error_messages(request, error)
        else:
            messages.success(request, _("The signal is linked to the agenda item."))
    else:
        messages.error(request, _("Choose an agenda item from the list."))
    return redirect("signals:detail", pk=signal.pk)


@login_required
@require_POST
def signal_unlink(request, pk, item_pk):
    signal = signal_for(request, pk, "signals.triage_signal")
    item = signal.agenda_items.filter(pk=item_pk).first()
    if item is not None:
        services.signal_unlink_agenda_item(signal=signal, item=item, by=request.user)
        messages.success(request, _("The link to the agenda item is removed."))
    return redirect("signals:detail", pk=signal.pk)


@login_required
@require_POST
def signal_edit(request, pk):
    signal = signal_for(request, pk, "signals.triage_signal")
    form = TriageForm(request.POST)
    if form.is_valid():
        services.signal_update(signal=signal, by=request.user, **form.cleaned_data)
        messages.success(request, _("The signal is changed."))
    else:
        messages.error(request, _("Choose a theme and a location from the lists."))
    return redirect("signals:detail", pk=signal.pk)


@login_required
@require_http_methods(["GET", "POST"])
def themes(request):
    require(request, "signals.manage_signal_themes")
    form = ThemeForm(posted(request))
    if form.is_valid():
        try:
            services.theme_save(theme=form.save(commit=False), by=request.user)
        except ValidationError as error:
            form_errors(form, error)
        else:
            messages.success(request, _("The theme is added."))
            return redirect("signals:themes")
    return render(
        request, "signals/themes.html", {"form": form, "themes": SignalTheme.objects.all()}
    )


@login_required
@require_http_methods(["GET", "POST"])
def theme_edit(request, pk):
    theme = theme_for(request, pk, "signals.manage_signal_themes")
    form = ThemeForm(posted(request), instance=theme)
    if form.is_valid():
        try:
            services.theme_save(theme=form.save(commit=False), by=request.user)
        except ValidationError as error:
            form_errors(form, error)
        else:
            messages.success(request, _("The theme is changed."))
            return redirect("signals:themes")
    return render(
        request,
        "signals/form.html",
        {"form": form, "title": _("Change a theme"), "back": reverse("signals:themes")},
    )


@login_required
@require_POST
def signal_link_dossier(request, pk):
    signal = signal_for(request, pk, "signals.triage_signal")
    form = DossierLinkForm(request.POST, user=request.user)
    if form.is_valid():
        try:
            services.signal_link_dossier(
                signal=signal, dossier=form.cleaned_data["dossier"], by=request.user
            )
        except ValidationError as error:
            error_messages(request, error)
        else:
            messages.success(request, _("The signal is linked to the advice dossier."))
    else:
        messages.error(request, _("Choose an advice dossier from the list."))
    return redirect("signals:detail", pk=signal.pk)


@login_required
@require_POST
def signal_unlink_dossier(request, pk, dossier_pk):
    signal = signal_for(request, pk, "signals.triage_signal")
    dossier = signal.dossiers.filter(pk=dossier_pk).first()
    if dossier is not None:
        services.signal_unlink_dossier(signal=signal, dossier=dossier, by=request.user)
        messages.success(request, _("The link to the advice dossier is removed."))
    return redirect("signals:detail", pk=signal.pk)
