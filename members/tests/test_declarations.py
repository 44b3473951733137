"""The confidentiality declaration: signed by appointed members, kept after the term ends."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from members import services
from members.dates import add_months, add_years
from members.models import ConfidentialityDeclaration, DeclarationText, OfficeRole
from members.tests.factories import DeclarationTextFactory, TermFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_the_dutch_text_is_seeded():
    text = DeclarationText.objects.get(version="2026-1")
    assert text.body.startswith("Geheimhoudingsverklaring WIJ-raad")
    assert "zittingstermijn eindigt" in text.body


def test_a_member_signs_the_text_in_force_once(lid_ongetekend):
    DeclarationTextFactory()
    newer = DeclarationTextFactory(
        version="2099-1", in_force_from=datetime.date(2099, 1, 1), body="Later."
    )
    first = services.declaration_sign(person=lid_ongetekend)
    again = services.declaration_sign(person=lid_ongetekend)
    assert first == again
    assert first.version == "2026-1"
    assert first.text != newer
    assert ConfidentialityDeclaration.objects.filter(person=lid_ongetekend).count() == 1


def test_someone_appointed_for_a_coming_term_may_sign_before_it_starts():
    person = UserFactory()
    TermFactory(person=person, start=add_months(timezone.localdate(), 2))
    assert services.declaration_sign(person=person, version="2026-1").person == person


def test_someone_without_a_running_or_coming_term_cannot_sign(oud_lid):
    # A staff secretary whose office has ended is no longer asked either.
    former_staff = UserFactory()
    office = services.office_grant(
        person=former_staff,
        office=OfficeRole.STAFF_SECRETARY,
        start=add_years(timezone.localdate(), -2),
    )
    services.office_end(office_holding=office, on=add_years(timezone.localdate(), -1))
    for person in (oud_lid, former_staff, UserFactory()):
        with pytest.raises(ValidationError) as refused:
            services.declaration_sign(person=person, version="2026-1")
        assert refused.value.code == "not_appointed"


def test_the_staff_secretary_signs_too():
    """She sees nothing confidential before signing (members/tests/test_security.py)."""
    staff = UserFactory()
    services.office_grant(
        person=staff, office=OfficeRole.STAFF_SECRETARY, start=timezone.localdate()
    )
    declaration = services.declaration_sign(person=staff, version="2026-1")
    assert declaration.person == staff


def test_signing_without_a_text_is_refused():
    person = UserFactory()
    TermFactory(person=person, start=add_years(timezone.localdate(), -1))
    DeclarationText.objects.all().delete()
    with pytest.raises(ValidationError) as refused:
        services.declaration_sign(person=person)
    assert refused.value.code == "no_text"


def test_the_declaration_stays_on_record_after_the_term(oud_lid):
    assert oud_lid.declarations.count() == 1
