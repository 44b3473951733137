"""Shared set-up of the signals tests."""

import altcha
import pytest

from signals import services
from signals.tests.factories import SignalThemeFactory


@pytest.fixture
def theme(db):
    return SignalThemeFactory(name="Bereikbaarheid en wachttijd")


@pytest.fixture
def solved():
    """A solved proof-of-work payload, as the browser script makes it."""

    def make():
        challenge = services.challenge_new()
        solution = altcha.solve_challenge_v1(
            challenge["challenge"],
            challenge["salt"],
            challenge["algorithm"],
            challenge["maxNumber"],
        )
        return altcha.PayloadV1(
            challenge["algorithm"],
            challenge["challenge"],
            solution.number,
            challenge["salt"],
            challenge["signature"],
        ).to_base64()

    return make


@pytest.fixture
def form_data(theme, solved):
    def make(**overrides):
        import uuid

        data = {
            "theme": theme.pk,
            "story": "De wachttijd bij het loket was twee uur.",
            "intake_key": str(uuid.uuid4()),
            "altcha": solved(),
        }
        data.update(overrides)
        return data

    return make
