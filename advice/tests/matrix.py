"""The advice app's part of the permission matrix (see wijraad.testing.matrix).

Who sees what: members and the secretary every dossier of their levels; board users their own
requests and what was sent to them, never a council-internal dossier (404) and never drafts,
versions or comments (404, even of their own request); the unsigned member, the former member
and the administrator nothing (lists 403, a dossier 404). The public page is for everyone.
"""

import datetime

from django.utils import timezone

from advice.models import (
    AnswerPosition,
    BoardAnswer,
    ConsentOutcome,
    Dossier,
    DossierKind,
    DossierState,
    DraftComment,
    DraftVersion,
    Topic,
)
from advice.tests.factories import (
    AdoptedAdviceFactory,
    BoardAnswerFactory,
    DossierDocumentFactory,
    DossierFactory,
    DraftCommentFactory,
    DraftVersionFactory,
    ReplacementConsentFactory,
    TopicFactory,
)
from wijraad.models import Visibility
from wijraad.testing.matrix import ALLOWED, Route, everyone, logged_in

INTERNAL_TITLE = "Matrix-ongevraagd-intern"
REQUEST_TITLE = "Matrix-adviesaanvraag"

SEES_DOSSIERS = logged_in(403, lid=200, voorzitter=200, secretaris=200, bestuurder=200)
SECRETARY_ONLY = logged_in(403, secretaris=200)
BOARD_ONLY = logged_in(403, bestuurder=200)
CHAIR_AND_SECRETARY = logged_in(403, voorzitter=200, secretaris=200)
POST_ONLY = logged_in(405)
# A dossier the board may see (its own request): nobody outside council and board sees it.
BOARD_DOSSIER = logged_in(404, lid=200, voorzitter=200, secretaris=200, bestuurder=200)
COUNCIL_DOSSIER = logged_in(404, lid=200, voorzitter=200, secretaris=200)
# The council's own work: 404 to the board as to everyone outside the council.
DRAFTS = COUNCIL_DOSSIER
MANAGE = logged_in(404, lid=403, voorzitter=200, secretaris=200, bestuurder=403)
MANAGE_POST = logged_in(404, lid=403, voorzitter=ALLOWED, secretaris=ALLOWED, bestuurder=403)
BOARD_ACTS = logged_in(404, lid=403, voorzitter=403, secretaris=403, bestuurder=200)
BOARD_ACTS_POST = logged_in(404, lid=403, voorzitter=403, secretaris=403, bestuurder=ALLOWED)


def objects(personas, made):
    today = timezone.localdate()
    topic = TopicFactory(name="Matrix-onderwerp")
    internal = DossierFactory(
        title=INTERNAL_TITLE,
        kind=DossierKind.UNREQUESTED,
        visibility=Visibility.COUNCIL,
        state=DossierState.IN_PREPARATION,
        topic=topic,
        year=today.year,
        requested_on=today,
        advice_due=today + datetime.timedelta(weeks=6),
    )
    request = DossierFactory(
        title=REQUEST_TITLE,
        state=DossierState.IN_PREPARATION,
        topic=topic,
        requested_by=personas["bestuurder"],
    )
    first = DraftVersionFactory(dossier=request, number=1, text="Eerste")
    second = DraftVersionFactory(dossier=request, number=2, text="Tweede")
    comment = DraftCommentFactory(version=second, author=personas["lid"])
    document = DossierDocumentFactory(dossier=request)
    sent = AdoptedAdviceFactory(
        dossier__state=DossierState.SENT,
        dossier__topic=topic,
        dossier__sent_at=timezone.now(),
        dossier__answer_due=today + datetime.timedelta(weeks=4),
    ).dossier
    answered = BoardAnswerFactory(dossier__topic=topic).dossier
    AdoptedAdviceFactory(dossier=answered)
    consent = AdoptedAdviceFactory(
        dossier__kind=DossierKind.CONSENT,
        dossier__state=DossierState.SENT,
        dossier__topic=topic,
        dossier__sent_at=timezone.now(),
        consent=ConsentOutcome.REFUSED,
    ).dossier
    ReplacementConsentFactory(dossier=consent)
    return {
        "topic": topic,
        "internal": internal,
        "request": request,
        "first": first,
        "second": second,
        "comment": comment,
        "document": document,
        "sent": sent,
        "answered": answered,
        "consent": consent,
    }


