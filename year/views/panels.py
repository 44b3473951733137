"""Hiring panels: the secretary and the chair keep WIJ's requests to join a selection
procedure, who took part and the outcome. Confidential: anyone else gets 403 (list) or 404."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from wijraad.access import require
from wijraad.forms import form_errors, form_page, posted
from year import services
from year.forms import HiringPanelForm
from year.models import HiringPanel


@login_required
@require_GET
def panels(request):
    require(request, "year.manage_hiring_panels")
    rows = HiringPanel.objects.prefetch_related("participants")
    return render(request, "year/panels.html", {"panels": rows})


@login_required
@require_http_methods(["GET", "POST"])
def panel_edit(request, pk=None):
    require(request, "year.manage_hiring_panels")
    panel = get_object_or_404(HiringPanel, pk=pk) if pk else None
    form = HiringPanelForm(posted(request), instance=panel)
    if form.is_valid():
        data = dict(form.cleaned_data)
        participants = data.pop("participants")
        try:
            services.hiring_panel_save(
                panel=panel, participants=participants, by=request.user, **data
            )
        except ValidationError as error:
            form_errors(form, error)
        else:
            return redirect("year:panels")
    return form_page(
        request,
        form,
        title=_("Hiring panel"),
        intro=_(
            "WIJ asked the council to join a selection procedure. "
            "Only the secretary and the chair see this."
        ),
        back=reverse("year:panels"),
    )
