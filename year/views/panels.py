"""Hiring panels: the secretary and the chair keep WIJ's requests to join a selection procedure
and move them through their steps (HIRING_PANEL_TRANSITIONS); a member reads the panels they
take part in. Confidential: anyone else gets 403 (list) or 404 (a panel)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from wijraad.access import allowed, require
from wijraad.forms import form_errors, form_page, posted
from year import services
from year.access import hiring_panel_for
from year.forms import HiringPanelForm, HiringPanelTransitionForm
from year.models import HiringPanel, HiringPanelState

INTRO = gettext_lazy(
    "WIJ asked the council to join a selection procedure. Confidential: only the secretary, "
    "the chair and the members who take part see this."
)


@login_required
@require_GET
def panels(request):
    require(request, "year.view_hiring_panels")
    rows = HiringPanel.objects.visible_to(request.user).prefetch_related("participants")
    return render(
        request,
        "year/panels.html",
        {"panels": rows, "can_manage": allowed(request.user, "year.manage_hiring_panels")},
    )


def _detail(request, panel, *, transition_form=None, status=200):
    can_manage = allowed(request.user, "year.manage_hiring_panels", panel)
    if transition_form is None and can_manage and panel.next_states():
        transition_form = HiringPanelTransitionForm(panel=panel)
    return render(
        request,
        "year/panel.html",
        {
            "panel": panel,
            "participants": panel.participants.order_by("name"),
            "history": panel.state_changes.select_related("by"),
            "transition_form": transition_form if can_manage else None,
            "can_manage": can_manage,
        },
        status=status,
    )


@login_required
@require_GET
def panel(request, pk):
    return _detail(request, hiring_panel_for(request, pk, "year.view_hiring_panels"))


@login_required
@require_http_methods(["GET", "POST"])
def panel_edit(request, pk=None):
    if pk is None:
        require(request, "year.manage_hiring_panels")
        panel = None
    else:
        panel = hiring_panel_for(request, pk, "year.manage_hiring_panels")
        if panel.is_finished and request.method == "GET":
            # No form to fill in vain (a POST is refused by the service, nothing changed).
            messages.info(request, _("This hiring panel is finished: it can no longer be changed."))
            return redirect("year:panel", pk=panel.pk)
    form = HiringPanelForm(posted(request), instance=panel)
    if form.is_valid():
        data = dict(form.cleaned_data)
        try:
            panel = services.hiring_panel_save(panel=panel, by=request.user, **data)
        except ValidationError as error:
            form_errors(form, error)
        else:
            return redirect("year:panel", pk=panel.pk)
    return form_page(
        request,
        form,
        title=_("Hiring panel"),
        intro=INTRO,
        back=reverse("year:panel", args=[panel.pk]) if panel else reverse("year:panels"),
    )


@login_required
@require_POST
def panel_move(request, pk):
    panel = hiring_panel_for(request, pk, "year.manage_hiring_panels")
    form = HiringPanelTransitionForm(request.POST, panel=panel)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.hiring_panel_transition(
                panel=panel,
                to_state=data["to_state"],
                participants=list(data["participants"]),
                outcome=data["outcome"],
                note=data["note"],
                by=request.user,
            )
        except ValidationError as error:
            form_errors(form, error)
        else:
            label = HiringPanelState(data["to_state"]).label
            messages.success(request, _("The hiring panel is now: %(state)s.") % {"state": label})
            return redirect("year:panel", pk=panel.pk)
    return _detail(request, panel, transition_form=form, status=400)
