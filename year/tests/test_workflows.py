"""Every edge of the application procedure, and every edge that is not one."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from members.models import Term
from year import services
from year.models import APPLICATION_TRANSITIONS, ApplicationState, ApplicationStateChange
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
