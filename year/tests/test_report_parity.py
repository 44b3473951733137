"""The annual report's figures equal the figures on the live pages, both read through HTTP as a
reader sees them: the meetings' year page (held against the minimum, work visits), each
meeting's attendance page, the advice list and the dossiers' pages (kinds, topics, the board's
answers and how long they took), the signals' trends page and the training page. The year has
a rules change in the middle (and another one later): the report uses the rules that applied."""

import datetime
import re
from decimal import Decimal
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils import timezone

from advice.models import AnswerPosition, DossierKind, DossierState
from advice.tests.factories import BoardAnswerFactory, DossierFactory, TopicFactory
from meetings.models import Attendance, MeetingKind, MeetingState
from meetings.tests.factories import MeetingFactory
from members.models import CouncilRules
from members.tests.factories import TermFactory, UserFactory
from signals.tests.factories import SignalFactory, SignalThemeFactory
from year.models import AnnualReport, Training

YEAR = timezone.localdate().year - 1


class Tables(HTMLParser):
    """Every table of a page: its caption and its rows of cell texts; and the page's text."""

    def __init__(self, html):
        super().__init__()
        self.tables, self.text, self._cell, self._head = [], [], None, False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.tables.append({"caption": "", "rows": [], "head": []})
        elif tag == "thead":
            self._head = True
        elif tag == "tr" and self.tables:
            # Header rows are kept apart, so that "rows" are the figures only.
            self.tables[-1]["head" if self._head else "rows"].append([])
        elif tag in ("td", "th", "caption") and self.tables:
            self._cell = []

    def handle_endtag(self, tag):
        if tag == "thead":
            self._head = False
        elif tag in ("td", "th") and self._cell is not None and self.tables:
            part = self.tables[-1]["head" if self._head else "rows"]
            part[-1].append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "caption" and self._cell is not None:
            self.tables[-1]["caption"] = " ".join("".join(self._cell).split())
            self._cell = None

    def handle_data(self, data):
        self.text.append(data)
        if self._cell is not None:
            self._cell.append(data)

    def table(self, caption, *, exact=False):
        found = [
            t
            for t in self.tables
            if (t["caption"] == caption if exact else t["caption"].startswith(caption))
        ]
        assert found, f"no table {caption!r} in {[t['caption'] for t in self.tables]}"
        return [row for row in found[0]["rows"] if row]

    def find(self, pattern):
        match = re.search(pattern, " ".join(" ".join(self.text).split()))
        assert match, pattern
        return match.groups()


