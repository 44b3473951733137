"""Attendance and quorum, minutes adopted at a later meeting, action items and board commitments
carried onto the next agenda of the same kind, and the dashboard panel."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from meetings import services
from meetings.models import (
    ActionItem,
    ActionKind,
    ActionStatus,
    Attendance,
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
from members import services as member_services
from members.models import OfficeRole
from members.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def day(offset):
    return timezone.localdate() + datetime.timedelta(days=offset)


def test_a_member_answers_and_the_secretary_records_the_quorum(
    client, lid, voorzitter, lid_ongetekend, secretaris
):
    meeting = MeetingFactory(date=day(10))
    url = reverse("meetings:attendance", args=[meeting.pk])
    client.force_login(lid)
    client.post(
        reverse("meetings:attendance_answer", args=[meeting.pk]),
        {"answer": "absent", "reason": "Op <b>vakantie</b>"},
    )
    page = client.get(url).content.decode()
    # Three seats (the unsigned member holds one too): the quorum is 2.
    assert "3 leden met een zetel" in page
    assert "is 2." in page
    assert "Op &lt;b&gt;vakantie&lt;/b&gt;" in page
    assert Attendance.objects.get(person=lid).answer == "absent"
    held = MeetingFactory(date=day(-3), state=MeetingState.HELD)
    client.force_login(secretaris)
    response = client.post(
        reverse("meetings:attendance_record", args=[held.pk]),
        {"present": [voorzitter.pk, lid_ongetekend.pk]},
        follow=True,
    )
    assert "De vergadering had een quorum." in response.content.decode()
    client.post(reverse("meetings:attendance_record", args=[held.pk]), {"present": [lid.pk]})
    page = client.get(reverse("meetings:attendance", args=[held.pk])).content.decode()
    assert "geen quorum" in page


def test_no_answer_after_the_meeting_has_begun(lid):
    meeting = MeetingFactory(date=day(-1))
    with pytest.raises(ValidationError) as refused:
        services.attendance_answer(meeting=meeting, person=lid, answer="present")
    assert "meeting_begun" in error_codes(refused.value)


def test_the_attendance_page_runs_a_constant_number_of_queries(
    client, secretaris, assert_constant_queries
):
    from members.tests.factories import UserFactory

    meeting = MeetingFactory(date=day(10))
    client.force_login(secretaris)
    counter = iter(range(1000))

    def add_rows(n):
        for _ in range(n):
            # Answers of people without a seat are still read (the list shows the seated).
            person = UserFactory(email=f"iemand{next(counter)}@example.org")
            Attendance.objects.create(meeting=meeting, person=person, answer="present")

    assert_constant_queries(
        lambda: client.get(reverse("meetings:attendance", args=[meeting.pk])),
        expected=5,  # two-step verification: read from the session, no query
        add_rows=add_rows,
    )


def test_minutes_are_drafted_shared_and_adopted_at_a_later_meeting(client, secretaris, lid):
    meeting = MeetingFactory(date=day(-20), state=MeetingState.HELD)
    item = AgendaItemFactory(meeting=meeting, title="Begroting")
    later = MeetingFactory(date=day(-1), state=MeetingState.HELD)
    client.force_login(secretaris)
    client.post(
        reverse("meetings:minutes_edit", args=[meeting.pk]),
        {
            "general": "Iedereen was er",
            f"notes_{item.pk}": "Besproken",
            f"decision_{item.pk}": "Akkoord",
        },
    )
    client.force_login(lid)
    assert (
        "Akkoord" not in client.get(reverse("meetings:minutes", args=[meeting.pk])).content.decode()
    )
    client.force_login(secretaris)
    client.post(reverse("meetings:minutes_transition", args=[meeting.pk]), {"to": "shared"})
    client.force_login(lid)
    assert "Akkoord" in client.get(reverse("meetings:minutes", args=[meeting.pk])).content.decode()
    client.force_login(secretaris)
    own = client.post(
        reverse("meetings:minutes_adopt", args=[meeting.pk]),
        {"at_meeting": meeting.pk},
        follow=True,
    )
    assert "niet in hun eigen vergadering vaststellen" in own.content.decode()
    assert Minutes.objects.get().state == MinutesState.SHARED
    client.post(reverse("meetings:minutes_adopt", args=[meeting.pk]), {"at_meeting": later.pk})
    minutes = Minutes.objects.get()
    assert (minutes.state, minutes.adopted_at_meeting) == (MinutesState.ADOPTED, later)
    meeting.refresh_from_db()
    assert meeting.state == MeetingState.MINUTES_ADOPTED
    assert client.get(reverse("meetings:minutes_edit", args=[meeting.pk])).status_code == 403


def test_minutes_are_not_adopted_at_an_earlier_or_coming_meeting(secretaris):
    meeting = MeetingFactory(date=day(-20), state=MeetingState.HELD)
    minutes = Minutes.objects.create(meeting=meeting, state=MinutesState.SHARED)
    for other in (MeetingFactory(date=day(-40)), MeetingFactory(date=day(5))):
        with pytest.raises(ValidationError):
            services.minutes_adopt(minutes=minutes, at_meeting=other, by=secretaris)
    assert Minutes.objects.get().state == MinutesState.SHARED


def test_open_action_items_are_carried_onto_the_next_agenda_until_closed(client, lid, secretaris):
    held = MeetingFactory(date=day(-10), state=MeetingState.HELD)
    # Members see action items once the draft minutes are shared (meetings/tests/test_security).
    Minutes.objects.create(meeting=held, state=MinutesState.SHARED)
    services.action_item_add(
        meeting=held, by=secretaris, kind="action", title="Folder nalezen", owner=lid
    )
    coming = MeetingFactory(date=day(10), agenda_published_at=timezone.now())
    consultation = MeetingFactory(
        kind=MeetingKind.CONSULTATION, date=day(12), agenda_published_at=timezone.now()
    )
    client.force_login(lid)
    assert (
        "Folder nalezen"
        in client.get(reverse("meetings:agenda", args=[coming.pk])).content.decode()
    )
    assert (
        "Folder nalezen"
        not in client.get(reverse("meetings:agenda", args=[consultation.pk])).content.decode()
    )
    assert "Folder nalezen" in client.get(reverse("dashboard")).content.decode()
    action = ActionItem.objects.get()
    client.post(reverse("meetings:action_transition", args=[action.pk]), {"to": "done"})
    assert ActionItem.objects.get().status == ActionStatus.DONE
    assert "Folder nalezen" not in client.get(reverse("dashboard")).content.decode()
    # A meeting on the day it was closed still shows it (it was open then); a later one does not.
    later = MeetingFactory(date=day(30), agenda_published_at=timezone.now())
    assert (
        "Folder nalezen"
        not in client.get(reverse("meetings:agenda", args=[later.pk])).content.decode()
    )


def test_a_board_commitment_belongs_to_a_consultation_and_a_board_member(
    client, secretaris, bestuurder, lid
):
    council = MeetingFactory(date=day(-5), state=MeetingState.HELD)
    with pytest.raises(ValidationError) as refused:
        services.action_item_add(
            meeting=council, by=secretaris, kind="commitment", title="X", owner=bestuurder
        )
    assert "commitment_outside_consultation" in error_codes(refused.value)
    consultation = MeetingFactory(kind=MeetingKind.CONSULTATION, date=day(-5))
    with pytest.raises(ValidationError) as refused:
        services.action_item_add(
            meeting=consultation, by=secretaris, kind="commitment", title="X", owner=lid
        )
    assert "wrong_owner" in error_codes(refused.value)
    client.force_login(secretaris)
    response = client.post(
        reverse("meetings:action_add", args=[consultation.pk]),
        {"kind": "commitment", "title": "Cijfers sturen", "owner": bestuurder.pk},
    )
    assert response.status_code == 302
    # The board sees it once the minutes are adopted (meetings/tests/test_security).
    Minutes.objects.create(meeting=consultation, state=MinutesState.ADOPTED)
    client.force_login(bestuurder)
    page = client.get(reverse("meetings:actions")).content.decode()
    assert "Cijfers sturen" in page
    assert "Toezegging van het bestuur" in page


def test_the_actions_page_and_the_dashboard_run_constant_queries(
    client, lid, assert_constant_queries
):
    held = MeetingFactory(date=day(-10), state=MeetingState.HELD)
    Minutes.objects.create(meeting=held, state=MinutesState.SHARED)
    client.force_login(lid)

    def add_rows(n):
        ActionItemFactory.create_batch(n, meeting=held, owner=lid, kind=ActionKind.ACTION)

    assert_constant_queries(
        lambda: client.get(reverse("meetings:actions")), expected=2, add_rows=add_rows
    )
    ActionItem.objects.all().delete()
    # 5 (the open actions and their count in one query), the advice panel of the council
    # (advice.panels) and the signals panel (signals.panels): one each; one for the meetings the
    # member has not answered yet (meetings.unanswered); one for the year app's allowance and
    # hiring-panel panels (year.panels, one query for both).
    assert_constant_queries(lambda: client.get(reverse("dashboard")), expected=8, add_rows=add_rows)


def test_the_minutes_page_runs_a_constant_number_of_queries(client, lid, assert_constant_queries):
    meeting = MeetingFactory(date=day(-10), state=MeetingState.HELD)
    Minutes.objects.create(meeting=meeting, state=MinutesState.SHARED)
    client.force_login(lid)

    def add_rows(n):
        for _ in range(n):
            item = AgendaItemFactory(meeting=meeting, notes="Besproken")
            ActionItemFactory(meeting=meeting, agenda_item=item, owner=lid)

    assert_constant_queries(
        lambda: client.get(reverse("meetings:minutes", args=[meeting.pk])),
        # With the items' advice dossiers (a reverse relation held by advice) and the attendance
        # register (the seated members and their attendance); the minutes record comes with the
        # meeting.
        expected=8,
        add_rows=add_rows,
    )


def test_an_unsigned_staff_secretary_cannot_own_an_action_item(client, secretaris, lid):
    """Unsigned, she does none of the secretary's work (members.roles): nor is work given to her."""
    unsigned = UserFactory(name="Iris Nieuw")
    member_services.office_grant(person=unsigned, office=OfficeRole.STAFF_SECRETARY, start=day(0))
    held = MeetingFactory(date=day(-3), state=MeetingState.HELD)
    client.force_login(secretaris)
    url = reverse("meetings:action_add", args=[held.pk])
    page = client.get(url).content.decode()
    assert "Sander de Vries" in page
    assert "Joyce Meijer" in page
    assert "Iris Nieuw" not in page
    response = client.post(url, {"kind": "action", "title": "Folder nalezen", "owner": unsigned.pk})
    assert response.status_code == 200
    assert not ActionItem.objects.exists()
    member_services.declaration_sign(person=unsigned)
    assert "Iris Nieuw" in client.get(url).content.decode()
