"""The meeting pages through HTTP: lists, a meeting, planning, moving, cancelling, states."""

import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from meetings.models import Location, Meeting, MeetingKind, MeetingState
from meetings.tests.factories import AgendaItemFactory, LocationFactory, MeetingFactory

pytestmark = pytest.mark.django_db


def many_meetings(start, *, kind=MeetingKind.COUNCIL):
    """add_rows for assert_constant_queries: n meetings from `start`, a day apart, each at its
    own location."""

    def add(n):
        offset = Meeting.objects.count()
        for number in range(n):
            MeetingFactory(kind=kind, date=start + datetime.timedelta(days=offset + number))

    return add


def test_the_list_shows_coming_meetings_at_constant_cost(client, lid, assert_constant_queries):
    client.force_login(lid)
    start = timezone.localdate() + datetime.timedelta(days=1)
    past = MeetingFactory(date=start - datetime.timedelta(days=10))
    # user, meetings (the roles come from the cache)
    response = assert_constant_queries(
        lambda: client.get(reverse("meetings:list")), expected=2, add_rows=many_meetings(start)
    )
    html = response.content.decode()
    for meeting in Meeting.objects.exclude(pk=past.pk):
        assert reverse("meetings:detail", args=[meeting.pk]) in html
    assert reverse("meetings:detail", args=[past.pk]) not in html


def test_the_board_lists_consultations_only(client, bestuurder, soon):
    MeetingFactory(title="Geheime raadsvergadering", date=soon)
    MeetingFactory(kind=MeetingKind.CONSULTATION, title="Overleg met bestuurder", date=soon)
    client.force_login(bestuurder)
    html = client.get(reverse("meetings:list")).content.decode()
    assert "Overleg met bestuurder" in html
    assert "Geheime raadsvergadering" not in html


def test_the_year_page_shows_the_minimums_to_the_council(
    client, secretaris, assert_constant_queries
):
    client.force_login(secretaris)
    year = timezone.localdate().year + 1
    response = assert_constant_queries(
        lambda: client.get(reverse("meetings:year", args=[year])),
        expected=5,  # two-step verification: read from the session, no query
        add_rows=many_meetings(datetime.date(year, 1, 1)),
    )
    html = response.content.decode()
    assert "Genoeg vergaderingen dit jaar?" in html
    assert "Nog geen vergaderrooster" in html or "geen vergaderrooster" in html


def test_the_board_sees_no_counts_on_the_year_page(client, bestuurder, assert_constant_queries):
    client.force_login(bestuurder)
    year = timezone.localdate().year + 1
    response = assert_constant_queries(
        lambda: client.get(reverse("meetings:year", args=[year])),
        expected=2,
        add_rows=many_meetings(datetime.date(year, 1, 1), kind=MeetingKind.CONSULTATION),
    )
    assert "Genoeg vergaderingen" not in response.content.decode()


def test_a_year_far_away_is_not_found(client, lid):
    client.force_login(lid)
    assert client.get(reverse("meetings:year", args=[1900])).status_code == 404


def test_the_meeting_page(client, lid, location, soon, assert_constant_queries):
    meeting = MeetingFactory(location=location, date=soon, description="Soep vanaf 17:00")
    client.force_login(lid)
    response = assert_constant_queries(
        lambda: client.get(reverse("meetings:detail", args=[meeting.pk])), expected=4
    )
    html = response.content.decode()
    assert "WIJ Oosterpark" in html
    assert "Oosterparkweg 100" in html
    assert "Drempelvrije ingang" in html
    assert "Soep vanaf 17:00" in html
    assert "17:30–19:30" in html
    # A member sees no buttons of the secretary.
    assert reverse("meetings:edit", args=[meeting.pk]) not in html
    assert reverse("meetings:cancel", args=[meeting.pk]) not in html


def test_the_secretary_plans_a_meeting(client, secretaris, location, soon):
    client.force_login(secretaris)
    assert client.get(reverse("meetings:create") + "?kind=work_visit").status_code == 200
    response = client.post(
        reverse("meetings:create"),
        {
            "kind": MeetingKind.CONSULTATION,
            "date": soon.isoformat(),
            "start_time": "17:30",
            "end_time": "19:00",
            "location": location.pk,
        },
    )
    meeting = Meeting.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("meetings:detail", args=[meeting.pk])
    assert meeting.kind == MeetingKind.CONSULTATION
    # The same slot again: refused on the form, in Dutch.
    response = client.post(
        reverse("meetings:create"),
        {
            "kind": MeetingKind.COUNCIL,
            "date": soon.isoformat(),
            "start_time": "18:00",
            "end_time": "19:00",
            "location": location.pk,
        },
    )
    assert response.status_code == 200
    assert "is al bezet" in response.content.decode()
    assert Meeting.objects.count() == 1


