"""Bench data for search: the other apps' bench data is loaded in bulk (no receivers run), so the
index is rebuilt from it once, last (search is the top floor, loaded after the others)."""

from search.services import search_reindex


def load(*, stdout, years):
    count = search_reindex()
    stdout.write(f"search: {count} search documents")
