"""The secretary's actions on a person: appoint, reappoint, end a term early, offices and board
positions. Each calls a service; a refusal shows the service's Dutch message and saves nothing."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from members import services
from members.dates import add_years
from members.models import BoardPosition, Office, OfficeRole, Term
from members.tests.factories import UserFactory, fill_seats

pytestmark = pytest.mark.django_db


def iso(day):
    return day.isoformat()


@pytest.fixture
def newcomer(db):
    return UserFactory(name="Klaas Bos", email="klaas.bos@example.org")


@pytest.fixture
def as_secretary(client, secretaris):
    client.force_login(secretaris)
    return client


def test_the_secretary_appoints_a_person(as_secretary, newcomer):
    today = timezone.localdate()
    url = reverse("members:person_appoint", args=[newcomer.pk])
    assert f'value="{iso(today)}"' in as_secretary.get(url).content.decode()
    response = as_secretary.post(url, {"start": iso(today)})
    assert response.status_code == 302
    assert response["Location"] == reverse("members:person", args=[newcomer.pk])
    term = Term.objects.get(person=newcomer)
    assert (term.ordinal, term.start, term.end) == (1, today, add_years(today, 3))
    page = as_secretary.get(response["Location"]).content.decode()
    assert "Klaas Bos is benoemd." in page
    assert "heeft de geheimhoudingsverklaring nog niet ondertekend" in page.lower()


def test_a_fourteenth_seat_is_refused_with_the_services_message(as_secretary, newcomer):
    today = timezone.localdate()
    fill_seats(13, start=add_years(today, -1))
    response = as_secretary.post(
        reverse("members:person_appoint", args=[newcomer.pk]), {"start": iso(today)}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Alle 13 zetels zijn bezet op" in html
    assert "één te veel" in html
    assert not Term.objects.filter(person=newcomer).exists()


def test_a_third_term_is_refused(as_secretary, voorzitter):
    services.term_reappoint(person=voorzitter)
    response = as_secretary.post(
        reverse("members:person_reappoint", args=[voorzitter.pk]),
        {"start": iso(add_years(timezone.localdate(), 5))},
    )
    assert response.status_code == 200
    assert "heeft al 2 zittingstermijnen gehad" in response.content.decode()
    assert voorzitter.terms.count() == 2


def test_an_overlapping_term_is_refused(as_secretary, lid):
    response = as_secretary.post(
        reverse("members:person_appoint", args=[lid.pk]), {"start": iso(timezone.localdate())}
    )
    assert "heeft al een zittingstermijn van" in response.content.decode()
    assert lid.terms.count() == 1


def test_reappointment_proposes_the_day_the_term_ends(as_secretary, lid):
    term = lid.terms.get()
    url = reverse("members:person_reappoint", args=[lid.pk])
    assert f'value="{iso(term.end)}"' in as_secretary.get(url).content.decode()
    response = as_secretary.post(url, {"start": iso(term.end)})
    assert response.status_code == 302
    assert lid.terms.order_by("start").last().start == term.end


def test_ending_a_term_early_needs_a_reason_and_ends_the_office(as_secretary, voorzitter):
    term = voorzitter.terms.get()
    url = reverse("members:term_end", args=[term.pk])
    today = timezone.localdate()
    response = as_secretary.post(url, {"on": iso(today), "reason": ""})
    assert "Dit veld is verplicht." in response.content.decode()
    response = as_secretary.post(url, {"on": iso(today), "reason": "Verhuisd naar Assen"})
    assert response.status_code == 302
    term.refresh_from_db()
    assert (term.end, term.end_reason) == (today, "Verhuisd naar Assen")
    assert Office.objects.get(person=voorzitter, role=OfficeRole.CHAIR).end == today


def test_a_term_cannot_end_after_its_planned_end(as_secretary, lid):
    term = lid.terms.get()
    response = as_secretary.post(
        reverse("members:term_end", args=[term.pk]),
        {"on": iso(term.end + datetime.timedelta(days=1)), "reason": "Te laat"},
    )
    assert "Kies een eerdere dag om hem eerder te laten stoppen." in response.content.decode()
    term.refresh_from_db()
    assert term.end_reason == ""


def test_offices_are_granted_and_refused_by_the_rules(as_secretary, lid, voorzitter, newcomer):
    start = iso(timezone.localdate())
    url = reverse("members:office_grant", args=[lid.pk])
    response = as_secretary.post(url, {"office": OfficeRole.CHAIR, "start": start})
    assert "Anneke Dijkstra is voorzitter vanaf" in response.content.decode()
    response = as_secretary.post(url, {"office": OfficeRole.VICE_CHAIR, "start": start})
    assert response.status_code == 302
    assert Office.objects.filter(person=lid, role=OfficeRole.VICE_CHAIR).exists()
    response = as_secretary.post(
        reverse("members:office_grant", args=[newcomer.pk]),
        {"office": OfficeRole.SECRETARY, "start": start},
    )
    assert "kan alleen secretaris zijn met een zetel in de raad" in response.content.decode()
    assert not Office.objects.filter(person=newcomer).exists()


def test_an_office_is_ended(as_secretary, voorzitter):
    office = voorzitter.offices.get()
    url = reverse("members:office_end", args=[office.pk])
    response = as_secretary.post(url, {"on": iso(office.start)})
    assert "Het einde kan niet op of vóór het begin liggen" in response.content.decode()
    response = as_secretary.post(url, {"on": iso(timezone.localdate())})
    assert response.status_code == 302
    office.refresh_from_db()
    assert office.end == timezone.localdate()


def test_board_positions_are_granted_ended_and_refused_for_members(as_secretary, lid, newcomer):
    start = iso(timezone.localdate())
    response = as_secretary.post(
        reverse("members:board_position_grant", args=[lid.pk]),
        {"kind": "director", "start": start},
    )
    assert "zit in deze periode in de raad" in response.content.decode()
    assert not BoardPosition.objects.filter(person=lid).exists()
    response = as_secretary.post(
        reverse("members:board_position_grant", args=[newcomer.pk]),
        {"kind": "director", "start": start},
    )
    assert response.status_code == 302
    position = BoardPosition.objects.get(person=newcomer)
    end = timezone.localdate() + datetime.timedelta(days=30)
    response = as_secretary.post(
        reverse("members:board_position_end", args=[position.pk]), {"on": iso(end)}
    )
    assert response.status_code == 302
    position.refresh_from_db()
    assert position.end == end


def test_an_empty_or_wrong_date_is_refused(as_secretary, newcomer):
    url = reverse("members:person_appoint", args=[newcomer.pk])
    assert "Dit veld is verplicht." in as_secretary.post(url, {"start": ""}).content.decode()
    wrong = as_secretary.post(url, {"start": "31-02-2026"})
    assert "Voer een geldige datum in." in wrong.content.decode()
    assert not newcomer.terms.exists()


@pytest.mark.parametrize(
    "name",
    [
        "members:person_appoint",
        "members:person_reappoint",
        "members:office_grant",
        "members:board_position_grant",
    ],
)
def test_action_pages_have_constant_queries(as_secretary, lid, assert_constant_queries, name):
    # user, roles, the person with terms, offices and positions, the rules record (reappoint: and
    # the previous term); two-step verification is read from the session
    expected = 8 if name == "members:person_reappoint" else 7
    if name in ("members:office_grant", "members:board_position_grant"):
        expected = 6
    assert_constant_queries(
        lambda: as_secretary.get(reverse(name, args=[lid.pk])),
        expected=expected,
        add_rows=lambda n: fill_seats(n, start=add_years(timezone.localdate(), -1)),
    )


@pytest.mark.parametrize(
    "name", ["members:term_end", "members:office_end", "members:board_position_end"]
)
def test_ending_pages_have_constant_queries(
    as_secretary, voorzitter, bestuurder, assert_constant_queries, name
):
    pk = {
        "members:term_end": voorzitter.terms.get().pk,
        "members:office_end": voorzitter.offices.get().pk,
        "members:board_position_end": bestuurder.board_positions.get().pk,
    }[name]
    # user, roles, the period with its person, whether the person is visible
    assert_constant_queries(
        lambda: as_secretary.get(reverse(name, args=[pk])),
        expected=4,
        add_rows=lambda n: fill_seats(n, start=add_years(timezone.localdate(), -1)),
    )
