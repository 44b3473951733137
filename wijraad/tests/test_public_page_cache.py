"""Public pages kept for every visitor (wijraad.public_pages): the second visitor costs no query,
gets a token of their own, and never a page older than the data, the day or the language; people
who are logged in and visitors with a message of their own get the page rendered for them."""

import datetime
import re
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.messages import constants
from django.contrib.messages.storage.base import Message
from django.contrib.messages.storage.cookie import MessageEncoder
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from advice.models import DossierState
from advice.tests.factories import AdoptedAdviceFactory
from members.models import CouncilRules
from wijraad import public_pages
from wijraad.models import Delivery, Heartbeat

pytestmark = pytest.mark.django_db

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
PAGES = ["home", "about", "privacy", "accessibility", "contact"]


def token_of(response):
    [token] = TOKEN.findall(response.content.decode())
    return token


def without_token(response):
    return TOKEN.sub("", response.content.decode())


@pytest.mark.parametrize("name", PAGES)
def test_the_second_visitor_gets_the_same_page_without_a_query(name, django_assert_num_queries):
    first = Client().get(reverse(name))
    with django_assert_num_queries(0):
        second = Client().get(reverse(name))
    assert second.status_code == 200
    assert second["Content-Type"] == "text/html; charset=utf-8"
    assert without_token(second) == without_token(first)
    assert public_pages.CSRF_PLACEHOLDER not in second.content.decode()


def test_every_visitor_gets_a_token_of_their_own_that_works():
    Client().get(reverse("about"))  # kept now
    visitor = Client(enforce_csrf_checks=True)
    page = visitor.get(reverse("about"))
    token = token_of(page)
    assert token != public_pages.CSRF_PLACEHOLDER
    assert visitor.cookies["csrftoken"].value
    switched = visitor.post(
        reverse("set_language"), {"language": "en", "csrfmiddlewaretoken": token}
    )
    assert switched.status_code == 302
    english = visitor.get(reverse("about"))
    assert '<html lang="en">' in english.content.decode()
    # A token of another visitor does not work for this one.
    other = Client(enforce_csrf_checks=True)
    other.get(reverse("about"))
    refused = other.post(reverse("set_language"), {"language": "en", "csrfmiddlewaretoken": "x"})
    assert refused.status_code == 403


def test_dutch_and_english_are_kept_apart(settings):
    Client().get(reverse("about"))
    english = Client()
    english.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert '<html lang="en">' in english.get(reverse("about")).content.decode()
    assert '<html lang="nl">' in Client().get(reverse("about")).content.decode()


def test_new_published_advice_shows_at_once():
    Client().get(reverse("home"))
    advice = AdoptedAdviceFactory(
        dossier__state=DossierState.SENT,
        dossier__title="Telefonische bereikbaarheid",
        dossier__sent_at=timezone.now(),
    )
    advice.dossier.published_at = timezone.now()
    advice.dossier.save()
    assert "Telefonische bereikbaarheid" in Client().get(reverse("home")).content.decode()
    advice.dossier.state = DossierState.WITHDRAWN
    advice.dossier.save()
    assert "Telefonische bereikbaarheid" not in Client().get(reverse("home")).content.decode()


def test_a_change_of_the_rules_shows_on_the_privacy_statement_at_once():
    before = Client().get(reverse("privacy")).content.decode()
    rules = CouncilRules.objects.in_force()
    rules.signal_contact_retention_months += 7
    rules.save()
    after = Client().get(reverse("privacy")).content.decode()
    assert after != before
    assert str(rules.signal_contact_retention_months) in after


def another_process_changes_the_rules():
    """What another web process or a worker does: the row changes (no signal reaches this
    process) and that process's bump replaces the version in the shared cache."""
    from django.core.cache import cache
    from django.db.models import F

    CouncilRules.objects.update(
        signal_contact_retention_months=F("signal_contact_retention_months") + 7
    )
    cache.set(public_pages.VERSION_KEY, "bumped by another process", timeout=None)
    return CouncilRules.objects.in_force().signal_contact_retention_months


@pytest.fixture
def clock(monkeypatch):
    """The process's monotonic clock, moved by hand."""
    now = [1000.0]
    monkeypatch.setattr(public_pages, "_clock", lambda: now[0])
    return now


def test_a_change_by_another_process_shows_within_a_second(clock, settings):
    assert settings.PUBLIC_PAGE_VERSION_SECONDS == 1
    before = without_token(Client().get(reverse("privacy")))  # kept, and the version read
    months = another_process_changes_the_rules()
    clock[0] += 0.5
    assert without_token(Client().get(reverse("privacy"))) == before
    clock[0] += 0.6  # the copy of the version is older than a second: read again
    after = without_token(Client().get(reverse("privacy")))
    assert after != before
    assert f"{months} maanden" in after


def test_without_a_copy_of_the_version_another_process_s_change_shows_at_once(clock, settings):
    settings.PUBLIC_PAGE_VERSION_SECONDS = 0
    before = without_token(Client().get(reverse("privacy")))
    months = another_process_changes_the_rules()
    after = without_token(Client().get(reverse("privacy")))
    assert after != before
    assert f"{months} maanden" in after


