"""One object of every searchable kind and level, each with the word "telefoon", and who may open
it. Shared by the search tests and the permission matrix (search/tests/matrix.py)."""

import datetime

from django.utils import timezone

from advice.models import DossierKind, DossierState
from advice.tests.factories import (
    AdoptedAdviceFactory,
    DossierDocumentFactory,
    DossierFactory,
)
from meetings.models import MeetingKind, MeetingState, Minutes, MinutesState
from meetings.tests.factories import AgendaDocumentFactory, AgendaItemFactory, MeetingFactory
from members.tests.factories import DocumentFactory, UserFactory
from signals.tests.factories import SignalFactory
from wijraad.models import Visibility

WORD = "telefoon"
COUNCIL = {"lid", "voorzitter", "secretaris"}
CHAIR = {"voorzitter", "secretaris"}
BOARD = COUNCIL | {"bestuurder"}
EVERYONE = {
    "anoniem",
    "lid",
    "lid_ongetekend",
    "oud_lid",
    "voorzitter",
    "secretaris",
    "bestuurder",
    "beheerder",
}


def make_world():
    """Title -> the personas who may find it."""
    out = timezone.now() - datetime.timedelta(days=1)
    council = MeetingFactory(
        title="Raadsvergadering telefoon", agenda_published_at=out, state=MeetingState.HELD
    )
    consultation = MeetingFactory(
        kind=MeetingKind.CONSULTATION, title="Overleg telefoon", agenda_published_at=out
    )
    AgendaItemFactory(
        meeting=consultation, title="Punt telefoon bestuur", visibility=Visibility.BOARD
    )
    AgendaItemFactory(meeting=council, title="Punt telefoon raad", visibility=Visibility.COUNCIL)
    # A restricted item in a meeting every member sees: neither its title nor its text shows.
    AgendaItemFactory(
        meeting=council,
        title="Punt telefoon vertrouwelijk",
        description="Geheime telefoon afspraak",
        visibility=Visibility.RESTRICTED,
    )
    Minutes.objects.create(meeting=council, state=MinutesState.DRAFT, general="Telefoon concept")
    DocumentFactory(title="Regeling telefoon openbaar", visibility=Visibility.PUBLIC)
    DocumentFactory(title="Stuk telefoon bestuur", visibility=Visibility.BOARD)
    DocumentFactory(title="Stuk telefoon raad", visibility=Visibility.COUNCIL)
    DocumentFactory(title="Stuk telefoon beperkt", visibility=Visibility.RESTRICTED)
    DossierFactory(
        title="Eigen advies telefoon",
        kind=DossierKind.UNREQUESTED,
        visibility=Visibility.COUNCIL,
        state=DossierState.IN_PREPARATION,
    )
    request = DossierFactory(title="Adviesaanvraag telefoon", visibility=Visibility.BOARD)
    DossierDocumentFactory(dossier=request, title="Bijlage telefoon bestuur")
    DossierDocumentFactory(
        dossier=request, title="Bijlage telefoon raad", visibility=Visibility.COUNCIL
    )
    # A paper the chair and secretary see, on an item every member sees.
    AgendaDocumentFactory(
        agenda_item=AgendaItemFactory(meeting=council, title="Punt zonder woord"),
        title="Stuk telefoon vertrouwelijk",
        visibility=Visibility.RESTRICTED,
    )
    published = AdoptedAdviceFactory(
        dossier__title="Gepubliceerd advies telefoon",
        dossier__visibility=Visibility.COUNCIL,
        dossier__kind=DossierKind.UNREQUESTED,
    ).dossier
    published.published_at = timezone.now()
    published.save()
    SignalFactory(story="Ik stond lang in de wacht bij de telefoon.")
    UserFactory(name="Piet Telefoon")
    return [
        ("meeting", "Raadsvergadering telefoon", COUNCIL),
        ("meeting", "Overleg telefoon", BOARD),
        ("agenda_item", "Punt telefoon bestuur", BOARD),
        ("agenda_item", "Punt telefoon raad", COUNCIL),
        ("agenda_item", "Punt telefoon vertrouwelijk", CHAIR),
        ("minutes", "Raadsvergadering telefoon", CHAIR),
        ("document", "Regeling telefoon openbaar", EVERYONE),
        ("document", "Stuk telefoon bestuur", BOARD),
        ("document", "Stuk telefoon raad", COUNCIL),
        ("document", "Stuk telefoon beperkt", CHAIR),
        ("dossier", "Eigen advies telefoon", COUNCIL),
        ("dossier", "Adviesaanvraag telefoon", BOARD),
        ("dossier_document", "Bijlage telefoon bestuur", BOARD),
        ("dossier_document", "Bijlage telefoon raad", COUNCIL),
        ("paper", "Stuk telefoon vertrouwelijk", CHAIR),
        # Members and the secretary find the dossier itself, everyone else its public summary.
        ("dossier", "Gepubliceerd advies telefoon", COUNCIL),
        ("published_advice", "Gepubliceerd advies telefoon", EVERYONE - COUNCIL),
        ("signal", "", COUNCIL),
        ("person", "Piet Telefoon", {"secretaris"}),
    ]


def expected_for(world, persona):
    return sorted((kind, label) for kind, label, who in world if persona in who)


PERSONAS_ORDER = sorted(EVERYONE)
