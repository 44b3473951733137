"""Offices (chair, vice-chair, secretary, staff secretary) and board positions."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction

from members import services
from members.models import BoardPositionKind, OfficeRole
from members.tests.factories import OfficeFactory, TermFactory, UserFactory

pytestmark = pytest.mark.django_db

D = datetime.date


def member():
    """Someone with a term from 1 January 2025 through 31 December 2027."""
    return TermFactory(start=D(2025, 1, 1)).person


def test_a_chair_needs_a_term_on_the_start_of_the_office():
    person = UserFactory(name="Anneke Dijkstra")
    with pytest.raises(ValidationError) as refused:
        services.office_grant(person=person, office=OfficeRole.CHAIR, start=D(2026, 1, 1))
    assert refused.value.code == "office_needs_term"
    TermFactory(person=person, start=D(2026, 2, 1))
    with pytest.raises(ValidationError):
        services.office_grant(person=person, office=OfficeRole.CHAIR, start=D(2026, 1, 1))
    services.office_grant(person=person, office=OfficeRole.CHAIR, start=D(2026, 2, 1))


def test_a_dated_office_must_fit_in_the_terms():
    person = member()  # term [2025-01-01, 2028-01-01)
    with pytest.raises(ValidationError):
        services.office_grant(
            person=person, office=OfficeRole.CHAIR, start=D(2026, 1, 1), end=D(2028, 1, 2)
        )
    services.office_grant(
        person=person, office=OfficeRole.CHAIR, start=D(2026, 1, 1), end=D(2028, 1, 1)
    )


def test_a_dated_office_may_span_two_adjacent_terms():
    person = member()
    TermFactory(person=person, ordinal=2, start=D(2028, 1, 1))
    office = services.office_grant(
        person=person, office=OfficeRole.SECRETARY, start=D(2026, 1, 1), end=D(2030, 1, 1)
    )
    assert office.end == D(2030, 1, 1)


def test_only_one_chair_at_a_time():
    first = services.office_grant(person=member(), office=OfficeRole.CHAIR, start=D(2025, 1, 1))
    second = member()
    with pytest.raises(ValidationError) as refused:
        services.office_grant(person=second, office=OfficeRole.CHAIR, start=D(2026, 1, 1))
    assert refused.value.code == "office_taken"
    services.office_end(office_holding=first, on=D(2026, 1, 1))
    services.office_grant(person=second, office=OfficeRole.CHAIR, start=D(2026, 1, 1))


def test_a_future_chair_blocks_an_open_ended_chair_before_it():
    services.office_grant(person=member(), office=OfficeRole.CHAIR, start=D(2027, 1, 1))
    with pytest.raises(ValidationError):
        services.office_grant(person=member(), office=OfficeRole.CHAIR, start=D(2026, 1, 1))
    services.office_grant(
        person=member(), office=OfficeRole.CHAIR, start=D(2026, 1, 1), end=D(2027, 1, 1)
    )


def test_chair_and_vice_chair_are_two_people():
    person = member()
    services.office_grant(person=person, office=OfficeRole.CHAIR, start=D(2025, 1, 1))
    with pytest.raises(ValidationError) as refused:
        services.office_grant(person=person, office=OfficeRole.VICE_CHAIR, start=D(2025, 6, 1))
    assert refused.value.code == "chair_and_vice_chair"
    services.office_grant(person=member(), office=OfficeRole.VICE_CHAIR, start=D(2025, 6, 1))


def test_the_staff_secretary_needs_no_term():
    staff = UserFactory()
    office = services.office_grant(
        person=staff, office=OfficeRole.STAFF_SECRETARY, start=D(2025, 1, 1)
    )
    assert office.end is None
    with pytest.raises(ValidationError) as refused:
        services.office_grant(person=staff, office=OfficeRole.STAFF_SECRETARY, start=D(2026, 1, 1))
    assert refused.value.code == "office_held"
    # A second employee may support the council at the same time (e.g. a stand-in).
    services.office_grant(
        person=UserFactory(), office=OfficeRole.STAFF_SECRETARY, start=D(2026, 1, 1)
    )


@pytest.mark.parametrize(
    ("on", "code"),
    [(D(2025, 1, 1), "end_before_start"), (D(2027, 1, 1), "end_not_earlier")],
)
def test_ending_an_office_needs_a_day_inside_it(on, code):
    office = services.office_grant(
        person=member(), office=OfficeRole.CHAIR, start=D(2025, 1, 1), end=D(2027, 1, 1)
    )
    with pytest.raises(ValidationError) as refused:
        services.office_end(office_holding=office, on=on)
    assert refused.value.code == code


def test_an_office_must_end_after_it_starts():
    with pytest.raises(ValidationError):
        services.office_grant(
            person=UserFactory(),
            office=OfficeRole.STAFF_SECRETARY,
            start=D(2025, 1, 1),
            end=D(2025, 1, 1),
        )


@pytest.mark.skipif(connection.vendor != "postgresql", reason="exclusion constraints: PostgreSQL")
def test_postgresql_refuses_two_chairs_on_the_same_day():
    OfficeFactory(person=member(), role=OfficeRole.CHAIR, start=D(2025, 1, 1), end=D(2026, 1, 1))
    with pytest.raises(IntegrityError), transaction.atomic():
        OfficeFactory(person=member(), role=OfficeRole.CHAIR, start=D(2025, 12, 31))
    OfficeFactory(person=member(), role=OfficeRole.CHAIR, start=D(2026, 1, 1))


def test_a_board_position_is_granted_and_ended():
    person = UserFactory()
    position = services.board_position_grant(
        person=person, kind=BoardPositionKind.DIRECTOR, start=D(2025, 1, 1)
    )
    services.board_position_end(position=position, on=D(2026, 1, 1))
    position.refresh_from_db()
    assert position.end == D(2026, 1, 1)
    with pytest.raises(ValidationError) as refused:
        services.board_position_end(position=position, on=D(2026, 1, 1))
    assert refused.value.code == "end_not_earlier"


def test_one_person_holds_one_board_position_at_a_time():
    person = UserFactory()
    services.board_position_grant(
        person=person, kind=BoardPositionKind.BOARD_MEMBER, start=D(2025, 1, 1), end=D(2026, 1, 1)
    )
    with pytest.raises(ValidationError) as refused:
        services.board_position_grant(
            person=person, kind=BoardPositionKind.DIRECTOR, start=D(2025, 12, 31)
        )
    assert refused.value.code == "position_held"
    services.board_position_grant(
        person=person, kind=BoardPositionKind.DIRECTOR, start=D(2026, 1, 1)
    )


def test_a_council_member_cannot_hold_a_board_position():
    person = member()
    with pytest.raises(ValidationError) as refused:
        services.board_position_grant(
            person=person, kind=BoardPositionKind.BOARD_MEMBER, start=D(2027, 12, 31)
        )
    assert refused.value.code == "council_member_on_board"
    services.board_position_grant(
        person=person, kind=BoardPositionKind.BOARD_MEMBER, start=D(2028, 1, 1)
    )


def test_ending_a_term_early_ends_the_council_offices_that_day():
    person = member()
    chair = services.office_grant(person=person, office=OfficeRole.CHAIR, start=D(2025, 1, 1))
    term = person.terms.get()
    services.term_end_early(term=term, on=D(2026, 5, 1), reason="Verhuisd")
    chair.refresh_from_db()
    assert chair.end == D(2026, 5, 1)
    services.office_grant(person=member(), office=OfficeRole.CHAIR, start=D(2026, 5, 1))


def test_the_refusal_names_the_current_holder_in_dutch():
    holder = member()
    holder.name = "Anneke Dijkstra"
    holder.save()
    services.office_grant(person=holder, office=OfficeRole.CHAIR, start=D(2025, 1, 1))
    with pytest.raises(ValidationError) as refused:
        services.office_grant(person=member(), office=OfficeRole.CHAIR, start=D(2026, 1, 1))
    assert refused.value.messages == [
        "Anneke Dijkstra is voorzitter vanaf 1 januari 2025. Beëindig eerst die functie."
    ]
