"""Every change reaches people: the schedule's overview, an extra meeting announced,
a cancelled or moved meeting told to everyone who may see it — told before or not. Through the
pages, then one sweep of the delivery ledger."""

import datetime

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from meetings import reminders, services
from meetings.models import Meeting, MeetingKind, MeetingState
from meetings.tests.factories import LocationFactory
from members.tests.factories import BoardPositionFactory
from wijraad import deliveries
from wijraad.models import Delivery
from wijraad.testing.mail import assert_mail

pytestmark = pytest.mark.django_db

YEAR = 2027
# A morning in the autumn before the schedule's year: every meeting of it is still to come.
NOW = datetime.datetime(YEAR - 1, 11, 20, 9, 0, tzinfo=datetime.UTC)
COUNCIL_AUDIENCE = ["lid@example.org", "secretaris@example.org", "voorzitter@example.org"]
QUERIES = 22  # the cancel request alone: the meetings are made before it is measured
BOARD_AUDIENCE = sorted([*COUNCIL_AUDIENCE, "bestuurder@example.org"])


@pytest.fixture(autouse=True)
def clock():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def people(personas):
    return {name: user for name, user in personas.items() if user is not None}


@pytest.fixture
def adopted(people, secretaris, client):
    """The schedule of YEAR, proposed and adopted through the pages."""
    LocationFactory.create_batch(2)
    services.schedule_propose(year=YEAR)
    client.force_login(secretaris)
    response = client.post(reverse("meetings:schedule_adopt", args=[YEAR]))
    assert response["Location"] == reverse("meetings:year", args=[YEAR])
    return Meeting.objects.filter(schedule__year=YEAR).order_by("date", "pk")


def sweep_and_send(django_capture_on_commit_callbacks):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=False):
        ids = deliveries.sweep()
    for pk in ids:
        deliveries.deliver(pk)
    return sorted(message.to[0] for message in mail.outbox)


def recipients(kind):
    return sorted(Delivery.objects.filter(kind=kind).values_list("recipient__email", flat=True))


def test_adopting_the_schedule_sends_one_overview_with_the_calendar(
    adopted, people, django_capture_on_commit_callbacks
):
    assert recipients(reminders.SCHEDULE) == BOARD_AUDIENCE
    assert sweep_and_send(django_capture_on_commit_callbacks) == BOARD_AUDIENCE
    by_person = {message.to[0]: message for message in mail.outbox}
    member = by_person["lid@example.org"]
    assert member.subject == f"De vergaderingen van {YEAR}"
    first = adopted.first()
    assert_mail(member, f"Het rooster van {YEAR} is vastgesteld", first.place)
    (name, ics, mimetype) = member.attachments[0]
    assert name == f"vergaderrooster-{YEAR}.ics"
    assert ics.count("BEGIN:VEVENT") == adopted.count()
    # The board sees the consultations only.
    board_ics = by_person["bestuurder@example.org"].attachments[0][1]
    consultations = adopted.filter(kind=MeetingKind.CONSULTATION).count()
    assert 0 < board_ics.count("BEGIN:VEVENT") == consultations < adopted.count()
    # Never twice.
    assert sweep_and_send(django_capture_on_commit_callbacks) == []


def test_a_schedule_meeting_cancelled_three_weeks_ahead_emails_everyone(
    adopted, client, secretaris, django_capture_on_commit_callbacks
):
    sweep_and_send(django_capture_on_commit_callbacks)  # the overview
    meeting = adopted.filter(kind=MeetingKind.CONSULTATION).first()
    # Three weeks before it: nobody had an agenda, a reminder or a change notice about it.
    with time_machine.travel(meeting.starts_at - datetime.timedelta(weeks=3), tick=False):
        client.force_login(secretaris)
        response = client.post(
            reverse("meetings:cancel", args=[meeting.pk]), {"reason": "Te weinig leden"}
        )
        assert response["Location"] == reverse("meetings:detail", args=[meeting.pk])
        assert sweep_and_send(django_capture_on_commit_callbacks) == BOARD_AUDIENCE
        message = mail.outbox[0]
        assert message.subject.startswith("Afgelast: Overlegvergadering")
        assert_mail(message, "Deze vergadering is afgezegd.", "Te weinig leden")
        assert "STATUS:CANCELLED" in message.attachments[0][1]
        assert sweep_and_send(django_capture_on_commit_callbacks) == []


