"""The search page: exactly what each persona may open, safe highlighting, filters, paging and a
constant number of queries."""

import datetime
import io
from importlib import import_module

import pytest
import time_machine
from django.apps import apps
from django.db import connection
from django.urls import reverse

from meetings.tests.factories import AgendaItemFactory, MeetingFactory
from members.tests.factories import DocumentFactory
from search.models import Kind, SearchDocument
from search.sources import BY_KIND
from search.tests.world import PERSONAS_ORDER, WORD, expected_for, make_world
from signals.models import Signal, SignalState
from signals.services import retention_run
from signals.tests.factories import SignalFactory
from wijraad.models import Visibility

URL = reverse("search:search")


def rows(response):
    page = response.context["page"]
    return list(page.object_list) if page else []


def found(response, world):
    """(kind, label) of the world's objects on the page, and how many rows there were."""
    result = set()
    for row in rows(response):
        for kind, label, _who in world:
            if row.kind == kind and label in row.title:
                result.add((kind, label))
    return sorted(result)


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS_ORDER)
def test_each_persona_finds_exactly_what_they_may_open(client, personas, persona):
    world = make_world()
    if personas[persona] is not None:
        client.force_login(personas[persona])
    response = client.get(URL, {"q": WORD})
    assert response.status_code == 200
    expected = expected_for(world, persona)
    assert found(response, world) == expected
    assert len(rows(response)) == len(expected)


@pytest.mark.django_db
def test_a_restricted_item_shows_nothing_of_itself_to_a_member(client, lid):
    make_world()
    client.force_login(lid)
    content = client.get(URL, {"q": "geheime afspraak"}).content.decode()
    assert "Geheime" not in content
    assert "vertrouwelijk" not in content


@pytest.mark.django_db
def test_the_chair_finds_the_restricted_item_by_its_text_with_the_words_marked(client, voorzitter):
    make_world()
    client.force_login(voorzitter)
    response = client.get(URL, {"q": "afspraak"})
    assert [row.title for row in rows(response)] == ["Punt telefoon vertrouwelijk"]
    assert "<mark>afspraak</mark>" in response.content.decode()


@pytest.mark.django_db
def test_highlighting_escapes_the_text_first(client, lid):
    AgendaItemFactory(
        meeting=MeetingFactory(agenda_published_at="2027-03-01T10:00Z"),
        title="<script>alert(1)</script> telefoon",
        visibility=Visibility.COUNCIL,
    )
    client.force_login(lid)
    content = client.get(URL, {"q": WORD}).content.decode()
    assert "<script>alert(1)" not in content
    assert "&lt;script&gt;alert(1)&lt;/script&gt; <mark>telefoon</mark>" in content


@pytest.mark.django_db
def test_filters_by_kind_and_year(client, secretaris):
    make_world()
    client.force_login(secretaris)
    response = client.get(URL, {"q": WORD, "group": "documents"})
    assert {row.kind for row in rows(response)} == {"document", "dossier_document", "paper"}
    response = client.get(URL, {"q": WORD, "year": 2027, "group": "advice"})
    assert {row.year for row in rows(response)} == {2027}
    assert len(rows(response)) == 3
    # The form shows the words and the filters chosen.
    html = response.content.decode()
    assert f'name="q" value="{WORD}"' in html
    assert '<option value="advice" selected>' in html
    assert '<option value="2027" selected>2027</option>' in html
    assert '<option value="" selected>' in html  # no topic or theme chosen


@pytest.mark.django_db
def test_filters_by_topic(client, secretaris):
    from advice.tests.factories import DossierFactory, TopicFactory

    DossierFactory(title="Telefoon A", topic=TopicFactory(name="Privacy"))
    DossierFactory(title="Telefoon B", topic=TopicFactory(name="Bereikbaarheid"))
    client.force_login(secretaris)
    response = client.get(URL, {"q": WORD, "theme": "Bereikbaarheid"})
    assert [row.title.split(" ", 1)[1] for row in rows(response)] == ["Telefoon B"]


