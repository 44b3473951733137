"""In real Chromium: the secretary cancels a meeting of the adopted schedule three weeks ahead,
and everyone who may see it gets the notice — although nobody was e-mailed about it before."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from meetings import services
from meetings.models import MeetingKind, ScheduleState, YearSchedule
from meetings.tests.factories import LocationFactory, MeetingFactory
from wijraad import deliveries
from wijraad.models import Delivery
from wijraad.testing.browser import assert_accessible
from wijraad.testing.mail import assert_mail

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_cancelled_schedule_meeting_three_weeks_ahead_emails_everyone(
    page, login_as, personas, secretaris
):
    day = timezone.localdate() + datetime.timedelta(weeks=3)
    schedule = YearSchedule.objects.create(
        year=day.year, state=ScheduleState.ADOPTED, **services.schedule_defaults(day.year)
    )
    meeting = MeetingFactory(
        kind=MeetingKind.CONSULTATION,
        date=day,
        location=LocationFactory(name="WIJ Beijum"),
        schedule=schedule,
    )
    assert not Delivery.objects.exists()  # nobody was told anything about it
    login_as(secretaris)
    page.goto(reverse("meetings:detail", args=[meeting.pk]))
    page.get_by_role("link", name="Vergadering afzeggen").click()
    page.wait_for_url("**/afzeggen/")
    page.get_by_label("Reden").fill("De bestuurder is verhinderd")
    page.get_by_role("button", name="Vergadering afzeggen").click()
    page.wait_for_url(f"**/{meeting.pk}/")
    assert "De vergadering is afgezegd." in page.locator(".messages").inner_text()
    assert_accessible(page)
    mail.outbox.clear()
    for pk in deliveries.sweep():
        deliveries.deliver(pk)
    assert sorted(message.to[0] for message in mail.outbox) == [
        "bestuurder@example.org",
        "lid@example.org",
        "secretaris@example.org",
        "voorzitter@example.org",
    ]
    assert_mail(mail.outbox[0], "Deze vergadering is afgezegd.", "De bestuurder is verhinderd")
