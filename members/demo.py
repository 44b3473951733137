"""Demo people and documents: a council of twelve with staggered terms (so the term schedule shows
its warnings), a former member, the staff secretary, two board users, a person who is invited but
not appointed yet, the administrator, and the council's standing documents at every visibility
level. Loaded by `manage.py demo_data` (DEBUG only).

Idempotent: a person whose account exists, or a document whose title exists, is left alone. Dates
are relative to the day of the first load, so the personas have their roles on that day and for
months after.
"""

import datetime
import textwrap

from allauth.account.models import EmailAddress
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from members import services
from members.dates import add_months
from members.middleware import has_authenticator, mfa_required
from members.models import (
    BoardPositionKind,
    ConfidentialityDeclaration,
    DeclarationText,
    Document,
    DocumentCategory,
    OfficeRole,
    RelationToWij,
    User,
)
from wijraad.models import DownloadLog, Visibility

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

# Members whose seats fall free next year, whatever the month of loading: with the others ending
# next year that is more than a third of the seats (the continuity warning).
# (e-mail, name, neighbourhood, relation to WIJ, expertise, month their seat falls free)
NEXT_YEAR_LEAVERS = [
    (
        "hilde.brouwer@example.org",
        "Hilde Brouwer",
        "Helpman",
        RelationToWij.VOLUNTEER,
        "Digitale vaardigheden, toegankelijke informatie",
        9,
    ),
    (
        "rik.jansen@example.org",
        "Rik Jansen",
        "Zuidhorn",
        RelationToWij.CLIENT,
        "Werk, participatie, laaggeletterdheid",
        3,
    ),
]

# Added and invited, not appointed yet: the secretary's next step is on her page.
INVITED = ("femke.deboer@example.org", "Femke de Boer", "Paddepoel", "Vrijwilligerswerk, taal")

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


def _phone(number):
    """A demo mobile number (06 followed by eight digits)."""
    return f"06 {1000 + number * 37:04d} {5000 + number * 53:04d}"


