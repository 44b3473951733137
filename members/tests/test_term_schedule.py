"""The term schedule (rooster van aftreden): per year whose term ends and how many seats fall free,
with the continuity and under-strength warnings."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from members.composition import term_schedule
from members.tests.factories import TermFactory, fill_seats

pytestmark = pytest.mark.django_db

D = datetime.date
NOW = datetime.datetime(2026, 3, 15, 12, tzinfo=datetime.UTC)


@pytest.fixture
def today():
    with time_machine.travel(NOW, tick=False):
        yield D(2026, 3, 15)


def test_years_list_the_endings_and_the_seats_left(today):
    fill_seats(5, start=D(2024, 6, 1))  # seats free on 1 June 2027
    reappointed = TermFactory(start=D(2023, 9, 1))  # free on 1 September 2026...
    TermFactory(person=reappointed.person, ordinal=2, start=reappointed.end)  # ...but reappointed
    years = {year.year: year for year in term_schedule(today=today)}
    assert [ending.followed for ending in years[2026].endings] == [True]
    assert years[2026].seats_free == 0
    assert (years[2027].seats_free, years[2027].continuity_risk) == (5, True)
    assert all(ending.reappointable for ending in years[2027].endings)
    assert years[2027].seated_at_year_end == 1
    assert years[2027].under_strength
    assert years[2029].seats_free == 1
    assert not years[2029].endings[0].reappointable


def test_the_page_shows_names_and_both_warnings(client, today, lid):
    fill_seats(5, start=D(2024, 6, 1))
    client.force_login(lid)
    html = client.get(reverse("members:term_schedule")).content.decode()
    assert "Rooster van aftreden" in html
    assert "Vandaag zijn 6 van de 13 zetels bezet; 7 vrij." in html
    assert "In 2027 komen 5 zetels vrij." in html
    assert "Continuïteit: in 2027 komen 5 zetels vrij." in html
    assert "Te weinig leden: zonder nieuwe benoemingen heeft de raad eind 2027 nog 1 lid" in html
    assert "Sander de Vries" in html
    assert "zetel komt vrij; kan één keer worden herbenoemd" in html
    assert "De raad heeft 6 leden" not in html


def test_the_page_warns_when_the_council_is_under_strength_today(client, today, lid):
    client.force_login(lid)
    html = client.get(reverse("members:term_schedule")).content.decode()
    assert "De raad heeft 1 lid; er zijn er minstens 5 nodig." in html


def test_the_page_has_constant_queries(client, today, secretaris, assert_constant_queries):
    client.force_login(secretaris)
    # user, roles, the rules record, seats today, and the schedule's rules and terms
    assert_constant_queries(
        lambda: client.get(reverse("members:term_schedule")),
        expected=6,
        add_rows=lambda n: fill_seats(n, start=D(2025, 1, 1)),
    )
