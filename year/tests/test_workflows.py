"""Every edge of the application procedure and of a hiring panel, and every edge that is not one."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from members.models import Term
from year import services
from year.models import (
    APPLICATION_TRANSITIONS,
    HIRING_PANEL_TRANSITIONS,
    Application,
    ApplicationState,
    ApplicationStateChange,
    HiringPanel,
    HiringPanelState,
    HiringPanelStateChange,
)
from year.tests.factories import ApplicationFactory

EDGES = [(a, b) for a, targets in APPLICATION_TRANSITIONS.items() for b in targets]
NOT_EDGES = [
    (a, b)
    for a in ApplicationState
    for b in ApplicationState
    if b not in APPLICATION_TRANSITIONS[a]
]


@pytest.mark.parametrize(("source", "target"), EDGES)
def test_every_edge_moves_and_is_recorded(db, private_root, secretaris, source, target):
    application = ApplicationFactory(state=source)
    start = timezone.localdate() + datetime.timedelta(days=30)
    services.application_transition(
        application=application, to_state=target, start=start, note="stap", by=secretaris
    )
    application.refresh_from_db()
    assert application.state == target
    change = ApplicationStateChange.objects.get(application=application)
    assert (change.from_state, change.to_state, change.by, change.note) == (
        source,
        target,
        secretaris,
        "stap",
    )
    assert (application.closed_at is not None) == (target in ApplicationState.closed())
    if target == ApplicationState.APPOINTED:
        assert Term.objects.filter(person=application.person, start=start, ordinal=1).exists()


@pytest.mark.parametrize(("source", "target"), NOT_EDGES)
def test_every_other_move_is_refused(db, private_root, secretaris, source, target):
    application = ApplicationFactory(state=source)
    with pytest.raises(ValidationError):
        services.application_transition(
            application=application, to_state=target, start=timezone.localdate(), by=secretaris
        )
    application.refresh_from_db()
    assert application.state == source
    assert not ApplicationStateChange.objects.exists()


PANEL_EDGES = [(a, b) for a, targets in HIRING_PANEL_TRANSITIONS.items() for b in targets]
PANEL_NOT_EDGES = [
    (a, b)
    for a in HiringPanelState
    for b in HiringPanelState
    if b not in HIRING_PANEL_TRANSITIONS[a]
]


@pytest.mark.parametrize(("source", "target"), PANEL_EDGES)
def test_every_hiring_panel_edge_moves_and_is_recorded(db, secretaris, lid, source, target):
    panel = HiringPanel.objects.create(position="Teamleider", state=source)
    services.hiring_panel_transition(
        panel=panel,
        to_state=target,
        participants=[lid],
        outcome="Aangenomen",
        note="stap",
        by=secretaris,
    )
    panel.refresh_from_db()
    assert panel.state == target
    change = HiringPanelStateChange.objects.get(panel=panel)
    assert (change.from_state, change.to_state, change.by, change.note) == (
        source,
        target,
        secretaris,
        "stap",
    )
    if target == HiringPanelState.ACCEPTED:
        assert list(panel.participants.all()) == [lid]
    if target == HiringPanelState.TOOK_PLACE:
        assert panel.outcome == "Aangenomen"


@pytest.mark.parametrize(("source", "target"), PANEL_NOT_EDGES)
def test_every_other_hiring_panel_move_is_refused(db, secretaris, lid, source, target):
    panel = HiringPanel.objects.create(position="Teamleider", state=source)
    with pytest.raises(ValidationError):
        services.hiring_panel_transition(
            panel=panel, to_state=target, participants=[lid], outcome="x", by=secretaris
        )
    panel.refresh_from_db()
    assert panel.state == source
    assert not HiringPanelStateChange.objects.exists()


def test_accepting_names_members_and_took_place_needs_the_outcome(
    db, secretaris, lid, oud_lid, bestuurder
):
    panel = HiringPanel.objects.create(position="Teamleider")
    for participants in ([], [oud_lid], [lid, bestuurder]):
        with pytest.raises(ValidationError):
            services.hiring_panel_transition(
                panel=panel, to_state="accepted", participants=participants, by=secretaris
            )
    services.hiring_panel_transition(
        panel=panel, to_state="accepted", participants=[lid], by=secretaris
    )
    with pytest.raises(ValidationError):
        services.hiring_panel_transition(
            panel=panel, to_state="took_place", outcome="  ", by=secretaris
        )
    panel.refresh_from_db()
    assert panel.state == "accepted"
    assert HiringPanelStateChange.objects.count() == 1


def test_a_note_is_made_at_the_step_the_application_is_at(db, private_root, secretaris):
    application = ApplicationFactory()
    stale = Application.objects.get(pk=application.pk)
    services.application_transition(
        application=application, to_state=ApplicationState.CALL_PLANNED, by=secretaris
    )
    note = services.application_note_add(application=stale, text="Gebeld", by=secretaris)
    assert note.state == ApplicationState.CALL_PLANNED
