"""Renewal notices through the delivery ledger: 6 and 3 months before a term ends, to the
secretary and the chair, once each; reappoint after a first term, recruit after a last one;
nothing when the next term is already recorded."""

import datetime

import pytest
import time_machine
from django.core import mail
from django.utils import timezone, translation
from django.utils.formats import date_format

from members import services as members_services
from members.dates import add_months
from members.tests.factories import TermFactory, UserFactory
from wijraad import deliveries
from wijraad.models import Delivery
from wijraad.testing.mail import assert_mail
from year import reminders

pytestmark = pytest.mark.django_db


def end_of_term():
    """Eight months from today: the personas hold their offices until then (their terms end
    a year from today at the earliest)."""
    return add_months(timezone.localdate(), 8)


def at(day):
    return time_machine.travel(
        datetime.datetime.combine(day, datetime.time(9), tzinfo=timezone.get_current_timezone()),
        tick=False,
    )


def sweep_and_send(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        ids = deliveries.sweep()
    for pk in ids:
        deliveries.deliver(pk)
    return ids


def notices(term):
    return sorted(Delivery.objects.about(term).values_list("kind", "recipient__email", "state"))


def first_term(end, name="Karin Smit"):
    person = UserFactory(name=name)
    start = add_months(end, -36)
    return TermFactory(person=person, start=start, planned_end=end, end=end, ordinal=1)


def about_karin():
    return [m for m in mail.outbox if "Karin Smit" in m.subject]


def test_six_and_three_months_before_once_each(
    secretaris, voorzitter, django_capture_on_commit_callbacks
):
    end = end_of_term()
    term = first_term(end)
    with at(add_months(end, -7)):
        sweep_and_send(django_capture_on_commit_callbacks)
    assert notices(term) == []
    with at(add_months(end, -6)):
        sweep_and_send(django_capture_on_commit_callbacks)
        sweep_and_send(django_capture_on_commit_callbacks)
    assert [(k, e) for k, e, _s in notices(term)] == [
        (reminders.SIX_MONTHS, secretaris.email),
        (reminders.SIX_MONTHS, voorzitter.email),
    ]
    message = next(m for m in about_karin() if m.to == [secretaris.email])
    assert message.subject == "De zittingstermijn van Karin Smit eindigt over 6 maanden"
    with translation.override("nl"):
        end_text = date_format(end, "j F Y")
    assert_mail(message, "Karin Smit", end_text, "nog een keer te benoemen")
    mail.outbox.clear()
    with at(add_months(end, -3)):
        sweep_and_send(django_capture_on_commit_callbacks)
    assert len([n for n in notices(term) if n[0] == reminders.THREE_MONTHS]) == 2
    assert len(about_karin()) == 2


def test_after_a_last_term_the_notice_says_recruit(secretaris, django_capture_on_commit_callbacks):
    end = end_of_term()
    term = first_term(end)
    term.ordinal = 2
    term.save()
    with at(add_months(end, -3)):
        sweep_and_send(django_capture_on_commit_callbacks)
    message = next(m for m in about_karin() if m.to == [secretaris.email])
    assert_mail(message, "kan niet opnieuw benoemd worden")
    # Appointed late: only the three-month notice, not the six-month one as well.
    assert {kind for kind, _e, _s in notices(term)} == {reminders.THREE_MONTHS}


def test_no_notice_once_the_next_term_is_recorded(secretaris, django_capture_on_commit_callbacks):
    end = end_of_term()
    term = first_term(end)
    with at(add_months(end, -7)):
        members_services.term_reappoint(person=term.person)
    with at(add_months(end, -6)):
        sweep_and_send(django_capture_on_commit_callbacks)
    assert notices(term) == []