def test_the_version_is_read_once_a_second_not_every_request(clock):
    from django.core.cache import cache

    Client().get(reverse("about"))
    reads = []
    real_get = cache.get
    cache.get = lambda key, *args, **kwargs: reads.append(key) or real_get(key, *args, **kwargs)
    try:
        for _ in range(3):
            Client().get(reverse("about"))
        clock[0] += 1.1
        Client().get(reverse("about"))
    finally:
        del cache.get
    assert reads.count(public_pages.VERSION_KEY) == 1


def test_quiet_rows_keep_the_pages(lid, django_assert_num_queries):
    Client().get(reverse("about"))
    Heartbeat.objects.create(name="scheduler", last_seen=timezone.now())
    Delivery.objects.create(kind="test.kind", content_type_id=1, object_id="1", recipient=lid)
    lid.last_login = timezone.now()
    lid.save(update_fields=["last_login"])
    with django_assert_num_queries(0):
        Client().get(reverse("about"))


def test_a_change_bumps_again_when_it_commits(lid, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        lid.name = "Nieuwe naam"
        lid.save()
    assert public_pages.bump_version in callbacks


def test_someone_logged_in_gets_their_own_page(client, lid):
    Client().get(reverse("home"))  # kept for visitors
    client.force_login(lid)
    html = client.get(reverse("home")).content.decode()
    assert reverse("dashboard") in html  # the menu of someone logged in
    assert reverse("account_logout") in html


def test_a_message_for_a_visitor_is_theirs_alone():
    Client().get(reverse("home"))  # kept for visitors
    visitor = Client()
    session = visitor.session
    session["_messages"] = MessageEncoder().encode([Message(constants.INFO, "Alleen voor u.")])
    session.save()
    assert "Alleen voor u." in visitor.get(reverse("home")).content.decode()
    assert "Alleen voor u." not in Client().get(reverse("home")).content.decode()
    assert "Alleen voor u." not in visitor.get(reverse("home")).content.decode()  # shown once


def test_a_query_string_is_rendered_for_that_request(django_assert_num_queries):
    Client().get(reverse("home"))
    with django_assert_num_queries(1):  # the latest advice, asked again
        Client().get(reverse("home") + "?utm=x")


def test_a_page_is_rendered_again_the_next_day(django_assert_num_queries):
    with time_machine.travel(datetime.datetime(2027, 12, 31, 23, 59, tzinfo=AMSTERDAM)):
        Client().get(reverse("home"))
        with django_assert_num_queries(0):
            Client().get(reverse("home"))
    next_day = datetime.datetime(2028, 1, 1, 0, 1, tzinfo=AMSTERDAM)
    with time_machine.travel(next_day), django_assert_num_queries(1):
        Client().get(reverse("home"))


def test_a_page_is_kept_at_most_its_time(settings, django_assert_num_queries):
    settings.PUBLIC_PAGE_SECONDS = 0
    Client().get(reverse("home"))
    with django_assert_num_queries(1):
        Client().get(reverse("home"))


def test_an_error_page_has_the_visitors_own_token():
    response = Client().get(reverse("year:report", args=[1999]))
    assert response.status_code == 404
    assert public_pages.CSRF_PLACEHOLDER not in response.content.decode()
    assert token_of(response)


def test_an_annual_report_not_yet_published_is_never_kept():
    from year.models import AnnualReport

    report = AnnualReport.objects.create(year=2025, introduction="Ons jaar.")
    assert Client().get(reverse("year:report", args=[2025])).status_code == 404
    report.published_at = timezone.now()
    report.save()
    assert Client().get(reverse("year:report", args=[2025])).status_code == 200


def test_the_vacancy_page_is_kept_while_a_vacancy_is_open_and_never_its_challenge(
    secretaris, django_assert_num_queries
):
    from year import services
    from year.tests.factories import VacancyFactory

    challenge = re.compile(r'data-challenge="([^"]+)"')
    # No vacancy: the "let me know" form, with a challenge used once, for each visitor anew.
    first, second = (Client().get(reverse("year:vacancy")).content.decode() for _ in range(2))
    assert challenge.findall(first) != challenge.findall(second)
    assert public_pages.CSRF_PLACEHOLDER not in first
    # Open: the same page for every visitor, the second one without a query.
    vacancy = VacancyFactory(title="Lid met ervaring in de wijk")
    opened = Client().get(reverse("year:vacancy"))
    with django_assert_num_queries(0):
        again = Client().get(reverse("year:vacancy"))
    assert without_token(again) == without_token(opened)
    assert "Lid met ervaring in de wijk" in again.content.decode()
    assert not challenge.findall(again.content.decode())
    assert "no-cache" in again["Cache-Control"]  # still never kept by a browser or a proxy
    # Closed: gone at once, and the form is back with a challenge of its own.
    services.vacancy_close(vacancy=vacancy, by=secretaris)
    closed = Client().get(reverse("year:vacancy")).content.decode()
    assert "Lid met ervaring in de wijk" not in closed
    assert challenge.findall(closed)
