"""A small run of `manage.py bench_data` (three years) gives valid data: the council's rules hold
on every day, meetings never share a place and time, minutes are adopted later, and the files of
documents and papers can be downloaded."""

import datetime
import itertools
from collections import defaultdict
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from meetings.compliance import year_compliance
from meetings.models import (
    AgendaDocument,
    AgendaItem,
    Meeting,
    MeetingKind,
    MeetingState,
    Minutes,
    MinutesState,
)
from members.models import BoardPosition, Document, Office, OfficeRole, Term, User
from wijraad.files import PrivateStorage
from wijraad.models import Delivery, DeliveryState, Visibility

pytestmark = pytest.mark.django_db

YEARS = 3
# A Wednesday in spring: last year, this year and the year before last in the data set.
MOMENT = datetime.datetime(2027, 3, 10, 12, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))


def test_a_small_run_gives_valid_data(settings, tmp_path, monkeypatch, client):
    """One load (it takes a while), then each part of the data set is checked."""
    settings.DEBUG = True
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    for model in (Document, AgendaDocument):
        monkeypatch.setattr(model._meta.get_field("file"), "storage", PrivateStorage())
    with time_machine.travel(MOMENT, tick=False):
        call_command("bench_data", "--years", str(YEARS), stdout=StringIO())
        check_terms()
        check_offices_and_board_positions()
        check_meetings()
        check_downloads(client)
        with pytest.raises(CommandError, match="already"):
            call_command("bench_data", "--years", "1", stdout=StringIO())


def busiest_day(periods):
    """The most periods [start, end) running on one day."""
    events = sorted([(start, 1) for start, _end in periods] + [(end, -1) for _s, end in periods])
    running = busiest = 0
    for _day, step in events:
        running += step
        busiest = max(busiest, running)
    return busiest


def check_terms():
    """At most 13 seats on any day, at most 2 terms per person, never overlapping."""
    terms = list(Term.objects.values_list("person_id", "ordinal", "start", "end", "planned_end"))
    bench = User.objects.filter(email__endswith="@bench.example.org", terms__isnull=False)
    assert bench.distinct().count() >= 2 * YEARS
    assert busiest_day([(start, end) for _p, _o, start, end, _pl in terms]) <= 13
    by_person = defaultdict(list)
    for person, ordinal, start, end, planned in terms:
        by_person[person].append((ordinal, start, end, planned))
        assert start < end <= planned
    for own in by_person.values():
        own.sort()
        assert len(own) <= 2
        assert [ordinal for ordinal, *_rest in own] == list(range(1, len(own) + 1))
        for (_o, _s, first_end, _p), (_o2, second_start, _e, _p2) in itertools.pairwise(own):
            assert first_end <= second_start
    early = Term.objects.filter(person__in=bench)
    assert all(term.end_reason for term in early if term.ended_early)
    assert any(len(own) == 2 for own in by_person.values())


def check_offices_and_board_positions():
    """One holder per council office, seated throughout; board users hold no seat."""
    for role in OfficeRole.council_offices():
        holdings = list(Office.objects.filter(role=role).values_list("start", "end"))
        far = datetime.date(2100, 1, 1)
        assert busiest_day([(start, end or far) for start, end in holdings]) <= 1
    for office in Office.objects.filter(role__in=OfficeRole.council_offices(), end__isnull=False):
        day = office.start
        for term in Term.objects.filter(person=office.person).order_by("start"):
            if term.start <= day < term.end:
                day = term.end
        assert day >= office.end, office
    for position in BoardPosition.objects.all():
        assert not Term.objects.filter(person=position.person).overlapping(
            position.start, position.end
        )


def check_meetings():
    """Never two meetings at one place and time; 170 a year, the minimums met; minutes adopted
    at a later meeting of the same kind; the ledger's rows have their Message-ID."""
    booked = defaultdict(list)
    for meeting in Meeting.objects.not_cancelled():
        for start, end in booked[(meeting.location_id, meeting.date)]:
            assert meeting.end_time <= start or end <= meeting.start_time, meeting
        booked[(meeting.location_id, meeting.date)].append((meeting.start_time, meeting.end_time))
    for year in range(MOMENT.year - YEARS + 1, MOMENT.year + 1):
        assert Meeting.objects.in_year(year).count() >= 170
        assert not year_compliance(year).falls_short
    kinds = set(Meeting.objects.values_list("kind", flat=True))
    assert kinds == set(MeetingKind.values)
    assert AgendaItem.objects.filter(description__contains="bench").count() == 200 * YEARS
    for minutes in Minutes.objects.filter(state=MinutesState.ADOPTED).select_related(
        "meeting", "adopted_at_meeting"
    ):
        at = minutes.adopted_at_meeting
        assert at.kind == minutes.meeting.kind
        assert at.date > minutes.meeting.date
        assert at.state in MeetingState.taken_place()
    # The demo's own notices (made through the services) wait for the sweep; they have none yet.
    assert Delivery.objects.filter(state=DeliveryState.SENT, message_id="").count() == 0
    # Two of the three years lie in the past: their e-mails went out.
    assert 5_000 * 2 <= Delivery.objects.count() <= 5_000 * YEARS


def check_downloads(client):
    """The bench's documents and papers have real files behind them."""
    client.force_login(User.objects.get(email="lid@example.org"))
    document = Document.objects.filter(
        uploaded_by__email="secretaris@example.org",
        visibility=Visibility.COUNCIL,
        description__startswith="Over ",
    ).first()
    response = client.get(reverse("members:document_download", args=[document.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-1.4")
    paper = AgendaDocument.objects.filter(
        visibility=Visibility.COUNCIL, title__startswith="Notitie: "
    ).first()
    response = client.get(reverse("meetings:document_download", args=[paper.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-1.4")
