"""Factories for people and membership records.

The record factories (TermFactory, OfficeFactory...) write rows directly: use them to set the
scene quickly (e.g. fill twelve seats). To test a rule, or to give a persona real roles, go
through members.services, as `seated_person` does.
"""

import datetime

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from members import services
from members.dates import add_years
from members.models import (
    BoardPosition,
    BoardPositionKind,
    ConfidentialityDeclaration,
    DeclarationText,
    Document,
    DocumentCategory,
    Office,
    OfficeRole,
    RelationToWij,
    Term,
    User,
)
from wijraad.models import Visibility

PASSWORD = "test-wachtwoord-2026"
# The smallest file the upload check takes for a PDF.
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"persoon{n}@example.org")
    name = factory.Faker("name", locale="nl_NL")
    password = factory.django.Password(PASSWORD)
    neighbourhood = factory.Iterator(["Oosterpark", "Vinkhuizen", "Selwerd", "Beijum"])
    relation_to_wij = RelationToWij.CLIENT

    @factory.post_generation
    def confirmed_address(user, create, extracted, **kwargs):
        """The address is confirmed, as accepting the invitation does (logging in needs it);
        `UserFactory(confirmed_address=False)` for an account whose address is not."""
        if create and extracted is not False:
            from allauth.account.models import EmailAddress

            EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)


class TermFactory(DjangoModelFactory):
    class Meta:
        model = Term

    person = factory.SubFactory(UserFactory)
    ordinal = 1
    start = datetime.date(2025, 1, 1)
    planned_end = factory.LazyAttribute(lambda term: add_years(term.start, 3))
    end = factory.LazyAttribute(lambda term: term.planned_end)


class OfficeFactory(DjangoModelFactory):
    class Meta:
        model = Office

    person = factory.SubFactory(UserFactory)
    role = OfficeRole.STAFF_SECRETARY
    start = datetime.date(2025, 1, 1)
    end = None


class BoardPositionFactory(DjangoModelFactory):
    class Meta:
        model = BoardPosition

    person = factory.SubFactory(UserFactory)
    kind = BoardPositionKind.BOARD_MEMBER
    start = datetime.date(2025, 1, 1)
    end = None


class DeclarationTextFactory(DjangoModelFactory):
    """The seeded text (version 2026-1); get_or_create, so it survives a flushed database."""

    class Meta:
        model = DeclarationText
        django_get_or_create = ["version"]

    version = "2026-1"
    body = "Ik houd geheim wat ik in de WIJ-raad hoor of lees."
    in_force_from = datetime.date(2026, 1, 1)


class DeclarationFactory(DjangoModelFactory):
    class Meta:
        model = ConfidentialityDeclaration

    person = factory.SubFactory(UserFactory)
    text = factory.SubFactory(DeclarationTextFactory)
    signed_at = factory.LazyFunction(timezone.now)


class DocumentFactory(DjangoModelFactory):
    """A library document with a small PDF in the private storage (point PRIVATE_MEDIA_ROOT at a
    temporary folder first: the `private_root` fixture)."""

    class Meta:
        model = Document

    title = factory.Sequence(lambda n: f"Stuk {n}")
    category = DocumentCategory.REGULATION
    visibility = Visibility.COUNCIL
    file = factory.django.FileField(data=PDF, filename="stuk.pdf")
    original_name = factory.LazyAttribute(lambda document: f"{document.title}.pdf")
    size = len(PDF)
    content_type = "application/pdf"


def seated_person(*, start, signed=True, **user_fields):
    """A person appointed through the service from `start`, signed (through the service) or not."""
    person = UserFactory(**user_fields)
    services.term_appoint(person=person, start=start)
    if signed:
        DeclarationTextFactory()
        services.declaration_sign(person=person, version="2026-1")
    return person


def fill_seats(count, *, start, **term_fields):
    """`count` terms of other people starting on `start`, written directly (no rule checks)."""
    return [TermFactory(start=start, **term_fields) for _ in range(count)]


# A fixed TOTP secret for test accounts (base32), and the code an authenticator app would show.
TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def give_authenticator(user, secret=TOTP_SECRET):
    """Set up two-step verification (TOTP and recovery codes) as the person would have."""
    from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
    from allauth.mfa.totp.internal.auth import TOTP

    TOTP.activate(user, secret)
    RecoveryCodes.activate(user)
    return user


def totp_code(secret=TOTP_SECRET, at=None):
    """The 6-digit code for `secret` at time `at` (default now)."""
    import time

    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    counter = int((at if at is not None else time.time()) // 30)
    return format_hotp_value(hotp_value(secret, counter))
