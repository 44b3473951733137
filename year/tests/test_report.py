"""The annual report through HTTP: its figures equal the live pages' figures (the meetings'
compliance and the signals' trends), the rules of that year with a change during the year,
who reads it before and after publishing, and the PDF."""

import datetime
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from meetings.compliance import year_compliance
from meetings.models import MeetingKind, MeetingState, ScheduleState, YearSchedule
from meetings.tests.factories import MeetingFactory
from members.models import CouncilRules
from members.tests.factories import TermFactory, UserFactory
from year.models import AnnualReport, Training

LAST_YEAR = timezone.localdate().year - 1


@pytest.fixture(autouse=True)
def dutch(client):
    client.cookies["django_language"] = "nl"


@pytest.fixture
def seeded(db):
    """A year with meetings, a member who joined and one who left, and a rules change."""
    for month in (2, 3, 4):
        MeetingFactory(
            kind=MeetingKind.COUNCIL,
            state=MeetingState.HELD,
            date=datetime.date(LAST_YEAR, month, 10),
        )
    MeetingFactory(
        kind=MeetingKind.WORK_VISIT, state=MeetingState.HELD, date=datetime.date(LAST_YEAR, 5, 6)
    )
    TermFactory(
        person=UserFactory(name="Nieuw Lid"), start=datetime.date(LAST_YEAR, 3, 1), ordinal=1
    )
    TermFactory(
        person=UserFactory(name="Vertrokken Lid"),
        start=datetime.date(LAST_YEAR - 3, 6, 1),
        end=datetime.date(LAST_YEAR, 6, 1),
        planned_end=datetime.date(LAST_YEAR, 6, 1),
    )
    CouncilRules.objects.create(valid_from=datetime.date(LAST_YEAR - 5, 1, 1))
    CouncilRules.objects.create(
        valid_from=datetime.date(LAST_YEAR, 7, 1), min_council_meetings=8, note="Nieuw reglement"
    )
    Training.objects.create(
        person=UserFactory(name="Cursist"),
        title="Wmcz in de praktijk",
        date=datetime.date(LAST_YEAR, 4, 2),
        hours=Decimal("3.5"),
    )
    return AnnualReport.objects.create(
        year=LAST_YEAR, introduction="Een goed jaar.", closing="Dank aan allen."
    )


def test_the_figures_equal_the_live_pages(seeded, client, secretaris):
    client.force_login(secretaris)
    page = client.get(reverse("year:report", args=[LAST_YEAR]))
    assert page.status_code == 200
    figures = page.context["f"]
    YearSchedule.objects.create(
        year=LAST_YEAR,
        state=ScheduleState.ADOPTED,
        first_day=datetime.date(LAST_YEAR, 1, 6),
        last_day=datetime.date(LAST_YEAR, 12, 20),
        summer_break_first_day=datetime.date(LAST_YEAR, 7, 15),
        summer_break_last_day=datetime.date(LAST_YEAR, 8, 25),
    )
    schedule_page = client.get(reverse("meetings:schedule", args=[LAST_YEAR]))
    assert figures["compliance"] == schedule_page.context["compliance"]
    assert figures["compliance"] == year_compliance(LAST_YEAR)
    assert figures["compliance"].of(MeetingKind.COUNCIL).held == 3
    trends_page = client.get(
        reverse("signals:trends"),
        {"start": f"{LAST_YEAR}-01-01", "end": f"{LAST_YEAR}-12-31"},
    )
    assert figures["signals"] == trends_page.context["figures"]
    assert figures["work_visits"] == 1
    assert figures["training"] == {"count": 1, "hours": Decimal("3.5"), "people": 1}
    text = page.text
    assert "Nieuw Lid" in text
    assert "Vertrokken Lid" in text
    assert "Een goed jaar." in text
    assert "Dank aan allen." in text
    # The rules of 1 January, and the change during the year.
    assert figures["rules"].min_council_meetings == 10
    assert [c.min_council_meetings for c in figures["rule_changes"]] == [8]
    assert "Nieuw reglement" in text


