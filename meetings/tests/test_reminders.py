"""Meeting reminders through the services: what the sweep finds due, to whom, and the e-mails.

The send path is run in-process (wijraad.deliveries.deliver); the real-worker fault tests are in
wijraad/tests/test_reminder_faults.py.
"""

import datetime
import email

import pytest
import time_machine
from django.core import mail
from django.db import transaction
from django.utils import timezone

from meetings import reminders, services
from meetings.models import ActionKind, MeetingKind, MeetingState, Minutes, MinutesState
from meetings.tests.factories import ActionItemFactory, AgendaItemFactory, MeetingFactory
from members.models import CouncilRules
from wijraad import deliveries
from wijraad.models import Delivery, DeliveryState
from wijraad.testing.mail import assert_mail

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(personas):
    """Every persona who has an account."""
    return {name: user for name, user in personas.items() if user is not None}


@pytest.fixture
def meeting(location, soon):
    return MeetingFactory(date=soon, location=location, title="Raadsvergadering maart")


def at(day, hour=9):
    return time_machine.travel(
        datetime.datetime.combine(day, datetime.time(hour), tzinfo=timezone.get_current_timezone()),
        tick=False,
    )


def sweep_and_send(django_capture_on_commit_callbacks):
    """One sweep, then every queued delivery sent in this process; the ids queued."""
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        ids = deliveries.sweep()
    assert len(callbacks) == len(deliveries.batches(ids))  # a send task per batch, on commit
    for pk in ids:
        deliveries.deliver(pk)
    return ids


def recipients(kind):
    return sorted(Delivery.objects.filter(kind=kind).values_list("recipient__email", flat=True))


COUNCIL_AUDIENCE = ["lid@example.org", "secretaris@example.org", "voorzitter@example.org"]


def test_reminder_is_due_two_days_before_to_those_who_see_the_meeting(
    people, meeting, django_capture_on_commit_callbacks
):
    AgendaItemFactory(meeting=meeting)
    meeting.agenda_published_at = timezone.now()  # no agenda mails: they are tested below
    meeting.save()
    with at(meeting.date - datetime.timedelta(days=3)):
        assert sweep_and_send(django_capture_on_commit_callbacks) == []
    with at(meeting.date - datetime.timedelta(days=2)):
        sweep_and_send(django_capture_on_commit_callbacks)
    # Not the unsigned member, the former member, the board (a council meeting) or the admin.
    assert recipients(reminders.REMINDER) == COUNCIL_AUDIENCE
    assert sorted(m.to[0] for m in mail.outbox) == COUNCIL_AUDIENCE
    assert set(Delivery.objects.values_list("state", flat=True)) == {DeliveryState.SENT}


