"""Meeting e-mails follow each person's choices: the reminder at the time they chose (within the
secretary's limits), notices in their overview, a cancellation always at once."""

import datetime

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from meetings import reminders, services
from meetings.models import MeetingKind, MeetingState
from meetings.tests.factories import AgendaItemFactory, MeetingFactory
from wijraad import deliveries
from wijraad.models import Delivery, DeliveryState, MailFrequency

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(location, soon):
    return MeetingFactory(date=soon, location=location, title="Raadsvergadering juni")


def at(moment):
    return time_machine.travel(moment, tick=False)


def choose(client, user, **data):
    client.force_login(user)
    kinds_on = [info.kind for info in deliveries.switchable_kinds()]
    response = client.post(
        reverse("members:mail_preferences"),
        {"frequency": MailFrequency.NOW, "kinds_on": kinds_on, **data},
    )
    assert response.status_code == 302


def sweep_and_send(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        ids = deliveries.sweep()
    for pk in ids:
        deliveries.deliver(pk)


def reminded():
    return sorted(
        Delivery.objects.filter(kind=reminders.REMINDER).values_list("recipient__email", flat=True)
    )


def test_the_reminder_comes_at_the_time_the_person_chose(
    client, lid, voorzitter, meeting, django_capture_on_commit_callbacks
):
    choose(client, lid, reminder_lead_hours="6")
    starts = meeting.starts_at  # 17:30 local time
    with at(starts - datetime.timedelta(days=2)):
        sweep_and_send(django_capture_on_commit_callbacks)
    assert reminded() == ["voorzitter@example.org"]  # the council's default: two days
    with at(starts - datetime.timedelta(hours=6, minutes=1)):
        sweep_and_send(django_capture_on_commit_callbacks)
    assert reminded() == ["voorzitter@example.org"]
    with at(starts - datetime.timedelta(hours=6)):
        sweep_and_send(django_capture_on_commit_callbacks)
    assert reminded() == ["lid@example.org", "voorzitter@example.org"]
    assert [message.to[0] for message in mail.outbox] == [
        "voorzitter@example.org",
        "lid@example.org",
    ]
    assert mail.outbox[1].subject.startswith("Herinnering: Raadsvergadering juni")


def test_a_reminder_switched_off_is_recorded_and_not_sent(
    client, lid, meeting, django_capture_on_commit_callbacks
):
    kinds_on = [
        info.kind for info in deliveries.switchable_kinds() if info.kind != reminders.REMINDER
    ]
    choose(client, lid, kinds_on=kinds_on)
    with at(meeting.starts_at - datetime.timedelta(days=1)):
        sweep_and_send(django_capture_on_commit_callbacks)
    assert Delivery.objects.get(kind=reminders.REMINDER).state == DeliveryState.SWITCHED_OFF
    assert mail.outbox == []


def test_a_cancellation_reaches_a_weekly_reader_at_once_while_the_agenda_waits(
    client, lid, secretaris, voorzitter, meeting, django_capture_on_commit_callbacks
):
    choose(client, lid, frequency=MailFrequency.WEEKLY)
    AgendaItemFactory(meeting=meeting)
    with at(meeting.starts_at - datetime.timedelta(days=10)):
        services.meeting_transition(
            meeting=meeting, to=MeetingState.AGENDA_PUBLISHED, by=voorzitter
        )
        sweep_and_send(django_capture_on_commit_callbacks)
        agenda = Delivery.objects.get(kind=reminders.AGENDA, recipient=lid)
        assert agenda.state == DeliveryState.HELD
        assert lid.email not in [message.to[0] for message in mail.outbox]
        mail.outbox.clear()
        services.meeting_cancel(meeting=meeting, reason="Te weinig leden", by=secretaris)
        sweep_and_send(django_capture_on_commit_callbacks)
    changed = Delivery.objects.get(kind=reminders.CHANGED, recipient=lid)
    assert changed.state == DeliveryState.SENT
    assert lid.email in [message.to[0] for message in mail.outbox]
    # The agenda of a cancelled meeting is not needed any more: skipped in the overview.
    with at(agenda.updated_at + datetime.timedelta(days=7)):  # a week later: its day came
        sweep_and_send(django_capture_on_commit_callbacks)
    agenda.refresh_from_db()
    assert agenda.state == DeliveryState.SKIPPED
    assert agenda.digest_id is not None


def test_an_extra_meeting_announced_for_this_week_reaches_a_weekly_reader_at_once(
    client, lid, secretaris, location, soon, django_capture_on_commit_callbacks
):
    """Held until next Monday, the announcement would come after the meeting (and be skipped):
    it goes at once. One for a meeting after the next overview waits for it."""
    choose(client, lid, frequency=MailFrequency.WEEKLY)
    tuesday = soon
    with at(
        datetime.datetime.combine(
            tuesday, datetime.time(10), tzinfo=timezone.get_current_timezone()
        )
    ):
        this_week, later = (
            services.meeting_create(
                by=secretaris,
                kind=MeetingKind.OTHER,
                title=title,
                date=tuesday + datetime.timedelta(days=days),
                start_time=datetime.time(17, 30),
                end_time=datetime.time(19, 0),
                location=location,
            )
            for title, days in (("Extra donderdag", 2), ("Extra over twee weken", 14))
        )
        sweep_and_send(django_capture_on_commit_callbacks)
    announced = {
        row.object_id: row.state
        for row in Delivery.objects.filter(kind=reminders.ANNOUNCED, recipient=lid)
    }
    assert announced == {
        str(this_week.pk): DeliveryState.SENT,
        str(later.pk): DeliveryState.HELD,
    }
    subjects = [message.subject for message in mail.outbox if message.to == [lid.email]]
    assert any("Extra donderdag" in subject for subject in subjects), subjects
    assert not any("Extra over twee weken" in subject for subject in subjects), subjects


@pytest.mark.parametrize(
    ("day", "before", "due"),
    [
        # Summer time starts on 29 March 2026: 48 real hours before Monday 10:00 (08:00 UTC) is
        # Saturday 09:00, not 10:00 by the clock.
        (datetime.date(2026, 3, 30), "07:59", "08:00"),
        # Winter time starts on 25 October 2026: 48 real hours before Monday 10:00 (09:00 UTC)
        # is Saturday 11:00, not 10:00 by the clock.
        (datetime.date(2026, 10, 26), "08:59", "09:00"),
    ],
)
def test_a_reminder_hours_before_counts_real_hours_over_a_change_of_the_clock(
    client, lid, location, day, before, due, django_capture_on_commit_callbacks
):
    meeting = MeetingFactory(
        date=day,
        start_time=datetime.time(10),
        end_time=datetime.time(12),
        location=location,
        title="Overleg",
    )
    choose(client, lid, reminder_lead_hours="48")
    saturday = day - datetime.timedelta(days=2)
    for moment, expected in ((before, []), (due, ["lid@example.org"])):
        utc = datetime.datetime.combine(
            saturday, datetime.time.fromisoformat(moment), tzinfo=datetime.UTC
        )
        with at(utc):
            sweep_and_send(django_capture_on_commit_callbacks)
        lid_reminded = [email for email in reminded() if email == lid.email]
        assert lid_reminded == expected, moment
    assert meeting.starts_at.astimezone(datetime.UTC) - datetime.timedelta(hours=48) == utc