@pytest.mark.django_db
def test_pages_of_twenty(client, lid):
    DocumentFactory.create_batch(25, title="Telefoon stuk", visibility=Visibility.COUNCIL)
    client.force_login(lid)
    assert len(rows(client.get(URL, {"q": WORD}))) == 20
    response = client.get(URL, {"q": WORD, "page": 2})
    assert len(rows(response)) == 5
    assert response.context["page"].paginator.count == 25
    assert response.context["page"].paginator.num_pages == 2
    assert len(rows(client.get(URL, {"q": WORD, "page": 9}))) == 20


@pytest.mark.skipif(connection.vendor == "postgresql", reason="SQLite's simpler search")
@pytest.mark.django_db
def test_the_simple_search_says_so(client):
    content = client.get(URL, {"q": WORD}).content.decode()
    assert 'data-test="simple-search"' in content


@pytest.mark.django_db
def test_the_search_box_is_in_the_layout(client):
    content = client.get(reverse("home")).content.decode()
    assert f'action="{URL}"' in content


@pytest.mark.django_db
def test_an_empty_query_finds_nothing(client, lid):
    client.force_login(lid)
    response = client.get(URL, {"q": "  "})
    assert response.status_code == 200
    assert response.context["page"] is None


@pytest.mark.django_db
def test_a_deleted_object_leaves_the_index(private_root):
    document = DocumentFactory(title="Weg telefoon")
    assert SearchDocument.objects.filter(kind="document", object_id=document.pk).exists()
    document.delete()
    assert not SearchDocument.objects.filter(kind="document", object_id=document.pk).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["lid", "secretaris", "anoniem"])
def test_constant_queries(client, personas, persona, assert_constant_queries):
    if personas[persona] is not None:
        client.force_login(personas[persona])
    make_world()

    def add_rows(n):
        DocumentFactory.create_batch(n, title="Telefoon extra", visibility=Visibility.PUBLIC)
        AgendaItemFactory.create_batch(
            n,
            meeting=MeetingFactory(agenda_published_at="2027-03-01T10:00Z"),
            title="Telefoon punt",
            description="over de telefoon",
        )

    expected = {"lid": 3, "secretaris": 3, "anoniem": 2}[persona]
    assert_constant_queries(
        lambda: client.get(URL, {"q": WORD}), expected=expected, add_rows=add_rows
    )


@pytest.mark.django_db
def test_a_rebuild_finds_what_a_bulk_load_put_in(client, lid):
    from django.core.management import call_command

    DocumentFactory(title="Telefoon oud", visibility=Visibility.COUNCIL)
    SearchDocument.objects.all().delete()
    call_command("search_reindex", stdout=io.StringIO())
    client.force_login(lid)
    response = client.get(URL, {"q": WORD})
    assert [row.title for row in rows(response)] == ["Telefoon oud"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("state", "finders"),
    [
        (None, set()),
        ("draft", {"voorzitter", "secretaris"}),
        ("shared", {"lid", "voorzitter", "secretaris"}),
        ("adopted", {"lid", "voorzitter", "secretaris"}),
    ],
)
def test_minutes_of_an_item_only_once_the_minutes_are_out(client, personas, state, finders):
    from meetings.models import Minutes

    meeting = MeetingFactory(agenda_published_at="2027-03-01T10:00Z")
    AgendaItemFactory(meeting=meeting, title="Bereikbaarheid", decision="Besluit over de telefoon")
    if state:
        Minutes.objects.create(meeting=meeting, state=state)
    for name in ["lid", "voorzitter", "secretaris", "bestuurder"]:
        client.force_login(personas[name])
        kinds = {row.kind for row in rows(client.get(URL, {"q": WORD}))}
        assert ("decision" in kinds) == (name in finders), name


@pytest.mark.django_db
def test_a_rolled_back_save_leaves_nothing_in_the_index():
    from django.db import transaction

    def save_then_fail():
        with transaction.atomic():
            MeetingFactory(title="Telefoon teruggedraaid")
            raise RuntimeError

    with pytest.raises(RuntimeError):
        save_then_fail()
    assert not SearchDocument.objects.exists()


