"""The agenda: items, their order, publishing (lead time, cancelled, past) and who sees what."""

import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from meetings.models import AgendaItem, Meeting, MeetingKind, MeetingState
from meetings.tests.factories import AgendaDocumentFactory, AgendaItemFactory, MeetingFactory
from wijraad.models import Visibility

pytestmark = pytest.mark.django_db


def upcoming(days=30, **fields):
    return MeetingFactory(date=timezone.localdate() + datetime.timedelta(days=days), **fields)


def test_the_secretary_adds_an_item_and_html_stays_inert(client, secretaris, lid):
    meeting = upcoming()
    client.force_login(secretaris)
    response = client.post(
        reverse("meetings:agenda_item_add", args=[meeting.pk]),
        {
            "title": "<script>alert('x')</script>Begroting",
            "description": "<b>vet</b>",
            "kind": "decision",
            "presenter": "Voorzitter",
            "duration_minutes": 20,
            "visibility": "council",
        },
    )
    assert response.status_code == 302
    page = client.get(reverse("meetings:agenda", args=[meeting.pk])).content.decode()
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;Begroting" in page
    assert "<script>alert" not in page
    assert "&lt;b&gt;vet&lt;/b&gt;" in page
    assert "Ter besluitvorming" in page
    assert "20 minuten" in page


def test_no_item_on_a_cancelled_meeting_and_nothing_is_saved(client, secretaris):
    meeting = upcoming(state=MeetingState.CANCELLED, cancel_reason="Ziek")
    client.force_login(secretaris)
    url = reverse("meetings:agenda_item_add", args=[meeting.pk])
    assert client.get(url).status_code == 403
    response = client.post(url, {"title": "Punt", "kind": "discussion", "visibility": "council"})
    assert response.status_code == 403
    assert not AgendaItem.objects.exists()


def test_reordering_the_agenda(client, voorzitter):
    meeting = upcoming()
    first, second, third = (AgendaItemFactory(meeting=meeting, position=n) for n in range(3))
    client.force_login(voorzitter)
    url = reverse("meetings:agenda_reorder", args=[meeting.pk])
    response = client.post(url, {"order": [third.pk, first.pk, second.pk]})
    assert response.status_code == 302
    assert list(meeting.agenda_items.order_by("position").values_list("pk", flat=True)) == [
        third.pk,
        first.pk,
        second.pk,
    ]


@pytest.mark.parametrize("wrong", ["foreign", "missing", "twice", "garbage"])
def test_a_reorder_with_foreign_ids_is_refused_and_nothing_changes(client, secretaris, wrong):
    meeting = upcoming()
    first, second = (AgendaItemFactory(meeting=meeting, position=n) for n in range(2))
    foreign = AgendaItemFactory(meeting=upcoming(days=40))
    order = {
        "foreign": [second.pk, foreign.pk],
        "missing": [second.pk],
        "twice": [second.pk, second.pk, first.pk],
        "garbage": [second.pk, "x"],
    }[wrong]
    client.force_login(secretaris)
    response = client.post(reverse("meetings:agenda_reorder", args=[meeting.pk]), {"order": order})
    assert response.status_code == 400
    assert "precies één keer" in response.content.decode()
    assert list(AgendaItem.objects.order_by("pk").values_list("position", flat=True)) == [
        0,
        1,
        foreign.position,
    ]


def publish(client, meeting):
    return client.post(
        reverse("meetings:transition", args=[meeting.pk]), {"to": "agenda_published"}, follow=True
    )


def test_publishing_in_time_gives_no_warning(client, voorzitter):
    meeting = upcoming(days=10)
    AgendaItemFactory(meeting=meeting)
    client.force_login(voorzitter)
    page = client.get(reverse("meetings:agenda", args=[meeting.pk])).content.decode()
    assert "Agenda versturen" in page
    assert "dag(en) voor de vergadering" not in page
    response = publish(client, meeting)
    assert "dag(en) voor de vergadering" not in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.state == MeetingState.AGENDA_PUBLISHED
    assert meeting.agenda_published_at is not None


