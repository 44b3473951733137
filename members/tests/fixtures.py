"""Persona fixtures (DESIGN.md), the same names everywhere.

Each persona is a real account whose roles follow from data made through members.services
(terms, offices, positions, declarations), relative to today:

- `anoniem`: None, a resident who is not logged in (use AnonymousUser() where a user object is
  needed, e.g. for has_perm; with the test client simply do not log in).
- `lid`: member, term since a year ago, declaration signed.
- `lid_ongetekend`: appointed a month ago, declaration not signed: holds a seat, sees nothing
  confidential.
- `oud_lid`: former member, term ended a year ago (declaration kept on record).
- `voorzitter`: member in the chair's office.
- `secretaris`: ambtelijk secretaris, an employee with no term, declaration signed (without it
  she sees nothing confidential).
- `bestuurder`: board member (raad van bestuur) of WIJ Groningen.
- `beheerder`: administrator (superuser, Django admin).

The four personas that must use two-step verification (voorzitter, secretaris, bestuurder,
beheerder) have an authenticator app (TOTP_SECRET) set up, as they would in real life, and
`client.force_login` logs them in as with password and code (wijraad.testing.fixtures); tests of
the set-up itself make their own users without one.

`personas` gives all of them as a dict name -> user (None for anoniem), for permission matrices;
their names, in this order, are wijraad.testing.matrix.PERSONAS (the ground floor's tables name
them without building them).
"""

import pytest
from django.utils import timezone

from members import services
from members.dates import add_months, add_years
from members.models import BoardPositionKind, OfficeRole
from members.tests.factories import (
    DeclarationFactory,
    DeclarationTextFactory,
    UserFactory,
    give_authenticator,
    seated_person,
)
from wijraad.testing.matrix import PERSONAS


@pytest.fixture
def anoniem():
    return None


@pytest.fixture
def lid(db):
    today = timezone.localdate()
    return seated_person(
        start=add_years(today, -1), email="lid@example.org", name="Sander de Vries"
    )


@pytest.fixture
def lid_ongetekend(db):
    today = timezone.localdate()
    return seated_person(
        start=add_months(today, -1),
        signed=False,
        email="lid-ongetekend@example.org",
        name="Fatma Yılmaz",
    )


@pytest.fixture
def oud_lid(db):
    today = timezone.localdate()
    person = UserFactory(email="oud-lid@example.org", name="Trijntje Veenstra")
    term = services.term_appoint(person=person, start=add_years(today, -4))
    DeclarationFactory(person=person, text=DeclarationTextFactory(), signed_at=timezone.now())
    assert term.end <= today
    return person


@pytest.fixture
def voorzitter(db):
    today = timezone.localdate()
    person = seated_person(
        start=add_years(today, -2), email="voorzitter@example.org", name="Anneke Dijkstra"
    )
    services.office_grant(person=person, office=OfficeRole.CHAIR, start=add_years(today, -2))
    return give_authenticator(person)


@pytest.fixture
def secretaris(db):
    today = timezone.localdate()
    person = UserFactory(email="secretaris@example.org", name="Joyce Meijer")
    services.office_grant(
        person=person, office=OfficeRole.STAFF_SECRETARY, start=add_years(today, -3)
    )
    DeclarationTextFactory()
    services.declaration_sign(person=person, version="2026-1")
    return give_authenticator(person)


@pytest.fixture
def bestuurder(db):
    today = timezone.localdate()
    person = UserFactory(email="bestuurder@example.org", name="Hans Wieringa")
    services.board_position_grant(
        person=person, kind=BoardPositionKind.BOARD_MEMBER, start=add_years(today, -2)
    )
    return give_authenticator(person)


@pytest.fixture
def beheerder(db):
    return give_authenticator(
        UserFactory(
            email="beheerder@example.org", name="Bram Koster", is_staff=True, is_superuser=True
        )
    )


@pytest.fixture
def personas(request):
    """Every persona by name (anoniem: None)."""
    return {name: request.getfixturevalue(name) for name in PERSONAS}
