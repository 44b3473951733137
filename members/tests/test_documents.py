"""The document library as the secretary keeps it: upload with a visibility level (bad files are
refused and nothing is stored), change, delete with the file, the download log; and the pages'
query counts."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from members.models import Document, DocumentCategory
from members.tests.factories import PDF, DocumentFactory
from members.views import documents as documents_view
from wijraad.models import DownloadLog, Visibility

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("private_root")]

EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\0" * 64 + b"PE\0\0"
HTML = b"<!doctype html><html><script>alert(1)</script></html>"


def download(client, document):
    """Download the document's file to the end. Reading it through closes the response the way
    a web server does (closing it again would close the test's database connection)."""
    response = client.get(reverse("members:document_download", args=[document.pk]))
    return b"".join(response.streaming_content)


def stored_files(root):
    return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []


def upload(client, name, content, **fields):
    data = {
        "title": "Werkplan 2026",
        "description": "Thema's en activiteiten.",
        "category": DocumentCategory.WORK_PLAN,
        "visibility": Visibility.BOARD,
        "upload": SimpleUploadedFile(name, content, content_type="application/pdf"),
    }
    data.update(fields)
    return client.post(reverse("members:document_add"), data)


@pytest.fixture
def as_secretary(client, secretaris):
    client.force_login(secretaris)
    return client


def test_the_secretary_uploads_a_document(as_secretary, secretaris, private_root):
    response = upload(as_secretary, "Werkplan WIJ-raad 2026.pdf", PDF)
    document = Document.objects.get()
    assert response["Location"] == reverse("members:document", args=[document.pk])
    assert document.original_name == "Werkplan WIJ-raad 2026.pdf"
    assert (document.size, document.content_type) == (len(PDF), "application/pdf")
    assert document.uploaded_by == secretaris
    assert document.visibility == Visibility.BOARD
    assert document.file.name.startswith("members/document/")
    assert "Werkplan" not in document.file.name
    assert (private_root / document.file.name).read_bytes() == PDF
    html = as_secretary.get(response["Location"]).content.decode()
    assert "Het document is toegevoegd." in html
    assert "Raad en bestuur" in html
    assert "door Joyce Meijer" in html


@pytest.mark.parametrize(
    ("name", "content"),
    [("agenda.pdf", EXE), ("agenda.pdf", HTML), ("agenda.exe", EXE), ("leeg.pdf", b"")],
    ids=["exe-renamed-pdf", "html-renamed-pdf", "exe", "empty"],
)
def test_a_wrong_file_is_refused_in_dutch_and_nothing_is_stored(
    as_secretary, private_root, name, content
):
    response = upload(as_secretary, name, content)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Dit soort bestand is niet toegestaan" in html or "leeg" in html
    assert not Document.objects.exists()
    assert stored_files(private_root) == []


def test_an_oversized_file_is_refused_before_it_reaches_the_disk(
    as_secretary, settings, private_root
):
    settings.MAX_UPLOAD_SIZE = 64 * 1024
    response = upload(as_secretary, "groot.pdf", PDF + b"0" * (settings.MAX_UPLOAD_SIZE * 2))
    assert response.status_code == 200
    assert "Dit bestand is te groot. Het mag maximaal 64 kB zijn." in response.content.decode()
    assert not Document.objects.exists()
    assert stored_files(private_root) == []


def test_the_secretary_changes_title_and_visibility(as_secretary):
    document = DocumentFactory(title="Concept jaarverslag", visibility=Visibility.RESTRICTED)
    response = as_secretary.post(
        reverse("members:document_edit", args=[document.pk]),
        {
            "title": "Jaarverslag 2025",
            "description": "",
            "category": DocumentCategory.ANNUAL_REPORT,
            "visibility": Visibility.PUBLIC,
        },
    )
    assert response.status_code == 302
    document.refresh_from_db()
    assert (document.title, document.visibility) == ("Jaarverslag 2025", Visibility.PUBLIC)


def test_deleting_a_document_removes_its_file_and_keeps_the_log(
    client, lid, secretaris, private_root, django_capture_on_commit_callbacks
):
    document = DocumentFactory(title="Oud reglement")
    path = private_root / document.file.name
    assert path.exists()
    client.force_login(lid)
    download(client, document)
    client.force_login(secretaris)
    confirm = client.get(reverse("members:document_delete", args=[document.pk]))
    assert "worden voorgoed verwijderd" in confirm.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("members:document_delete", args=[document.pk]))
    assert response["Location"] == reverse("members:documents")
    assert not Document.objects.exists()
    assert not path.exists()
    assert DownloadLog.objects.filter(file_name="Oud reglement.pdf").count() == 1


