""" "Public: everyone" means something: a public meeting calendar, and the public items
and papers of published agendas, for everyone — logged in or not."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from meetings.models import MeetingKind, MeetingState
from meetings.tests.factories import AgendaDocumentFactory, AgendaItemFactory, MeetingFactory
from wijraad.models import DownloadLog, Visibility
from wijraad.testing.files import close_download

pytestmark = pytest.mark.django_db


def day(offset):
    return timezone.localdate() + datetime.timedelta(days=offset)


def published(**fields):
    return MeetingFactory(
        state=MeetingState.AGENDA_PUBLISHED, agenda_published_at=timezone.now(), **fields
    )


def test_the_public_calendar_shows_council_meetings_and_consultations(client):
    council = published(date=day(10))
    AgendaItemFactory(meeting=council, title="Openbaar punt", visibility=Visibility.PUBLIC)
    MeetingFactory(kind=MeetingKind.CONSULTATION, date=day(20), start_time=datetime.time(10))
    MeetingFactory(kind=MeetingKind.WORK_VISIT, date=day(12), title="Werkbezoek Beijum")
    MeetingFactory(date=day(30), state=MeetingState.CANCELLED)
    page = client.get(reverse("meetings:public")).content.decode()
    assert "Wanneer de raad vergadert" in page
    assert page.count("Raadsvergadering") == 2
    assert "Overlegvergadering" in page
    assert "Werkbezoek" not in page
    assert "afgelast" in page
    assert reverse("meetings:public_agenda", args=[council.pk]) in page
    # Reachable from the menu of the public side.
    home = client.get(reverse("home")).content.decode()
    assert reverse("meetings:public") in home


def test_the_public_agenda_holds_only_public_items_and_papers(client, private_root):
    meeting = published(date=day(10))
    public = AgendaItemFactory(meeting=meeting, title="Wachttijden", visibility=Visibility.PUBLIC)
    AgendaItemFactory(meeting=meeting, title="Persoonlijke situatie", visibility="council")
    open_paper = AgendaDocumentFactory(
        agenda_item=public, title="Notitie wachttijden", visibility=Visibility.PUBLIC
    )
    closed_paper = AgendaDocumentFactory(agenda_item=public, title="Cijfers per wijk")
    page = client.get(reverse("meetings:public_agenda", args=[meeting.pk])).content.decode()
    assert "Wachttijden" in page
    assert "Notitie wachttijden" in page
    assert "Persoonlijke situatie" not in page
    assert "Cijfers per wijk" not in page
    download = client.get(reverse("meetings:public_paper", args=[open_paper.pk]))
    assert download.status_code == 200
    close_download(download)
    assert not DownloadLog.objects.exists()  # a public paper is not logged
    assert client.get(reverse("meetings:public_paper", args=[closed_paper.pk])).status_code == 404


def test_nothing_is_public_before_the_agenda_goes_out(client, private_root):
    meeting = MeetingFactory(date=day(10))
    item = AgendaItemFactory(meeting=meeting, visibility=Visibility.PUBLIC)
    paper = AgendaDocumentFactory(agenda_item=item, visibility=Visibility.PUBLIC)
    assert client.get(reverse("meetings:public_agenda", args=[meeting.pk])).status_code == 404
    assert client.get(reverse("meetings:public_paper", args=[paper.pk])).status_code == 404
    visit = published(date=day(11), kind=MeetingKind.OTHER, title="Training")
    AgendaItemFactory(meeting=visit, visibility=Visibility.PUBLIC)
    assert client.get(reverse("meetings:public_agenda", args=[visit.pk])).status_code == 404


def test_a_replaced_paper_leaves_the_public_agenda(client, private_root):
    meeting = published(date=day(10))
    item = AgendaItemFactory(meeting=meeting, visibility=Visibility.PUBLIC)
    old = AgendaDocumentFactory(
        agenda_item=item, visibility=Visibility.PUBLIC, superseded_at=timezone.now()
    )
    assert client.get(reverse("meetings:public_paper", args=[old.pk])).status_code == 404


def test_the_public_pages_run_constant_queries(client, private_root, assert_constant_queries):
    meeting = published(date=day(3))
    item = AgendaItemFactory(meeting=meeting, visibility=Visibility.PUBLIC)

    def add_meetings(n):
        for offset in range(n):
            other = published(date=day(5 + offset))
            AgendaItemFactory(meeting=other, visibility=Visibility.PUBLIC)

    def add_items(n):
        for _ in range(n):
            AgendaItemFactory(meeting=meeting, visibility=Visibility.PUBLIC)
            AgendaDocumentFactory(agenda_item=item, visibility=Visibility.PUBLIC)

    assert_constant_queries(
        lambda: client.get(reverse("meetings:public")), expected=1, add_rows=add_meetings
    )
    assert_constant_queries(
        lambda: client.get(reverse("meetings:public_agenda", args=[meeting.pk])),
        expected=3,
        add_rows=add_items,
    )