def page(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, url
    return Tables(response.content.decode())


def day(month, day_of_month, year=YEAR):
    return datetime.date(year, month, day_of_month)


def moment(month, day_of_month, hour):
    return timezone.make_aware(datetime.datetime(YEAR, month, day_of_month, hour))  # noqa: DTZ001 (made aware in the local zone)


def parse_day(text):
    return datetime.date.fromisoformat(
        datetime.datetime.strptime(text, "%d %B %Y").strftime("%Y-%m-%d")  # noqa: DTZ007 (a date)
    )


@pytest.fixture
def seeded(db):
    CouncilRules.objects.create(valid_from=day(1, 1, YEAR - 5))
    CouncilRules.objects.create(
        valid_from=day(7, 1), min_council_meetings=8, max_seats=11, note="Nieuw reglement"
    )
    CouncilRules.objects.create(valid_from=day(2, 1, YEAR + 1), min_council_meetings=12)
    stay = [
        TermFactory(person=UserFactory(name=f"Lid {n}"), start=day(1, 1, YEAR - 1)).person
        for n in (1, 2, 3)
    ]
    leaver = TermFactory(
        person=UserFactory(name="Vertrekker"),
        start=day(6, 1, YEAR - 3),
        end=day(6, 1),
        planned_end=day(6, 1),
    ).person
    board = UserFactory(name="Bestuurder")
    held = [
        (
            day(2, 10),
            MeetingKind.COUNCIL,
            {stay[0]: True, stay[1]: True, stay[2]: False, leaver: True},
        ),
        (day(3, 10), MeetingKind.COUNCIL, {stay[0]: True, stay[1]: False}),
        (day(4, 14), MeetingKind.CONSULTATION, {stay[0]: True, stay[1]: True, stay[2]: True}),
        # The leaver's row after the term ended: no seat that day, so counted nowhere.
        (day(9, 8), MeetingKind.COUNCIL, {stay[0]: True, stay[2]: True, leaver: True}),
        (day(10, 13), MeetingKind.CONSULTATION, {stay[1]: True, board: None}),
    ]
    meetings = {}
    for date, kind, rows in held:
        meeting = meetings[date] = MeetingFactory(kind=kind, state=MeetingState.HELD, date=date)
        for person, attended in rows.items():
            Attendance.objects.create(meeting=meeting, person=person, attended=attended)
    MeetingFactory(kind=MeetingKind.COUNCIL, state=MeetingState.CANCELLED, date=day(5, 12))
    MeetingFactory(kind=MeetingKind.COUNCIL, state=MeetingState.PLANNED, date=day(12, 15))
    for date in (day(3, 3), day(11, 4)):
        MeetingFactory(kind=MeetingKind.WORK_VISIT, state=MeetingState.HELD, date=date)
    MeetingFactory(kind=MeetingKind.WORK_VISIT, state=MeetingState.CANCELLED, date=day(6, 2))

    privacy, access = TopicFactory(name="Privacy"), TopicFactory(name="Bereikbaarheid")
    asked = DossierFactory(
        year=YEAR,
        number=1,
        kind=DossierKind.REQUESTED,
        topic=privacy,
        state=DossierState.ANSWERED,
        sent_at=moment(3, 1, 17),
    )
    first = BoardAnswerFactory(dossier=asked, position=AnswerPosition.FOLLOWS)
    first.answered_at = moment(3, 29, 9)  # 28 days by the dates, 27 by the clock
    first.save()
    BoardAnswerFactory(
        dossier=asked,
        position=AnswerPosition.PARTLY,
        corrects=first,
        answered_at=moment(4, 20, 9),
        reasons="Deels",
        consultation=meetings[day(4, 14)],
    )
    own = DossierFactory(
        year=YEAR,
        number=2,
        kind=DossierKind.UNREQUESTED,
        topic=access,
        state=DossierState.ANSWERED,
        sent_at=moment(5, 1, 10),
    )
    BoardAnswerFactory(
        dossier=own,
        position=AnswerPosition.NOT_FOLLOWS,
        answered_at=moment(5, 11, 10),
        reasons="Niet",
        consultation=meetings[day(4, 14)],
    )
    DossierFactory(year=YEAR, number=3, kind=DossierKind.CONSENT, topic=privacy)
    DossierFactory(year=YEAR - 1, number=9, kind=DossierKind.CONSENT, topic=access)

    waiting, phone, other = (
        SignalThemeFactory(name=n) for n in ("Wachttijd", "Telefoon", "Overig")
    )
    for theme, count in ((waiting, 6), (phone, 2), (other, 1)):
        for n in range(count):
            SignalFactory(theme=theme, received_on=day(2 + n, 5))
    SignalFactory(theme=waiting, received_on=day(1, 5, YEAR + 1))

    Training.objects.create(person=stay[0], title="Wmcz", date=day(4, 2), hours=Decimal("3.5"))
    Training.objects.create(person=stay[0], title="Privacy", date=day(9, 2), hours=Decimal("2"))
    Training.objects.create(person=stay[1], title="Vorig jaar", date=day(9, 2, YEAR - 1), hours=1)
    return AnnualReport.objects.create(year=YEAR)


@pytest.fixture
def english(client, secretaris):
    client.cookies["django_language"] = "en"
    client.force_login(secretaris)
    return client


def test_meetings_and_work_visits_equal_the_year_page(seeded, english):
    report = page(english, reverse("year:report", args=[YEAR]))
    year_page = page(english, reverse("meetings:year", args=[YEAR]))
    # held, planned, cancelled, minimum per kind
    ours = {row[0]: row[1:5] for row in report.table("Meetings held against the minimum")}
    live = {
        row[0]: [row[2], row[1], row[3], row[4]]
        for row in year_page.table(f"Meetings in {YEAR} against the minimum")
    }
    assert ours == live
    assert ours["Council meeting"] == ["3", "1", "1", "10"]  # the minimum of 1 January
    visits = [
        row
        for row in year_page.table(f"Meetings in {YEAR}", exact=True)
        if "Work visit" in row[2] and row[4] in ("Held", "Minutes adopted")
    ]
    assert report.find(r"(\d+) work visits?\.") == (str(len(visits)),)
    assert len(visits) == 2


def test_attendance_equals_the_meetings_attendance_pages(seeded, english):
    from meetings.models import Meeting

    report = page(english, reverse("year:report", args=[YEAR]))
    present = recorded = 0
    counted = Meeting.objects.in_year(YEAR).filter(
        kind__in=MeetingKind.counted(), state__in=MeetingState.taken_place()
    )
    for meeting in counted:
        rows = page(english, reverse("meetings:attendance", args=[meeting.pk])).table(
            "Who comes and who was there"
        )
        present += sum(1 for row in rows if row[-1] == "yes")
        recorded += sum(1 for row in rows if row[-1] in ("yes", "no"))
    assert report.find(r"Attendance: (\d+) of (\d+) recorded places") == (
        str(present),
        str(recorded),
    )
    assert (present, recorded) == (10, 12)


def test_advice_equals_the_advice_list_and_the_dossiers_pages(seeded, english):
    report = page(english, reverse("year:report", args=[YEAR]))
    listed = [
        row for row in page(english, reverse("advice:list")).table("Advice dossiers") if row[0]
    ]
    of_year = [row for row in listed if row[0].startswith(f"WR-{YEAR}-")]
    kinds, topics = {}, {}
    for row in of_year:
        kinds[row[2]] = kinds.get(row[2], 0) + 1
        topics[row[3]] = topics.get(row[3], 0) + 1
    ours_kinds = {label: int(n) for label, n in report.table("Advice dossiers by kind")}
    assert {k: n for k, n in ours_kinds.items() if n} == kinds
    assert {label: int(n) for label, n in report.table("Advice dossiers by topic")} == topics

    from advice.models import Dossier

    positions, days = {}, []
    for dossier in Dossier.objects.all():
        detail = page(english, reverse("advice:detail", args=[dossier.pk]))
        text = " ".join(" ".join(detail.text).split())
        answers = re.findall(
            r"(Follows the advice|Partly follows the advice|Does not follow the advice) · "
            r"(\d+ \w+ \d{4})( · correction of the earlier answer)?",
            text,
        )
        if not answers:
            continue
        first_day = parse_day(answers[0][1])
        if first_day.year != YEAR:
            continue
        positions[answers[-1][0]] = positions.get(answers[-1][0], 0) + 1
        (sent,) = detail.find(r"Sent to the board (\d+ \w+ \d{4})")
        days.append((first_day - parse_day(sent)).days)
    ours = {label: int(n) for label, n in report.table("The board's answers") if int(n)}
    assert ours == positions == {"Partly follows the advice": 1, "Does not follow the advice": 1}
    assert report.find(r"On average the board answered (\d+) days") == (
        str(round(sum(days) / len(days))),
    )


def test_signals_and_training_equal_their_pages(seeded, english):
    report = page(english, reverse("year:report", args=[YEAR]))
    trends = page(english, reverse("signals:trends"), start=f"{YEAR}-01-01", end=f"{YEAR}-12-31")
    assert report.table("Signals by theme") == trends.table("Signals by theme")
    trainings = page(english, reverse("year:trainings"), jaar=YEAR)
    rows = trainings.table("Together")
    (total,) = trainings.find(r"Together ([\d.]+) hours\.")
    assert report.find(r"Trainings followed: (\d+), by (\d+) members, together ([\d.]+) hours") == (
        str(len(rows)),
        str(len({row[1] for row in rows})),
        total,
    )


def test_the_report_uses_the_rules_that_applied(seeded, english):
    report = page(english, reverse("year:report", args=[YEAR]))
    text = " ".join(" ".join(report.text).split())
    assert "On 1 January: at least 10 council meetings" in text
    assert f"From 1 July {YEAR} the rules changed: at least 8 council meetings" in text
    assert "Nieuw reglement" in text
    # The seats on 31 December under the rules of that day; the change after the year is not used.
    assert report.find(r"on 31 December: (\d+) \(at most (\d+) seats\)") == ("3", "11")
    assert "12 council meetings" not in text