def test_the_download_log_shows_who_downloaded_what(client, lid, voorzitter, secretaris):
    document = DocumentFactory(title="Huishoudelijk reglement", visibility=Visibility.COUNCIL)
    for person in (lid, voorzitter):
        client.force_login(person)
        download(client, document)
    client.force_login(secretaris)
    html = client.get(reverse("members:document_log", args=[document.pk])).content.decode()
    assert "Sander de Vries" in html
    assert "Anneke Dijkstra" in html
    assert "Raad: leden en secretaris" in html


def test_downloads_of_public_documents_are_not_logged(client, lid, secretaris):
    document = DocumentFactory(title="Reglement", visibility=Visibility.PUBLIC)
    download(client, document)
    client.force_login(lid)
    download(client, document)
    assert not DownloadLog.objects.exists()
    client.force_login(secretaris)
    html = client.get(reverse("members:document_log", args=[document.pk])).content.decode()
    assert "Niemand heeft dit document nog gedownload." in html
    assert "Dit document is nu openbaar" in html


def test_the_library_shows_the_kind_and_filters_by_it(client, lid):
    DocumentFactory(title="Werkplan 2026", category=DocumentCategory.WORK_PLAN)
    DocumentFactory(title="Jaarverslag 2025", category=DocumentCategory.ANNUAL_REPORT)
    client.force_login(lid)
    html = client.get(reverse("members:documents")).content.decode()
    assert "<td>Werkplan</td>" in html
    assert "<td>Jaarverslag</td>" in html
    assert "2 documenten, nieuwste eerst." in html
    assert "Document toevoegen" not in html
    plans = client.get(reverse("members:documents"), {"kind": "work_plan"}).content.decode()
    assert "Werkplan 2026" in plans
    assert "Jaarverslag 2025" not in plans
    assert "1 document, nieuwste eerst." in plans
    # An unknown kind is no filter.
    assert (
        "Jaarverslag 2025"
        in client.get(reverse("members:documents"), {"kind": "x"}).content.decode()
    )


def test_the_library_filters_by_the_year_a_document_was_added(client, lid):
    old = DocumentFactory(title="Reglement 2019")
    Document.objects.filter(pk=old.pk).update(
        uploaded_at=datetime.datetime(2019, 6, 1, 12, tzinfo=datetime.UTC)
    )
    DocumentFactory(title="Reglement nu")
    client.force_login(lid)
    html = client.get(reverse("members:documents")).content.decode()
    # The years from this one back to the oldest document's.
    assert '<option value="2019">2019</option>' in html
    assert '<option value="2018">' not in html
    found = client.get(reverse("members:documents"), {"year": "2019"}).content.decode()
    assert "Reglement 2019" in found
    assert "Reglement nu" not in found
    none = client.get(reverse("members:documents"), {"year": "2020"}).content.decode()
    assert "Geen documenten bij dit filter." in none


