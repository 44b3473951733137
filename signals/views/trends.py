"""Trends: counts by theme, location and month, as a table (the source) and a chart."""

import csv

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from signals.forms import PeriodForm
from signals.trends import bars, default_period, trends
from wijraad.access import require


def _period(request):
    start, end = default_period()
    form = PeriodForm(request.GET or None, initial={"start": start, "end": end})
    if form.is_valid():
        start = form.cleaned_data["start"] or start
        end = form.cleaned_data["end"] or end
    return form, start, end


@login_required
@require_GET
def trends_page(request):
    require(request, "signals.view_signal_trends")
    form, start, end = _period(request)
    figures = trends(start, end)
    return render(
        request,
        "signals/trends.html",
        {
            "form": form,
            "start": start,
            "end": end,
            "figures": figures,
            "theme_chart": bars(figures["themes"], label_width=0),
            "location_chart": bars(figures["locations"], label_width=0),
            "month_chart": bars(figures["months"], label_width=0),
            "query": request.GET.urlencode(),
        },
    )


def _cell(text):
    """A spreadsheet does not run what a cell starts with (=, +, -, @)."""
    text = str(text)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


@login_required
@require_GET
def trends_csv(request):
    require(request, "signals.view_signal_trends")
    _form, start, end = _period(request)
    figures = trends(start, end)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="signalen-{start}-{end}.csv"'
    writer = csv.writer(response)
    writer.writerow([_("Grouped by"), _("Group"), _("Number of signals")])
    fewer = _("fewer than %(n)d") % {"n": figures["threshold"]}
    for heading, rows in (
        (_("Theme"), figures["themes"]),
        (_("WIJ location"), figures["locations"]),
        (_("Month"), figures["months"]),
    ):
        for row in rows:
            writer.writerow(
                [heading, _cell(row.label), row.count if row.count is not None else fewer]
            )
    return response
