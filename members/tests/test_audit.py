"""Changes to people and membership land in the audit log, personal fields masked."""

import datetime

import pytest
from auditlog.models import LogEntry

from members import services
from members.models import BoardPositionKind, OfficeRole, Term
from members.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def entries_for(obj):
    return LogEntry.objects.get_for_object(obj).order_by("timestamp", "pk")


def test_an_account_is_logged_with_contact_data_masked_and_no_password():
    person = UserFactory(email="anna@example.org", phone="06-12345678")
    created = entries_for(person).get(action=LogEntry.Action.CREATE)
    assert created.changes_dict["email"] == ["None", "********"]
    assert created.changes_dict["phone"] == ["None", "********"]
    assert "password" not in created.changes_dict
    assert "last_login" not in created.changes_dict
    assert "anna@example.org" not in created.changes_text + str(created.changes)

    person.phone = "06-87654321"
    person.save()
    changed = entries_for(person).get(action=LogEntry.Action.UPDATE)
    assert changed.changes_dict == {"phone": ["********", "********"]}


def test_a_term_change_names_who_did_it(secretaris):
    person = UserFactory()
    term = services.term_appoint(person=person, start=datetime.date(2025, 1, 1), by=secretaris)
    services.term_end_early(
        term=term, on=datetime.date(2026, 1, 1), reason="Verhuisd", by=secretaris
    )
    entries = list(entries_for(term))
    assert [entry.action for entry in entries] == [LogEntry.Action.CREATE, LogEntry.Action.UPDATE]
    assert all(entry.actor == secretaris for entry in entries)
    assert entries[1].changes_dict["end"] == ["2028-01-01", "2026-01-01"]


def test_offices_positions_and_declarations_are_logged(voorzitter, bestuurder, lid):
    for obj in (voorzitter.offices.get(), bestuurder.board_positions.get(), lid.declarations.get()):
        assert entries_for(obj).filter(action=LogEntry.Action.CREATE).exists()
    assert entries_for(lid.declarations.get()).get().actor == lid


def test_no_actor_outside_a_request_and_no_leak_between_blocks(secretaris):
    services.term_appoint(person=UserFactory(), start=datetime.date(2025, 1, 1), by=secretaris)
    other = services.term_appoint(person=UserFactory(), start=datetime.date(2025, 1, 1))
    assert entries_for(other).get().actor is None
    assert Term.objects.count() == 2


def test_offices_and_positions_name_who_granted_and_ended_them(secretaris):
    member = UserFactory()
    services.term_appoint(person=member, start=datetime.date(2025, 1, 1), by=secretaris)
    office = services.office_grant(
        person=member,
        office=OfficeRole.VICE_CHAIR,
        start=datetime.date(2025, 2, 1),
        end=datetime.date(2027, 1, 1),
        by=secretaris,
    )
    services.office_end(office_holding=office, on=datetime.date(2026, 1, 1), by=secretaris)
    director = UserFactory()
    position = services.board_position_grant(
        person=director,
        kind=BoardPositionKind.DIRECTOR,
        start=datetime.date(2025, 1, 1),
        by=secretaris,
    )
    services.board_position_end(position=position, on=datetime.date(2026, 1, 1), by=secretaris)
    for obj in (office, position):
        entries = list(entries_for(obj))
        assert [entry.action for entry in entries] == [
            LogEntry.Action.CREATE,
            LogEntry.Action.UPDATE,
        ]
        assert all(entry.actor == secretaris for entry in entries)


def test_a_signature_names_the_signer_and_an_account_who_made_and_changed_it(secretaris, lid):
    assert entries_for(lid.declarations.get()).get().actor == lid
    person = services.person_invite(email="nieuw@example.org", name="Nieuw", by=secretaris)
    services.person_update(person=person, name="Nieuwe naam", by=secretaris)
    entries = list(entries_for(person))
    assert [entry.action for entry in entries] == [LogEntry.Action.CREATE, LogEntry.Action.UPDATE]
    assert all(entry.actor == secretaris for entry in entries)
