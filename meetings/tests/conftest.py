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
def papers_root(settings, tmp_path, monkeypatch):
    """Meeting papers in a temporary folder, uploads too (the storage of the file field is made
    once, when the model is defined, so it is replaced here)."""
    from meetings.models import AgendaDocument
    from wijraad.files import PrivateStorage

    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.FILE_UPLOAD_TEMP_DIR = str(tmp_path / "uploads")
    (tmp_path / "uploads").mkdir(exist_ok=True)
    monkeypatch.setattr(AgendaDocument._meta.get_field("file"), "storage", PrivateStorage())
    return settings.PRIVATE_MEDIA_ROOT
