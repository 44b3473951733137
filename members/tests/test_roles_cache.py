"""Roles are cached per (user, day) across requests, and never outlive a change: every change of
a term, office, board position, declaration or account is seen by the next request, and a role
ends on its end day at midnight although it was cached the evening before.

Each test first asks a page as the person (which caches their roles), then changes what the roles
are made of, then asks again: a stale role would show as the old answer.
"""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from members import services
from members.dates import add_years
from members.models import BoardPositionKind, OfficeRole, Term, User
from members.roles import roles_for
from members.tests.factories import (
    DeclarationFactory,
    DocumentFactory,
    UserFactory,
    give_authenticator,
)
from wijraad.models import Visibility

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("private_root")]

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
ROLE_TABLES = ("members_term", "members_office", "members_boardposition")


@pytest.fixture
def documents(secretaris):
    """One document of each visibility level."""
    return {
        level: DocumentFactory(visibility=level, uploaded_by=secretaris) for level in Visibility
    }


def status(client, document):
    return client.get(reverse("members:document", args=[document.pk])).status_code


def role_queries(queries):
    return [q["sql"] for q in queries if any(table in q["sql"] for table in ROLE_TABLES)]


def test_the_next_request_reads_the_roles_from_the_cache(client, lid):
    client.force_login(lid)
    with CaptureQueriesContext(connection) as first:
        assert client.get(reverse("home")).status_code == 200
    with CaptureQueriesContext(connection) as second:
        assert client.get(reverse("home")).status_code == 200
    assert len(role_queries(first)) == 1
    assert role_queries(second) == []
    assert len(second) == len(first) - 1


def test_an_appointment_gives_access_at_the_next_request(client, documents):
    person = UserFactory()
    DeclarationFactory(person=person)
    client.force_login(person)
    assert status(client, documents[Visibility.COUNCIL]) == 404
    services.term_appoint(person=person, start=timezone.localdate())
    assert status(client, documents[Visibility.COUNCIL]) == 200


def test_a_term_ended_today_takes_access_away_at_the_next_request(client, lid, documents):
    client.force_login(lid)
    assert status(client, documents[Visibility.COUNCIL]) == 200
    services.term_end_early(term=lid.terms.get(), on=timezone.localdate(), reason="Verhuisd")
    assert status(client, documents[Visibility.COUNCIL]) == 404


def test_granting_and_ending_an_office_is_seen_at_the_next_request(
    client, lid, voorzitter, documents
):
    restricted = documents[Visibility.RESTRICTED]
    client.force_login(voorzitter)
    assert status(client, restricted) == 200
    office = voorzitter.offices.get(role=OfficeRole.CHAIR)
    services.office_end(office_holding=office, on=timezone.localdate())
    assert status(client, restricted) == 404

    client.force_login(give_authenticator(lid))  # the chair needs two-step verification
    assert status(client, restricted) == 404
    services.office_grant(person=lid, office=OfficeRole.CHAIR, start=timezone.localdate())
    assert status(client, restricted) == 200


def test_granting_and_ending_a_board_position_is_seen_at_the_next_request(
    client, bestuurder, documents
):
    board = documents[Visibility.BOARD]
    client.force_login(bestuurder)
    assert status(client, board) == 200
    position = bestuurder.board_positions.get()
    services.board_position_end(position=position, on=timezone.localdate())
    assert status(client, board) == 404

    person = give_authenticator(UserFactory())  # a board user needs two-step verification
    client.force_login(person)
    assert status(client, board) == 404
    services.board_position_grant(
        person=person, kind=BoardPositionKind.DIRECTOR, start=timezone.localdate()
    )
    assert status(client, board) == 200


def test_signing_the_declaration_gives_access_at_the_next_request(
    client, lid_ongetekend, documents
):
    client.force_login(lid_ongetekend)
    assert status(client, documents[Visibility.COUNCIL]) == 404
    services.declaration_sign(person=lid_ongetekend)
    assert status(client, documents[Visibility.COUNCIL]) == 200


def test_a_change_outside_the_services_is_seen_too(client, lid, documents):
    """The Django admin and data fixes save or delete rows without the services."""
    client.force_login(lid)
    assert status(client, documents[Visibility.COUNCIL]) == 200
    lid.declarations.all().delete()
    assert status(client, documents[Visibility.COUNCIL]) == 404
    DeclarationFactory(person=lid)
    assert status(client, documents[Visibility.COUNCIL]) == 200
    term = Term.objects.get(person=lid)
    term.end = timezone.localdate()
    term.save()
    assert status(client, documents[Visibility.COUNCIL]) == 404


