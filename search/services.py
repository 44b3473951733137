"""Keeping the index (search_index, search_unindex, search_file_text_store) and asking it
(search_run).

A search is one query for the page of results and one for their count, however many kinds and
rows there are: every kind's condition is `kind = K AND object_id IN (<K's visible_to(user)>)`,
joined with OR, so permissions are the apps' own querysets, evaluated by the database.
"""

import logging
import re
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Case, F, IntegerField, Q, Value, When
from django.utils.html import escape
from django.utils.safestring import mark_safe

from search.extract import extract_text
from search.models import GROUP_OF_KIND, Group, SearchDocument
from search.sources import BY_KIND, SOURCES, sources_for

logger = logging.getLogger(__name__)

# Markers ts_headline puts around a match; control characters no text of ours contains, so the
# text can be escaped first and the markers turned into <mark> after.
START, STOP = "\x02", "\x03"
SNIPPET_CHARS = 220
MAX_QUERY_LENGTH = 200


def full_text():
    """PostgreSQL: full-text search with Dutch stemming; elsewhere a simpler contains-search."""
    return connection.vendor == "postgresql"


# --- Keeping the index ---------------------------------------------------------------------------


def search_index(obj):
    """Write (or remove) the search documents of `obj`, in the caller's transaction."""
    search_index_many([obj])


def search_index_many(objects):
    """Write the search documents of `objects` (one model), in the caller's transaction; those
    their source gives no document (an anonymised signal, ...) are removed in one query."""
    objects = list(objects)
    if not objects:
        return
    for source in sources_for(type(objects[0])):
        gone = []
        for obj in objects:
            fields = source.document(obj)
            if fields is None:
                gone.append(obj.pk)
                continue
            fields.setdefault("theme", "")
            fields["title"] = fields["title"][:300]
            SearchDocument.objects.update_or_create(
                kind=source.kind,
                object_id=obj.pk,
                defaults={**fields, "group": GROUP_OF_KIND[source.kind]},
            )
        if gone:
            SearchDocument.objects.filter(kind=source.kind, object_id__in=gone).delete()


def search_unindex(obj):
    kinds = [source.kind for source in sources_for(type(obj))]
    SearchDocument.objects.filter(kind__in=kinds, object_id=obj.pk).delete()


def search_file_text_store(*, kind, object_id):
    """Read the text of an uploaded file into its search document. A file that cannot be read
    keeps an empty text: the document is still found by its title."""
    source = BY_KIND[kind]
    obj = source.model.objects.filter(pk=object_id).first()
    if obj is None:
        return
    text = extract_text(obj.file, obj.content_type)
    # On PostgreSQL the trigger recomputes the vector on this UPDATE too.
    SearchDocument.objects.filter(kind=kind, object_id=object_id).update(file_text=text)


def search_reindex():
    """Rebuild every search document (after a bulk load that ran no receivers); the text read
    from files is kept. Returns the number of documents."""
    file_texts = {
        (kind, object_id): text
        for kind, object_id, text in SearchDocument.objects.exclude(file_text="").values_list(
            "kind", "object_id", "file_text"
        )
    }
    documents = []
    for source in SOURCES:
        rows = source.model.objects.all()
        if source.related:
            rows = rows.select_related(*source.related)
        for obj in rows.iterator(chunk_size=1000):
            fields = source.document(obj)
            if fields is None:
                continue
            fields.setdefault("theme", "")
            fields["title"] = fields["title"][:300]
            documents.append(
                SearchDocument(
                    kind=source.kind,
                    object_id=obj.pk,
                    group=GROUP_OF_KIND[source.kind],
                    file_text=file_texts.get((source.kind, obj.pk), ""),
                    **fields,
                )
            )
    SearchDocument.objects.all().delete()
    SearchDocument.objects.bulk_create(documents, batch_size=1000)
    return len(documents)


# --- Asking the index ----------------------------------------------------------------------------


def words_of(query):
    return [w for w in re.findall(r"\w+", query.lower()) if len(w) > 1][:10]


# PostgreSQL's Dutch (Snowball) stemmer keeps the spelling changes of Dutch plurals apart:
# "adviezen" stems to "adviez", "advies" to "advies"; "brieven"/"brief" likewise. The query asks
# for both spellings of a word, so the plural finds the singular and the other way round.
SPELLING = [("zen", "s"), ("ven", "f"), ("s", "zen"), ("f", "ven")]


