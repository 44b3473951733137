"""The decision list (besluitenlijst): every decision from adopted minutes the user may
see, by year and topic, a page at a time, printable."""

import datetime

import pytest
from django.urls import reverse

from meetings.models import MeetingKind, MeetingState, Minutes, MinutesState
from meetings.tests.factories import AgendaItemFactory, MeetingFactory
from wijraad.models import Visibility

pytestmark = pytest.mark.django_db


def held(day, *, state=MinutesState.ADOPTED, kind=MeetingKind.COUNCIL):
    meeting = MeetingFactory(date=day, state=MeetingState.HELD, kind=kind)
    Minutes.objects.create(meeting=meeting, state=state)
    return meeting


def test_decisions_of_adopted_minutes_newest_first(client, lid):
    older = held(datetime.date(2025, 3, 11))
    newer = held(datetime.date(2026, 2, 10))
    draft = held(datetime.date(2026, 4, 7), state=MinutesState.SHARED)
    AgendaItemFactory(meeting=older, title="Privacybeleid", decision="Advies over privacy.")
    AgendaItemFactory(meeting=newer, title="Wachttijden", decision="Brief aan de bestuurder.")
    AgendaItemFactory(meeting=newer, title="Rondvraag", decision="")
    AgendaItemFactory(meeting=draft, title="Concept", decision="Nog niet vastgesteld.")
    client.force_login(lid)
    page = client.get(reverse("meetings:decisions")).content.decode()
    assert "2 besluiten" in page
    assert page.index("Brief aan de bestuurder.") < page.index("Advies over privacy.")
    assert "Nog niet vastgesteld." not in page
    assert "Rondvraag" not in page
    assert 'href="/static/meetings/print.css"' in page
    assert reverse("meetings:minutes", args=[newer.pk]) in page


def test_filtered_by_year_and_topic(client, lid):
    older = held(datetime.date(2025, 3, 11))
    newer = held(datetime.date(2026, 2, 10))
    AgendaItemFactory(meeting=older, title="Privacybeleid", decision="Positief advies.")
    AgendaItemFactory(meeting=newer, title="Wachttijden", decision="Privacy apart bespreken.")
    AgendaItemFactory(meeting=newer, title="Begroting", decision="Akkoord.")
    client.force_login(lid)
    url = reverse("meetings:decisions")
    page = client.get(url, {"year": 2026}).content.decode()
    assert "2 besluiten" in page
    assert "Positief advies." not in page
    page = client.get(url, {"topic": "privacy"}).content.decode()
    assert "2 besluiten" in page
    assert "Akkoord." not in page
    page = client.get(url, {"year": 2025, "topic": "privacy"}).content.decode()
    assert "1 besluit" in page
    assert "Positief advies." in page
    # A year without decisions is not offered; asking for it anyway shows everything.
    assert '<option value="2024"' not in page
    assert "3 besluiten" in client.get(url, {"year": 2024}).content.decode()


def test_the_board_reads_only_what_was_shared_with_it(client, bestuurder):
    consultation = held(datetime.date(2026, 2, 17), kind=MeetingKind.CONSULTATION)
    council = held(datetime.date(2026, 2, 10))
    AgendaItemFactory(meeting=consultation, visibility=Visibility.BOARD, decision="Gedeeld.")
    AgendaItemFactory(meeting=consultation, decision="Alleen de raad.")
    AgendaItemFactory(meeting=council, visibility=Visibility.BOARD, decision="Raadsvergadering.")
    client.force_login(bestuurder)
    page = client.get(reverse("meetings:decisions")).content.decode()
    assert "Gedeeld." in page
    assert "Alleen de raad." not in page
    assert "Raadsvergadering." not in page


def test_paged_with_the_filters_kept(client, lid):
    meeting = held(datetime.date(2026, 2, 10))
    for n in range(30):
        AgendaItemFactory(meeting=meeting, position=n, title=f"Punt {n:02}", decision="Besluit.")
    client.force_login(lid)
    url = reverse("meetings:decisions")
    first = client.get(url, {"topic": "besluit"}).content.decode()
    assert "Pagina 1 van 2" in first
    assert "Punt 24" in first
    assert "Punt 25" not in first
    assert "?topic=besluit&amp;page=2" in first
    second = client.get(url, {"topic": "besluit", "page": 2}).content.decode()
    assert "Punt 25" in second
    assert "Punt 24" not in second


def test_the_decision_list_runs_constant_queries(client, lid, assert_constant_queries):
    meeting = held(datetime.date(2026, 2, 10))
    client.force_login(lid)

    def add_rows(n):
        for _ in range(n):
            AgendaItemFactory(meeting=held(datetime.date(2025, 5, 6)), decision="Akkoord.")
        AgendaItemFactory.create_batch(n, meeting=meeting, decision="Ook akkoord.")

    assert_constant_queries(
        lambda: client.get(reverse("meetings:decisions")), expected=4, add_rows=add_rows
    )
