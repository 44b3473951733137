"""The members app's part of the permission matrix (see wijraad.testing.matrix).

Who sees whom: the council's circle (members who signed, the chair, the secretary) everyone with
a place in or around the council; board users the current members' names and roles; everyone
else only themselves. Documents by visibility level: public (everyone), board (council and
board), council (members and secretary), restricted (chair and secretary).
"""

from django.core.files.base import ContentFile

from members import services
from members.models import (
    BoardPosition,
    ConfidentialityDeclaration,
    CouncilRules,
    DeclarationText,
    Document,
    DocumentCategory,
    Invitation,
    MailPreference,
    Office,
    OfficeRole,
    Term,
    User,
)
from wijraad.files import private_storage
from wijraad.models import Visibility
from wijraad.testing.matrix import ALLOWED, Route, everyone, logged_in

SECRETARY_ONLY = logged_in(403, secretaris=200)
SECRETARY_POSTS = logged_in(403, secretaris=ALLOWED)

DOCUMENT_TITLES = {
    Visibility.PUBLIC: "Matrix-jaarverslag",
    Visibility.BOARD: "Matrix-samenwerkingsafspraken",
    Visibility.COUNCIL: "Matrix-huishoudelijk-reglement",
    Visibility.RESTRICTED: "Matrix-wervingsnotitie",
}
PUBLIC, BOARD, COUNCIL, RESTRICTED = (DOCUMENT_TITLES[level] for level in Visibility)
MATRIX_FILE = "members/document/matrix.pdf"
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"

# A person's page, or an action on them, for someone the persona sees (403) or does not (404).
# The subject is `lid`: a current member, so board users see them in the list (403 here).
ABOUT_LID = logged_in(404, lid=403, voorzitter=403, bestuurder=403, secretaris=200)
ABOUT_LID_POST = logged_in(404, lid=403, voorzitter=403, bestuurder=403, secretaris=ALLOWED)
# A council document: members and the secretary see it; the board, the unsigned member, the
# former member and the administrator get 404.
COUNCIL_DOCUMENT = logged_in(404, lid=200, voorzitter=200, secretaris=200)
COUNCIL_DOCUMENT_SECRETARY = logged_in(404, lid=403, voorzitter=403, secretaris=200)
COUNCIL_DOCUMENT_SECRETARY_POST = logged_in(404, lid=403, voorzitter=403, secretaris=ALLOWED)


def objects(personas, made):
    invited = services.person_invite(email="uitgenodigd@example.org", name="Geertje Uitgenodigd")
    storage = private_storage()
    if not storage.exists(MATRIX_FILE):
        storage.save(MATRIX_FILE, ContentFile(PDF))
    documents = {
        level: Document.objects.create(
            title=title,
            category=DocumentCategory.REGULATION,
            visibility=level,
            file=MATRIX_FILE,
            original_name=f"{title}.pdf",
            size=len(PDF),
            content_type="application/pdf",
            uploaded_by=personas["secretaris"],
        )
        for level, title in DOCUMENT_TITLES.items()
    }
    lid = personas["lid"]
    return {
        "invited": invited,
        "documents": documents,
        "lid": lid,
        "term": lid.terms.get(),
        "chair_office": personas["voorzitter"].offices.get(role=OfficeRole.CHAIR),
        "board_position": personas["bestuurder"].board_positions.get(),
    }


def invitation_state(objects):
    return sorted(Invitation.objects.values_list("pk", "revoked_at", "used_at"))


def person_state(objects):
    return User.objects.filter(pk=objects["lid"].pk).values_list(
        "name", "phone", "neighbourhood", "expertise", "relation_to_wij"
    )[0]


def account_state(objects):
    return User.objects.filter(pk=objects["lid"].pk).values_list("email", "is_active")[0]


def periods_state(objects):
    return (
        list(Term.objects.order_by("pk").values_list("pk", "start", "end")),
        list(Office.objects.order_by("pk").values_list("pk", "role", "start", "end")),
        list(BoardPosition.objects.order_by("pk").values_list("pk", "start", "end")),
    )