@pytest.mark.django_db
def test_a_renamed_topic_or_theme_is_followed(client, secretaris):
    from advice.tests.factories import DossierFactory, TopicFactory
    from signals.tests.factories import SignalFactory, SignalThemeFactory

    topic = TopicFactory(name="Privacy")
    DossierFactory(title="Telefoon", topic=topic)
    theme = SignalThemeFactory(name="Wachttijd")
    SignalFactory(theme=theme, story="De telefoon")
    topic.name = "Gegevens"
    topic.save()
    theme.name = "Bereikbaarheid"
    theme.save()
    assert set(SearchDocument.objects.exclude(kind="person").values_list("kind", "theme")) == {
        ("dossier", "Gegevens"),
        ("published_advice", "Gegevens"),
        ("signal", "Bereikbaarheid"),
    }
    client.force_login(secretaris)
    response = client.get(URL, {"q": WORD, "theme": "Bereikbaarheid"})
    assert [row.kind for row in rows(response)] == ["signal"]
    assert "Bereikbaarheid" in rows(response)[0].title


@pytest.mark.django_db
def test_retention_removes_a_signals_story_from_the_index_too(client, secretaris):
    closed = datetime.datetime(2026, 3, 10, 12, tzinfo=datetime.UTC)
    signal = SignalFactory(
        story="De wachttijd bij het loket is veel te lang",
        state=SignalState.CLOSED,
        closed_at=closed,
        outcome="Besproken.",
    )
    kept = SignalFactory(story="Ook hier een lange wachttijd")
    assert SearchDocument.objects.filter(object_id=signal.pk, body__contains="loket").exists()
    with time_machine.travel(datetime.datetime(2028, 3, 11, 12, tzinfo=datetime.UTC)):
        assert retention_run()["anonymised"] == 1
        client.force_login(secretaris)
        response = client.get(URL, {"q": "wachttijd"})
    assert not SearchDocument.objects.filter(kind="signal", object_id=signal.pk).exists()
    assert [row.object_id for row in rows(response)] == [kept.pk]
    signal.refresh_from_db()
    signal.save()  # a later save does not bring the empty signal back into the index
    assert not SearchDocument.objects.filter(kind="signal", object_id=signal.pk).exists()


@pytest.mark.django_db
def test_the_migration_forgets_signals_anonymised_before_the_index_listened():
    """The old retention run removed stories with an UPDATE that left their words in the index;
    migration 0002 deletes the search documents of every anonymised signal."""
    gone = SignalFactory(story="De wachttijd bij het loket is veel te lang")
    kept = SignalFactory(story="Ook hier een lange wachttijd")
    Signal.objects.filter(pk=gone.pk).update(
        story="", anonymised_at=datetime.datetime.now(datetime.UTC)
    )
    assert SearchDocument.objects.filter(object_id=gone.pk, body__contains="loket").exists()
    migration = import_module("search.migrations.0002_forget_anonymised_signals")
    migration.forget_anonymised_signals(apps, None)
    assert not SearchDocument.objects.filter(kind="signal", object_id=gone.pk).exists()
    assert SearchDocument.objects.filter(kind="signal", object_id=kept.pk).exists()


@pytest.mark.django_db
def test_an_anonymised_signal_is_left_out_by_its_document_only(secretaris):
    """One place decides that an anonymised signal is not searched: its source writes no
    document. Who may open a signal stays the signals app's own question (visible_to)."""
    closed = datetime.datetime(2026, 3, 10, 12, tzinfo=datetime.UTC)
    signal = SignalFactory(story="Het loket", state=SignalState.CLOSED, closed_at=closed)
    with time_machine.travel(datetime.datetime(2028, 3, 11, 12, tzinfo=datetime.UTC)):
        assert retention_run()["anonymised"] == 1
        visible = BY_KIND[Kind.SIGNAL].visible(secretaris)
        assert list(visible) == list(Signal.objects.visible_to(secretaris))
        assert signal.pk in set(visible.values_list("pk", flat=True))
    assert not SearchDocument.objects.filter(kind=Kind.SIGNAL, object_id=signal.pk).exists()
