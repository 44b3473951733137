import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from year.tests.factories import PDF


@pytest.fixture
def login(client):
    def log_in(user):
        client.force_login(user)
        return client

    return log_in


@pytest.fixture
def pdf_upload():
    def make(name="cv.pdf", content=PDF):
        return SimpleUploadedFile(name, content, content_type="application/pdf")

    return make
