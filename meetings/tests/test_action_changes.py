"""Correcting and removing action items and board commitments: what, who and when
can be changed by the chair and the secretary, and the history names who did it."""

import datetime

import pytest
from auditlog.models import LogEntry
from django.urls import reverse
from django.utils import timezone

from meetings.models import ActionItem, ActionKind, MeetingKind, MeetingState, Minutes
from meetings.tests.factories import ActionItemFactory, MeetingFactory

pytestmark = pytest.mark.django_db


def day(offset):
    return timezone.localdate() + datetime.timedelta(days=offset)


@pytest.fixture
def action(lid):
    held = MeetingFactory(date=day(-5), state=MeetingState.HELD)
    Minutes.objects.create(meeting=held, state="shared")
    return ActionItemFactory(meeting=held, owner=lid, title="Folder nalezen", due_date=day(10))


def test_the_secretary_corrects_an_action_item(client, secretaris, voorzitter, action):
    client.force_login(secretaris)
    url = reverse("meetings:action_edit", args=[action.pk])
    assert url in client.get(reverse("meetings:actions")).content.decode()
    page = client.get(url).content.decode()
    assert 'value="Folder nalezen"' in page
    response = client.post(
        url,
        {"title": "Folder nalezen en rondsturen", "owner": voorzitter.pk, "due_date": day(20)},
    )
    assert response["Location"] == reverse("meetings:actions")
    action.refresh_from_db()
    assert (action.title, action.owner, action.due_date) == (
        "Folder nalezen en rondsturen",
        voorzitter,
        day(20),
    )
    entry = LogEntry.objects.get_for_object(action).order_by("-pk").first()
    assert entry.actor == secretaris
    assert set(entry.changes_dict) >= {"title", "owner", "due_date"}


def test_an_action_item_goes_to_a_member_and_a_commitment_to_the_board(
    client, secretaris, bestuurder, action
):
    client.force_login(secretaris)
    url = reverse("meetings:action_edit", args=[action.pk])
    response = client.post(url, {"title": action.title, "owner": bestuurder.pk})
    assert response.status_code == 200
    assert "Selecteer een geldige keuze" in response.content.decode()
    consultation = MeetingFactory(
        kind=MeetingKind.CONSULTATION, date=day(-5), state=MeetingState.HELD
    )
    Minutes.objects.create(meeting=consultation, state="adopted")
    commitment = ActionItemFactory(
        meeting=consultation, kind=ActionKind.COMMITMENT, owner=bestuurder, title="Brief sturen"
    )
    url = reverse("meetings:action_edit", args=[commitment.pk])
    page = client.get(url).content.decode()
    assert bestuurder.name in page
    assert "Sander de Vries" not in page  # a member does not own a commitment


def test_the_owner_reports_done_but_does_not_correct(client, lid, action):
    client.force_login(lid)
    assert client.get(reverse("meetings:action_edit", args=[action.pk])).status_code == 403
    page = client.get(reverse("meetings:actions")).content.decode()
    assert reverse("meetings:action_edit", args=[action.pk]) not in page


def test_removing_an_action_item_keeps_it_in_the_history(client, voorzitter, action):
    client.force_login(voorzitter)
    response = client.post(reverse("meetings:action_delete", args=[action.pk]), follow=True)
    assert "Het actiepunt is verwijderd." in response.content.decode()
    assert not ActionItem.objects.filter(pk=action.pk).exists()
    entry = LogEntry.objects.filter(object_pk=str(action.pk), action=LogEntry.Action.DELETE).get()
    assert entry.actor == voorzitter


def test_the_action_list_runs_constant_queries_for_the_secretary(
    client, secretaris, lid, action, assert_constant_queries
):
    client.force_login(secretaris)

    def add_rows(n):
        ActionItemFactory.create_batch(n, meeting=action.meeting, owner=lid)

    assert_constant_queries(
        lambda: client.get(reverse("meetings:actions")), expected=2, add_rows=add_rows
    )
