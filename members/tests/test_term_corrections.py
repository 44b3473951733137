"""Corrections of a mistaken appointment: withdrawing a term (with a reason; it does not count
toward the terms allowed, unlike ending it early) and correcting the first day of a term that has
not begun, under the seat rules over the whole new span."""

import datetime

import pytest
import time_machine
from auditlog.models import LogEntry
from django.urls import reverse

from members import services
from members.dates import add_months, add_years
from members.models import OfficeRole, Term, TermWithdrawal
from members.tests.factories import TermFactory, UserFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 5, 12)


@pytest.fixture(autouse=True)
def pinned_clock():
    with time_machine.travel(datetime.datetime(2026, 5, 12, 10, 0, tzinfo=datetime.UTC)):
        yield


@pytest.fixture
def as_secretary(client, secretaris):
    client.force_login(secretaris)
    return client


@pytest.fixture
def newcomer(db):
    return UserFactory(name="Klaas Bos", email="klaas.bos@example.org")


def withdraw_url(term):
    return reverse("members:term_withdraw", args=[term.pk])


def correct_url(term):
    return reverse("members:term_correct", args=[term.pk])


# --- Withdrawing --------------------------------------------------------------------------------


def test_the_secretary_withdraws_a_coming_term_which_then_does_not_count(
    as_secretary, secretaris, newcomer
):
    first = services.term_appoint(person=newcomer, start=add_years(TODAY, -3))
    mistake = services.term_reappoint(person=newcomer, start=add_months(TODAY, 1))
    person_page = as_secretary.get(reverse("members:person", args=[newcomer.pk])).content.decode()
    assert "Termijn 2 intrekken (een vergissing)" in person_page
    assert "Termijn 1 intrekken" not in person_page  # only the last term

    response = as_secretary.post(withdraw_url(mistake), {"reason": "Verkeerde persoon gekozen"})
    assert response["Location"] == reverse("members:person", args=[newcomer.pk])
    assert list(Term.objects.filter(person=newcomer)) == [first]
    withdrawal = TermWithdrawal.objects.get(person=newcomer)
    assert (withdrawal.ordinal, withdrawal.start, withdrawal.reason) == (
        2,
        add_months(TODAY, 1),
        "Verkeerde persoon gekozen",
    )
    assert withdrawal.withdrawn_by == secretaris
    page = as_secretary.get(response["Location"]).content.decode()
    assert "De benoeming van Klaas Bos is ingetrokken; die telt niet als termijn." in page
    assert "Reden: Verkeerde persoon gekozen" in page
    # The withdrawn term does not count: a second term can still be given.
    services.term_reappoint(person=newcomer, start=add_months(TODAY, 2))
    assert newcomer.terms.count() == 2


def test_the_history_keeps_the_withdrawal_with_the_reason_masked(as_secretary, secretaris):
    person = UserFactory()
    term = services.term_appoint(person=person, start=add_months(TODAY, 1))
    as_secretary.post(withdraw_url(term), {"reason": "Kandidaat trok zich terug"})
    deleted = LogEntry.objects.get(action=LogEntry.Action.DELETE, object_pk=str(term.pk))
    assert deleted.actor == secretaris
    created = LogEntry.objects.get_for_object(TermWithdrawal.objects.get()).get()
    assert created.actor == secretaris
    assert "Kandidaat" not in str(created.changes)


def test_a_withdrawal_needs_a_reason(as_secretary, newcomer):
    term = services.term_appoint(person=newcomer, start=add_months(TODAY, 1))
    response = as_secretary.post(withdraw_url(term), {"reason": ""})
    assert response.status_code == 200
    assert Term.objects.filter(pk=term.pk).exists()


def test_a_term_recorded_long_ago_is_ended_early_instead(as_secretary, newcomer):
    with time_machine.travel(datetime.datetime(2026, 1, 5, 10, 0, tzinfo=datetime.UTC)):
        term = services.term_appoint(person=newcomer, start=datetime.date(2026, 1, 5))
    person_page = as_secretary.get(reverse("members:person", args=[newcomer.pk])).content.decode()
    assert "intrekken" not in person_page
    response = as_secretary.post(withdraw_url(term), {"reason": "Vergissing"})
    assert response.status_code == 200
    assert "kan niet meer worden ingetrokken. Beëindig hem eerder." in response.content.decode()
    assert Term.objects.filter(pk=term.pk).exists()


def test_a_running_term_recorded_days_ago_may_still_be_withdrawn(as_secretary, newcomer):
    with time_machine.travel(datetime.datetime(2026, 5, 1, 10, 0, tzinfo=datetime.UTC)):
        term = services.term_appoint(person=newcomer, start=datetime.date(2026, 5, 1))
    response = as_secretary.post(withdraw_url(term), {"reason": "Verkeerde datum"})
    assert response.status_code == 302
    assert not Term.objects.filter(person=newcomer).exists()


