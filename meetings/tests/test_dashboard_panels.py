"""The meetings panels on the dashboard."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from meetings.models import MeetingKind
from meetings.panels import compliance_context, next_meetings_context
from meetings.tests.factories import MeetingFactory
from members.roles import roles_for

pytestmark = pytest.mark.django_db

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def test_members_see_the_next_meetings(client, lid, soon):
    MeetingFactory(title="Eerstvolgende raad", date=soon)
    client.force_login(lid)
    html = client.get(reverse("dashboard")).content.decode()
    assert "Volgende vergaderingen" in html
    assert "Eerstvolgende raad" in html
    assert "Vergaderingen dit jaar" not in html


def test_the_board_sees_consultations_only(client, bestuurder, soon):
    MeetingFactory(title="Eerstvolgende raad", date=soon)
    MeetingFactory(
        kind=MeetingKind.CONSULTATION,
        title="Overleg",
        date=soon,
        start_time=datetime.time(10, 0),
        end_time=datetime.time(11, 0),
    )
    client.force_login(bestuurder)
    html = client.get(reverse("dashboard")).content.decode()
    assert "Overleg" in html
    assert "Eerstvolgende raad" not in html


def test_unsigned_and_former_members_get_no_meeting_panels(client, lid_ongetekend, oud_lid):
    for person in (lid_ongetekend, oud_lid):
        client.force_login(person)
        assert "Volgende vergaderingen" not in client.get(reverse("dashboard")).content.decode()


def test_the_secretary_is_warned_when_the_year_falls_short(client, secretaris):
    at = datetime.datetime(2027, 9, 15, 12, 0, tzinfo=timezone.get_current_timezone())
    with time_machine.travel(at, tick=False):
        for week in range(9):
            MeetingFactory(date=datetime.date(2027, 1, 5) + datetime.timedelta(weeks=week))
        client.force_login(secretaris)
        html = client.get(reverse("dashboard")).content.decode()
    assert "Vergaderingen dit jaar" in html
    assert "Raadsvergadering in 2027: 9 gepland of gehouden, minder dan het minimum van 10" in html
    assert "Het vergaderrooster van 2028 is nog niet vastgesteld." in html
    assert "9 vergaderingen zijn geweest, maar nog niet als gehouden gemarkeerd." in html


def panel_request(user):
    request = RequestFactory().get(reverse("dashboard"))
    request.user = user
    roles_for(user)  # the dashboard has asked for the roles already
    return request


@pytest.mark.parametrize(
    ("moment", "compliance_queries"),
    [
        # Before the autumn: the year's counts and minimum, meetings not yet marked as held.
        (datetime.datetime(2027, 1, 1, 0, 30, tzinfo=AMSTERDAM), 3),
        # From the autumn on, also whether next year's schedule has been adopted.
        (datetime.datetime(2027, 12, 31, 23, 30, tzinfo=AMSTERDAM), 4),
    ],
    ids=["new-year", "new-years-eve"],
)
def test_the_panels_take_constant_queries(
    secretaris, assert_constant_queries, moment, compliance_queries
):
    with time_machine.travel(moment, tick=False):
        soon = timezone.localdate() + datetime.timedelta(days=21)

        def add(n):
            for number in range(n):
                MeetingFactory(date=soon + datetime.timedelta(days=number))

        # the next meetings (a request of its own each time: the coming meetings are read once
        # per request, for this panel and "Will you come?" together)
        assert_constant_queries(
            lambda: next_meetings_context(panel_request(secretaris)), expected=1, add_rows=add
        )
        # A request of its own each time: the rules record is read once per request.
        assert_constant_queries(
            lambda: compliance_context(panel_request(secretaris)),
            expected=compliance_queries,
            add_rows=add,
        )


def test_will_you_come_reaches_past_the_next_meetings_in_the_same_query(client, lid, soon):
    """The two panels share one query: "Next meetings" shows the first four; "Will you come?"
    the first unanswered ones, also when they lie after those four, never an answered one,
    a work visit or a cancelled meeting."""
    from meetings.models import Attendance, AttendanceAnswer, MeetingState

    meetings = [
        MeetingFactory(title=f"Raad {number}", date=soon + datetime.timedelta(days=7 * number))
        for number in range(6)
    ]
    for meeting in meetings[:4]:
        Attendance.objects.create(meeting=meeting, person=lid, answer=AttendanceAnswer.PRESENT)
    MeetingFactory(title="Werkbezoek", kind=MeetingKind.WORK_VISIT, date=soon)
    meetings[4].state = MeetingState.CANCELLED
    meetings[4].save()
    client.force_login(lid)
    html = client.get(reverse("dashboard")).content.decode()
    next_panel, rest = html.split("Volgende vergaderingen", 1)[1].split("Kom je?", 1)
    ask_panel = rest.split("</section>", 1)[0]
    assert "Raad 5" not in next_panel  # the sixth: not among the next four
    assert "Raad 5" in ask_panel
    for answered in ("Raad 0", "Raad 1", "Raad 2", "Raad 3", "Raad 4", "Werkbezoek"):
        assert answered not in ask_panel
