"""Shared set-up of the signals tests."""

import pytest

from signals.tests.factories import SignalThemeFactory
from wijraad.testing.public_forms import solved_challenge


@pytest.fixture
def theme(db):
    return SignalThemeFactory(name="Bereikbaarheid en wachttijd")


@pytest.fixture
def solved():
    """A solved proof-of-work payload, as the browser script makes it."""
    return solved_challenge


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