def spellings(word):
    found = {word}
    for end, other in SPELLING:
        if word.endswith(end) and len(word) > len(end) + 2:
            found.add(word[: -len(end)] + other)
    return sorted(found)


def ts_query_text(words):
    """A to_tsquery text: every word (in any of its spellings) must occur. Words are \\w+ only,
    so they carry no tsquery syntax of their own."""
    return " & ".join("(" + " | ".join(spellings(word)) + ")" for word in words)


@dataclass
class Filters:
    group: str = ""
    year: int | None = None
    theme: str = ""


@dataclass
class Search:
    query: str
    words: list
    rows: object  # the queryset, ordered by group, then rank
    full_text: bool
    filters: Filters = field(default_factory=Filters)


def visible_documents(user):
    """The search documents of the objects `user` may open (one query, when evaluated)."""
    allowed = Q(pk__in=[])
    for source in SOURCES:
        allowed |= Q(kind=source.kind, object_id__in=source.visible(user).values("pk"))
    return SearchDocument.objects.filter(allowed)


GROUP_ORDER = Case(
    *[When(group=group.value, then=Value(i)) for i, group in enumerate(Group)],
    output_field=IntegerField(),
)


def search_run(*, user, query, filters=None):
    """The search documents `user` may open that match `query`, best first within each group."""
    from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank

    filters = filters or Filters()
    query = query.strip()[:MAX_QUERY_LENGTH]
    words = words_of(query)
    rows = visible_documents(user)
    if filters.group:
        rows = rows.filter(group=filters.group)
    if filters.year:
        rows = rows.filter(year=filters.year)
    if filters.theme:
        rows = rows.filter(theme=filters.theme)
    if not words:
        return Search(query, words, rows.none(), full_text(), filters)
    if full_text():
        ts_query = SearchQuery(ts_query_text(words), config="dutch", search_type="raw")
        options = {"config": "dutch", "start_sel": START, "stop_sel": STOP}
        rows = (
            rows.filter(vector=ts_query)
            .annotate(
                rank=SearchRank(F("vector"), ts_query),
                title_marked=SearchHeadline("title", ts_query, highlight_all=True, **options),
                snippet=SearchHeadline("body", ts_query, max_words=30, min_words=12, **options),
                file_snippet=SearchHeadline(
                    "file_text", ts_query, max_words=30, min_words=12, **options
                ),
            )
            .order_by(GROUP_ORDER, "-rank", "-year", "pk")
        )
    else:
        for word in words:
            rows = rows.filter(
                Q(title__icontains=word) | Q(body__icontains=word) | Q(file_text__icontains=word)
            )
        rows = rows.order_by(GROUP_ORDER, "-year", "pk")
    return Search(query, words, rows, full_text(), filters)


def mark(text, words):
    """Escape `text`, then put <mark> around the words (and around ts_headline's markers)."""
    safe = escape(text)
    if START in safe:
        safe = safe.replace(START, "<mark>").replace(STOP, "</mark>")
    elif words:
        pattern = "|".join(re.escape(escape(w)) for w in sorted(words, key=len, reverse=True))
        safe = re.sub(f"({pattern})", r"<mark>\1</mark>", safe, flags=re.IGNORECASE)
    return mark_safe(safe)  # noqa: S308 (escaped above; only our own <mark> added)


def snippet_of(row, words):
    """A short piece of the row's own text around the first match, marked."""
    if hasattr(row, "snippet"):
        for text in (row.snippet, row.file_snippet):
            if START in (text or ""):
                return mark(text, words)
        return mark((row.body or row.file_text)[:SNIPPET_CHARS], words)
    for text in (row.body, row.file_text):
        lower = text.lower()
        hits = [lower.find(w) for w in words if w in lower]
        if hits:
            start = max(0, min(hits) - SNIPPET_CHARS // 3)
            piece = text[start : start + SNIPPET_CHARS]
            return mark(("… " if start else "") + piece, words)
    return mark(row.body[:SNIPPET_CHARS], words)


def title_of(row, words):
    if getattr(row, "title_marked", None):
        return mark(row.title_marked, words)
    return mark(row.title, words)
