"""The search app's part of the permission matrix (see wijraad.testing.matrix).

Everyone may search; what each persona finds is the point. Every object below matches the word
"matrixzoek"; the second word of its title (not marked, so found as written) tells them apart:
each persona must not find the most sensitive thing hidden from them, and must find one thing
it may open.
"""

from advice.models import DossierKind, DossierState
from advice.tests.factories import DossierFactory
from members.tests.factories import DocumentFactory, UserFactory
from signals.tests.factories import SignalFactory
from wijraad.models import Visibility
from wijraad.testing.matrix import Route, everyone

PUBLIC = "Kwartelkoning"
BOARD = "Grutto"
COUNCIL = "Tureluur"
RESTRICTED = "Roerdomp"
DRAFT = "Wulp"
STORY = "Ijsvogel"
PERSON = "Matrixzoek Boomvalk"


def objects(personas, made):
    DocumentFactory(title=f"Matrixzoek {PUBLIC}", visibility=Visibility.PUBLIC)
    DocumentFactory(title=f"Matrixzoek {BOARD}", visibility=Visibility.BOARD)
    DocumentFactory(title=f"Matrixzoek {COUNCIL}", visibility=Visibility.COUNCIL)
    DocumentFactory(title=f"Matrixzoek {RESTRICTED}", visibility=Visibility.RESTRICTED)
    DossierFactory(
        title=f"Matrixzoek {DRAFT}",
        kind=DossierKind.UNREQUESTED,
        visibility=Visibility.COUNCIL,
        state=DossierState.IN_PREPARATION,
    )
    SignalFactory(story=f"Matrixzoek {STORY} bij de balie.")
    UserFactory(name=PERSON)
    return {}


def text(value):
    return lambda o: value


ROUTES = [
    Route(
        "search:search",
        query="?q=matrixzoek",
        get=everyone(200),
        absent={
            "anoniem": text(BOARD),
            "lid": text(RESTRICTED),
            "lid_ongetekend": text(COUNCIL),
            "oud_lid": text(COUNCIL),
            "voorzitter": text("Boomvalk"),
            "bestuurder": text(COUNCIL),
            "beheerder": text(BOARD),
        },
        present={
            "anoniem": text(PUBLIC),
            "lid": text(COUNCIL),
            "lid_ongetekend": text(PUBLIC),
            "oud_lid": text(PUBLIC),
            "voorzitter": text(RESTRICTED),
            "secretaris": text("Boomvalk"),
            "bestuurder": text(BOARD),
            "beheerder": text(PUBLIC),
        },
    ),
    # The board never finds a council draft or a signal's story.
    Route(
        "search:search",
        query="?q=matrixzoek&group=advice",
        get=everyone(200),
        absent={"bestuurder": text(DRAFT)},
        present={"lid": text(DRAFT)},
    ),
    Route(
        "search:search",
        query="?q=matrixzoek&group=signals",
        get=everyone(200),
        absent={"bestuurder": text(STORY), "oud_lid": text(STORY)},
        present={"lid": text(STORY)},
    ),
]
