"""Security review (issue 12): what the members app answers over HTTP."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from members import services
from members.models import User

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


def test_single_line_fields_lose_line_breaks_text_areas_keep_them(
    client, secretaris, django_capture_on_commit_callbacks
):
    """A CR/LF in a name could start a new header in the invitation e-mail."""
    client.force_login(secretaris)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("members:person_add"),
            {
                "name": "Klaas Bos\r\nBcc: x@example.org",
                "email": "klaas.bos@example.org",
                "preferred_language": "nl",
                "neighbourhood": "Beijum\r\n\x07",
                "expertise": "Wonen\r\nSchulden",
                "relation_to_wij": "unknown",
            },
        )
    assert response.status_code == 302
    person = User.objects.get(email="klaas.bos@example.org")
    assert person.name == "Klaas Bos Bcc: x@example.org"
    assert person.neighbourhood == "Beijum"
    assert person.expertise == "Wonen\r\nSchulden"
    assert "\n" not in mail.outbox[-1].message()["To"]

    response = client.post(
        reverse("members:person_edit", args=[person.pk]),
        {"name": "Klaas\rBos", "neighbourhood": "Beijum", "relation_to_wij": "unknown"},
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.name == "Klaas Bos"


def test_a_name_of_only_control_characters_is_refused(client, secretaris):
    client.force_login(secretaris)
    response = client.post(
        reverse("members:person_add"),
        {"name": "\x07\x08", "email": "leeg@example.org", "preferred_language": "nl"},
    )
    assert response.status_code == 200
    assert not User.objects.filter(email="leeg@example.org").exists()
