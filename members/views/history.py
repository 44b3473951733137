"""The history page for the secretary and the chair: who changed what and when, and who
downloaded which confidential file; filtered by kind, person and period, paged."""

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from members import history
from members.forms import date_field
from members.models import User
from wijraad.access import require

PAGE_SIZE = 50


class HistoryFilterForm(forms.Form):
    show = forms.ChoiceField(
        label=_("Show"),
        choices=[("changes", _("Changes")), ("downloads", _("Downloads"))],
        required=False,
    )
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    person = forms.ModelChoiceField(
        label=_("Person"),
        queryset=User.objects.none(),
        required=False,
        empty_label=_("Everyone"),
        help_text=_("Who made the change, or who downloaded."),
    )
    start = date_field(_("From"), required=False)
    end = date_field(_("Through"), required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("Everything"))] + history.kinds()
        self.fields["person"].queryset = User.objects.visible_to(user).order_by("name", "pk")


@login_required
@require_GET
def history_page(request):
    require(request, "members.view_history")
    form = HistoryFilterForm(request.GET or None, user=request.user)
    filters = {}
    show = "changes"
    if form.is_valid():
        data = form.cleaned_data
        show = data["show"] or "changes"
        filters = {
            "kind": data["kind"],
            "person": data["person"],
            "start": data["start"],
            "end": data["end"],
        }
    rows = history.downloads(**filters) if show == "downloads" else history.changes(**filters)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "members/history.html",
        {
            "form": form,
            "show": show,
            "page": page,
            "changes": [history.Change(entry) for entry in page] if show == "changes" else [],
            "downloads": (
                [(row, history.download_kind(row)) for row in page] if show == "downloads" else []
            ),
            "query": query.urlencode(),
        },
    )
