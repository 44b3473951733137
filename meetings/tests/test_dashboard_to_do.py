"""The dashboard's loose ends: meetings that took place but are not marked held, draft
minutes waiting, failed e-mails (for the secretary); meetings the member has not answered yet;
the user's own open actions first. Constant queries."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone

from meetings import reminders
from meetings.models import (
    ActionStatus,
    Attendance,
    Meeting,
    MeetingKind,
    MeetingState,
    Minutes,
    MinutesState,
)
from meetings.tests.factories import ActionItemFactory, MeetingFactory
from wijraad import deliveries
from wijraad.models import Delivery, DeliveryState

pytestmark = pytest.mark.django_db


def day(offset):
    return timezone.localdate() + datetime.timedelta(days=offset)


def failed_delivery(meeting, person):
    return Delivery.objects.create(
        content_type=ContentType.objects.get_for_model(Meeting),
        object_id=str(meeting.pk),
        recipient=person,
        kind=reminders.REMINDER,
        state=DeliveryState.FAILED,
        last_error="Connection refused",
    )


def test_the_secretary_sees_what_is_waiting(client, secretaris, lid):
    not_held = MeetingFactory(title="Raad van vorige week", date=day(-7))
    held = MeetingFactory(title="Gehouden raad", date=day(-14), state=MeetingState.HELD)
    Minutes.objects.create(meeting=held, state=MinutesState.SHARED)
    coming = MeetingFactory(title="Komende raad", date=day(7))
    failed_delivery(coming, lid)
    client.force_login(secretaris)
    page = client.get(reverse("dashboard")).content.decode()
    panel = page[page.index("Te doen voor de secretaris") :]
    assert reverse("meetings:detail", args=[not_held.pk]) in panel
    assert "Raad van vorige week" in panel
    assert reverse("meetings:minutes", args=[held.pk]) in panel
    assert "nog vaststellen" in panel
    assert "1 e-mail kon niet worden verstuurd" in panel
    assert reverse("meetings:deliveries", args=[coming.pk]) in panel


def test_members_do_not_see_the_secretarys_panel(client, lid):
    MeetingFactory(date=day(-7))
    client.force_login(lid)
    assert "Te doen voor de secretaris" not in client.get(reverse("dashboard")).content.decode()


def test_meetings_the_member_has_not_answered(client, lid, bestuurder):
    answered = MeetingFactory(title="Al beantwoord", date=day(5))
    Attendance.objects.create(meeting=answered, person=lid, answer="present")
    open_one = MeetingFactory(title="Nog niet beantwoord", date=day(12))
    MeetingFactory(title="Afgezegd", date=day(8), state=MeetingState.CANCELLED)
    MeetingFactory(title="Werkbezoek", date=day(9), kind=MeetingKind.WORK_VISIT)
    consultation = MeetingFactory(
        title="Overleg",
        kind=MeetingKind.CONSULTATION,
        date=day(15),
        start_time=datetime.time(10),
        end_time=datetime.time(11),
    )
    client.force_login(lid)
    page = client.get(reverse("dashboard")).content.decode()
    panel = page[page.index("Laat weten of je") :]
    assert reverse("meetings:attendance", args=[open_one.pk]) in panel
    for title in ("Al beantwoord", "Afgezegd", "Werkbezoek"):
        assert title not in panel
    client.force_login(bestuurder)
    page = client.get(reverse("dashboard")).content.decode()
    panel = page[page.index("Laat weten of je") :]
    assert reverse("meetings:attendance", args=[consultation.pk]) in panel
    assert "Nog niet beantwoord" not in panel


def test_open_actions_show_the_users_own_first(client, lid, voorzitter):
    held = MeetingFactory(date=day(-10), state=MeetingState.HELD)
    Minutes.objects.create(meeting=held, state=MinutesState.SHARED)
    for n in range(6):
        ActionItemFactory(
            meeting=held, owner=voorzitter, title=f"Van de voorzitter {n}", due_date=day(n)
        )
    ActionItemFactory(meeting=held, owner=lid, title="Mijn eigen actie", due_date=day(30))
    ActionItemFactory(
        meeting=held, owner=lid, title="Mijn afgeronde actie", status=ActionStatus.DONE
    )
    client.force_login(lid)
    page = client.get(reverse("dashboard")).content.decode()
    assert page.index("Mijn eigen actie") < page.index("Van de voorzitter 0")
    assert "Mijn afgeronde actie" not in page
    # Seven open, six shown: the rest is counted (in the same query as the rows).
    assert "En nog 1." in page


def test_the_secretarys_dashboard_runs_constant_queries(
    client, secretaris, lid, assert_constant_queries
):
    client.force_login(secretaris)

    def add_rows(n):
        for _ in range(n):
            meeting = MeetingFactory(date=day(-3))
            held = MeetingFactory(date=day(-20), state=MeetingState.HELD)
            Minutes.objects.create(meeting=held, state=MinutesState.DRAFT)
            failed_delivery(meeting, lid)
            MeetingFactory(date=day(20))

    assert_constant_queries(
        lambda: client.get(reverse("dashboard")), expected=QUERIES, add_rows=add_rows
    )


QUERIES = 20


def test_failed_emails_of_other_apps_are_named_in_plain_words(client, secretaris, lid):
    """An overview or a resident's confirmation that failed reads as what it is, not as a code."""
    for kind in (deliveries.DIGEST, "signals.received"):
        Delivery.objects.create(
            content_type=ContentType.objects.get_for_model(Meeting),
            object_id="0",
            recipient=lid if kind == deliveries.DIGEST else None,
            kind=kind,
            state=DeliveryState.FAILED,
            last_error="Connection refused",
        )
    client.force_login(secretaris)
    page = client.get(reverse("dashboard")).content.decode()
    panel = page[page.index("Te doen voor de secretaris") :]
    assert "Overzicht van e-mails" in panel
    assert "Signaal ontvangen" in panel
    assert "iemand zonder account" in panel
    assert "deliveries.digest" not in panel
