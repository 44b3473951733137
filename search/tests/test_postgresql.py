"""Full-text search on PostgreSQL: Dutch stemming, ranking, the trigger that keeps the vector in
the same transaction, and marks around stemmed matches. Run with
DATABASE_URL=postgres://postgres@127.0.0.1:5432/wijraad_search."""

import pytest
from django.db import connection
from django.urls import reverse

from advice.tests.factories import DossierFactory
from members.tests.factories import DocumentFactory
from search.models import SearchDocument
from wijraad.models import Visibility

URL = reverse("search:search")

# Skipped before any database set-up (with REQUIRE_SERVICES=1 the skip fails the run).
pytestmark = [
    pytest.mark.services,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs PostgreSQL: full-text search in Dutch"
    ),
]


def titles(response):
    return [row.title for row in response.context["page"].object_list]


@pytest.mark.django_db
def test_adviezen_finds_advies(client, lid):
    DocumentFactory(title="Het advies over de bereikbaarheid", visibility=Visibility.COUNCIL)
    DocumentFactory(title="Iets anders", visibility=Visibility.COUNCIL)
    client.force_login(lid)
    response = client.get(URL, {"q": "adviezen"})
    assert titles(response) == ["Het advies over de bereikbaarheid"]
    assert "<mark>advies</mark>" in response.content.decode()
    assert 'data-test="simple-search"' not in response.content.decode()


@pytest.mark.django_db
def test_the_vector_is_written_with_the_row(lid):
    document = DocumentFactory(
        title="Wachttijden telefoon", original_name="a.pdf", visibility=Visibility.COUNCIL
    )
    row = SearchDocument.objects.get(kind="document", object_id=document.pk)
    assert "telefon" in row.vector  # the Dutch stem
    document.title = "Wachtkamers"
    document.save()
    row.refresh_from_db()
    assert "telefon" not in row.vector
    assert "wachtkamer" in row.vector


@pytest.mark.django_db
def test_a_title_match_ranks_above_a_text_match(client, secretaris):
    DossierFactory(title="Over de wijkteams", board_question="Ook over telefoon.")
    DossierFactory(title="De telefoon", board_question="Iets.")
    client.force_login(secretaris)
    response = client.get(URL, {"q": "telefoons", "group": "advice"})
    assert [t.split(" ", 1)[1] for t in titles(response)] == ["De telefoon", "Over de wijkteams"]


@pytest.mark.django_db
def test_the_gin_index_exists():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = 'search_document_vector_gin'"
        )
        assert "gin" in cursor.fetchone()[0]
