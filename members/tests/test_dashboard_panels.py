"""The members app's dashboard panels: each role sees its own, each panel at a fixed query cost."""

import datetime

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from members import services
from members.dates import add_months, add_years
from members.models import CouncilRules, OfficeRole
from members.panels import PANELS
from members.roles import roles_for
from members.tests.factories import (
    DeclarationTextFactory,
    DocumentFactory,
    TermFactory,
    UserFactory,
    fill_seats,
    give_authenticator,
)
from wijraad.models import Visibility

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("private_root")]

TITLES = {
    "declaration": "Onderteken de geheimhoudingsverklaring",
    "seats": "Zetels en waarschuwingen",
    "terms_ending": "Zittingstermijnen die binnenkort eindigen",
    "documents": "Nieuwe documenten",
    "membership": "Mijn lidmaatschap",
}
# Which persona sees which panel of this app.
SHOWN = {
    "anoniem": set(),
    "lid": {"documents", "membership"},
    "lid_ongetekend": {"declaration", "membership"},
    "oud_lid": {"membership"},
    "voorzitter": {"seats", "documents", "membership"},
    "secretaris": {"seats", "terms_ending", "documents"},
    "bestuurder": {"documents"},
    "beheerder": set(),
}


def dashboard(client, user):
    client.force_login(user)
    return client.get(reverse("dashboard")).content.decode()


@pytest.mark.parametrize("persona", [name for name in SHOWN if name != "anoniem"])
def test_each_role_sees_its_panels(client, personas, persona):
    html = dashboard(client, personas[persona])
    shown = {key for key, title in TITLES.items() if f">{title}</h2>" in html}
    assert shown == SHOWN[persona]


def test_the_unsigned_member_is_asked_to_sign_first(client, lid_ongetekend):
    html = dashboard(client, lid_ongetekend)
    assert html.index(TITLES["declaration"]) < html.index(TITLES["membership"])
    assert "Je bent benoemd in de raad." in html


def test_the_secretary_sees_seats_warnings_and_terms_ending(client, secretaris):
    today = timezone.localdate()
    ending = TermFactory(start=add_months(add_years(today, -3), 2))  # ends in two months
    html = dashboard(client, secretaris)
    assert "1 van de 13 zetels is bezet; 12 vrij." in html
    assert "De raad heeft 1 lid; er zijn er minstens 5 nodig." in html
    assert ending.person.name in html.split(TITLES["terms_ending"])[1]
    assert "kan worden herbenoemd" in html


def test_the_chair_sees_the_continuity_warning(client, voorzitter):
    fill_seats(5, start=add_years(datetime.date(timezone.localdate().year, 6, 1), -2))
    html = dashboard(client, voorzitter)
    assert "zetels vrij: meer dan 1/3 van de 13 zetels" in html


def test_recent_documents_are_what_each_may_see(client, lid, bestuurder):
    DocumentFactory(title="Raadsstuk", visibility=Visibility.COUNCIL)
    DocumentFactory(title="Bestuursstuk", visibility=Visibility.BOARD)
    DocumentFactory(title="Beperkt stuk", visibility=Visibility.RESTRICTED)
    member = dashboard(client, lid)
    assert "Raadsstuk" in member
    assert "Bestuursstuk" in member
    assert "Beperkt stuk" not in member
    board = dashboard(client, bestuurder)
    assert "Bestuursstuk" in board
    assert "Raadsstuk" not in board


def test_the_former_member_is_thanked_and_reminded(client, oud_lid):
    html = dashboard(client, oud_lid)
    assert "Je lidmaatschap is geëindigd op" in html
    assert "je plicht tot geheimhouding blijft" in html


def add_rows(count):
    """Documents and members ending soon: what the panels list."""
    today = timezone.localdate()
    for number in range(count):
        DocumentFactory(visibility=list(Visibility)[number % 4])
        TermFactory(start=add_months(add_years(today, -3), 1 + number % 5))


# Queries of each panel's context, whatever the number of rows.
PANEL_QUERIES = {
    "members.declaration": 2,  # the text in force, whether the person signed before
    "members.seats": 3,  # the rules records, seats taken, the term schedule's terms
    "members.terms_ending": 3,  # the rules records, and terms_ending_soon's two
    "members.documents": 1,
    "members.membership": 1,
}


@pytest.mark.parametrize("panel", PANELS, ids=lambda panel: panel.key)
def test_each_panel_has_constant_queries(secretaris, django_assert_num_queries, panel):
    roles_for(secretaris)  # asked once per request by the panels' `visible`
    for count in (5, 45):
        add_rows(count)
        request = RequestFactory().get("/")
        request.user = secretaris
        with django_assert_num_queries(PANEL_QUERIES[panel.key]):
            panel.context(request)


@pytest.mark.parametrize("persona", ["secretaris", "voorzitter", "lid", "bestuurder"])
def test_the_dashboard_costs_the_same_for_5_and_50_rows(client, personas, persona):
    client.force_login(personas[persona])
    counts = []
    for count in (5, 45):
        add_rows(count)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("dashboard")).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_the_unsigned_staff_secretary_is_asked_to_sign_in_words_that_fit_her(client):
    """She is not appointed to a seat: she is asked as the staff secretary on the dashboard and
    on her own page, and in words for anyone on a page she may not see yet."""
    DeclarationTextFactory()
    person = give_authenticator(UserFactory(name="Iris Nieuw"))
    services.office_grant(
        person=person, office=OfficeRole.STAFF_SECRETARY, start=timezone.localdate()
    )
    html = dashboard(client, person)
    assert TITLES["declaration"] in html
    assert "Je bent de ambtelijk secretaris van de raad. Voordat je" in html
    assert "Je bent benoemd" not in html
    own = client.get(reverse("members:person", args=[person.pk])).content.decode()
    assert "Je bent de ambtelijk secretaris van de raad, maar je hebt" in own
    assert "Je bent benoemd" not in own
    refused = client.get(reverse("members:people"))
    assert refused.status_code == 403
    assert "Je hebt de geheimhoudingsverklaring nog niet ondertekend." in refused.content.decode()
    assert "Je bent benoemd" not in refused.content.decode()


def test_the_secretarys_dashboard_reads_the_council_rules_once(client, secretaris):
    """The seats, terms-ending and meetings panels all use the rules: one read per request."""
    today = timezone.localdate()
    CouncilRules.objects.create(valid_from=today - datetime.timedelta(days=400), max_seats=11)
    CouncilRules.objects.create(valid_from=today - datetime.timedelta(days=10), max_seats=12)
    client.force_login(secretaris)
    client.get(reverse("dashboard"))
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("dashboard")).status_code == 200
    reads = [q for q in queries.captured_queries if '"members_councilrules"' in q["sql"]]
    assert len(reads) == 1


def test_the_rules_book_answers_as_the_record_in_force_on_every_day():
    first, second = datetime.date(2025, 3, 1), datetime.date(2026, 7, 1)
    CouncilRules.objects.create(valid_from=first, min_council_meetings=11)
    CouncilRules.objects.create(valid_from=second, min_council_meetings=12)
    book = CouncilRules.objects.book()
    for day in (
        first - datetime.timedelta(days=1),
        first,
        second - datetime.timedelta(days=1),
        second,
        second + datetime.timedelta(days=900),
    ):
        expected = CouncilRules.objects.in_force(day)
        got = book.in_force(day)
        assert (got.pk, got.valid_from, got.min_council_meetings) == (
            expected.pk,
            expected.valid_from,
            expected.min_council_meetings,
        )