def test_before_publishing_only_secretary_and_chair_read_it(
    seeded, client, lid, voorzitter, secretaris
):
    url = reverse("year:report", args=[LAST_YEAR])
    assert client.get(url).status_code == 404
    client.force_login(lid)
    assert client.get(url).status_code == 404
    client.force_login(voorzitter)
    assert client.get(url).status_code == 200
    client.force_login(secretaris)
    client.post(reverse("year:report_publish", args=[LAST_YEAR]), {"publish": "1"})
    client.logout()
    assert client.get(url).status_code == 200
    assert str(LAST_YEAR) in client.get(reverse("year:published_reports")).text


def test_the_chair_finds_the_drafts_and_reads_them_without_writing(seeded, client, lid, voorzitter):
    client.force_login(voorzitter)
    applications = client.get(reverse("year:applications")).text
    assert reverse("year:reports") in applications
    listed = client.get(reverse("year:reports"))
    assert listed.status_code == 200
    assert reverse("year:report", args=[LAST_YEAR]) in listed.text
    assert reverse("year:report_new") not in listed.text
    assert client.get(reverse("year:report", args=[LAST_YEAR])).status_code == 200
    client.force_login(lid)
    assert client.get(reverse("year:reports")).status_code == 403
    assert AnnualReport.objects.visible_to(lid).count() == 0  # the seeded draft only
    assert AnnualReport.objects.visible_to(voorzitter).count() == 1


def test_the_secretary_writes_a_report(db, client, secretaris):
    client.force_login(secretaris)
    response = client.post(
        reverse("year:report_new"),
        {"year": LAST_YEAR, "introduction": "Inleiding", "closing": "Slot"},
    )
    assert response.status_code == 302
    assert AnnualReport.objects.get().introduction == "Inleiding"
    future = client.post(reverse("year:report_new"), {"year": LAST_YEAR + 5})
    assert future.status_code == 400


def test_a_new_report_never_overwrites_one_of_the_same_year(db, client, secretaris):
    from django.utils import timezone

    published = AnnualReport.objects.create(
        year=LAST_YEAR, introduction="Gepubliceerd", published_at=timezone.now()
    )
    client.force_login(secretaris)
    again = client.post(
        reverse("year:report_new"),
        {"year": LAST_YEAR, "introduction": "Overschreven", "closing": ""},
    )
    assert again.status_code == 400
    assert "Er is al een jaarverslag van dit jaar" in again.text
    assert AnnualReport.objects.get().introduction == "Gepubliceerd"
    # Changing it is done on its own page.
    changed = client.post(
        reverse("year:report_edit", args=[published.year]),
        {"year": LAST_YEAR + 1, "introduction": "Aangepast", "closing": "Slot"},
    )
    assert changed.status_code == 302
    report = AnnualReport.objects.get()
    assert (report.year, report.introduction, report.closing) == (LAST_YEAR, "Aangepast", "Slot")


def test_the_pdf_holds_the_figures(seeded, client, secretaris):
    client.force_login(secretaris)
    response = client.get(reverse("year:report_pdf", args=[LAST_YEAR]))
    assert response.status_code == 200
    text = "".join(
        page.extract_text()
        for page in PdfReader(io.BytesIO(b"".join(response.streaming_content))).pages
    )
    assert f"Jaarverslag {LAST_YEAR}" in text
    assert "Nieuw Lid" in text


def test_the_report_asks_the_same_number_of_queries(
    seeded, client, secretaris, assert_constant_queries
):
    client.force_login(secretaris)
    assert_constant_queries(
        lambda: client.get(reverse("year:report", args=[LAST_YEAR])),
        expected=23,
        add_rows=lambda n: [
            MeetingFactory(
                kind=MeetingKind.COUNCIL,
                state=MeetingState.HELD,
                date=datetime.date(LAST_YEAR, 9, 1) + datetime.timedelta(days=i),
            )
            for i in range(n)
        ],
    )
