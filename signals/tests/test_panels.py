"""The dashboard panel: open signals by state, for the council only, at a constant cost."""

import pytest
from django.urls import reverse

from signals.models import SignalState
from signals.tests.factories import SignalFactory

pytestmark = pytest.mark.django_db


def test_the_council_sees_open_signals_by_state(client, lid, assert_constant_queries):
    SignalFactory.create_batch(2, state=SignalState.TRIAGE)
    client.force_login(lid)
    response = assert_constant_queries(
        lambda: client.get(reverse("dashboard")),
        expected=8,  # with the meetings' panels (one query for both), the year app's (one)
        add_rows=lambda n: SignalFactory.create_batch(n),
    )
    html = response.content.decode()
    assert "Signalen van bewoners" in html
    assert "Wordt bekeken: 2" in html
    assert "Signalen lezen" in html


def test_the_board_gets_no_signals_panel(client, bestuurder):
    client.force_login(bestuurder)
    assert "Signalen van bewoners" not in client.get(reverse("dashboard")).content.decode()