def pk_of(key):
    return lambda o: {"pk": o[key].pk}


def dossiers_state(objects):
    return (
        list(Dossier.objects.order_by("pk").values_list("pk", "state", "revision", "published_at")),
        Topic.objects.count(),
        list(Topic.objects.order_by("pk").values_list("is_active", flat=True)),
        DraftVersion.objects.count(),
        DraftComment.objects.count(),
        BoardAnswer.objects.count(),
    )


REQUEST_DATA = lambda o: {  # noqa: E731 - a table of small lambdas reads best here
    "kind": DossierKind.REQUESTED,
    "title": "Matrix-verzoek",
    "topic": o["topic"].pk,
    "board_question": "Wat vindt u?",
    "intended_decision": "Besluiten.",
    "requested_on": timezone.localdate().isoformat(),
}

ROUTES = [
    Route(
        "advice:list",
        get=SEES_DOSSIERS,
        absent={"bestuurder": lambda o: INTERNAL_TITLE},
        present={"bestuurder": lambda o: REQUEST_TITLE, "lid": lambda o: INTERNAL_TITLE},
    ),
    Route("advice:published", get=everyone(200)),
    Route(
        "advice:topics",
        get=SECRETARY_ONLY,
        post=logged_in(403, secretaris=ALLOWED),
        data=lambda o: {"name": "Matrix-nieuw"},
        snapshot=dossiers_state,
    ),
    Route(
        "advice:submit",
        get=BOARD_ONLY,
        post=logged_in(403, bestuurder=ALLOWED),
        data=REQUEST_DATA,
        snapshot=dossiers_state,
    ),
    Route(
        "advice:register",
        get=SECRETARY_ONLY,
        post=logged_in(403, secretaris=ALLOWED),
        data=REQUEST_DATA,
        snapshot=dossiers_state,
    ),
    Route(
        "advice:open",
        get=CHAIR_AND_SECRETARY,
        post=logged_in(403, voorzitter=ALLOWED, secretaris=ALLOWED),
        data=REQUEST_DATA,
        snapshot=dossiers_state,
    ),
    Route("advice:detail", kwargs=pk_of("internal"), get=COUNCIL_DOSSIER),
    Route(
        "advice:withdraw",
        kwargs=pk_of("request"),
        get=POST_ONLY,
        post=logged_in(404, lid=403, voorzitter=ALLOWED, secretaris=ALLOWED, bestuurder=ALLOWED),
        data=lambda o: {"reason": "Niet meer nodig", "revision": o["request"].revision},
        snapshot=dossiers_state,
    ),
    Route(
        "advice:close",
        kwargs=pk_of("answered"),
        get=POST_ONLY,
        post=MANAGE_POST,
        snapshot=dossiers_state,
    ),
    Route(
        "advice:working_group",
        kwargs=pk_of("request"),
        get=MANAGE,
        post=MANAGE_POST,
        snapshot=dossiers_state,
    ),
    Route(
        "advice:agenda",
        kwargs=pk_of("request"),
        get=MANAGE,
        post=MANAGE_POST,
        snapshot=dossiers_state,
    ),
    Route(
        "advice:extend",
        kwargs=pk_of("request"),
        get=MANAGE,
        post=MANAGE_POST,
        data=lambda o: {"deadline": "advice", "new_date": "2099-01-01", "reason": "Afgesproken"},
        snapshot=lambda o: list(Dossier.objects.values_list("pk", "advice_due")),
    ),
    Route(
        "advice:document_add",
        kwargs=pk_of("request"),
        get=MANAGE,
        post=MANAGE_POST,
        snapshot=lambda o: o["request"].documents.count(),
    ),
    # A download answers with the file itself (a streaming response), which the harness does not
    # read: the persona table DOWNLOADS is checked, closing each file, in test_downloads.py.
    Route("advice:document", kwargs=pk_of("document")),
    Route(
        "advice:publish",
        kwargs=pk_of("sent"),
        get=POST_ONLY,
        post=logged_in(404, lid=403, voorzitter=ALLOWED, secretaris=ALLOWED, bestuurder=403),
        data=lambda o: {"publish": "1"},
        snapshot=dossiers_state,
    ),
    # The council's own work, of the board's own request: 404 to the board.
    Route(
        "advice:drafts",
        kwargs=pk_of("request"),
        get=DRAFTS,
        post=logged_in(404, lid=ALLOWED, voorzitter=ALLOWED, secretaris=ALLOWED),
        data=lambda o: {"text": "Derde", "revision": o["request"].revision},
        snapshot=dossiers_state,
    ),
    Route("advice:version", kwargs=pk_of("first"), get=DRAFTS),
    Route(
        "advice:diff",
        kwargs=lambda o: {"pk": o["second"].pk, "other": o["first"].pk},
        get=DRAFTS,
    ),
    Route(
        "advice:comment_add",
        kwargs=pk_of("second"),
        get=POST_ONLY,
        post=logged_in(404, lid=ALLOWED, voorzitter=ALLOWED, secretaris=ALLOWED),
        data=lambda o: {"text": "Een reactie"},
        snapshot=dossiers_state,
    ),
    Route(
        "advice:comment",
        kwargs=pk_of("comment"),
        get=logged_in(404, lid=302, voorzitter=302, secretaris=302),
    ),
    Route(
        "advice:adopt",
        kwargs=pk_of("request"),
        get=logged_in(404, lid=403, voorzitter=200, secretaris=200),
        post=logged_in(404, lid=403, voorzitter=ALLOWED, secretaris=ALLOWED),
        snapshot=dossiers_state,
    ),
    Route(
        "advice:send",
        kwargs=pk_of("request"),
        get=POST_ONLY,
        post=MANAGE_POST,
        snapshot=dossiers_state,
    ),
    # The board's side.
    Route(
        "advice:answer",
        kwargs=pk_of("sent"),
        get=BOARD_ACTS,
        post=BOARD_ACTS_POST,
        data=lambda o: {"position": AnswerPosition.FOLLOWS, "text": "Wij volgen het advies."},
        snapshot=dossiers_state,
    ),
    Route(
        "advice:answer_correct",
        kwargs=pk_of("answered"),
        get=BOARD_ACTS,
        post=BOARD_ACTS_POST,
        data=lambda o: {"position": AnswerPosition.FOLLOWS, "text": "Correctie."},
        snapshot=dossiers_state,
    ),
    Route(
        "advice:replacement_consent",
        kwargs=pk_of("consent"),
        get=logged_in(404, lid=403, voorzitter=403, secretaris=200, bestuurder=200),
        post=logged_in(404, lid=403, voorzitter=403, secretaris=ALLOWED, bestuurder=ALLOWED),
        snapshot=dossiers_state,
    ),
    Route("advice:replacement_document", kwargs=pk_of("consent")),
    Route(
        "advice:carried_out",
        kwargs=pk_of("consent"),
        get=BOARD_ACTS,
        post=BOARD_ACTS_POST,
        snapshot=dossiers_state,
    ),
    Route("advice:letter", kwargs=pk_of("sent"), get=BOARD_DOSSIER),
    Route("advice:letter_pdf", kwargs=pk_of("sent"), get=BOARD_DOSSIER),
]