def test_the_administrator_flag_is_seen_at_the_next_request(client, lid):
    roles_for(lid)
    lid.is_superuser = True
    lid.save()
    assert roles_for(User.objects.get(pk=lid.pk)).administrator
    lid.last_login = timezone.now()
    lid.save(update_fields=["last_login"])  # a login changes no role: the cache stays
    with CaptureQueriesContext(connection) as queries:
        assert roles_for(User.objects.get(pk=lid.pk)).administrator
    assert role_queries(queries) == []


def test_a_term_ending_at_midnight_stops_access_on_its_end_day(client, time_machine, documents):
    """Cached at 23:59 on the last day of the term, the roles are not used the next day."""
    last_day = timezone.localdate() + datetime.timedelta(days=30)
    person = UserFactory()
    DeclarationFactory(person=person)
    term = services.term_appoint(person=person, start=add_years(last_day, -1))
    services.term_end_early(term=term, on=last_day + datetime.timedelta(days=1), reason="Weg")
    council = documents[Visibility.COUNCIL]

    evening = datetime.datetime.combine(last_day, datetime.time(23, 59), tzinfo=AMSTERDAM)
    time_machine.move_to(evening)
    client.force_login(person)
    assert status(client, council) == 200
    assert status(client, council) == 200  # from the cache

    time_machine.move_to(evening + datetime.timedelta(minutes=2))
    assert status(client, council) == 404


def test_roles_cached_while_a_change_commits_are_dropped_when_it_commits(
    lid, django_capture_on_commit_callbacks
):
    """A request that read the rows before the change committed may cache the old roles under
    the version of the moment; the version bumped at commit throws them away."""
    with django_capture_on_commit_callbacks(execute=True):
        services.term_end_early(term=lid.terms.get(), on=timezone.localdate(), reason="Verhuisd")
        # Stands for a request that cached its roles before the commit.
        roles_for(User.objects.get(pk=lid.pk))
    with CaptureQueriesContext(connection) as queries:
        assert not roles_for(User.objects.get(pk=lid.pk)).member
    assert len(role_queries(queries)) == 1


def test_a_migration_drops_the_cached_roles(lid):
    """Data migrations change rows through historical models, which send no save signals."""
    from members import receivers

    roles_for(lid)
    receivers.roles_after_migrate(sender=None)  # connected to post_migrate
    with CaptureQueriesContext(connection) as queries:
        roles_for(User.objects.get(pk=lid.pk))
    assert len(role_queries(queries)) == 1


def test_without_a_shared_cache_the_roles_are_asked_every_request(client, lid, settings):
    """A cache of one process's own (no Redis) would not hear of a change made in another."""
    settings.ROLES_CACHE = False
    client.force_login(lid)
    for _request in range(2):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("home")).status_code == 200
        assert len(role_queries(queries)) == 1


def test_a_batch_of_e_mails_warms_its_recipients_roles_in_one_round_trip(
    lid, voorzitter, time_machine
):
    """wijraad.deliveries asks members.roles.warm_roles for a batch's recipients: roles cached at
    the current version are taken at once; a stale entry is not, and is asked again."""
    from django.core.cache import cache

    from members.roles import bump_roles_version, warm_roles

    # Roles are kept per (user, day): the clock stands still at noon of today, so the test never
    # crosses midnight between caching and reading.
    noon = datetime.datetime.combine(
        timezone.localdate(), datetime.time(12), tzinfo=timezone.get_current_timezone()
    )
    time_machine.move_to(noon, tick=False)
    expected = {person.pk: roles_for(person) for person in (lid, voorzitter)}  # cached now
    fresh = [User.objects.get(pk=person.pk) for person in (lid, voorzitter)]
    calls = []
    real_get_many = cache.get_many
    cache.get_many = lambda keys: calls.append(keys) or real_get_many(keys)
    try:
        warm_roles(fresh)
    finally:
        del cache.get_many
    assert len(calls) == 1
    with CaptureQueriesContext(connection) as queries:
        assert {person.pk: roles_for(person) for person in fresh} == expected
    assert role_queries(queries) == []
    # A change since: the entries are of an old version, so the roles are asked again.
    bump_roles_version()
    stale = User.objects.get(pk=lid.pk)
    warm_roles([stale])
    with CaptureQueriesContext(connection) as queries:
        assert roles_for(stale) == expected[lid.pk]
    assert len(role_queries(queries)) == 1
