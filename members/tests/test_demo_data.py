"""Demo data: idempotent, with the persona accounts, and only with DEBUG on."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Model
from django.utils import timezone

from members.models import (
    BoardPosition,
    ConfidentialityDeclaration,
    Office,
    Term,
    User,
)
from members.roles import roles_for

pytestmark = pytest.mark.django_db

MODELS: list[type[Model]] = [User, Term, Office, BoardPosition, ConfidentialityDeclaration]


def counts():
    return {model.__name__: model.objects.count() for model in MODELS}


def test_loading_twice_changes_nothing(settings):
    settings.DEBUG = True
    output = StringIO()
    call_command("demo_data", stdout=output)
    first = counts()
    call_command("demo_data", stdout=StringIO())
    assert counts() == first
    assert 9 <= Term.objects.active_on(timezone.localdate()).count() <= 11
    assert "demo-wachtwoord-2026" in output.getvalue()
    assert "lid-ongetekend@example.org" in output.getvalue()


def test_the_persona_accounts_have_their_roles(settings):
    settings.DEBUG = True
    call_command("demo_data", stdout=StringIO())
    expected = {
        "secretaris@example.org": "secretary",
        "voorzitter@example.org": "chair",
        "lid@example.org": "member",
        "lid-ongetekend@example.org": "unsigned_member",
        "oud-lid@example.org": "former_member",
        "bestuurder@example.org": "board",
        "beheerder@example.org": "administrator",
    }
    for email, role in expected.items():
        user = User.objects.get(email=email)
        assert getattr(roles_for(user), role), email
        assert user.check_password("demo-wachtwoord-2026")
    assert User.objects.get(email="beheerder@example.org").is_staff
    assert not roles_for(User.objects.get(email="lid-ongetekend@example.org")).member
    assert Term.objects.filter(ordinal=2).count() >= 2


def test_demo_data_is_refused_with_debug_off(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("demo_data", stdout=StringIO())
    assert not User.objects.filter(email="lid@example.org").exists()