def test_publishing_late_warns_by_the_rules_record(client, secretaris):
    meeting = upcoming(days=5)
    AgendaItemFactory(meeting=meeting)
    client.force_login(secretaris)
    page = client.get(reverse("meetings:agenda", args=[meeting.pk])).content.decode()
    assert "De agenda gaat 5 dag(en) voor de vergadering uit" in page
    response = publish(client, meeting)
    assert "minstens 7 dagen" in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.state == MeetingState.AGENDA_PUBLISHED


def test_an_empty_cancelled_or_past_agenda_is_not_published(client, secretaris):
    client.force_login(secretaris)
    empty = upcoming()
    assert "Zet minstens één punt" in publish(client, empty).content.decode()
    cancelled = upcoming(days=31, state=MeetingState.CANCELLED, cancel_reason="Ziek")
    AgendaItemFactory(meeting=cancelled)
    page = publish(client, cancelled).content.decode()
    assert "De agenda van een afgezegde vergadering kun je niet versturen." in page
    past = MeetingFactory(date=timezone.localdate() - datetime.timedelta(days=1))
    AgendaItemFactory(meeting=past)
    assert "al begonnen" in publish(client, past).content.decode()
    assert not Meeting.objects.filter(state=MeetingState.AGENDA_PUBLISHED).exists()


def test_members_see_the_agenda_once_it_is_out_without_restricted_items(client, lid, voorzitter):
    meeting = upcoming()
    AgendaItemFactory(meeting=meeting, title="Gewoon punt")
    AgendaItemFactory(meeting=meeting, title="Geheim punt", visibility=Visibility.RESTRICTED)
    url = reverse("meetings:agenda", args=[meeting.pk])
    client.force_login(lid)
    assert "Gewoon punt" not in client.get(url).content.decode()
    Meeting.objects.filter(pk=meeting.pk).update(agenda_published_at=timezone.now())
    page = client.get(url).content.decode()
    assert "Gewoon punt" in page
    assert "Geheim punt" not in page
    client.force_login(voorzitter)
    assert "Geheim punt" in client.get(url).content.decode()


def test_the_board_sees_only_shared_items_of_consultations(client, bestuurder, papers_root):
    consultation = upcoming(kind=MeetingKind.CONSULTATION, agenda_published_at=timezone.now())
    shared = AgendaItemFactory(meeting=consultation, title="Gedeeld", visibility=Visibility.BOARD)
    internal = AgendaItemFactory(meeting=consultation, title="Voorbespreking")
    AgendaDocumentFactory(agenda_item=shared, title="Openbaar stuk", visibility=Visibility.PUBLIC)
    AgendaDocumentFactory(agenda_item=shared, title="Raadsstuk", visibility=Visibility.COUNCIL)
    council = upcoming(days=33, agenda_published_at=timezone.now())
    client.force_login(bestuurder)
    page = client.get(reverse("meetings:agenda", args=[consultation.pk])).content.decode()
    assert "Gedeeld" in page
    assert "Openbaar stuk" in page
    assert "Voorbespreking" not in page
    assert "Raadsstuk" not in page
    assert client.get(reverse("meetings:agenda", args=[council.pk])).status_code == 404
    edit = reverse("meetings:agenda_item_edit", args=[internal.pk])
    assert client.get(edit).status_code == 404


def test_a_work_visit_has_no_agenda(client, lid):
    visit = upcoming(kind=MeetingKind.WORK_VISIT)
    client.force_login(lid)
    assert client.get(reverse("meetings:agenda", args=[visit.pk])).status_code == 404


def test_the_agenda_page_runs_a_constant_number_of_queries(
    client, secretaris, assert_constant_queries, papers_root
):
    meeting = upcoming()
    client.force_login(secretaris)

    def add_rows(n):
        for _ in range(n):
            AgendaDocumentFactory(agenda_item=AgendaItemFactory(meeting=meeting))

    with time_machine.travel(timezone.now(), tick=False):
        assert_constant_queries(
            lambda: client.get(reverse("meetings:agenda", args=[meeting.pk])),
            # two-step verification: read from the session, no query; the items' advice
            # dossiers (a reverse relation held by advice): one
            expected=7,
            add_rows=add_rows,
        )
