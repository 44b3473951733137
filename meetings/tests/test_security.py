"""Findings of the security review (issue 12) in the meetings app, each tried through HTTP.

- L2: action items and board commitments follow the same gate as the minutes they belong to
  (draft: chair and secretary; shared: the council; adopted: whoever sees the meeting), and the
  level of their agenda item; no action items for a meeting that has not started.
- Calendar feeds: only a hash of the token is stored; the address is shown once; it can be
  stopped; a new password ends it.
"""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from meetings import agenda_services, reminders
from meetings.models import (
    ActionItem,
    ActionKind,
    MeetingKind,
    MeetingState,
    Minutes,
    MinutesState,
)
from meetings.tests.factories import (
    ActionItemFactory,
    AgendaItemFactory,
    MeetingFactory,
    error_codes,
)
from wijraad.models import Delivery, Visibility

pytestmark = pytest.mark.django_db


def day(offset):
    return timezone.localdate() + datetime.timedelta(days=offset)


def page(client, user, name, *args):
    client.force_login(user)
    return client.get(reverse(name, args=args)).content.decode()


# --- L2: action items behind the minutes' gate ---------------------------------------------------


@pytest.fixture
def council_action(lid):
    """A council meeting that was held, its minutes still a draft, and an action item for `lid`."""
    held = MeetingFactory(date=day(-10), state=MeetingState.HELD)
    minutes = Minutes.objects.create(meeting=held, state=MinutesState.DRAFT, general="Concept")
    ActionItemFactory(meeting=held, owner=lid, title="Folder nalezen", due_date=day(1))
    return held, minutes


def test_members_see_no_action_items_from_draft_minutes(
    client, lid, voorzitter, secretaris, council_action
):
    _held, minutes = council_action
    coming = MeetingFactory(date=day(10), agenda_published_at=timezone.now())
    assert "Folder nalezen" not in page(client, lid, "meetings:actions")
    assert "Folder nalezen" not in page(client, lid, "dashboard")
    assert "Folder nalezen" not in page(client, lid, "meetings:agenda", coming.pk)
    # The chair and the secretary see drafts, so their action items too.
    assert "Folder nalezen" in page(client, voorzitter, "meetings:actions")
    assert "Folder nalezen" in page(client, secretaris, "meetings:actions")
    # Shared with the members: now the members see them.
    minutes.state = MinutesState.SHARED
    minutes.save()
    assert "Folder nalezen" in page(client, lid, "meetings:actions")
    assert "Folder nalezen" in page(client, lid, "dashboard")
    assert "Folder nalezen" in page(client, lid, "meetings:agenda", coming.pk)


def test_the_board_sees_commitments_only_once_the_minutes_are_adopted(
    client, bestuurder, voorzitter
):
    consultation = MeetingFactory(
        kind=MeetingKind.CONSULTATION, date=day(-10), state=MeetingState.HELD
    )
    minutes = Minutes.objects.create(meeting=consultation, state=MinutesState.SHARED)
    ActionItemFactory(
        meeting=consultation,
        kind=ActionKind.COMMITMENT,
        owner=bestuurder,
        title="Cijfers wachttijd sturen",
    )
    ActionItemFactory(meeting=consultation, owner=voorzitter, title="Raadsactie uit het overleg")
    assert "Cijfers wachttijd sturen" not in page(client, bestuurder, "meetings:actions")
    assert "Cijfers wachttijd sturen" not in page(client, bestuurder, "dashboard")
    assert "Raadsactie uit het overleg" not in page(client, bestuurder, "meetings:actions")
    minutes.state = MinutesState.ADOPTED
    minutes.save()
    actions = page(client, bestuurder, "meetings:actions")
    assert "Cijfers wachttijd sturen" in actions
    assert "Raadsactie uit het overleg" in actions
    assert "Cijfers wachttijd sturen" in page(client, bestuurder, "dashboard")


def test_an_action_item_follows_the_level_of_its_agenda_item(client, lid, voorzitter):
    held = MeetingFactory(date=day(-10), state=MeetingState.HELD)
    Minutes.objects.create(meeting=held, state=MinutesState.ADOPTED)
    item = AgendaItemFactory(meeting=held, visibility=Visibility.RESTRICTED)
    ActionItemFactory(meeting=held, agenda_item=item, owner=voorzitter, title="Kandidaat bellen")
    assert "Kandidaat bellen" not in page(client, lid, "meetings:actions")
    assert "Kandidaat bellen" in page(client, voorzitter, "meetings:actions")


def test_an_owner_closes_only_what_they_may_see(client, lid, council_action):
    action = ActionItem.objects.get()
    client.force_login(lid)
    response = client.post(reverse("meetings:action_transition", args=[action.pk]), {"to": "done"})
    assert response.status_code == 404
    assert ActionItem.objects.get().is_open


def test_no_action_items_for_a_meeting_that_has_not_started(client, secretaris, lid):
    coming = MeetingFactory(date=day(7))
    with pytest.raises(ValidationError) as refused:
        agenda_services.action_item_add(
            meeting=coming, by=secretaris, kind="action", title="Te vroeg", owner=lid
        )
    assert "not_started" in error_codes(refused.value)
    client.force_login(secretaris)
    minutes_page = client.get(reverse("meetings:minutes", args=[coming.pk])).content.decode()
    assert reverse("meetings:action_add", args=[coming.pk]) not in minutes_page
    url = reverse("meetings:action_add", args=[coming.pk])
    assert client.get(url).status_code == 403
    response = client.post(url, {"kind": "action", "title": "Te vroeg", "owner": lid.pk})
    assert response.status_code == 403
    assert not ActionItem.objects.exists()
    # Once the meeting has begun, the secretary adds them.
    held = MeetingFactory(date=day(-1), state=MeetingState.HELD)
    page_html = client.get(reverse("meetings:minutes", args=[held.pk])).content.decode()
    assert reverse("meetings:action_add", args=[held.pk]) in page_html


def test_an_owner_is_reminded_only_of_an_action_they_may_see(lid, council_action):
    held, minutes = council_action
    assert not [
        due for due in reminders.find_due(timezone.now()) if due.kind == reminders.ACTION_DUE
    ]
    action = ActionItem.objects.get()
    delivery = Delivery.objects.create(
        content_type=ContentType.objects.get_for_model(ActionItem),
        object_id=str(action.pk),
        recipient=lid,
        kind=reminders.ACTION_DUE,
    )
    assert reminders.build_action_mail(delivery) is None
    minutes.state = MinutesState.SHARED
    minutes.save()
    due = [due for due in reminders.find_due(timezone.now()) if due.kind == reminders.ACTION_DUE]
    assert [item.recipient_id for item in due] == [lid.pk]
    assert reminders.build_action_mail(delivery) is not None