def test_a_batch_of_reminders_reads_its_meeting_once(
    people, meeting, django_capture_on_commit_callbacks
):
    """The reminders to the council about one meeting go in one batch, which reads the meeting
    once (wijraad.deliveries.per_batch); each still gets its own mail."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    meeting.agenda_published_at = timezone.now()
    meeting.save()
    with at(meeting.date - datetime.timedelta(days=2)):
        with django_capture_on_commit_callbacks(execute=False):
            ids = deliveries.sweep()
        with CaptureQueriesContext(connection) as captured:
            outcome = deliveries.deliver_many(ids)
    assert list(outcome.values()) == [DeliveryState.SENT] * len(COUNCIL_AUDIENCE)
    reads = [q["sql"] for q in captured.captured_queries if 'FROM "meetings_meeting"' in q["sql"]]
    assert len(reads) == 1
    assert sorted(m.to[0] for m in mail.outbox) == COUNCIL_AUDIENCE
    # Outside a batch, every call reads again.
    assert deliveries.per_batch("key", object) is not deliveries.per_batch("key", object)


def test_the_reminder_mail_in_dutch_with_details_link_and_calendar(
    lid, meeting, django_capture_on_commit_callbacks
):
    with at(meeting.date - datetime.timedelta(days=1)):
        sweep_and_send(django_capture_on_commit_callbacks)
    [message] = mail.outbox
    delivery = Delivery.objects.get()
    assert message.subject.startswith("Herinnering: Raadsvergadering maart op")
    assert_mail(
        message,
        "Beste Sander de Vries",
        "17:30",
        "WIJ Oosterpark, Oosterparkweg 100, Groningen",
        f"/vergaderingen/{meeting.pk}/agenda/",
    )
    assert message.extra_headers["Message-ID"] == delivery.message_id
    assert delivery.message_id == f"<wijraad.delivery.{delivery.pk}@example.org>"
    [(name, ics, mimetype)] = message.attachments
    assert name == "vergadering.ics"
    assert mimetype.startswith("text/calendar")
    assert f"UID:{meeting.uid}@" in ics
    assert "SEQUENCE:0" in ics
    parsed = email.message_from_bytes(message.message().as_bytes())
    assert parsed["Message-ID"] == delivery.message_id


def test_english_recipient_gets_english(lid, meeting, django_capture_on_commit_callbacks):
    lid.preferred_language = "en"
    lid.save()
    with at(meeting.date - datetime.timedelta(days=1)):
        sweep_and_send(django_capture_on_commit_callbacks)
    [message] = mail.outbox
    assert message.subject.startswith("Reminder: Raadsvergadering maart on")
    assert_mail(message, "Dear Sander de Vries")


def test_reminder_lead_time_comes_from_the_rules_in_force(
    lid, meeting, django_capture_on_commit_callbacks
):
    rules = CouncilRules.objects.in_force()
    rules.reminder_lead_days = 4
    rules.save()
    with at(meeting.date - datetime.timedelta(days=4)):
        sweep_and_send(django_capture_on_commit_callbacks)
    assert recipients(reminders.REMINDER) == ["lid@example.org"]


def test_board_users_are_reminded_of_consultations(
    people, location, soon, django_capture_on_commit_callbacks
):
    MeetingFactory(kind=MeetingKind.CONSULTATION, date=soon, location=location)
    with at(soon - datetime.timedelta(days=2)):
        sweep_and_send(django_capture_on_commit_callbacks)
    assert recipients(reminders.REMINDER) == sorted(COUNCIL_AUDIENCE + ["bestuurder@example.org"])


def test_sweeping_twice_records_and_sends_once(lid, meeting, django_capture_on_commit_callbacks):
    with at(meeting.date - datetime.timedelta(days=2)):
        first = sweep_and_send(django_capture_on_commit_callbacks)
        second = sweep_and_send(django_capture_on_commit_callbacks)
    assert len(first) == 1
    assert second == []
    assert len(mail.outbox) == 1
    assert deliveries.deliver(first[0]) is None  # a late duplicate task is a no-op
    assert len(mail.outbox) == 1


def test_a_rolled_back_transaction_queues_nothing(lid, meeting, django_capture_on_commit_callbacks):
    def sweep_then_fail():
        with transaction.atomic():
            assert deliveries.sweep()
            raise RuntimeError("rolled back")

    with (
        at(meeting.date - datetime.timedelta(days=2)),
        django_capture_on_commit_callbacks(execute=False) as callbacks,
        pytest.raises(RuntimeError),
    ):
        sweep_then_fail()
    assert callbacks == []
    assert not Delivery.objects.exists()


def test_agenda_published_goes_to_the_audience_once(
    people, meeting, django_capture_on_commit_callbacks
):
    AgendaItemFactory(meeting=meeting)
    with at(meeting.date - datetime.timedelta(days=10)):
        services.meeting_transition(
            meeting=meeting, to=MeetingState.AGENDA_PUBLISHED, by=people["voorzitter"]
        )
        sweep_and_send(django_capture_on_commit_callbacks)
        sweep_and_send(django_capture_on_commit_callbacks)
    assert recipients(reminders.AGENDA) == COUNCIL_AUDIENCE
    assert len(mail.outbox) == 3
    message = mail.outbox[0]
    assert message.subject.startswith("Agenda gepubliceerd: Raadsvergadering maart")
    assert_mail(message, "De agenda van deze vergadering is gepubliceerd")


def test_a_change_after_the_reminder_is_announced_once_for_the_new_revision(
    lid, secretaris, meeting, django_capture_on_commit_callbacks
):
    with at(meeting.date - datetime.timedelta(days=2)):
        sweep_and_send(django_capture_on_commit_callbacks)
        mail.outbox.clear()
        services.meeting_update(
            meeting=meeting, by=secretaris, start_time=datetime.time(18), end_time=datetime.time(20)
        )
        sweep_and_send(django_capture_on_commit_callbacks)
        sweep_and_send(django_capture_on_commit_callbacks)
    meeting.refresh_from_db()
    assert meeting.revision == 1
    changed = Delivery.objects.filter(kind=reminders.CHANGED)
    assert sorted(changed.values_list("recipient__email", "revision")) == [
        ("lid@example.org", 1),
        ("secretaris@example.org", 1),
    ]
    assert len(mail.outbox) == 2  # no second reminder
    message = mail.outbox[0]
    assert message.subject.startswith("Gewijzigd: Raadsvergadering maart")
    assert_mail(message, "18:00")
    assert "SEQUENCE:1" in message.attachments[0][1]


def test_a_cancelled_meeting_is_announced_and_no_reminder_follows(
    lid, secretaris, meeting, django_capture_on_commit_callbacks
):
    AgendaItemFactory(meeting=meeting)
    with at(meeting.date - datetime.timedelta(days=10)):
        services.meeting_transition(
            meeting=meeting, to=MeetingState.AGENDA_PUBLISHED, by=secretaris
        )
        sweep_and_send(django_capture_on_commit_callbacks)
        services.meeting_cancel(meeting=meeting, reason="Te weinig leden", by=secretaris)
        mail.outbox.clear()
        sweep_and_send(django_capture_on_commit_callbacks)
    with at(meeting.date - datetime.timedelta(days=1)):
        sweep_and_send(django_capture_on_commit_callbacks)
    assert sorted(m.subject.split(":")[0] for m in mail.outbox) == ["Afgelast", "Afgelast"]
    assert_mail(mail.outbox[0], "Te weinig leden")
    assert "STATUS:CANCELLED" in mail.outbox[0].attachments[0][1]
    assert not Delivery.objects.filter(kind=reminders.REMINDER).exists()


def test_a_person_who_left_before_sending_is_skipped(
    lid, meeting, django_capture_on_commit_callbacks
):
    with at(meeting.date - datetime.timedelta(days=2)):
        with django_capture_on_commit_callbacks(execute=False):
            [pk] = deliveries.sweep()
        lid.is_active = False
        lid.save()
        assert deliveries.deliver(pk) == DeliveryState.SKIPPED
    assert mail.outbox == []


def test_the_secretary_is_warned_when_the_agenda_is_late(
    lid, secretaris, meeting, django_capture_on_commit_callbacks
):
    with at(meeting.date - datetime.timedelta(days=9)):
        sweep_and_send(django_capture_on_commit_callbacks)
    assert recipients(reminders.AGENDA_LATE) == []
    with at(meeting.date - datetime.timedelta(days=8)):
        sweep_and_send(django_capture_on_commit_callbacks)
        sweep_and_send(django_capture_on_commit_callbacks)
    assert recipients(reminders.AGENDA_LATE) == ["secretaris@example.org"]
    [message] = mail.outbox
    assert message.subject.startswith("Agenda nog niet gepubliceerd")
    assert_mail(message, "minstens 7 dagen")


def test_action_items_and_commitments_due_remind_their_owner(
    lid, oud_lid, bestuurder, location, soon, django_capture_on_commit_callbacks
):
    council = MeetingFactory(date=soon, location=location)
    consultation = MeetingFactory(
        kind=MeetingKind.CONSULTATION, date=soon, location=location, start_time=datetime.time(10)
    )
    due = soon + datetime.timedelta(days=30)
    # Owners are reminded of what they may see: the council's shared draft, adopted minutes of
    # the consultation (meetings/tests/test_security.py).
    Minutes.objects.create(meeting=council, state=MinutesState.SHARED)
    Minutes.objects.create(meeting=consultation, state=MinutesState.ADOPTED)
    ActionItemFactory(meeting=council, owner=lid, due_date=due, title="Folder nakijken")
    ActionItemFactory(meeting=council, owner=oud_lid, due_date=due, title="Oud punt")
    ActionItemFactory(
        meeting=consultation,
        owner=bestuurder,
        kind=ActionKind.COMMITMENT,
        due_date=due,
        title="Cijfers wachttijd sturen",
    )
    with at(due - datetime.timedelta(days=2)):
        sweep_and_send(django_capture_on_commit_callbacks)
        sweep_and_send(django_capture_on_commit_callbacks)
    assert recipients(reminders.ACTION_DUE) == ["bestuurder@example.org", "lid@example.org"]
    subjects = sorted(m.subject for m in mail.outbox)
    assert subjects[0].startswith("Actiepunt verloopt op")
    assert subjects[1].startswith("Toezegging verloopt op")
    for message in mail.outbox:
        assert_mail(message, "/vergaderingen/actiepunten/")
