"""Work-visit reports: what was heard and which themes, never residents' names."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from meetings import services
from meetings.models import MeetingKind, MeetingState, WorkVisitReport
from meetings.tests.factories import MeetingFactory, ThemeFactory, WorkPlanFactory, error_codes

pytestmark = pytest.mark.django_db


@pytest.fixture
def visit():
    return MeetingFactory(
        kind=MeetingKind.WORK_VISIT,
        title="Werkbezoek WIJ Beijum",
        date=timezone.localdate() - datetime.timedelta(days=2),
        start_time=datetime.time(10, 0),
        end_time=datetime.time(12, 0),
        state=MeetingState.HELD,
    )


def test_a_member_writes_the_report_confirming_there_are_no_names(client, lid, visit):
    theme = ThemeFactory(work_plan=WorkPlanFactory(year=visit.date.year), title="Bereikbaarheid")
    client.force_login(lid)
    url = reverse("meetings:visit_report", args=[visit.pk])
    page = client.get(url).content.decode()
    assert "Schrijf nooit namen van inwoners" in page
    refused = client.post(url, {"heard": "Lange wachttijd aan de telefoon"})
    assert refused.status_code == 200
    assert not WorkVisitReport.objects.exists()
    response = client.post(
        url,
        {"heard": "Lange wachttijd aan de telefoon", "themes": [theme.pk], "no_names": "on"},
    )
    assert response.status_code == 302
    report = WorkVisitReport.objects.get()
    assert (report.written_by, list(report.themes.all())) == (lid, [theme])
    detail = client.get(reverse("meetings:detail", args=[visit.pk])).content.decode()
    assert "Lange wachttijd aan de telefoon" in detail
    assert "Bereikbaarheid" in detail


def test_the_detail_page_of_a_visit_takes_constant_queries(
    client, lid, visit, assert_constant_queries
):
    plan = WorkPlanFactory(year=visit.date.year)
    services.visit_report_save(meeting=visit, by=lid, heard="Fijn contact")
    report = WorkVisitReport.objects.get()

    def add(n):
        report.themes.add(*[ThemeFactory(work_plan=plan) for _ in range(n)])

    client.force_login(lid)
    assert_constant_queries(
        lambda: client.get(reverse("meetings:detail", args=[visit.pk])), expected=6, add_rows=add
    )


def test_a_report_waits_for_the_visit_and_belongs_to_a_visit(soon):
    coming = MeetingFactory(kind=MeetingKind.WORK_VISIT, date=soon)
    with pytest.raises(ValidationError) as refused:
        services.visit_report_save(meeting=coming, by=None, heard="x")
    assert "visit_not_yet" in error_codes(refused.value)
    council = MeetingFactory(date=datetime.date(2020, 1, 7))
    with pytest.raises(ValidationError) as refused:
        services.visit_report_save(meeting=council, by=None, heard="x")
    assert "not_a_visit" in error_codes(refused.value)


def test_themes_come_from_the_visit_s_year(visit):
    other = ThemeFactory(work_plan=WorkPlanFactory(year=visit.date.year - 1))
    with pytest.raises(ValidationError) as refused:
        services.visit_report_save(meeting=visit, by=None, heard="x", themes=[other])
    assert "theme_other_year" in error_codes(refused.value)


def test_the_board_never_sees_a_work_visit(client, bestuurder, visit):
    client.force_login(bestuurder)
    assert client.get(reverse("meetings:detail", args=[visit.pk])).status_code == 404
    assert client.get(reverse("meetings:visit_report", args=[visit.pk])).status_code == 404