def test_moving_a_meeting_tells_everyone_who_may_see_it(
    adopted, client, django_capture_on_commit_callbacks
):
    sweep_and_send(django_capture_on_commit_callbacks)
    meeting = adopted.filter(kind=MeetingKind.COUNCIL).first()
    response = client.post(
        reverse("meetings:edit", args=[meeting.pk]),
        {
            "kind": meeting.kind,
            "date": meeting.date.isoformat(),
            "start_time": "18:00",
            "end_time": "20:00",
            "location": meeting.location_id,
        },
    )
    assert response.status_code == 302
    assert sweep_and_send(django_capture_on_commit_callbacks) == COUNCIL_AUDIENCE
    assert_mail(mail.outbox[0], "Deze vergadering is gewijzigd.", "18:00–20:00")
    # Only what attendees need to know counts: a new description is no news.
    client.post(
        reverse("meetings:edit", args=[meeting.pk]),
        {
            "kind": meeting.kind,
            "date": meeting.date.isoformat(),
            "start_time": "18:00",
            "end_time": "20:00",
            "location": meeting.location_id,
            "description": "Soep vanaf 17:30",
        },
    )
    assert sweep_and_send(django_capture_on_commit_callbacks) == []


def test_an_extra_meeting_is_announced(
    people, client, secretaris, django_capture_on_commit_callbacks
):
    location = LocationFactory()
    client.force_login(secretaris)
    day = timezone.localdate() + datetime.timedelta(days=30)
    response = client.post(
        reverse("meetings:create"),
        {
            "kind": MeetingKind.COUNCIL,
            "title": "Extra raadsvergadering",
            "date": day.isoformat(),
            "start_time": "17:30",
            "end_time": "19:30",
            "location": location.pk,
        },
    )
    assert response.status_code == 302
    assert sweep_and_send(django_capture_on_commit_callbacks) == COUNCIL_AUDIENCE
    message = mail.outbox[0]
    assert message.subject.startswith("Nieuwe vergadering: Extra raadsvergadering")
    assert_mail(message, "Er is een extra vergadering gepland.", location.name)
    assert message.attachments[0][0] == "vergadering.ics"
    assert sweep_and_send(django_capture_on_commit_callbacks) == []


def test_a_meeting_moved_before_its_announcement_went_sends_only_the_change(
    people, secretaris, django_capture_on_commit_callbacks
):
    location = LocationFactory()
    day = timezone.localdate() + datetime.timedelta(days=30)
    meeting = services.meeting_create(
        by=secretaris,
        kind=MeetingKind.COUNCIL,
        date=day,
        start_time=datetime.time(17, 30),
        end_time=datetime.time(19, 30),
        location=location,
    )
    services.meeting_update(meeting=meeting, by=secretaris, start_time=datetime.time(18))
    assert sweep_and_send(django_capture_on_commit_callbacks) == COUNCIL_AUDIENCE
    assert {message.subject.split(":")[0] for message in mail.outbox} == {"Gewijzigd"}


def test_a_cancelled_extra_meeting_nobody_heard_of_is_still_told(
    people, secretaris, django_capture_on_commit_callbacks
):
    """Cancelled before the sweep: no announcement of a meeting that is off, only the notice."""
    location = LocationFactory()
    meeting = services.meeting_create(
        by=secretaris,
        kind=MeetingKind.CONSULTATION,
        date=timezone.localdate() + datetime.timedelta(days=10),
        start_time=datetime.time(17, 30),
        end_time=datetime.time(19),
        location=location,
    )
    services.meeting_cancel(meeting=meeting, reason="Ziekte", by=secretaris)
    assert sweep_and_send(django_capture_on_commit_callbacks) == BOARD_AUDIENCE
    assert {message.subject.split(":")[0] for message in mail.outbox} == {"Afgelast"}
    assert Meeting.objects.get(pk=meeting.pk).state == MeetingState.CANCELLED


def test_cancelling_records_the_notices_in_constant_queries(
    people, client, secretaris, assert_constant_queries
):
    """The notices go in with one insert, however many people see the meeting."""
    location = LocationFactory()
    meetings = iter(
        [
            services.meeting_create(
                by=secretaris,
                kind=MeetingKind.CONSULTATION,
                date=timezone.localdate() + datetime.timedelta(days=10 + n),
                start_time=datetime.time(17, 30),
                end_time=datetime.time(19),
                location=location,
            )
            for n in range(4)
        ]
    )
    client.force_login(secretaris)

    def cancel():
        meeting = next(meetings)
        return client.post(reverse("meetings:cancel", args=[meeting.pk]), {"reason": "Ziekte"})

    assert_constant_queries(
        cancel, expected=QUERIES, add_rows=lambda n: BoardPositionFactory.create_batch(n)
    )
    # A warm-up, then with 5 and 50 more board users: one notice per person who sees it each time.
    assert Delivery.objects.filter(kind=reminders.CHANGED).count() == 4 + (4 + 5) + (4 + 50)
