"""Factories for advice. They write rows directly to set the scene; to test a rule, go through
advice.services."""

import datetime

import factory
from factory.django import DjangoModelFactory

from advice.models import (
    AdoptedAdvice,
    BoardAnswer,
    Dossier,
    DossierDocument,
    DossierKind,
    DossierState,
    DraftComment,
    DraftVersion,
    ReplacementConsent,
    Topic,
)
from meetings.models import MeetingKind, MeetingState
from meetings.tests.factories import MeetingFactory
from wijraad.models import Visibility


class TopicFactory(DjangoModelFactory):
    class Meta:
        model = Topic
        django_get_or_create = ["name"]

    name = "Privacy"


class DossierFactory(DjangoModelFactory):
    class Meta:
        model = Dossier

    kind = DossierKind.REQUESTED
    year = 2027
    number = factory.Sequence(lambda n: n % 998 + 1)
    title = factory.Sequence(lambda n: f"Nieuw privacybeleid {n}")
    topic = factory.SubFactory(TopicFactory)
    board_question = "Wat vindt de raad van het nieuwe privacybeleid?"
    intended_decision = "Het privacybeleid vaststellen."
    visibility = Visibility.BOARD
    state = DossierState.RECEIVED
    requested_on = datetime.date(2027, 1, 5)
    advice_due = datetime.date(2027, 2, 16)


class DraftVersionFactory(DjangoModelFactory):
    class Meta:
        model = DraftVersion

    dossier = factory.SubFactory(DossierFactory, state=DossierState.IN_PREPARATION)
    number = factory.Sequence(lambda n: n + 1)
    text = "De raad adviseert het beleid aan te passen."


class DraftCommentFactory(DjangoModelFactory):
    class Meta:
        model = DraftComment

    version = factory.SubFactory(DraftVersionFactory)
    text = "Graag korter."


class AdoptedAdviceFactory(DjangoModelFactory):
    class Meta:
        model = AdoptedAdvice

    dossier = factory.SubFactory(DossierFactory, state=DossierState.ADOPTED)
    version = factory.SubFactory(DraftVersionFactory, dossier=factory.SelfAttribute("..dossier"))
    text = factory.SelfAttribute("version.text")
    reasons = "Omdat inwoners dat willen."
    summary = "De raad vindt dat het beter kan."
    meeting = factory.SubFactory(MeetingFactory, kind=MeetingKind.COUNCIL, state=MeetingState.HELD)


class BoardAnswerFactory(DjangoModelFactory):
    class Meta:
        model = BoardAnswer

    dossier = factory.SubFactory(DossierFactory, state=DossierState.ANSWERED)
    position = "follows"
    text = "Het bestuur neemt het advies over."


PDF = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
DOCUMENT_NAME = "advice/dossierdocument/test-document.pdf"


def stored_document(name=DOCUMENT_NAME):
    """One small PDF in the private storage, shared by the rows that point at it."""
    from django.core.files.base import ContentFile

    storage = DossierDocument._meta.get_field("file").storage
    if not storage.exists(name):
        storage.save(name, ContentFile(PDF))
    return name


class DossierDocumentFactory(DjangoModelFactory):
    class Meta:
        model = DossierDocument

    dossier = factory.SubFactory(DossierFactory)
    title = factory.Sequence(lambda n: f"Beleidsnotitie {n}")
    visibility = Visibility.BOARD
    file = factory.LazyFunction(lambda: stored_document())
    original_name = "notitie.pdf"
    size = len(PDF)
    content_type = "application/pdf"


class ReplacementConsentFactory(DjangoModelFactory):
    class Meta:
        model = ReplacementConsent

    dossier = factory.SubFactory(DossierFactory, kind=DossierKind.CONSENT)
    decided_on = datetime.date(2027, 3, 1)
    file = factory.LazyFunction(lambda: stored_document())
    original_name = "besluit-cvv.pdf"
    size = len(PDF)
    content_type = "application/pdf"
