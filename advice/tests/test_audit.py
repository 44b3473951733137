"""The audit log of dossiers, adopted advice and answers: the actor is `by`, the text masked."""

import pytest
from auditlog.models import LogEntry

from advice import services
from advice.models import DossierKind, DossierState
from advice.tests.factories import DossierFactory

pytestmark = pytest.mark.django_db


def last_entry(obj):
    return LogEntry.objects.get_for_object(obj).order_by("-pk").first()


def test_a_dossier_names_who_changed_it_and_hides_its_text(bestuurder, secretaris, topic):
    dossier = services.dossier_create(
        kind=DossierKind.REQUESTED,
        title="Geheime reorganisatie",
        topic=topic,
        by=bestuurder,
        board_question="Mogen we twee locaties sluiten?",
    )
    entry = last_entry(dossier)
    assert entry.actor == bestuurder
    assert "Geheime reorganisatie" not in str(entry.changes_dict)
    assert "Geheime reorganisatie" not in entry.object_repr
    services.dossier_transition(
        dossier=dossier, to=DossierState.WITHDRAWN, by=secretaris, reason="Niet meer nodig"
    )
    entry = last_entry(dossier)
    assert (entry.actor, "state" in entry.changes_dict) == (secretaris, True)


def test_an_answer_names_the_board_user(bestuurder):
    dossier = DossierFactory(state=DossierState.SENT, kind=DossierKind.REQUESTED)
    answer = services.answer_give(dossier=dossier, position="follows", text="Ja", by=bestuurder)
    entry = last_entry(answer)
    assert entry.actor == bestuurder
    assert "Ja" not in str(entry.changes_dict.get("text"))
