"""The dashboard: each role sees what is due for it, with a constant number of queries."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from advice.models import DossierKind, DossierState
from advice.tests.factories import DossierFactory
from wijraad.models import Visibility

pytestmark = pytest.mark.django_db


def test_the_council_sees_advice_to_prepare(login, lid):
    DossierFactory(title="Voor te bereiden", state=DossierState.IN_PREPARATION)
    page = login(lid).get(reverse("dashboard")).content.decode()
    assert "Voor te bereiden" in page


def test_the_board_sees_what_waits_for_its_answer_not_council_work(login, bestuurder):
    DossierFactory(title="Wacht op antwoord", state=DossierState.SENT, sent_at=timezone.now())
    DossierFactory(
        title="Intern onderwerp",
        kind=DossierKind.UNREQUESTED,
        visibility=Visibility.COUNCIL,
        state=DossierState.IN_PREPARATION,
    )
    page = login(bestuurder).get(reverse("dashboard")).content.decode()
    assert "Wacht op antwoord" in page
    assert "Intern onderwerp" not in page


def test_the_secretary_sees_late_answers(login, secretaris):
    DossierFactory(
        title="Te laat",
        state=DossierState.SENT,
        sent_at=timezone.now(),
        answer_due=timezone.localdate() - datetime.timedelta(days=1),
    )
    page = login(secretaris).get(reverse("dashboard")).content.decode()
    assert "Te laat" in page


@pytest.mark.parametrize("persona", ["lid", "bestuurder", "secretaris"])
def test_the_dashboard_asks_the_same_queries_for_5_and_50(
    request, login, persona, assert_constant_queries
):
    client = login(request.getfixturevalue(persona))
    client.get(reverse("dashboard"))  # warm the session
    # One query more for the council: the signals app's panel (open signals by state).
    # The meetings' "Next meetings" and "Will you come?" (lid, bestuurder) share one query, and
    # the secretary has a to-do panel; for a member also the year app's allowance and
    # hiring-panel panels (year.panels, one query for both). The secretary's panels read the
    # council's rules once (wijraad.dashboard.per_request).
    expected = {"lid": 8, "bestuurder": 6, "secretaris": 20}[persona]

    def add(n):
        DossierFactory.create_batch(n, state=DossierState.IN_PREPARATION)
        DossierFactory.create_batch(n, state=DossierState.SENT, sent_at=timezone.now())

    assert_constant_queries(
        lambda: client.get(reverse("dashboard")), expected=expected, add_rows=add
    )
