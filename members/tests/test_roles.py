"""Roles follow from data and today's date (Europe/Amsterdam), never from a switch."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import AnonymousUser

from members import rules as predicates
from members import services
from members.models import BoardPositionKind, OfficeRole
from members.roles import roles_for, visibility_levels_for
from members.tests.factories import DeclarationFactory, TermFactory, UserFactory
from wijraad.models import Visibility

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
D = datetime.date

PREDICATES = {
    "is_member": {"lid", "voorzitter"},
    "is_unsigned_member": {"lid_ongetekend"},
    "is_seated": {"lid", "lid_ongetekend", "voorzitter"},
    "is_former_member": {"oud_lid"},
    "is_chair": {"voorzitter"},
    "is_vice_chair": set(),
    "is_secretary": {"secretaris"},
    "is_board": {"bestuurder"},
    "is_administrator": {"beheerder"},
}

ALL = frozenset(Visibility)
VISIBILITY = {
    "anoniem": {Visibility.PUBLIC},
    "lid": {Visibility.PUBLIC, Visibility.BOARD, Visibility.COUNCIL},
    "lid_ongetekend": {Visibility.PUBLIC},
    "oud_lid": {Visibility.PUBLIC},
    "voorzitter": ALL,
    "secretaris": ALL,
    "bestuurder": {Visibility.PUBLIC, Visibility.BOARD},
    "beheerder": {Visibility.PUBLIC},
}


def at(year, month, day, hour=12, minute=0):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=AMSTERDAM)


@pytest.mark.django_db
@pytest.mark.parametrize("predicate", sorted(PREDICATES))
def test_each_predicate_holds_for_exactly_its_personas(personas, predicate):
    check = getattr(predicates, predicate)
    holds = {name for name, user in personas.items() if check(user or AnonymousUser())}
    assert holds == PREDICATES[predicate]


@pytest.mark.django_db
def test_visibility_levels_per_persona(personas):
    for name, user in personas.items():
        assert visibility_levels_for(user) == VISIBILITY[name], name


@pytest.mark.django_db
def test_the_scheduler_status_is_for_the_administrator_and_the_secretary(personas):
    allowed = {
        name
        for name, user in personas.items()
        if (user or AnonymousUser()).has_perm("wijraad.view_scheduler_status")
    }
    assert allowed == {"beheerder", "secretaris"}


@pytest.mark.django_db
def test_roles_take_one_query_per_person_and_none_for_visitors(
    lid, voorzitter, django_assert_num_queries
):
    with django_assert_num_queries(0):
        assert roles_for(None) == roles_for(AnonymousUser())
    with django_assert_num_queries(1):
        for check in (predicates.is_member, predicates.is_chair, predicates.is_secretary):
            check(lid)
        assert visibility_levels_for(lid) == VISIBILITY["lid"]
    with django_assert_num_queries(1):
        assert predicates.is_chair(voorzitter)
        assert visibility_levels_for(voorzitter) == ALL


@pytest.mark.django_db
def test_membership_follows_the_term_dates_with_no_action_taken(time_machine):
    person = UserFactory()
    TermFactory(person=person, start=D(2025, 1, 1))  # seat through 31 December 2027
    DeclarationFactory(person=person)

    time_machine.move_to(at(2024, 12, 31))
    assert not predicates.is_seated(person)
    assert not predicates.is_former_member(person)

    time_machine.move_to(at(2025, 1, 1, 0, 1))
    assert predicates.is_member(person)

    time_machine.move_to(at(2027, 12, 31, 23, 59))
    assert predicates.is_member(person)

    # The day the term ends (its `end`) gives no access: a former member from midnight on.
    time_machine.move_to(at(2028, 1, 1, 0, 1))
    assert not predicates.is_member(person)
    assert not predicates.is_seated(person)
    assert predicates.is_former_member(person)
    assert visibility_levels_for(person) == {Visibility.PUBLIC}


@pytest.mark.django_db
def test_today_is_the_day_in_amsterdam_not_in_utc(time_machine):
    person = UserFactory()
    TermFactory(person=person, start=D(2025, 1, 1))
    DeclarationFactory(person=person)
    # 23:30 UTC on 31 December is already 1 January in Amsterdam.
    time_machine.move_to(datetime.datetime(2027, 12, 31, 23, 30, tzinfo=datetime.UTC))
    assert not predicates.is_member(person)


@pytest.mark.django_db
def test_a_member_who_has_not_signed_sees_nothing_confidential_until_signing(lid_ongetekend):
    assert predicates.is_unsigned_member(lid_ongetekend)
    assert visibility_levels_for(lid_ongetekend) == {Visibility.PUBLIC}
    services.declaration_sign(person=lid_ongetekend)
    assert predicates.is_member(lid_ongetekend)
    assert not predicates.is_unsigned_member(lid_ongetekend)
    assert Visibility.COUNCIL in visibility_levels_for(lid_ongetekend)


@pytest.mark.django_db
def test_the_chair_is_no_chair_once_the_term_has_ended(time_machine):
    person = UserFactory()
    TermFactory(person=person, start=D(2025, 1, 1))
    DeclarationFactory(person=person)
    services.office_grant(person=person, office=OfficeRole.CHAIR, start=D(2025, 1, 1))
    time_machine.move_to(at(2027, 12, 31))
    assert predicates.is_chair(person)
    time_machine.move_to(at(2028, 1, 1))
    assert not predicates.is_chair(person)


@pytest.mark.django_db
def test_an_office_ends_on_its_end_day(time_machine):
    person = UserFactory()
    TermFactory(person=person, start=D(2025, 1, 1))
    DeclarationFactory(person=person)
    office = services.office_grant(person=person, office=OfficeRole.CHAIR, start=D(2025, 1, 1))
    services.office_end(office_holding=office, on=D(2026, 3, 1))
    time_machine.move_to(at(2026, 2, 28))
    assert predicates.is_chair(person)
    time_machine.move_to(at(2026, 3, 1))
    assert not predicates.is_chair(person)
    assert predicates.is_member(person)


@pytest.mark.django_db
def test_a_member_holding_the_secretary_office_is_secretary_once_signed(time_machine):
    time_machine.move_to(at(2026, 6, 1))
    person = UserFactory()
    TermFactory(person=person, start=D(2025, 1, 1))
    services.office_grant(person=person, office=OfficeRole.SECRETARY, start=D(2025, 1, 1))
    assert not predicates.is_secretary(person)
    DeclarationFactory(person=person)
    services.office_grant(
        person=UserFactory(), office=OfficeRole.STAFF_SECRETARY, start=D(2020, 1, 1)
    )
    person = type(person).objects.get(pk=person.pk)
    assert predicates.is_secretary(person)
    assert visibility_levels_for(person) == ALL


@pytest.mark.django_db
def test_a_board_position_gives_the_board_role_while_it_runs(time_machine):
    person = UserFactory()
    position = services.board_position_grant(
        person=person, kind=BoardPositionKind.DIRECTOR, start=D(2025, 1, 1)
    )
    services.board_position_end(position=position, on=D(2026, 1, 1))
    time_machine.move_to(at(2025, 12, 31))
    assert predicates.is_board(person)
    assert visibility_levels_for(person) == {Visibility.PUBLIC, Visibility.BOARD}
    time_machine.move_to(at(2026, 1, 1))
    assert not predicates.is_board(person)


@pytest.mark.django_db
def test_an_inactive_account_has_no_roles(lid):
    lid.is_active = False
    assert roles_for(lid).member is False
