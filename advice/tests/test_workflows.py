"""Every edge of the dossier transitions table, through the one transition service, and every
move that is not an edge refused."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from advice import services
from advice.models import (
    DOSSIER_TRANSITIONS,
    EDGES_NOT_FOR_KIND,
    DossierKind,
    DossierState,
    DossierStateChange,
)
from advice.tests.factories import AdoptedAdviceFactory, BoardAnswerFactory, DossierFactory

EDGES = [
    (kind, source, target)
    for kind in DossierKind
    for source, targets in DOSSIER_TRANSITIONS.items()
    for target in sorted(targets)
    if (source, target) not in EDGES_NOT_FOR_KIND.get(kind, set())
]
NON_EDGES = [
    (kind, source, target)
    for kind in DossierKind
    for source in DossierState
    for target in DossierState
    if (kind, source, target) not in EDGES
]


def prepare(dossier, target):
    """What must be recorded before the dossier may move to `target`."""
    if target == DossierState.ADOPTED:
        AdoptedAdviceFactory(dossier=dossier)
    if target == DossierState.ANSWERED:
        BoardAnswerFactory(dossier=dossier)
    if target == DossierState.CLOSED and dossier.is_consent:
        dossier.decision_carried_out_on = timezone.localdate()
        dossier.save()


@pytest.mark.parametrize(("kind", "source", "target"), EDGES)
def test_every_edge(db, secretaris, kind, source, target):
    dossier = DossierFactory(kind=kind, state=source)
    prepare(dossier, target)
    reason = "Het bestuur ziet ervan af." if target == DossierState.WITHDRAWN else ""
    moved = services.dossier_transition(dossier=dossier, to=target, by=secretaris, reason=reason)
    assert moved.state == target
    change = DossierStateChange.objects.get(dossier=dossier)
    assert (change.from_state, change.to_state, change.by) == (source, target, secretaris)
    assert change.reason == reason


@pytest.mark.parametrize(("kind", "source", "target"), NON_EDGES)
def test_every_other_move_is_refused(db, secretaris, kind, source, target):
    dossier = DossierFactory(kind=kind, state=source)
    prepare(dossier, target)
    with pytest.raises(ValidationError) as refusal:
        services.dossier_transition(dossier=dossier, to=target, by=secretaris, reason="x")
    assert refusal.value.code == "transition_not_allowed"
    dossier.refresh_from_db()
    assert dossier.state == source
    assert not DossierStateChange.objects.filter(dossier=dossier).exists()


@pytest.mark.parametrize(
    ("source", "target", "code"),
    [
        (DossierState.IN_PREPARATION, DossierState.ADOPTED, "not_adopted"),
        (DossierState.SENT, DossierState.ANSWERED, "not_answered"),
    ],
)
def test_a_move_needs_its_record(db, secretaris, source, target, code):
    dossier = DossierFactory(state=source)
    with pytest.raises(ValidationError) as refusal:
        services.dossier_transition(dossier=dossier, to=target, by=secretaris)
    assert refusal.value.code == code


def test_a_consent_request_closes_only_once_carried_out(db, secretaris):
    dossier = DossierFactory(kind=DossierKind.CONSENT, state=DossierState.SENT)
    with pytest.raises(ValidationError) as refusal:
        services.dossier_transition(dossier=dossier, to=DossierState.CLOSED, by=secretaris)
    assert refusal.value.code == "not_carried_out"


def test_withdrawing_needs_a_reason(db, secretaris):
    dossier = DossierFactory(state=DossierState.IN_PREPARATION)
    with pytest.raises(ValidationError) as refusal:
        services.dossier_transition(dossier=dossier, to=DossierState.WITHDRAWN, by=secretaris)
    assert "reason" in refusal.value.error_dict
    dossier.refresh_from_db()
    assert dossier.state == DossierState.IN_PREPARATION


def test_a_stale_form_changes_nothing(db, secretaris):
    dossier = DossierFactory(state=DossierState.RECEIVED, revision=3)
    with pytest.raises(ValidationError) as refusal:
        services.dossier_transition(
            dossier=dossier, to=DossierState.WITHDRAWN, by=secretaris, reason="x", revision=2
        )
    assert refusal.value.code == "stale"
    dossier.refresh_from_db()
    assert dossier.state == DossierState.RECEIVED


def test_the_clock_days_left(db):
    dossier = DossierFactory(
        state=DossierState.IN_PREPARATION, advice_due=datetime.date(2027, 2, 16)
    )
    assert dossier.advice_days_left(datetime.date(2027, 2, 10)) == 6
    assert dossier.advice_overdue(datetime.date(2027, 2, 17))
    assert dossier.answer_days_left() is None
