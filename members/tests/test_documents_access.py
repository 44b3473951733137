"""Who may open and download which document: the four visibility levels per persona, a former
member's old link, visitors who are not logged in, and what the download log records."""

import datetime

import pytest
import time_machine
from django.contrib.auth.models import AnonymousUser
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from members import services
from members.dates import add_years
from members.models import Document
from members.tests.factories import PDF, DocumentFactory, UserFactory, seated_person
from wijraad.models import DownloadLog, Visibility
from wijraad.testing.matrix import LOGIN, PERSONAS

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("private_root")]

# What each persona gets on the download of a document of each level (the permission matrix
# checks the pages; a download answers with the file, so it is checked here).
DOWNLOADS = {
    Visibility.PUBLIC: dict.fromkeys(PERSONAS, 200),
    Visibility.BOARD: {
        "anoniem": LOGIN,
        "lid": 200,
        "lid_ongetekend": 404,
        "oud_lid": 404,
        "voorzitter": 200,
        "secretaris": 200,
        "bestuurder": 200,
        "beheerder": 404,
    },
    Visibility.COUNCIL: {
        "anoniem": LOGIN,
        "lid": 200,
        "lid_ongetekend": 404,
        "oud_lid": 404,
        "voorzitter": 200,
        "secretaris": 200,
        "bestuurder": 404,
        "beheerder": 404,
    },
    Visibility.RESTRICTED: {
        "anoniem": LOGIN,
        "lid": 404,
        "lid_ongetekend": 404,
        "oud_lid": 404,
        "voorzitter": 200,
        "secretaris": 200,
        "bestuurder": 404,
        "beheerder": 404,
    },
}


def get(user, url):
    client = Client()
    if user is not None:
        client.force_login(user)
    response = client.get(url)
    if response.streaming:
        # Reading the file through closes the response as a web server does.
        response.body = b"".join(response.streaming_content)
    return response


def answer(response):
    if response.status_code == 302 and response["Location"].startswith(reverse("account_login")):
        return LOGIN
    return response.status_code


@pytest.mark.parametrize("level", list(Visibility), ids=str)
def test_each_persona_downloads_what_its_role_reaches(personas, level):
    document = DocumentFactory(title="Stuk", visibility=level)
    wrong = []
    for name, expected in DOWNLOADS[level].items():
        for url_name in ("members:document", "members:document_download"):
            response = get(personas[name], reverse(url_name, args=[document.pk]))
            if answer(response) != expected:
                wrong.append(f"{url_name} as {name}: {answer(response)}, want {expected}")
    assert not wrong, "\n".join(wrong)


def test_a_download_is_an_attachment_with_the_original_name(lid):
    document = DocumentFactory(title="Huishoudelijk reglement", visibility=Visibility.COUNCIL)
    response = get(lid, reverse("members:document_download", args=[document.pk]))
    assert response.body == PDF
    assert response["Content-Disposition"].startswith("attachment;")
    assert "Huishoudelijk reglement.pdf" in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"]
    log = DownloadLog.objects.get()
    assert (log.user, log.subject, log.visibility) == (lid, document, Visibility.COUNCIL)


def test_a_visitor_gets_the_login_page_for_any_hidden_or_unknown_document():
    hidden = DocumentFactory(visibility=Visibility.COUNCIL)
    for pk in (hidden.pk, hidden.pk + 1000):
        response = get(None, reverse("members:document", args=[pk]))
        assert answer(response) == LOGIN
        assert f"next=/leden/documenten/{pk}/" in response["Location"]


def test_a_former_members_old_link_answers_404_from_the_day_the_term_ended():
    def at(day, time):
        return time_machine.travel(
            timezone.make_aware(datetime.datetime.combine(day, time)), tick=False
        )

    with at(datetime.date(2026, 1, 15), datetime.time(12, 0)):
        person = seated_person(start=datetime.date(2023, 5, 1))
    term = person.terms.get()  # the last day is 30 April 2026; the seat is free on 1 May
    document = DocumentFactory(title="Vertrouwelijk verslag", visibility=Visibility.COUNCIL)
    urls = [
        reverse(name, args=[document.pk])
        for name in ("members:document", "members:document_download")
    ]
    with at(term.last_day, datetime.time(23, 59)):
        assert [get(person, url).status_code for url in urls] == [200, 200]
    with at(term.end, datetime.time(0, 1)):
        assert [get(person, url).status_code for url in urls] == [404, 404]
        library = get(person, reverse("members:documents")).content.decode()
        assert "Vertrouwelijk verslag" not in library


def test_visible_to_follows_the_roles(personas):
    for level in Visibility:
        DocumentFactory(title=f"stuk-{level}", visibility=level)
    seen = {
        name: set(
            Document.objects.visible_to(user or AnonymousUser()).values_list(
                "visibility", flat=True
            )
        )
        for name, user in personas.items()
    }
    assert seen == {
        name: {level for level, table in DOWNLOADS.items() if table[name] == 200}
        for name in PERSONAS
    }


NEW_PERMISSIONS = [
    "members.view_people",
    "members.view_people_details",
    "members.view_person",
    "members.view_contact_details",
    "members.view_personal_details",
    "members.change_personal_details",
    "members.view_declarations",
    "members.manage_people",
    "members.sign_declaration",
    "members.view_term_schedule",
    "members.download_document",
    "members.manage_documents",
    "members.view_download_log",
]


def test_the_administrator_has_none_of_the_councils_permissions(beheerder, lid):
    document = DocumentFactory(visibility=Visibility.COUNCIL)
    for permission in NEW_PERMISSIONS:
        for obj in (None, lid, document):
            if permission == "members.download_document" and obj is lid:
                continue
            assert not beheerder.has_perm(permission, obj), (permission, obj)


def test_a_person_with_a_coming_term_sees_public_documents_only():
    person = UserFactory()
    services.term_appoint(person=person, start=add_years(timezone.localdate(), 1))
    DocumentFactory(title="Openbaar", visibility=Visibility.PUBLIC)
    DocumentFactory(title="Raad", visibility=Visibility.COUNCIL)
    assert list(Document.objects.visible_to(person).values_list("title", flat=True)) == ["Openbaar"]
