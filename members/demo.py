"""Demo people: a council of ten with staggered terms, a former member, the staff secretary, two
board users and the administrator. Loaded by `manage.py demo_data` (DEBUG only).

Idempotent: a person whose account exists is left alone. Dates are relative to the day of the
first load, so the personas have their roles on that day and for months after.
"""

import datetime

from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP
from django.utils import timezone

from members import services
from members.dates import add_months
from members.middleware import has_authenticator, mfa_required
from members.models import (
    BoardPositionKind,
    ConfidentialityDeclaration,
    DeclarationText,
    OfficeRole,
    RelationToWij,
    User,
)

PASSWORD = "demo-wachtwoord-2026"
# The authenticator-app secret of every demo account that must use two-step verification.
DEMO_TOTP_SECRET = "KRUGKIDROVUWG2ZAMJZG653OEBTG66BA"
DECLARATION_VERSION = "2026-1"

# (e-mail, name, neighbourhood, relation to WIJ, expertise,
#  term starts in months before this month (a second number: reappointed), signed, office)
COUNCIL = [
    (
        "voorzitter@example.org",
        "Anneke Dijkstra",
        "Oosterpark",
        RelationToWij.CLIENT,
        "Armoede en schulden, wijkwerk",
        (50, 14),
        True,
        OfficeRole.CHAIR,
    ),
    (
        "lid@example.org",
        "Sander de Vries",
        "Vinkhuizen",
        RelationToWij.VOLUNTEER,
        "Jongerenwerk, sport in de wijk",
        (20,),
        True,
        None,
    ),
    (
        "lid-ongetekend@example.org",
        "Fatma Yılmaz",
        "Selwerd",
        RelationToWij.REPRESENTATIVE,
        "Mantelzorg, taal en inburgering",
        (1,),
        False,
        None,
    ),
    (
        "marieke.bos@example.org",
        "Marieke Bos",
        "Lewenborg",
        RelationToWij.REPRESENTATIVE,
        "Onderwijs, passend onderwijs",
        (60, 24),
        True,
        OfficeRole.VICE_CHAIR,
    ),
    (
        "jan.hoekstra@example.org",
        "Jan Hoekstra",
        "Beijum",
        RelationToWij.CLIENT,
        "Wonen, huurdersbelangen",
        (34,),
        True,
        None,
    ),
    (
        "gerrit.mulder@example.org",
        "Gerrit Mulder",
        "Hoogkerk",
        RelationToWij.CLIENT,
        "Ouderen, eenzaamheid",
        (30,),
        True,
        None,
    ),
    (
        "els.postma@example.org",
        "Els Postma",
        "Haren",
        RelationToWij.OTHER,
        "Zorg, wijkverpleging",
        (26,),
        True,
        None,
    ),
    (
        "ahmed.elamrani@example.org",
        "Ahmed El Amrani",
        "Korrewegwijk",
        RelationToWij.VOLUNTEER,
        "Werk en inkomen",
        (14,),
        True,
        None,
    ),
    (
        "ineke.smit@example.org",
        "Ineke Smit",
        "De Wijert",
        RelationToWij.CLIENT,
        "Jeugdhulp, gezinnen",
        (8,),
        True,
        None,
    ),
    (
        "wim.kuipers@example.org",
        "Wim Kuipers",
        "Ten Boer",
        RelationToWij.REPRESENTATIVE,
        "Dorpen, bereikbaarheid",
        (2,),
        True,
        None,
    ),
]

FORMER_MEMBER = (
    "oud-lid@example.org",
    "Trijntje Veenstra",
    "Paddepoel",
    RelationToWij.CLIENT,
    "Gezondheid, sport",
    40,
)

STAFF_SECRETARY = ("secretaris@example.org", "Joyce Meijer", 36)

BOARD = [
    ("bestuurder@example.org", "Hans Wieringa", BoardPositionKind.BOARD_MEMBER, 48),
    ("directeur@example.org", "Petra Zijlstra", BoardPositionKind.DIRECTOR, 24),
]

