"""Trends: counts by theme, location and month; groups under 5 merged into "other"."""

import datetime

import pytest
from django.urls import reverse

from meetings.tests.factories import LocationFactory
from signals import services
from signals.tests.factories import SignalFactory, SignalThemeFactory
from signals.trends import trends

pytestmark = pytest.mark.django_db
DAY = datetime.date(2026, 3, 10)


def add(n, theme, location=None, day=DAY):
    """Signals written directly (as bulk loads do), then the monthly counts rebuilt."""
    SignalFactory.create_batch(n, theme=theme, location=location, received_on=day)
    services.tallies_rebuild()


def test_a_group_of_4_is_merged_into_other_and_a_group_of_5_is_shown():
    four, five = SignalThemeFactory(name="Vier"), SignalThemeFactory(name="Vijf")
    add(4, four)
    add(5, five)
    figures = trends(datetime.date(2026, 1, 1), datetime.date(2026, 12, 31))
    labels = {row.label: row.count for row in figures["themes"]}
    assert labels["Vijf"] == 5
    assert "Vier" not in labels
    # The "other" group itself has 4: under the threshold, so its number is not shown either.
    other = [row for row in figures["themes"] if row.other]
    assert len(other) == 1
    assert other[0].count is None
    assert figures["total"] == 9


def test_small_groups_together_make_an_other_group_that_is_shown():
    for name in ("A", "B"):
        add(3, SignalThemeFactory(name=name))
    figures = trends(datetime.date(2026, 1, 1), datetime.date(2026, 12, 31))
    assert [(row.label, row.count, row.other) for row in figures["themes"]] == [
        ("Overig (groepen onder 5)", 6, True)
    ]


def test_locations_and_months_keep_the_threshold():
    theme = SignalThemeFactory(name="Thema")
    big, small = LocationFactory(name="WIJ Groot"), LocationFactory(name="WIJ Klein")
    add(5, theme, big)
    add(4, theme, small, day=datetime.date(2026, 4, 2))
    figures = trends(datetime.date(2026, 3, 1), datetime.date(2026, 4, 30))
    assert [(r.label, r.count) for r in figures["locations"] if not r.other] == [("WIJ Groot", 5)]
    assert [(r.label, r.count) for r in figures["months"]] == [("2026-03", 5), ("2026-04", None)]


def test_the_page_the_chart_and_the_export_show_the_same_numbers(client, bestuurder):
    four, five = SignalThemeFactory(name="Vier"), SignalThemeFactory(name="Vijf")
    add(4, four)
    add(5, five)
    client.force_login(bestuurder)
    query = "?start=2026-01-01&end=2026-12-31"
    html = client.get(reverse("signals:trends") + query).content.decode()
    assert "Vijf" in html
    assert ">Vier<" not in html
    assert "<svg" in html
    assert "<table" in html
    assert "minder dan 5" in html
    csv = client.get(reverse("signals:trends_csv") + query).content.decode()
    assert "Vijf,5" in csv
    assert "Vier" not in csv
    assert "minder dan 5" in csv


def test_the_trends_page_has_constant_queries(client, lid, assert_constant_queries):
    themes = [SignalThemeFactory(name=f"Thema {n}") for n in range(3)]

    def more(n):
        for index in range(n):
            add(1, themes[index % 3], day=DAY + datetime.timedelta(days=index))

    client.force_login(lid)
    assert_constant_queries(
        lambda: client.get(reverse("signals:trends") + "?start=2026-01-01&end=2026-12-31"),
        expected=5,
        add_rows=more,
    )


def test_scripts_in_theme_names_are_inert_in_the_chart_and_a_formula_in_the_export(client, lid):
    add(5, SignalThemeFactory(name='<script>alert("x")</script>'))
    add(5, SignalThemeFactory(name="=HYPERLINK(1)"))
    client.force_login(lid)
    query = "?start=2026-01-01&end=2026-12-31"
    html = client.get(reverse("signals:trends") + query).content.decode()
    assert '<script>alert("x")' not in html
    csv = client.get(reverse("signals:trends_csv") + query).content.decode()
    assert "'=HYPERLINK(1)" in csv


def test_a_bad_period_falls_back_to_the_last_year(client, lid):
    client.force_login(lid)
    response = client.get(reverse("signals:trends") + "?start=2026-05-01&end=2026-01-01")
    assert response.status_code == 200
    assert "ligt na het einde" in response.content.decode()
