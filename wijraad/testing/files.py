"""One temporary private folder for every app's private files (wijraad.models.PrivateFile)."""

import pytest


@pytest.fixture
def private_root(settings, tmp_path, monkeypatch):
    """Private files (library documents, meeting papers) in a temporary folder, uploads too.

    A FileField calls its storage callable once, when the model is defined; the file field of
    every PrivateFile model gets a storage on the moved folder as well, so saving and serving use
    the same place. Found through the app registry: the ground floor imports no app.
    """
    from django.apps import apps

    from wijraad.files import PrivateStorage
    from wijraad.models import PrivateFile

    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.FILE_UPLOAD_TEMP_DIR = str(tmp_path / "uploads")
    (tmp_path / "uploads").mkdir(exist_ok=True)
    for model in apps.get_models():
        if issubclass(model, PrivateFile):
            monkeypatch.setattr(model._meta.get_field("file"), "storage", PrivateStorage())
    return settings.PRIVATE_MEDIA_ROOT


def close_download(response):
    """Close a streamed answer (a download) as the test client would, without ending the test's
    database connection: closing fires request_finished, whose close_old_connections would end
    the connection and the test's transaction with it."""
    from django.core.signals import request_finished
    from django.db import close_old_connections

    request_finished.disconnect(close_old_connections)
    try:
        response.close()
    finally:
        request_finished.connect(close_old_connections)
