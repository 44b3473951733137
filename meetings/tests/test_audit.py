"""Changes to meetings, minutes, agenda items, action items and papers are kept in the audit
log, with who made them (the `by` of the service)."""

import datetime

import pytest
from auditlog.models import LogEntry
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from meetings import services
from meetings.models import (
    ActionKind,
    ActionStatus,
    MeetingKind,
    MeetingState,
    Minutes,
    MinutesState,
)
from meetings.tests.factories import PDF, AgendaItemFactory, MeetingFactory
from wijraad.models import Visibility

pytestmark = pytest.mark.django_db


def test_minutes_changes_are_audited():
    minutes = Minutes.objects.create(meeting=MeetingFactory())
    minutes.general = "Opening en vaststelling van de agenda."
    minutes.save()
    entries = LogEntry.objects.get_for_object(minutes)
    assert entries.count() == 2
    assert "general" in entries.first().changes_dict


# --- The actor: `by` in a service is the person the audit log names ------------------------------


def day(offset):
    return timezone.localdate() + datetime.timedelta(days=offset)


def last_entry(obj):
    return LogEntry.objects.get_for_object(obj).order_by("-pk").first()


def test_meeting_changes_name_who_made_them(secretaris, location):
    meeting = services.meeting_create(
        by=secretaris,
        kind=MeetingKind.COUNCIL,
        date=day(30),
        start_time=datetime.time(17, 30),
        end_time=datetime.time(19, 30),
        location=location,
    )
    assert last_entry(meeting).actor == secretaris
    services.meeting_cancel(meeting=meeting, reason="Te weinig agendapunten", by=secretaris)
    entry = last_entry(meeting)
    assert (entry.actor, "state" in entry.changes_dict) == (secretaris, True)


def test_minutes_and_their_text_name_who_wrote_them_without_the_text(secretaris, voorzitter):
    meeting = MeetingFactory(date=day(-10), state=MeetingState.HELD)
    item = AgendaItemFactory(meeting=meeting, title="Begroting")
    services.minutes_save(
        meeting=meeting,
        by=secretaris,
        general="Opening.",
        items={item: ("Geheime bespreking", "Akkoord")},
    )
    minutes = Minutes.objects.get(meeting=meeting)
    assert last_entry(minutes).actor == secretaris
    entry = last_entry(item)
    assert entry.actor == secretaris
    assert set(entry.changes_dict) >= {"notes", "decision"}
    assert "Geheime bespreking" not in str(entry.changes) + str(entry.changes_text)
    services.minutes_transition(minutes=minutes, to=MinutesState.SHARED, by=voorzitter)
    assert last_entry(minutes).actor == voorzitter


def test_agenda_items_name_who_changed_them(secretaris, voorzitter):
    meeting = MeetingFactory(date=day(20))
    item = services.agenda_item_add(meeting=meeting, by=voorzitter, title="Jaarverslag")
    assert last_entry(item).actor == voorzitter
    services.agenda_item_update(item=item, by=secretaris, title="Jaarverslag 2025")
    assert last_entry(item).actor == secretaris


def test_action_items_name_who_added_and_closed_them(secretaris, lid):
    meeting = MeetingFactory(date=day(-10), state=MeetingState.HELD)
    action = services.action_item_add(
        meeting=meeting, by=secretaris, kind=ActionKind.ACTION, title="Folder nalezen", owner=lid
    )
    assert last_entry(action).actor == secretaris
    services.action_item_transition(action=action, to=ActionStatus.DONE, by=lid)
    assert last_entry(action).actor == lid


def test_papers_name_who_added_them_without_their_title(papers_root, voorzitter):
    item = AgendaItemFactory(meeting=MeetingFactory(date=day(20)))
    document = services.document_add(
        item=item,
        by=voorzitter,
        upload=SimpleUploadedFile("plan.pdf", PDF),
        title="Vertrouwelijk reorganisatieplan",
        visibility=Visibility.RESTRICTED,
    )
    entry = last_entry(document)
    assert entry.actor == voorzitter
    assert "reorganisatieplan" not in str(entry.changes)
