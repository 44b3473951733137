"""The search page: one box for everyone; each person finds only what they may open."""

from django.core.paginator import Paginator
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
        page = Paginator(result.rows, PAGE_SIZE).get_page(request.GET.get("page"))
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
            "result": result,
            "page": page,
            "full_text": services.full_text(),
            "query_string": query.urlencode(),
        },
    )
