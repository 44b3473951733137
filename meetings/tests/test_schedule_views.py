"""The schedule pages: the secretary makes a proposal, moves a meeting and adopts it."""

import datetime

import pytest
from django.urls import reverse

from meetings import services
from meetings.models import Meeting, ScheduleEntry, YearSchedule
from meetings.tests.factories import LocationFactory

pytestmark = pytest.mark.django_db
YEAR = 2027


@pytest.fixture
def locations(db):
    return LocationFactory.create_batch(3)


def settings_data(**changes):
    data = {
        "council_weekday": 1,
        "council_start": "17:30",
        "council_minutes": 120,
        "council_interval_weeks": 3,
        "consultation_weekday": 1,
        "consultation_start": "17:30",
        "consultation_minutes": 90,
        "consultation_interval_weeks": 6,
        "first_day": f"{YEAR}-01-08",
        "last_day": f"{YEAR}-12-19",
        "summer_break_first_day": f"{YEAR}-07-11",
        "summer_break_last_day": f"{YEAR}-08-23",
    }
    data.update(changes)
    return data


def test_generate_move_adopt(client, secretaris, locations):
    client.force_login(secretaris)
    url = reverse("meetings:schedule", args=[YEAR])
    page = client.get(url).content.decode()
    assert f"Er is nog geen rooster voor {YEAR}." in page
    response = client.post(reverse("meetings:schedule_generate", args=[YEAR]), settings_data())
    assert response["Location"] == url
    entry = ScheduleEntry.objects.order_by("date").first()
    moved_to = entry.date + datetime.timedelta(days=1)
    response = client.post(
        reverse("meetings:schedule_entry_edit", args=[entry.pk]),
        {
            "kind": entry.kind,
            "date": moved_to.isoformat(),
            "start_time": "17:30",
            "end_time": "19:30",
            "location": entry.location.pk,
        },
    )
    assert response["Location"] == url
    count = ScheduleEntry.objects.count()
    response = client.post(reverse("meetings:schedule_adopt", args=[YEAR]), follow=True)
    html = response.content.decode()
    assert f"Het rooster van {YEAR} is vastgesteld" in html
    assert Meeting.objects.filter(date=moved_to).exists()
    assert Meeting.objects.count() == count
    assert "Genoeg vergaderingen dit jaar?" in html


def test_the_proposal_page_takes_constant_queries(
    client, secretaris, locations, assert_constant_queries
):
    schedule = services.schedule_propose(year=YEAR)
    schedule.entries.all().delete()

    def add(n):
        start = ScheduleEntry.objects.count()
        ScheduleEntry.objects.bulk_create(
            ScheduleEntry(
                schedule=schedule,
                kind="council",
                date=datetime.date(YEAR, 1, 1) + datetime.timedelta(days=start + number),
                start_time=datetime.time(17, 30),
                end_time=datetime.time(19, 30),
                location=locations[0],
                shifted_from=datetime.date(YEAR, 4, 27),
            )
            for number in range(n)
        )

    client.force_login(secretaris)
    # two-step verification: read from the session, no query
    response = assert_constant_queries(
        lambda: client.get(reverse("meetings:schedule", args=[YEAR])), expected=6, add_rows=add
    )
    assert "Verplaatst van 27 april: Koningsdag" in response.content.decode()


def test_wrong_settings_show_on_the_form(client, secretaris, locations):
    client.force_login(secretaris)
    response = client.post(
        reverse("meetings:schedule_generate", args=[YEAR]),
        settings_data(last_day=f"{YEAR + 1}-01-05"),
    )
    assert response.status_code == 200
    assert f"in {YEAR} liggen" in response.content.decode()
    assert not YearSchedule.objects.exists()


def test_adding_removing_and_discarding(client, secretaris, locations):
    services.schedule_propose(year=YEAR)
    client.force_login(secretaris)
    count = ScheduleEntry.objects.count()
    client.post(
        reverse("meetings:schedule_entry_add", args=[YEAR]),
        {
            "kind": "consultation",
            "date": f"{YEAR}-12-22",
            "start_time": "10:00",
            "end_time": "11:30",
            "location": locations[0].pk,
        },
    )
    assert ScheduleEntry.objects.count() == count + 1
    client.post(reverse("meetings:schedule_entry_delete", args=[ScheduleEntry.objects.first().pk]))
    assert ScheduleEntry.objects.count() == count
    client.post(reverse("meetings:schedule_discard", args=[YEAR]))
    assert not YearSchedule.objects.exists()


def test_an_adopted_schedule_has_no_draft_pages(client, secretaris, voorzitter, locations):
    schedule = services.schedule_propose(year=YEAR)
    entry = schedule.entries.first()
    services.schedule_adopt(schedule=schedule, by=secretaris)
    client.force_login(secretaris)
    assert client.post(reverse("meetings:schedule_adopt", args=[YEAR])).status_code == 404
    assert client.get(reverse("meetings:schedule_entry_add", args=[YEAR])).status_code == 404
    assert client.get(reverse("meetings:schedule_entry_edit", args=[entry.pk])).status_code == 404
    client.force_login(voorzitter)
    page = client.get(reverse("meetings:schedule", args=[YEAR])).content.decode()
    assert "Dit rooster is vastgesteld op" in page
    assert reverse("meetings:schedule_generate", args=[YEAR]) not in page


def test_the_chair_reads_the_draft_without_buttons(client, voorzitter, secretaris, locations):
    services.schedule_propose(year=YEAR)
    client.force_login(voorzitter)
    page = client.get(reverse("meetings:schedule", args=[YEAR])).content.decode()
    assert "Voorstel" in page
    assert reverse("meetings:schedule_adopt", args=[YEAR]) not in page
