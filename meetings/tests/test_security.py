"""Findings of the security review in the meetings app, each tried through HTTP.

- L2: action items and board commitments follow the same gate as the minutes they belong to
  (draft: chair and secretary; shared: the council; adopted: whoever sees the meeting), and the
  level of their agenda item; no action items for a meeting that has not started.
- Calendar feeds: only a hash of the token is stored; the address is shown once; it can be
  stopped; a new password ends it.
- Single-line text (titles, reasons) loses CR/LF and other control characters.
M2: the audit log in the admin shows that minutes changed, by whom and when, never their text, nor
the name of the meeting (a council meeting is not for the administrator).
"""

import datetime
import hashlib
import importlib
import re

import pytest
import time_machine
from auditlog.models import LogEntry
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from meetings import reminders, services
from meetings.models import (
    ActionItem,
    ActionKind,
    AgendaItem,
    CalendarFeed,
    Meeting,
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
from members.tests.factories import PASSWORD
from wijraad.models import Delivery, Visibility

pytestmark = pytest.mark.django_db

INJECTED = "Raadsvergadering\r\nBcc: x@example.org"


def test_a_title_with_cr_lf_is_stored_on_one_line(client, secretaris, location, soon):
    """Titles go into e-mail subjects, the calendar feed and logs: never a line break."""
    client.force_login(secretaris)
    response = client.post(
        reverse("meetings:create"),
        {
            "kind": MeetingKind.COUNCIL,
            "title": INJECTED,
            "date": soon.isoformat(),
            "start_time": "17:30",
            "end_time": "19:00",
            "location": location.pk,
            "description": "Eerst de begroting.\r\nDaarna de rondvraag.",
        },
    )
    assert response.status_code == 302
    meeting = Meeting.objects.get()
    assert meeting.title == "Raadsvergadering Bcc: x@example.org"
    # A text area keeps its line breaks.
    assert meeting.description == "Eerst de begroting.\r\nDaarna de rondvraag."


def test_agenda_items_and_cancel_reasons_lose_their_line_breaks(client, secretaris):
    meeting = MeetingFactory(date=timezone.localdate() + datetime.timedelta(days=30))
    client.force_login(secretaris)
    response = client.post(
        reverse("meetings:agenda_item_add", args=[meeting.pk]),
        {
            "title": INJECTED,
            "description": "Regel 1\nRegel 2",
            "kind": "decision",
            "presenter": "Voorzitter\r\n",
            "duration_minutes": 20,
            "visibility": "council",
        },
    )
    assert response.status_code == 302
    item = AgendaItem.objects.get()
    assert (item.title, item.presenter) == ("Raadsvergadering Bcc: x@example.org", "Voorzitter")
    assert item.description == "Regel 1\nRegel 2"

    response = client.post(
        reverse("meetings:cancel", args=[meeting.pk]), {"reason": "Te weinig\r\nleden"}
    )
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.cancel_reason == "Te weinig leden"


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
        services.action_item_add(
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


# --- Calendar feeds: hashed tokens, shown once, stopped, ended by a new password -----------------


def token_in(html):
    return re.search(r"/vergaderingen/agenda/([A-Za-z0-9_-]+)\.ics", html).group(1)


def make_address(client, user):
    client.force_login(user)
    response = client.post(reverse("meetings:calendar_reset"))
    assert response.status_code == 200
    return token_in(response.content.decode()), response


def test_the_address_is_shown_once_and_only_its_hash_is_stored(client, lid):
    MeetingFactory(date=day(20), title="Raadsvergadering april")
    token, response = make_address(client, lid)
    assert "no-store" in response["Cache-Control"]
    feed = CalendarFeed.objects.get(user=lid)
    assert feed.token_hash == hashlib.sha256(token.encode()).hexdigest()
    stored = " ".join(str(value) for value in CalendarFeed.objects.values_list().get())
    assert token not in stored
    # Not shown again.
    calendar_page = client.get(reverse("meetings:calendar")).content.decode()
    assert token not in calendar_page
    assert "Stop dit adres" in calendar_page
    client.logout()
    feed_response = client.get(reverse("meetings:feed", args=[token]))
    assert feed_response.status_code == 200
    assert "Raadsvergadering april" in feed_response.content.decode()
    # The stored hash is no address.
    assert client.get(reverse("meetings:feed", args=[feed.token_hash])).status_code == 404


def test_stopping_the_address_ends_the_feed(client, lid):
    token, _response = make_address(client, lid)
    response = client.post(reverse("meetings:calendar_revoke"), follow=True)
    assert "Je agenda-adres is gestopt" in response.content.decode()
    assert not CalendarFeed.objects.filter(user=lid).exists()
    client.logout()
    assert client.get(reverse("meetings:feed", args=[token])).status_code == 404


def test_a_password_change_ends_the_feed(client, lid):
    token, _response = make_address(client, lid)
    response = client.post(
        reverse("account_change_password"),
        {
            "oldpassword": PASSWORD,
            "password1": "nieuw-wachtwoord-2026",
            "password2": "nieuw-wachtwoord-2026",
        },
    )
    assert response.status_code == 302
    client.logout()
    assert client.get(reverse("meetings:feed", args=[token])).status_code == 404


def test_a_password_reset_ends_the_feed(client, lid):
    token, _response = make_address(client, lid)
    client.logout()
    client.post(reverse("account_reset_password"), {"email": lid.email})
    key_url = re.search(r"https?://\S+(/account/password/reset/key/\S+/)", mail.outbox[-1].body)
    form_url = client.get(key_url.group(1))["Location"]
    response = client.post(
        form_url, {"password1": "nieuw-wachtwoord-2026", "password2": "nieuw-wachtwoord-2026"}
    )
    assert response.status_code == 302
    assert client.get(reverse("meetings:feed", args=[token])).status_code == 404


def test_existing_addresses_keep_working_after_the_migration_hashes_them(client, lid):
    """The data step of the migration: right after the column is renamed it holds the plain
    token; the step hashes it in place, so the address calendar apps have keeps working."""
    migration = importlib.import_module("meetings.migrations.0004_hash_calendar_feed_tokens")
    CalendarFeed.objects.create(user=lid, token_hash="een-oud-adres-van-voor-de-hash")
    migration.hash_tokens(apps, None)
    feed = CalendarFeed.objects.get()
    assert feed.token_hash == hashlib.sha256(b"een-oud-adres-van-voor-de-hash").hexdigest()
    response = client.get(reverse("meetings:feed", args=["een-oud-adres-van-voor-de-hash"]))
    assert response.status_code == 200


DRAFT = "De voorzitter stelt voor de wethouder niet meer uit te nodigen."
TITLE = "Geheim overleg over de reorganisatie"


def test_the_audit_log_shows_no_text_of_the_minutes(client, beheerder, secretaris):
    meeting = MeetingFactory(kind=MeetingKind.COUNCIL, date=datetime.date(2026, 3, 10), title=TITLE)
    # Minutes are written once the meeting has begun: a week after it.
    with time_machine.travel(meeting.ends_at + datetime.timedelta(days=7), tick=False):
        minutes = services.minutes_save(meeting=meeting, by=secretaris, general=DRAFT)
        services.minutes_save(meeting=meeting, by=secretaris, general=DRAFT + " Aangenomen.")
    client.force_login(beheerder)
    entries = LogEntry.objects.get_for_object(minutes)
    assert entries.count() == 3  # made, and written twice
    pages = [client.get(reverse("admin:auditlog_logentry_changelist"))]
    pages += [
        client.get(reverse("admin:auditlog_logentry_change", args=[entry.pk])) for entry in entries
    ]
    for page in pages:
        assert page.status_code == 200
        html = page.content.decode()
        assert "wethouder" not in html
        assert TITLE not in html
    changed = entries.order_by("pk").last()
    assert changed.changes_dict["general"] == ["********", "********"]
    assert changed.object_repr == f"minutes {minutes.pk}"