def test_an_earlier_term_is_not_withdrawn_while_a_later_one_exists(as_secretary, newcomer):
    first = services.term_appoint(person=newcomer, start=add_months(TODAY, 1))
    services.term_reappoint(person=newcomer)
    response = as_secretary.post(withdraw_url(first), {"reason": "Vergissing"})
    assert "Klaas Bos heeft een latere zittingstermijn" in response.content.decode()
    assert newcomer.terms.count() == 2


def test_a_term_that_carries_an_office_is_not_withdrawn(as_secretary, newcomer):
    term = services.term_appoint(person=newcomer, start=add_months(TODAY, 1))
    services.office_grant(person=newcomer, office=OfficeRole.VICE_CHAIR, start=term.start)
    response = as_secretary.post(withdraw_url(term), {"reason": "Vergissing"})
    assert "Beëindig of corrigeer eerst die functie." in response.content.decode()
    assert Term.objects.filter(pk=term.pk).exists()


# --- Correcting the first day -------------------------------------------------------------------


def test_the_secretary_corrects_the_first_day_of_a_coming_term(as_secretary, newcomer):
    term = services.term_appoint(person=newcomer, start=add_months(TODAY, 1))
    assert (
        "De eerste dag van termijn 1 corrigeren"
        in as_secretary.get(reverse("members:person", args=[newcomer.pk])).content.decode()
    )
    response = as_secretary.post(correct_url(term), {"start": "2026-09-01"})
    assert response.status_code == 302
    term.refresh_from_db()
    assert (term.start, term.end, term.planned_end) == (
        datetime.date(2026, 9, 1),
        datetime.date(2029, 9, 1),
        datetime.date(2029, 9, 1),
    )
    page = as_secretary.get(response["Location"]).content.decode()
    assert "De eerste dag van de zittingstermijn van Klaas Bos is gecorrigeerd." in page


@pytest.mark.parametrize(
    ("start", "message"),
    [
        ("2026-05-11", "De nieuwe eerste dag kan niet in het verleden liggen."),
    ],
)
def test_a_correction_into_the_past_is_refused(as_secretary, newcomer, start, message):
    term = services.term_appoint(person=newcomer, start=add_months(TODAY, 1))
    response = as_secretary.post(correct_url(term), {"start": start})
    assert message in response.content.decode()
    term.refresh_from_db()
    assert term.start == add_months(TODAY, 1)


def test_a_term_that_has_started_cannot_be_moved(as_secretary, lid):
    term = lid.terms.get()
    response = as_secretary.post(correct_url(term), {"start": "2026-09-01"})
    assert "is al begonnen" in response.content.decode()
    assert Term.objects.get(pk=term.pk).start == term.start


def test_the_seat_rules_hold_over_the_whole_new_span(as_secretary, newcomer):
    # 13 seats taken until 1 November; the newcomer's term starts on that day.
    for _ in range(13):
        TermFactory(start=datetime.date(2024, 1, 1), end=datetime.date(2026, 11, 1))
    term = services.term_appoint(person=newcomer, start=datetime.date(2026, 11, 1))
    response = as_secretary.post(correct_url(term), {"start": "2026-10-01"})
    assert "Alle 13 zetels zijn bezet op 1 oktober 2026." in response.content.decode()
    assert Term.objects.get(pk=term.pk).start == datetime.date(2026, 11, 1)
    # Later is fine: the term itself is not counted twice.
    assert as_secretary.post(correct_url(term), {"start": "2026-12-01"}).status_code == 302


def test_a_correction_keeps_clear_of_the_next_term(as_secretary, newcomer):
    first = services.term_appoint(person=newcomer, start=add_months(TODAY, 1))
    services.term_reappoint(person=newcomer)
    response = as_secretary.post(correct_url(first), {"start": "2026-07-01"})
    assert "heeft al een zittingstermijn van" in response.content.decode()
    assert Term.objects.get(pk=first.pk).start == add_months(TODAY, 1)


@pytest.mark.parametrize("name", ["members:term_withdraw", "members:term_correct"])
def test_the_correction_pages_have_constant_queries(
    as_secretary, newcomer, assert_constant_queries, name
):
    term = services.term_appoint(person=newcomer, start=add_months(TODAY, 1))
    # user, the term with its person, whether the person is visible (the roles come from the cache)
    assert_constant_queries(lambda: as_secretary.get(reverse(name, args=[term.pk])), expected=3)
