"""Attendance: the quorum counts only the people seated on the meeting's day (3 of 4,
7 of 13); board users say whether they come to a consultation; the minutes list who was present,
absent with notice and absent, from the register the secretary keeps."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from meetings import services
from meetings.models import Attendance, AttendanceAnswer, MeetingKind, MeetingState, Minutes
from meetings.tests.factories import MeetingFactory
from members.models import User
from members.tests.factories import BoardPositionFactory, TermFactory, fill_seats

pytestmark = pytest.mark.django_db


def day(offset):
    return timezone.localdate() + datetime.timedelta(days=offset)


def seats_to(count, on):
    """Fill the council to `count` seats on day `on` (the personas hold some already)."""
    taken = User.objects.seated(on).count()
    fill_seats(count - taken, start=on - datetime.timedelta(days=30))
    assert User.objects.seated(on).count() == count


@pytest.mark.parametrize(("seats", "quorum"), [(4, 3), (13, 7)])
def test_the_quorum_is_more_than_half_of_the_seats(client, personas, seats, quorum):
    assert services.quorum_for(seats) == quorum
    meeting = MeetingFactory(date=day(20))
    seats_to(seats, meeting.date)
    client.force_login(personas["lid"])
    page = client.get(reverse("meetings:attendance", args=[meeting.pk])).content.decode()
    assert f"De raad heeft op deze dag {seats} leden met een zetel." in page
    assert f"helft) is {quorum}." in page


def test_only_people_seated_on_the_meeting_day_count(client, personas):
    """A term that ends before the meeting, and a board user's yes, do not count."""
    meeting = MeetingFactory(kind=MeetingKind.CONSULTATION, date=day(20))
    leaving = TermFactory(start=day(-400), end=day(10), planned_end=day(10)).person
    seated = User.objects.seated(meeting.date).count()
    assert not User.objects.seated(meeting.date).filter(pk=leaving.pk).exists()
    for person in (personas["lid"], personas["voorzitter"], personas["bestuurder"], leaving):
        Attendance.objects.create(meeting=meeting, person=person, answer=AttendanceAnswer.PRESENT)
    count = services.attendance_count(meeting)
    assert (count.seated, count.coming) == (seated, 2)
    client.force_login(personas["secretaris"])
    page = client.get(reverse("meetings:attendance", args=[meeting.pk])).content.decode()
    assert "2 leden hebben gezegd dat ze komen." in page
    board = page[page.index("Het bestuur") :]
    assert personas["bestuurder"].name in board


def test_a_board_user_answers_for_a_consultation(client, personas):
    meeting = MeetingFactory(kind=MeetingKind.CONSULTATION, date=day(20))
    board = personas["bestuurder"]
    Attendance.objects.create(
        meeting=meeting, person=personas["lid"], answer="absent", reason="Op vakantie"
    )
    client.force_login(board)
    url = reverse("meetings:attendance", args=[meeting.pk])
    page = client.get(url).content.decode()
    assert "Kom je?" in page
    assert "Quorum" not in page  # the council's register is not the board's
    response = client.post(
        reverse("meetings:attendance_answer", args=[meeting.pk]),
        {"answer": "absent", "reason": "Andere afspraak"},
        follow=True,
    )
    assert "Dank je wel, je antwoord is opgeslagen." in response.content.decode()
    row = Attendance.objects.get(meeting=meeting, person=board)
    assert (row.answer, row.reason) == (AttendanceAnswer.ABSENT, "Andere afspraak")
    page = client.get(url).content.decode()
    assert "Het bestuur" in page
    assert "Op vakantie" not in page  # reasons are for the council and the secretary
    client.force_login(personas["secretaris"])
    page = client.get(url).content.decode()
    assert board.name in page
    assert "Andere afspraak" in page
    assert "Op vakantie" in page


def test_a_board_user_does_not_answer_for_a_council_meeting(client, personas):
    meeting = MeetingFactory(date=day(20))
    client.force_login(personas["bestuurder"])
    url = reverse("meetings:attendance_answer", args=[meeting.pk])
    assert client.post(url, {"answer": "present"}).status_code == 404


def test_the_minutes_list_present_absent_with_notice_and_absent(client, personas):
    meeting = MeetingFactory(date=day(-3), state=MeetingState.HELD)
    Minutes.objects.create(meeting=meeting, state="shared")
    lid, voorzitter = personas["lid"], personas["voorzitter"]
    unsigned = personas["lid_ongetekend"]
    Attendance.objects.create(meeting=meeting, person=voorzitter, answer=AttendanceAnswer.ABSENT)
    client.force_login(personas["secretaris"])
    url = reverse("meetings:minutes", args=[meeting.pk])
    assert "Wie er was, is nog niet vastgelegd." in client.get(url).content.decode()
    response = client.post(
        reverse("meetings:attendance_record", args=[meeting.pk]), {"present": [lid.pk]}
    )
    assert response.status_code == 302
    page = client.get(url).content.decode()
    register = page[page.index("Aanwezigheid") :]
    present = register.index("Aanwezig</dt>")
    notice = register.index("Afwezig met bericht</dt>")
    absent = register.index("Afwezig</dt>")
    assert present < register.index(lid.name) < notice
    assert notice < register.index(voorzitter.name) < absent
    assert absent < register.index(unsigned.name)


def test_the_attendance_page_runs_constant_queries(client, personas, assert_constant_queries):
    meeting = MeetingFactory(kind=MeetingKind.CONSULTATION, date=day(20))
    client.force_login(personas["secretaris"])

    def add_rows(n):
        for position in BoardPositionFactory.create_batch(n, start=day(-10)):
            Attendance.objects.create(
                meeting=meeting, person=position.person, answer=AttendanceAnswer.PRESENT
            )

    assert_constant_queries(
        lambda: client.get(reverse("meetings:attendance", args=[meeting.pk])),
        expected=6,
        add_rows=add_rows,
    )
