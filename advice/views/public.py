"""The public page of published advice, by year: title, topic, kind, dates and the summaries in
plain language, never the confidential parts."""

from itertools import groupby

from django.db.models import Prefetch
from django.shortcuts import render
from django.views.decorators.http import require_GET

from advice.models import BoardAnswer, Dossier


@require_GET
def published(request):
    dossiers = (
        Dossier.objects.published()
        .select_related("topic", "advice")
        .prefetch_related(
            Prefetch(
                "answers",
                queryset=BoardAnswer.objects.order_by("answered_at", "pk"),
                to_attr="answer_list",
            )
        )
        .order_by("-year", "-number")
    )
    years = [(year, list(rows)) for year, rows in groupby(dossiers, key=lambda d: d.year)]
    return render(request, "advice/published.html", {"years": years})