def documents_state(objects):
    return list(Document.objects.order_by("pk").values_list("pk", "title", "visibility"))


def council_document(objects):
    return {"pk": objects["documents"][Visibility.COUNCIL].pk}


def lid_page(objects):
    return {"pk": objects["lid"].pk}


ROUTES = [
    Route("members:account", get=logged_in(200)),
    # Everyone with an account chooses their own e-mails; a visitor is sent to log in.
    Route(
        "members:mail_preferences",
        get=logged_in(200),
        post=logged_in(ALLOWED),
        data=lambda o: {"frequency": "weekly"},
        snapshot=lambda o: list(MailPreference.objects.values_list("user_id", "frequency")),
    ),
    Route(
        "members:invitations",
        get=SECRETARY_ONLY,
        present={"secretaris": lambda o: "Geertje Uitgenodigd"},
    ),
    # The invited person has no place in the council yet: only the secretary sees them, everyone
    # else gets 404 (as for an id nobody has).
    Route(
        "members:invitation_resend",
        kwargs=lambda o: {"pk": o["invited"].pk},
        get=logged_in(405),
        post=logged_in(404, secretaris=ALLOWED),
        snapshot=invitation_state,
    ),
    # The link in the e-mail: a token nobody here holds answers 410 with a clear message.
    Route(
        "members:invitation_accept",
        kwargs=lambda o: {"token": "geen-geldige-token"},
        get=logged_in(410, anoniem=410),
        post=logged_in(410, anoniem=410),
        data=lambda o: {
            "new_password1": "een-lang-wachtwoord",
            "new_password2": "een-lang-wachtwoord",
        },
        snapshot=invitation_state,
    ),
    # --- People ------------------------------------------------------------------------------
    # Board users see the current members' names and roles: no former members, no contact data.
    # Members do not see someone without a place in the council (an invited person).
    Route(
        "members:people",
        get=logged_in(403, lid=200, voorzitter=200, secretaris=200, bestuurder=200),
        absent={
            "bestuurder": lambda o: "Trijntje Veenstra",
            "lid": lambda o: "Geertje Uitgenodigd",
            "voorzitter": lambda o: "Geertje Uitgenodigd",
        },
        present={
            "bestuurder": lambda o: "Sander de Vries",
            "lid": lambda o: "Trijntje Veenstra",
            "secretaris": lambda o: "Geertje Uitgenodigd",
        },
    ),
    # The address list: the council's circle; a former member's contact details never.
    Route(
        "members:addresses",
        get=logged_in(403, lid=200, voorzitter=200, secretaris=200),
        absent={"lid": lambda o: "oud-lid@example.org", "secretaris": lambda o: "Trijntje"},
        present={"lid": lambda o: "lid@example.org"},
    ),
    Route(
        "members:addresses_csv",
        get=logged_in(403, lid=200, voorzitter=200, secretaris=200),
    ),
    # A second row for a second text the board must not see: the members' contact data.
    Route(
        "members:people",
        query="?contact",
        get=logged_in(403, lid=200, voorzitter=200, secretaris=200, bestuurder=200),
        absent={"bestuurder": lambda o: "lid@example.org"},
        present={"voorzitter": lambda o: "lid@example.org"},
    ),
    # A person's page: their own for everyone; others' for the council's circle. Relation to
    # WIJ (whether someone is a client) only for the secretary and the person.
    Route(
        "members:person",
        kwargs=lid_page,
        get=logged_in(404, lid=200, voorzitter=200, secretaris=200, bestuurder=403),
        absent={"voorzitter": lambda o: "Cliënt van WIJ"},
        present={"secretaris": lambda o: "Cliënt van WIJ", "lid": lambda o: "Cliënt van WIJ"},
    ),
    Route(
        "members:person_add",
        get=SECRETARY_ONLY,
        post=SECRETARY_POSTS,
        data=lambda o: {"name": "Nieuw", "email": "nieuw@example.org", "preferred_language": "nl"},
        snapshot=lambda o: User.objects.count(),
    ),
    Route(
        "members:person_edit",
        kwargs=lid_page,
        get=logged_in(404, lid=200, voorzitter=403, bestuurder=403, secretaris=200),
        post=logged_in(404, lid=ALLOWED, voorzitter=403, bestuurder=403, secretaris=ALLOWED),
        data=lambda o: {"name": "Overgenomen", "phone": "050 000 0000"},
        snapshot=person_state,
    ),
    Route(
        "members:person_email",
        kwargs=lid_page,
        get=ABOUT_LID,
        post=ABOUT_LID_POST,
        data=lambda o: {"email": "overgenomen@example.org"},
        snapshot=account_state,
    ),
    Route(
        "members:person_account",
        kwargs=lid_page,
        get=ABOUT_LID,
        post=ABOUT_LID_POST,
        data=lambda o: {"reason": "Overgenomen"},
        snapshot=account_state,
    ),
    Route(
        "members:person_appoint",
        kwargs=lid_page,
        get=ABOUT_LID,
        post=ABOUT_LID_POST,
        data=lambda o: {"start": "2030-01-01"},
        snapshot=periods_state,
    ),
    Route(
        "members:person_reappoint",
        kwargs=lid_page,
        get=ABOUT_LID,
        post=ABOUT_LID_POST,
        data=lambda o: {"start": "2030-01-01"},
        snapshot=periods_state,
    ),
    Route(
        "members:office_grant",
        kwargs=lid_page,
        get=ABOUT_LID,
        post=ABOUT_LID_POST,
        data=lambda o: {"office": OfficeRole.VICE_CHAIR, "start": "2030-01-01"},
        snapshot=periods_state,
    ),
    Route(
        "members:board_position_grant",
        kwargs=lid_page,
        get=ABOUT_LID,
        post=ABOUT_LID_POST,
        data=lambda o: {"kind": "director", "start": "2040-01-01"},
        snapshot=periods_state,
    ),
    Route(
        "members:term_end",
        kwargs=lambda o: {"pk": o["term"].pk},
        get=ABOUT_LID,
        post=ABOUT_LID_POST,
        data=lambda o: {"on": "2030-01-01", "reason": "Verhuisd"},
        snapshot=periods_state,
    ),
    Route(
        "members:term_withdraw",
        kwargs=lambda o: {"pk": o["term"].pk},
        get=ABOUT_LID,
        post=ABOUT_LID_POST,
        data=lambda o: {"reason": "Vergissing"},
        snapshot=periods_state,
    ),
    Route(
        "members:term_correct",
        kwargs=lambda o: {"pk": o["term"].pk},
        get=ABOUT_LID,
        post=ABOUT_LID_POST,
        data=lambda o: {"start": "2030-01-01"},
        snapshot=periods_state,
    ),
    # The chair's office: the chair is seen by members and board users (a current member).
    Route(
        "members:office_end",
        kwargs=lambda o: {"pk": o["chair_office"].pk},
        get=ABOUT_LID,
        post=ABOUT_LID_POST,
        data=lambda o: {"on": "2030-01-01"},
        snapshot=periods_state,
    ),
    # A board position: the board user sees it (their own: 403), so do members.
    Route(
        "members:board_position_end",
        kwargs=lambda o: {"pk": o["board_position"].pk},
        get=ABOUT_LID,
        post=ABOUT_LID_POST,
        data=lambda o: {"on": "2040-01-01"},
        snapshot=periods_state,
    ),
    # Everyone logged in may read the declaration; only the appointed who did not sign sign it.
    Route(
        "members:declaration",
        get=logged_in(200),
        post=logged_in(403, lid_ongetekend=ALLOWED),
        data=lambda o: {"confirm": "on"},
        snapshot=lambda o: ConfidentialityDeclaration.objects.count(),
    ),
    # Who signed which version: the secretary and the chair.
    Route(
        "members:signatures",
        get=logged_in(403, voorzitter=200, secretaris=200),
        present={"voorzitter": lambda o: "Fatma Yılmaz"},
    ),
    Route(
        "members:declaration_text_add",
        get=SECRETARY_ONLY,
        post=SECRETARY_POSTS,
        data=lambda o: {"version": "2099-1", "body": "Tekst", "in_force_from": "2099-01-01"},
        snapshot=lambda o: list(DeclarationText.objects.values_list("version", flat=True)),
    ),
    # The history (audit log and download log): the secretary and the chair.
    Route(
        "members:history",
        get=logged_in(403, voorzitter=200, secretaris=200),
    ),
    Route(
        "members:history",
        query="?show=downloads",
        get=logged_in(403, voorzitter=200, secretaris=200),
    ),
    # The council's dated rules: the council's circle reads them, the secretary changes them.
    Route(
        "members:council_rules",
        get=logged_in(403, lid=200, voorzitter=200, secretaris=200),
    ),
    Route(
        "members:council_rules_add",
        get=SECRETARY_ONLY,
        post=SECRETARY_POSTS,
        data=lambda o: {"valid_from": "2099-01-01", "max_seats": 11},
        snapshot=lambda o: list(CouncilRules.objects.values_list("valid_from", "max_seats")),
    ),
    Route(
        "members:term_schedule",
        get=logged_in(403, lid=200, voorzitter=200, secretaris=200),
    ),
    # --- Documents ---------------------------------------------------------------------------
    # The library lists what each persona may see: public documents for everyone.
    Route(
        "members:documents",
        get=everyone(200),
        absent={
            "anoniem": lambda o: BOARD,
            "lid": lambda o: RESTRICTED,
            "lid_ongetekend": lambda o: COUNCIL,
            "oud_lid": lambda o: COUNCIL,
            "bestuurder": lambda o: COUNCIL,
            "beheerder": lambda o: BOARD,
        },
        present={
            "anoniem": lambda o: PUBLIC,
            "lid": lambda o: COUNCIL,
            "lid_ongetekend": lambda o: PUBLIC,
            "oud_lid": lambda o: PUBLIC,
            "bestuurder": lambda o: BOARD,
            "voorzitter": lambda o: RESTRICTED,
            "secretaris": lambda o: RESTRICTED,
            "beheerder": lambda o: PUBLIC,
        },
    ),
    Route("members:document", kwargs=council_document, get=COUNCIL_DOCUMENT),
    Route(
        "members:document",
        kwargs=lambda o: {"pk": o["documents"][Visibility.RESTRICTED].pk},
        get=logged_in(404, voorzitter=200, secretaris=200),
    ),
    Route(
        "members:document",
        kwargs=lambda o: {"pk": o["documents"][Visibility.PUBLIC].pk},
        get=everyone(200),
    ),
    # A download answers with the file itself (a streaming response), which this harness does not
    # read yet: the same persona table is checked, closing each file, in
    # members/tests/test_documents_access.py (DOWNLOADS).
    Route("members:document_download", kwargs=council_document),
    Route(
        "members:document_add",
        get=SECRETARY_ONLY,
        post=SECRETARY_POSTS,
        data=lambda o: {"title": "Nieuw", "category": "other", "visibility": "public"},
        snapshot=documents_state,
    ),
    Route(
        "members:document_edit",
        kwargs=council_document,
        get=COUNCIL_DOCUMENT_SECRETARY,
        post=COUNCIL_DOCUMENT_SECRETARY_POST,
        data=lambda o: {"title": "Gewijzigd", "category": "other", "visibility": "public"},
        snapshot=documents_state,
    ),
    Route(
        "members:document_delete",
        kwargs=council_document,
        get=COUNCIL_DOCUMENT_SECRETARY,
        post=COUNCIL_DOCUMENT_SECRETARY_POST,
        snapshot=documents_state,
    ),
    Route("members:document_log", kwargs=council_document, get=COUNCIL_DOCUMENT_SECRETARY),
]
