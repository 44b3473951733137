"""Security review (issue 12): what the members app answers over HTTP."""

import re

import pytest
from django.core import mail

from members import services

pytestmark = pytest.mark.django_db


def no_store(response):
    directives = {part.strip() for part in response.get("Cache-Control", "").split(",")}
    return {"no-store", "private"} <= directives


def invitation_path(secretaris, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.person_invite(email="klaas.bos@example.org", name="Klaas Bos", by=secretaris)
    link = re.search(r"https?://\S+/leden/uitnodiging/\S+/", mail.outbox[-1].body).group(0)
    return "/" + link.split("/", 3)[3]


def test_the_invitation_page_is_not_kept_in_a_cache(
    client, secretaris, django_capture_on_commit_callbacks
):
    """The personal link is opened before logging in, often on a shared computer."""
    path = invitation_path(secretaris, django_capture_on_commit_callbacks)
    page = client.get(path)
    assert page.status_code == 200
    assert no_store(page)
    # A refused link too (here: a password that is too short shows the form again).
    assert no_store(client.post(path, {"new_password1": "kort", "new_password2": "kort"}))
    assert no_store(client.get("/leden/uitnodiging/onbekend/"))