def test_the_filter_is_a_queryset_method_counting_in_one_query(django_assert_num_queries):
    """Document.objects.filtered: what the library's filter means, for any queryset."""
    old = DocumentFactory(title="Reglement 2019", category=DocumentCategory.REGULATION)
    Document.objects.filter(pk=old.pk).update(
        uploaded_at=datetime.datetime(2019, 6, 1, 12, tzinfo=datetime.UTC)
    )
    DocumentFactory(title="Reglement nu", category=DocumentCategory.REGULATION)
    DocumentFactory(title="Werkplan nu", category=DocumentCategory.WORK_PLAN)
    with django_assert_num_queries(1):
        selection = Document.objects.filtered(kind="regulation", year="2019")
    assert (selection.kind, selection.year, selection.total) == ("regulation", 2019, 1)
    assert selection.first_year == 2019
    assert [document.title for document in selection.rows] == ["Reglement 2019"]
    # An unknown kind or year is no filter; the rows come newest first.
    everything = Document.objects.filtered(kind="x", year="1066")
    assert (everything.kind, everything.year, everything.total) == ("", None, 3)
    assert [document.title for document in everything.rows][-1] == "Reglement 2019"
    assert Document.objects.none().filtered().first_year is None


def test_the_library_is_paged_newest_first_and_only_what_the_person_may_see(client, lid):
    per_page = documents_view.DOCUMENTS_PER_PAGE
    for number in range(per_page + 3):
        DocumentFactory(title=f"Raadsstuk {number:02d}", visibility=Visibility.COUNCIL)
    DocumentFactory(title="Beperkt stuk", visibility=Visibility.RESTRICTED)
    client.force_login(lid)
    first = client.get(reverse("members:documents")).content.decode()
    assert f"{per_page + 3} documenten, nieuwste eerst." in first
    assert "Pagina 1 van 2" in first
    assert f"Raadsstuk {per_page + 2:02d}" in first  # the newest
    assert "Raadsstuk 00<" not in first
    assert "Beperkt stuk" not in first
    second = client.get(reverse("members:documents"), {"page": 2}).content.decode()
    assert "Pagina 2 van 2" in second
    assert "Raadsstuk 00<" in second
    assert "Beperkt stuk" not in second
    # The filter stays in the links between pages.
    plans = client.get(reverse("members:documents"), {"kind": "regulation", "page": 1})
    assert 'href="?kind=regulation&amp;page=2"' in plans.content.decode()


# --- Query counts --------------------------------------------------------------------------------


def add_documents(count):
    levels = list(Visibility)
    for number in range(count):
        DocumentFactory(visibility=levels[number % len(levels)])


@pytest.mark.parametrize(
    ("persona", "expected"),
    # user, the count (with the oldest year) and the page (the roles of the day come from the
    # cache, two-step verification is read from the session). A visitor: count and page only.
    [("anoniem", 2), ("lid", 3), ("secretaris", 3), ("bestuurder", 3)],
)
def test_the_library_has_constant_queries(
    client, personas, assert_constant_queries, persona, expected
):
    if personas[persona]:
        client.force_login(personas[persona])
    assert_constant_queries(
        lambda: client.get(reverse("members:documents")), expected=expected, add_rows=add_documents
    )


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("members:document", 2),
        ("members:document_edit", 2),
        ("members:document_delete", 2),
        ("members:document_add", 1),
    ],
)
def test_document_pages_have_constant_queries(
    as_secretary, assert_constant_queries, name, expected
):
    document = DocumentFactory()
    args = [] if name == "members:document_add" else [document.pk]
    assert_constant_queries(
        lambda: as_secretary.get(reverse(name, args=args)),
        expected=expected,
        add_rows=add_documents,
    )


def test_the_download_log_has_constant_queries(
    as_secretary, assert_constant_queries, django_user_model
):
    document = DocumentFactory()
    url = reverse("members:document_log", args=[document.pk])

    def add_downloads(count):
        for number in range(count):
            DownloadLog.objects.create(
                user=django_user_model.objects.create_user(
                    f"lezer{DownloadLog.objects.count()}-{number}@example.org", name="Lezer"
                ),
                content_type_id=_document_type_id(),
                object_id=str(document.pk),
                file_name=document.original_name,
                visibility=document.visibility,
            )

    # user, roles, the document, the downloads with their users
    assert_constant_queries(lambda: as_secretary.get(url), expected=4, add_rows=add_downloads)


def _document_type_id():
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(Document).pk
