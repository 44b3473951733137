"""Shared set-up of the meetings tests."""

import datetime

import pytest
from django.utils import timezone

from meetings.tests.factories import LocationFactory


@pytest.fixture
def location(db):
    return LocationFactory(name="WIJ Oosterpark", address="Oosterparkweg 100, Groningen")


@pytest.fixture
def soon():
    """A Tuesday a few weeks from today."""
    day = timezone.localdate() + datetime.timedelta(days=21)
    return day + datetime.timedelta(days=(1 - day.weekday()) % 7)


@pytest.fixture
def login(client):
    def log_in(user):
        client.force_login(user)
        return client

    return log_in


@pytest.fixture
def papers_root(private_root):
    """The meeting papers' folder: the one private_root of wijraad.testing.files."""
    return private_root
