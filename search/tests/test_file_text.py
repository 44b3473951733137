"""The text of uploaded papers is read by a Celery task after the upload commits, and searched;
a file that cannot be read is still found by its title."""

import io

import docx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from meetings.tests.factories import AgendaItemFactory, MeetingFactory
from search.extract import DOCX, extract_text
from search.models import SearchDocument
from wijraad.models import Visibility

URL = reverse("search:search")


def pdf_with_text(text):
    """A small valid PDF with one page that shows `text` (Helvetica)."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return out.getvalue()


@pytest.fixture
def item(db):
    meeting = MeetingFactory(agenda_published_at=timezone.now())
    return AgendaItemFactory(meeting=meeting, title="Bereikbaarheid", visibility=Visibility.COUNCIL)


def upload(client, item, name, data, title):
    return client.post(
        reverse("meetings:document_add", args=[item.pk]),
        {
            "title": title,
            "visibility": Visibility.COUNCIL,
            "upload": SimpleUploadedFile(name, data, content_type="application/pdf"),
        },
    )


def test_a_pdf_paper_is_found_by_a_word_from_its_text(
    client, secretaris, lid, item, private_root, settings, django_capture_on_commit_callbacks
):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    client.force_login(secretaris)
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(
            client, item, "stuk.pdf", pdf_with_text("Wachttijd keukentafelgesprek"), "Notitie"
        )
    assert response.status_code == 302
    client.force_login(lid)
    response = client.get(URL, {"q": "keukentafelgesprek"})
    assert [row.title for row in response.context["page"].object_list] == ["Notitie"]
    assert "<mark>" in response.content.decode()


def test_a_file_that_cannot_be_read_is_found_by_its_title(
    client, secretaris, item, private_root, settings, django_capture_on_commit_callbacks
):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    client.force_login(secretaris)
    broken = b"%PDF-1.4\nthis is not really a pdf\n%%EOF\n"
    with django_capture_on_commit_callbacks(execute=True):
        upload(client, item, "kapot.pdf", broken, "Kapotte brief")
    row = SearchDocument.objects.get(kind="paper")
    assert row.file_text == ""
    response = client.get(URL, {"q": "kapotte"})
    assert [row.title for row in response.context["page"].object_list] == ["Kapotte brief"]


def test_the_text_of_a_word_file_is_read(tmp_path):
    document = docx.Document()
    document.add_paragraph("Verslag van het huisbezoek")
    path = tmp_path / "verslag.docx"
    document.save(path)
    from django.core.files import File

    with path.open("rb") as handle:
        assert "huisbezoek" in extract_text(File(handle, name="verslag.docx"), DOCX)