def load(*, stdout):
    month = timezone.localdate().replace(day=1)

    def months_ago(months):
        return add_months(month, -months)

    created = 0
    for number, (email, name, place, relation, expertise, starts, signed, office) in enumerate(
        COUNCIL
    ):
        person = _new_user(
            email,
            name,
            neighbourhood=place,
            relation_to_wij=relation,
            expertise=expertise,
            phone=_phone(number),
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

    today = timezone.localdate()
    for number, (email, name, place, relation, expertise, leaves) in enumerate(
        NEXT_YEAR_LEAVERS, start=len(COUNCIL)
    ):
        person = _new_user(
            email,
            name,
            neighbourhood=place,
            relation_to_wij=relation,
            expertise=expertise,
            phone=_phone(number),
        )
        if person is not None:
            created += 1
            start = datetime.date(today.year - 2, leaves, 1)
            services.term_appoint(person=person, start=start)
            _sign(person, start)

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
        # The staff secretary too sees confidential material only after signing.
        _sign(person, months_ago(start))

    for email, name, kind, start in BOARD:
        person = _new_user(email, name)
        if person is not None:
            created += 1
            services.board_position_grant(person=person, kind=kind, start=months_ago(start))

    email, name, place, expertise = INVITED
    if not User.objects.filter(email__iexact=email).exists():
        created += 1
        services.person_invite(
            email=email,
            name=name,
            neighbourhood=place,
            expertise=expertise,
            relation_to_wij=RelationToWij.CLIENT,
            by=User.objects.filter(email__iexact=STAFF_SECRETARY[0]).first(),
        )

    email, name = ADMINISTRATOR
    if not User.objects.filter(email__iexact=email).exists():
        created += 1
        User.objects.create_superuser(email, PASSWORD, name=name)

    for person in User.objects.all():
        if person.has_usable_password():
            # As if they had accepted an invitation: the address is confirmed, so they can log in.
            EmailAddress.objects.update_or_create(
                user=person, email=person.email, defaults={"verified": True, "primary": True}
            )
        if mfa_required(person) and not has_authenticator(person):
            TOTP.activate(person, DEMO_TOTP_SECRET)
            RecoveryCodes.activate(person)

    stdout.write(f"Members: {created} demo accounts created.")
    stdout.write(f"Members: {_load_documents()} demo documents added.")
    _load_downloads()
    stdout.write(f"Persona accounts (password for every demo account: {PASSWORD}):")
    for persona, email, description in PERSONAS:
        stdout.write(f"  {persona:<15} {email:<28} {description}")
    stdout.write(
        "Two-step verification is required for the secretary, the chair, board users and the "
        "administrator.\n"
        f"Add this secret to an authenticator app (time-based, 6 digits): {DEMO_TOTP_SECRET}\n"
        f"  or open: otpauth://totp/WIJ-raad:demo?secret={DEMO_TOTP_SECRET}&issuer=WIJ-raad\n"
        "Without an app, print the current code with:\n"
        "  DEBUG=1 .venv/bin/python manage.py demo_totp_code"
    )


# --- Documents -----------------------------------------------------------------------------------

# (title, category, visibility, description, text of the PDF)
DOCUMENTS = [
    (
        "Reglement WIJ-raad",
        DocumentCategory.REGULATION,
        Visibility.PUBLIC,
        "Hoe de WIJ-raad is samengesteld, hoe leden worden benoemd en waarover de raad adviseert.",
        [
            "De WIJ-raad is de cliëntenraad van WIJ Groningen. De raad bestaat uit vijf tot "
            "dertien leden, die voor drie jaar worden benoemd en één keer herbenoembaar zijn.",
            "De raad adviseert de raad van bestuur gevraagd en ongevraagd over alles wat van "
            "belang is voor de inwoners die WIJ ondersteunt.",
            "De raad vergadert minstens tien keer per jaar, en minstens zes keer per jaar met de "
            "raad van bestuur in een overlegvergadering.",
        ],
    ),
    (
        "Huishoudelijk reglement WIJ-raad",
        DocumentCategory.REGULATION,
        Visibility.COUNCIL,
        "Afspraken over vergaderen, besluiten, rolverdeling en de vrijwilligersvergoeding.",
        [
            "Een vergadering is besluitvormend als meer dan de helft van de leden aanwezig is.",
            "Besluiten worden genomen met een gewone meerderheid van stemmen.",
            "Agenda en stukken gaan uiterlijk zeven dagen voor de vergadering naar de leden.",
        ],
    ),
    (
        "Samenwerkingsafspraken WIJ-raad en raad van bestuur",
        DocumentCategory.REGULATION,
        Visibility.BOARD,
        "Hoe de raad van bestuur advies vraagt, welke termijnen gelden en hoe het overleg loopt.",
        [
            "De raad van bestuur vraagt advies voordat hij besluit, met een redelijke termijn "
            "van in de regel zes weken.",
            "De raad van bestuur antwoordt schriftelijk binnen vier weken. Wijkt hij af van het "
            "advies, dan licht hij dat toe en overlegt hij eerst met de WIJ-raad.",
        ],
    ),
    (
        "Geheimhoudingsverklaring WIJ-raad (versie 2026-1)",
        DocumentCategory.CONFIDENTIALITY,
        Visibility.COUNCIL,
        "De tekst die elk lid tekent voordat het vertrouwelijke stukken ziet.",
        [
            "Wat ik in de WIJ-raad hoor of lees en vertrouwelijk is, vertel ik aan niemand buiten "
            "de WIJ-raad.",
            "Deze plicht blijft gelden als mijn lidmaatschap voorbij is.",
        ],
    ),
    (
        "Werkplan {year}",
        DocumentCategory.WORK_PLAN,
        Visibility.BOARD,
        "De thema's en activiteiten van de raad dit jaar, gedeeld met de raad van bestuur.",
        [
            "Thema 1: bereikbaarheid en ontvangst op de WIJ-locaties.",
            "Thema 2: informatie aan inwoners in begrijpelijke taal.",
            "Thema 3: privacy en zorgvuldig omgaan met gegevens van inwoners.",
        ],
    ),
    (
        "Jaarverslag {last_year}",
        DocumentCategory.ANNUAL_REPORT,
        Visibility.PUBLIC,
        "Wat de WIJ-raad vorig jaar deed: vergaderingen, adviezen en werkbezoeken.",
        [
            "De raad vergaderde twaalf keer en had zeven overlegvergaderingen met de raad van "
            "bestuur.",
            "De raad bracht vier adviezen uit, waarvan één ongevraagd, over de bereikbaarheid "
            "van de WIJ-locaties.",
        ],
    ),
    (
        "Notitie werving nieuwe leden",
        DocumentCategory.OTHER,
        Visibility.RESTRICTED,
        "Voorbereiding van de voorzitter en de secretaris voor de werving van volgend jaar.",
        [
            "Volgend jaar lopen meerdere zittingstermijnen af. Begin op tijd met werven.",
            "Let bij de werving op spreiding over wijken en dorpen en op ervaring met WIJ.",
        ],
    ),
]


def demo_pdf(title, paragraphs):
    """A small, valid one-page PDF (A4, Helvetica) with a title and a few paragraphs."""

    def text(value):
        escaped = value.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        return escaped.encode("cp1252", errors="replace")

    lines = [b"BT", b"/F1 16 Tf", b"72 770 Td", b"(" + text(title) + b") Tj", b"/F1 11 Tf"]
    for paragraph in paragraphs:
        lines.append(b"0 -22 Td")
        for number, line in enumerate(textwrap.wrap(paragraph, 90)):
            if number:
                lines.append(b"0 -15 Td")
            lines.append(b"(" + text(line) + b") Tj")
    lines.append(b"ET")
    stream = b"\n".join(lines)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Title (" + text(title) + b") /Producer (WIJ-raad demo) >>",
    ]
    pdf = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        pdf += b"%010d 00000 n \n" % offset
    pdf += b"trailer\n<< /Size %d /Root 1 0 R /Info 6 0 R >>\n" % (len(objects) + 1)
    pdf += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(pdf)


