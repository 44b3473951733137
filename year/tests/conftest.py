import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from wijraad.testing.public_forms import solved_challenge
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


@pytest.fixture
def solved():
    """A solved proof-of-work payload for a public form, as the browser script makes it."""
    return solved_challenge


@pytest.fixture
def send_now(settings):
    """The delivery ledger's send task runs at once (on commit), as a worker would."""
    settings.CELERY_TASK_ALWAYS_EAGER = True