ADMINISTRATOR = ("beheerder@example.org", "Bram Koster")

PERSONAS = [
    ("beheerder", "beheerder@example.org", "administrator (Django admin)"),
    ("secretaris", "secretaris@example.org", "ambtelijk secretaris (staff, no term)"),
    ("voorzitter", "voorzitter@example.org", "chair, member in a 2nd term"),
    ("lid", "lid@example.org", "member, declaration signed"),
    ("lid_ongetekend", "lid-ongetekend@example.org", "appointed, declaration not signed"),
    ("oud_lid", "oud-lid@example.org", "former member"),
    ("bestuurder", "bestuurder@example.org", "board member (bestuurder)"),
    ("directeur", "directeur@example.org", "director (directeur)"),
]


def _new_user(email, name, **fields):
    """Create the account, or None when it already exists (then it is left as it is)."""
    if User.objects.filter(email__iexact=email).exists():
        return None
    return User.objects.create_user(email, PASSWORD, name=name, **fields)


def _sign(person, day):
    text = DeclarationText.objects.get(version=DECLARATION_VERSION)
    signed_at = timezone.make_aware(datetime.datetime.combine(day, datetime.time(10, 0)))
    ConfidentialityDeclaration.objects.create(person=person, text=text, signed_at=signed_at)


def load(*, stdout):
    month = timezone.localdate().replace(day=1)

    def months_ago(months):
        return add_months(month, -months)

    created = 0
    for email, name, place, relation, expertise, starts, signed, office in COUNCIL:
        person = _new_user(
            email, name, neighbourhood=place, relation_to_wij=relation, expertise=expertise
        )
        if person is None:
            continue
        created += 1
        term = services.term_appoint(person=person, start=months_ago(starts[0]))
        if len(starts) > 1:
            term = services.term_reappoint(person=person)
        if signed:
            _sign(person, months_ago(starts[0]))
        if office:
            services.office_grant(person=person, office=office, start=term.start)

    email, name, place, relation, expertise, start = FORMER_MEMBER
    person = _new_user(
        email, name, neighbourhood=place, relation_to_wij=relation, expertise=expertise
    )
    if person is not None:
        created += 1
        services.term_appoint(person=person, start=months_ago(start))
        _sign(person, months_ago(start))

    email, name, start = STAFF_SECRETARY
    person = _new_user(email, name)
    if person is not None:
        created += 1
        services.office_grant(
            person=person, office=OfficeRole.STAFF_SECRETARY, start=months_ago(start)
        )

    for email, name, kind, start in BOARD:
        person = _new_user(email, name)
        if person is not None:
            created += 1
            services.board_position_grant(person=person, kind=kind, start=months_ago(start))

    email, name = ADMINISTRATOR
    if not User.objects.filter(email__iexact=email).exists():
        created += 1
        User.objects.create_superuser(email, PASSWORD, name=name)

    for person in User.objects.all():
        if mfa_required(person) and not has_authenticator(person):
            TOTP.activate(person, DEMO_TOTP_SECRET)
            RecoveryCodes.activate(person)

    stdout.write(f"Members: {created} demo accounts created.")
    stdout.write(f"Persona accounts (password for every demo account: {PASSWORD}):")
    for persona, email, description in PERSONAS:
        stdout.write(f"  {persona:<15} {email:<28} {description}")
    stdout.write(
        "Two-step verification is required for the secretary, board users and the "
        "administrator.\n"
        f"Add this secret to an authenticator app (time-based, 6 digits): {DEMO_TOTP_SECRET}\n"
        f"  or open: otpauth://totp/WIJ-raad:demo?secret={DEMO_TOTP_SECRET}&issuer=WIJ-raad\n"
        "Without an app, print the current code with:\n"
        "  DEBUG=1 .venv/bin/python manage.py demo_totp_code"
    )
