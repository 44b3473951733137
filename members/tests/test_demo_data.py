"""Demo data: idempotent, with the persona accounts, and only with DEBUG on."""

import datetime
from io import StringIO

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.db.models import Model
from django.utils import timezone

from members.composition import term_schedule
from members.models import (
    BoardPosition,
    ConfidentialityDeclaration,
    Document,
    Office,
    Term,
    User,
)
from members.roles import roles_for
from wijraad.files import check_upload
from wijraad.models import DownloadLog, Visibility

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("private_root")]

MODELS: list[type[Model]] = [
    User,
    Term,
    Office,
    BoardPosition,
    ConfidentialityDeclaration,
    Document,
    DownloadLog,
]


def counts():
    return {model.__name__: model.objects.count() for model in MODELS}


def test_loading_twice_changes_nothing(settings):
    settings.DEBUG = True
    output = StringIO()
    call_command("demo_data", stdout=output)
    first = counts()
    call_command("demo_data", stdout=StringIO())
    assert counts() == first
    assert 9 <= Term.objects.active_on(timezone.localdate()).count() <= 12
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


def test_documents_of_every_visibility_with_real_pdf_files(settings):
    settings.DEBUG = True
    call_command("demo_data", stdout=StringIO())
    assert set(Document.objects.values_list("visibility", flat=True)) == set(Visibility)
    for document in Document.objects.all():
        with document.file.open("rb") as file:
            content = file.read()
            file.seek(0)
            assert check_upload(file) == "application/pdf"
        assert content.startswith(b"%PDF-1.4")
        assert content.rstrip().endswith(b"%%EOF")
        assert document.size == len(content)


@pytest.mark.parametrize("month", [1, 4, 7, 11])
def test_the_term_schedule_shows_both_warnings_whenever_it_is_loaded(settings, month):
    settings.DEBUG = True
    moment = datetime.datetime(2027, month, 15, 12, tzinfo=datetime.UTC)
    with time_machine.travel(moment, tick=False):
        call_command("demo_data", stdout=StringIO())
        years = term_schedule()
    assert any(year.continuity_risk for year in years)
    assert any(year.under_strength for year in years)


def test_an_invited_person_waits_for_an_appointment(settings):
    settings.DEBUG = True
    call_command("demo_data", stdout=StringIO())
    femke = User.objects.get(email="femke.deboer@example.org")
    assert not femke.has_usable_password()
    assert not femke.terms.exists()
    assert femke.invitations.count() == 1