def _load_documents():
    today = timezone.localdate()
    secretary = User.objects.filter(email__iexact=STAFF_SECRETARY[0]).first()
    added = 0
    for title, category, visibility, description, paragraphs in DOCUMENTS:
        title = title.format(year=today.year, last_year=today.year - 1)
        if Document.objects.filter(title=title).exists():
            continue
        file_name = title.lower().replace(" ", "-").replace("(", "").replace(")", "") + ".pdf"
        services.document_add(
            upload=SimpleUploadedFile(
                file_name, demo_pdf(title, paragraphs), content_type="application/pdf"
            ),
            title=title,
            description=description,
            category=category,
            visibility=visibility,
            by=secretary,
        )
        added += 1
    return added


# Who read which document, so the secretary's download log shows something: (e-mail, title, days
# ago). Written as the download itself would (wijraad.files.private_file_response).
DOWNLOADS = [
    ("voorzitter@example.org", "Huishoudelijk reglement WIJ-raad", 20),
    ("lid@example.org", "Huishoudelijk reglement WIJ-raad", 12),
    ("marieke.bos@example.org", "Geheimhoudingsverklaring WIJ-raad (versie 2026-1)", 9),
    ("bestuurder@example.org", "Samenwerkingsafspraken WIJ-raad en raad van bestuur", 5),
    ("voorzitter@example.org", "Notitie werving nieuwe leden", 2),
]


def _load_downloads():
    documents = {document.title: document for document in Document.objects.all()}
    meta = Document._meta
    logged = DownloadLog.objects.filter(
        content_type__app_label=meta.app_label, content_type__model=meta.model_name
    )
    if logged.exists():
        return
    now = timezone.now()
    for email, title, days in DOWNLOADS:
        document = documents.get(title)
        user = User.objects.filter(email__iexact=email).first()
        if document is None or user is None:
            continue
        DownloadLog.objects.create(
            user=user,
            subject=document,
            file_name=document.original_name,
            visibility=document.visibility,
            downloaded_at=now - datetime.timedelta(days=days, hours=days % 5),
        )
