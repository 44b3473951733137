"""The document library in real Chromium: the secretary uploads (a renamed program is refused),
members download, a former member and a board user cannot open a council document (404)."""

import pytest
from django.urls import reverse

from members.models import Document
from members.tests.factories import PDF, DocumentFactory
from wijraad.models import DownloadLog, Visibility
from wijraad.testing.browser import assert_accessible

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("private_root"),
]

EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\0" * 64 + b"PE\0\0"


def fill_document(page, *, title, name, content):
    page.get_by_label("Titel").fill(title)
    page.get_by_label("Soort document").select_option(label="Reglement")
    page.get_by_label("Wie het mag zien").select_option(label="Raad: leden en secretaris")
    page.set_input_files(
        "#id_upload", files=[{"name": name, "mimeType": "application/pdf", "buffer": content}]
    )
    page.get_by_role("button", name="Document toevoegen").click()


def test_the_secretary_uploads_and_a_renamed_program_is_refused(
    page, login_as, secretaris, private_root
):
    login_as(secretaris)
    page.goto(reverse("members:documents"))
    assert_accessible(page)
    page.get_by_role("link", name="Document toevoegen").click()
    page.wait_for_url("**/leden/documenten/toevoegen/")
    assert_accessible(page)

    fill_document(page, title="Stiekem programma", name="agenda.pdf", content=EXE)
    assert "Dit soort bestand is niet toegestaan" in page.locator("main").inner_text()
    assert_accessible(page)
    assert not Document.objects.exists()
    assert not private_root.exists() or not any(private_root.rglob("*.pdf"))

    fill_document(page, title="Huishoudelijk reglement", name="reglement.pdf", content=PDF)
    page.wait_for_url("**/leden/documenten/*/")
    assert "Het document is toegevoegd." in page.locator(".messages").inner_text()
    assert "Raad: leden en secretaris" in page.locator("main").inner_text()
    assert_accessible(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="Downloaden Huishoudelijk reglement").click()
    assert download.value.suggested_filename == "reglement.pdf"

    page.get_by_role("link", name="Wie het heeft gedownload").click()
    assert "Joyce Meijer" in page.locator("main").inner_text()
    assert_accessible(page)
    assert DownloadLog.objects.count() == 1


@pytest.mark.parametrize("persona", ["oud_lid", "bestuurder"])
def test_a_council_document_is_not_found_for(page, login_as, personas, persona):
    document = DocumentFactory(title="Vertrouwelijk verslag", visibility=Visibility.COUNCIL)
    login_as(personas[persona])
    for name in ("members:document", "members:document_download"):
        response = page.goto(reverse(name, args=[document.pk]))
        assert response.status == 404
        assert "Deze pagina is niet gevonden" in page.locator("h1").inner_text()
    assert_accessible(page)
    page.goto(reverse("members:documents"))
    assert "Vertrouwelijk verslag" not in page.locator("main").inner_text()
    assert_accessible(page)
    assert not DownloadLog.objects.exists()


def test_visitors_see_the_public_documents(page):
    DocumentFactory(title="Jaarverslag 2025", visibility=Visibility.PUBLIC)
    DocumentFactory(title="Huishoudelijk reglement", visibility=Visibility.COUNCIL)
    page.goto(reverse("members:documents"))
    main = page.locator("main").inner_text()
    assert "Jaarverslag 2025" in main
    assert "Huishoudelijk reglement" not in main
    assert_accessible(page)
    page.get_by_role("link", name="Jaarverslag 2025", exact=True).click()
    assert_accessible(page)


def test_the_secretarys_document_pages_are_accessible(page, login_as, secretaris):
    document = DocumentFactory(title="Werkplan 2026", description="Drie thema's.")
    login_as(secretaris)
    for name in ("members:document_edit", "members:document_delete", "members:document_log"):
        page.goto(reverse(name, args=[document.pk]))
        assert_accessible(page)
    page.goto(reverse("members:document_delete", args=[document.pk]))
    page.get_by_role("button", name="Document verwijderen").click()
    page.wait_for_url("**/leden/documenten/")
    assert "is verwijderd" in page.locator(".messages").inner_text()
    assert not Document.objects.exists()
