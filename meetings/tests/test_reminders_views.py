"""The secretary's page of the e-mails about a meeting (the delivery ledger), over HTTP and in
real Chromium with axe."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone

from meetings import reminders
from meetings.models import Meeting
from meetings.tests.factories import MeetingFactory
from members.tests.factories import UserFactory
from wijraad.models import Delivery, DeliveryState
from wijraad.testing.browser import assert_accessible


def deliver_row(meeting, recipient, kind, state, error=""):
    return Delivery.objects.create(
        content_type=ContentType.objects.get_for_model(Meeting),
        object_id=str(meeting.pk),
        recipient=recipient,
        kind=kind,
        revision=meeting.revision,
        state=state,
        last_error=error,
        sent_at=timezone.now() if state == DeliveryState.SENT else None,
    )


@pytest.mark.django_db
def test_the_secretary_sees_who_was_reminded(
    client, secretaris, lid, location, soon, assert_constant_queries
):
    meeting = MeetingFactory(date=soon, location=location)
    other = MeetingFactory(date=soon, location=location, start_time="10:00", end_time="11:00")
    deliver_row(meeting, lid, reminders.REMINDER, DeliveryState.SENT)
    deliver_row(
        meeting, secretaris, reminders.REMINDER, DeliveryState.FAILED, "Verbinding geweigerd"
    )
    deliver_row(other, lid, reminders.REMINDER, DeliveryState.SENT)
    client.force_login(secretaris)
    url = reverse("meetings:deliveries", args=[meeting.pk])

    def add_rows(n):
        for _ in range(n):
            deliver_row(meeting, UserFactory(), reminders.AGENDA, DeliveryState.PENDING)

    # two-step verification: read from the session, no query
    response = assert_constant_queries(lambda: client.get(url), expected=4, add_rows=add_rows)
    html = response.content.decode()
    assert "Sander de Vries" in html
    assert "Herinnering" in html
    assert "Verbinding geweigerd" in html
    assert "Mislukt" in html


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_deliveries_page_is_accessible(page, login_as, secretaris, lid, location, soon):
    meeting = MeetingFactory(date=soon, location=location)
    deliver_row(meeting, lid, reminders.REMINDER, DeliveryState.SENT)
    deliver_row(meeting, secretaris, reminders.AGENDA, DeliveryState.FAILED, "Time-out")
    login_as(secretaris)
    page.goto(reverse("meetings:deliveries", args=[meeting.pk]))
    assert "E-mails over" in page.locator("h1").inner_text()
    assert_accessible(page)


@pytest.mark.django_db
def test_held_and_switched_off_emails_are_counted_and_explained(
    client, secretaris, lid, location, soon
):
    meeting = MeetingFactory(date=soon, location=location)
    deliver_row(meeting, lid, reminders.AGENDA, DeliveryState.HELD)
    deliver_row(meeting, secretaris, reminders.AGENDA, DeliveryState.SWITCHED_OFF)
    client.force_login(secretaris)
    html = client.get(reverse("meetings:deliveries", args=[meeting.pk])).content.decode()
    assert "Wacht op het overzicht: <strong>1</strong>" in html
    assert "Uitgezet door de ontvanger: <strong>1</strong>" in html
    assert "één overzicht van hun e-mails" in html
    assert "Herinneringen wachten nooit op een overzicht." in html


@pytest.mark.django_db
def test_the_secretary_does_not_see_whose_e_mails_wait_or_were_switched_off(
    client, secretaris, lid, voorzitter, location, soon
):
    """A person's choices are theirs (the privacy statement): only the totals are shown."""
    meeting = MeetingFactory(date=soon, location=location)
    deliver_row(meeting, lid, reminders.AGENDA, DeliveryState.HELD)
    deliver_row(meeting, voorzitter, reminders.AGENDA, DeliveryState.SWITCHED_OFF)
    deliver_row(meeting, secretaris, reminders.AGENDA, DeliveryState.SENT)
    client.force_login(secretaris)
    html = client.get(reverse("meetings:deliveries", args=[meeting.pk])).content.decode()
    table = html.split("<table")[1]
    assert secretaris.name in table
    assert lid.name not in html
    assert voorzitter.name not in html
    assert "Wacht op het overzicht</span>" not in table
    assert "Uitgezet door de ontvanger</span>" not in table