def test_the_secretary_moves_a_meeting(client, secretaris, location, soon):
    meeting = MeetingFactory(location=location, date=soon)
    other = LocationFactory(name="WIJ Selwerd")
    client.force_login(secretaris)
    page = client.get(reverse("meetings:edit", args=[meeting.pk]))
    assert f'value="{soon.isoformat()}"' in page.content.decode()
    response = client.post(
        reverse("meetings:edit", args=[meeting.pk]),
        {
            "kind": MeetingKind.COUNCIL,
            "date": soon.isoformat(),
            "start_time": "18:00",
            "end_time": "20:00",
            "location": other.pk,
        },
    )
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert (meeting.start_time, meeting.location, meeting.revision) == (
        datetime.time(18, 0),
        other,
        1,
    )


def test_a_held_meeting_has_no_edit_page(client, secretaris):
    meeting = MeetingFactory(state=MeetingState.HELD)
    client.force_login(secretaris)
    assert client.get(reverse("meetings:edit", args=[meeting.pk])).status_code == 403
    assert client.get(reverse("meetings:cancel", args=[meeting.pk])).status_code == 403


def test_cancelling_warns_when_the_year_falls_short(client, secretaris, location):
    year = timezone.localdate().year + 1
    meetings = [
        MeetingFactory(
            location=location, date=datetime.date(year, 1, 5) + datetime.timedelta(weeks=n)
        )
        for n in range(10)
    ]
    client.force_login(secretaris)
    url = reverse("meetings:cancel", args=[meetings[0].pk])
    page = client.get(url).content.decode()
    assert "Na deze afzegging heeft" in page
    assert "minder dan het minimum van 10" in page
    response = client.post(url, {"reason": "Te weinig leden beschikbaar"}, follow=True)
    html = response.content.decode()
    assert "De vergadering is afgezegd." in html
    assert "9 gepland of gehouden, minder dan het minimum van 10" in html
    meetings[0].refresh_from_db()
    assert meetings[0].state == MeetingState.CANCELLED
    assert "Te weinig leden beschikbaar" in html


def test_cancelling_without_a_reason_is_refused(client, secretaris, soon):
    meeting = MeetingFactory(date=soon)
    client.force_login(secretaris)
    response = client.post(reverse("meetings:cancel", args=[meeting.pk]), {"reason": ""})
    assert response.status_code == 200
    meeting.refresh_from_db()
    assert meeting.state == MeetingState.PLANNED


def test_the_chair_publishes_the_agenda_and_the_secretary_marks_it_held(
    client, voorzitter, secretaris
):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    meeting = MeetingFactory(date=tomorrow)
    AgendaItemFactory(meeting=meeting)
    url = reverse("meetings:transition", args=[meeting.pk])
    client.force_login(voorzitter)
    page = client.get(reverse("meetings:detail", args=[meeting.pk])).content.decode()
    assert "Agenda als verstuurd markeren" in page
    assert "Als gehouden markeren" not in page
    assert client.post(url, {"to": "held"}).status_code == 403
    published = client.post(url, {"to": "agenda_published"}, follow=True)
    # Tomorrow is later than the 7 days the rules ask for: published, with a warning.
    assert "De agenda gaat 1 dag(en) voor de vergadering uit" in published.content.decode()
    with time_machine.travel(meeting.ends_at, tick=False):
        client.force_login(secretaris)
        response = client.post(url, {"to": "held"}, follow=True)
        assert "De vergadering is nu: gehouden." in response.content.decode()
        assert client.post(url, {"to": "cancelled"}).status_code == 403
        assert client.post(url, {"to": "minutes_adopted"}).status_code == 403
    meeting.refresh_from_db()
    assert meeting.state == MeetingState.HELD


def test_a_refused_transition_is_shown_as_an_error(client, secretaris, soon):
    meeting = MeetingFactory(date=soon)
    client.force_login(secretaris)
    response = client.post(
        reverse("meetings:transition", args=[meeting.pk]), {"to": "held"}, follow=True
    )
    assert "is nog niet begonnen" in response.content.decode()


def test_the_locations_page(client, bestuurder, secretaris, assert_constant_queries):
    client.force_login(secretaris)
    response = assert_constant_queries(
        lambda: client.get(reverse("meetings:locations")),
        expected=2,  # two-step verification: read from the session, no query
        add_rows=lambda n: LocationFactory.create_batch(n),
    )
    assert reverse("meetings:location_create") in response.content.decode()
    client.force_login(bestuurder)
    assert (
        reverse("meetings:location_create")
        not in client.get(reverse("meetings:locations")).content.decode()
    )


def test_the_secretary_adds_and_changes_a_location(client, secretaris):
    client.force_login(secretaris)
    response = client.post(
        reverse("meetings:location_create"),
        {"name": "WIJ Paddepoel", "address": "Paddepoelsterweg 1, Groningen", "is_active": "on"},
    )
    assert response.status_code == 302
    location = Location.objects.get(name="WIJ Paddepoel")
    assert location.is_active
    changed = client.post(
        reverse("meetings:location_edit", args=[location.pk]),
        {"name": "WIJ Paddepoel", "address": "Paddepoelsterweg 1, Groningen"},
    )
    assert changed.status_code == 302
    location.refresh_from_db()
    assert not location.is_active
