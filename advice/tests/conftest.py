"""Shared set-up of the advice tests."""

import pytest

from advice.tests.factories import TopicFactory


@pytest.fixture
def topic(db):
    return TopicFactory(name="Privacy")


@pytest.fixture
def login(client):
    def log_in(user):
        client.force_login(user)
        return client

    return log_in


@pytest.fixture
def advice_root(private_root):
    """The dossier documents' folder: the one private_root of wijraad.testing.files."""
    return private_root


PDF = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


@pytest.fixture
def pdf_upload():
    from django.core.files.uploadedfile import SimpleUploadedFile

    def make(name="besluit.pdf", content=PDF):
        return SimpleUploadedFile(name, content, content_type="application/pdf")

    return make
