"""The search page: one box for everyone; each person finds only what they may open."""

from django.core.paginator import Page, Paginator
from django.db.models import Count, Window
from django.shortcuts import render
from django.views.decorators.http import require_GET

from advice.models import Topic
from search import services
from search.forms import SearchForm
from search.models import Group
from signals.models import SignalTheme

PAGE_SIZE = 20
FIRST_YEAR = 2015


def _choices():
    """The filter options: years and the topic and theme names (public lists, one query)."""
    from django.utils import timezone

    years = range(timezone.localdate().year + 1, FIRST_YEAR - 1, -1)
    topics = Topic.objects.order_by().values_list("name", flat=True)
    themes = SignalTheme.objects.order_by().values_list("name", flat=True)
    return years, sorted(set(topics.union(themes)))


def _page(rows, number):
    """One page of results and their total in one query (a window count), not two."""
    try:
        number = max(1, min(int(number or 1), 1000))
    except ValueError:
        number = 1
    counted = rows.annotate(total=Window(Count("pk")))
    found = list(counted[(number - 1) * PAGE_SIZE : number * PAGE_SIZE])
    if not found and number > 1:  # past the last page: the first one
        number, found = 1, list(counted[:PAGE_SIZE])
    paginator = Paginator(rows, PAGE_SIZE)
    paginator.count = found[0].total if found else 0  # no second query for the count
    return Page(found, number, paginator)


@require_GET
def search(request):
    years, themes = _choices()
    form = SearchForm(request.GET or None, years=years, themes=themes)
    result = page = None
    if form.is_valid() and form.cleaned_data["q"].strip():
        data = form.cleaned_data
        result = services.search_run(
            user=request.user,
            query=data["q"],
            filters=services.Filters(group=data["group"], year=data["year"], theme=data["theme"]),
        )
        page = _page(result.rows, request.GET.get("page"))
        for row in page.object_list:
            row.marked_title = services.title_of(row, result.words)
            row.marked_snippet = services.snippet_of(row, result.words)
            row.group_label = Group(row.group).label
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "search/search.html",
        {
            "form": form,
            "filters": [form["group"], form["year"], form["theme"]],
            "result": result,
            "page": page,
            "full_text": services.full_text(),
            "query_string": query.urlencode(),
        },
    )
