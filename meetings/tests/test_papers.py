"""Meeting papers: checked uploads (by their bytes, by size, nothing half-stored) and checked,
logged downloads."""

import pytest
from django.conf import settings as django_settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from meetings.models import AgendaDocument, MeetingKind
from meetings.tests.factories import PDF, AgendaDocumentFactory, AgendaItemFactory, MeetingFactory
from meetings.tests.matrix import DOWNLOADS, objects
from wijraad.models import DownloadLog, Visibility
from wijraad.testing.files import close_download

pytestmark = pytest.mark.django_db

EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\0" * 64 + b"PE\0\0"
HTML = b"<!doctype html><html><script>alert(1)</script></html>"


@pytest.fixture
def item(db):
    meeting = MeetingFactory(date=timezone.localdate() + timezone.timedelta(days=20))
    return AgendaItemFactory(meeting=meeting, title="Privacybeleid")


def stored(root):
    return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []


def test_a_pdf_is_stored_privately_and_its_download_is_logged(
    client, secretaris, lid, item, papers_root
):
    client.force_login(secretaris)
    response = client.post(
        reverse("meetings:document_add", args=[item.pk]),
        {"upload": SimpleUploadedFile("beleid.pdf", PDF), "title": "", "visibility": "council"},
    )
    assert response.status_code == 302
    document = AgendaDocument.objects.get()
    assert document.title == "beleid.pdf"
    assert document.content_type == "application/pdf"
    assert "beleid" not in document.file.name
    item.meeting.agenda_published_at = timezone.now()
    item.meeting.save()
    client.force_login(lid)
    download = client.get(reverse("meetings:document_download", args=[document.pk]))
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF
    assert download["Content-Disposition"].startswith("attachment;")
    close_download(download)
    log = DownloadLog.objects.get()
    assert (log.user, log.subject, log.visibility) == (lid, document, "council")


@pytest.mark.parametrize(
    ("name", "content"),
    [("agenda.pdf", EXE), ("agenda.pdf", HTML), ("agenda.exe", EXE)],
    ids=["exe-renamed-pdf", "html-renamed-pdf", "exe"],
)
def test_wrong_files_are_refused_in_dutch_and_nothing_is_stored(
    client, secretaris, item, papers_root, name, content
):
    client.force_login(secretaris)
    response = client.post(
        reverse("meetings:document_add", args=[item.pk]),
        {"upload": SimpleUploadedFile(name, content), "visibility": "council"},
    )
    assert response.status_code == 400
    assert "Dit soort bestand is niet toegestaan" in response.content.decode()
    assert not AgendaDocument.objects.exists()
    assert stored(papers_root) == []


def test_a_too_large_upload_is_refused_before_the_disk(
    client, secretaris, item, papers_root, settings
):
    settings.MAX_UPLOAD_SIZE = 64 * 1024
    client.force_login(secretaris)
    big = PDF + b"0" * (settings.MAX_UPLOAD_SIZE * 3)
    response = client.post(
        reverse("meetings:document_add", args=[item.pk]),
        {"upload": SimpleUploadedFile("groot.pdf", big), "visibility": "council"},
    )
    assert response.status_code == 400
    assert "Dit bestand is te groot" in response.content.decode()
    assert not AgendaDocument.objects.exists()
    assert stored(papers_root) == []


def test_the_real_limit_refuses_a_body_just_over_it(client, secretaris, item, papers_root):
    client.force_login(secretaris)
    over = PDF + b"0" * (django_settings.MAX_UPLOAD_SIZE + 65 * 1024)
    response = client.post(
        reverse("meetings:document_add", args=[item.pk]),
        {"upload": SimpleUploadedFile("groot.pdf", over), "visibility": "council"},
    )
    assert response.status_code == 400
    assert "Dit bestand is te groot" in response.content.decode()
    assert not AgendaDocument.objects.exists()
    assert stored(papers_root) == []


def test_no_papers_on_a_cancelled_meeting(client, secretaris, item, papers_root):
    item.meeting.state = "cancelled"
    item.meeting.cancel_reason = "Ziek"
    item.meeting.save()
    client.force_login(secretaris)
    response = client.post(
        reverse("meetings:document_add", args=[item.pk]),
        {"upload": SimpleUploadedFile("stuk.pdf", PDF), "visibility": "council"},
    )
    assert response.status_code == 403
    assert stored(papers_root) == []


def test_removing_a_paper_removes_its_file(
    client, secretaris, item, papers_root, django_capture_on_commit_callbacks
):
    client.force_login(secretaris)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("meetings:document_add", args=[item.pk]),
            {"upload": SimpleUploadedFile("stuk.pdf", PDF), "visibility": "council"},
        )
        document = AgendaDocument.objects.get()
        assert len(stored(papers_root)) == 1
        response = client.post(reverse("meetings:document_delete", args=[document.pk]))
    assert response.status_code == 302
    assert stored(papers_root) == []


def test_the_board_downloads_a_shared_paper_but_not_a_council_one(client, bestuurder, papers_root):
    consultation = MeetingFactory(kind=MeetingKind.CONSULTATION, agenda_published_at=timezone.now())
    shared = AgendaItemFactory(meeting=consultation, visibility=Visibility.BOARD)
    public = AgendaDocumentFactory(agenda_item=shared, visibility=Visibility.BOARD)
    internal = AgendaDocumentFactory(agenda_item=shared, visibility=Visibility.COUNCIL)
    client.force_login(bestuurder)
    response = client.get(reverse("meetings:document_download", args=[public.pk]))
    assert response.status_code == 200
    close_download(response)
    assert client.get(reverse("meetings:document_download", args=[internal.pk])).status_code == 404
    assert DownloadLog.objects.count() == 1


@pytest.mark.parametrize("paper", sorted(DOWNLOADS))
def test_downloads_persona_by_persona(paper, personas, client, papers_root):
    made = objects(personas, {})
    url = reverse("meetings:document_download", args=[made[paper].pk])
    for persona, expected in DOWNLOADS[paper].items():
        client.logout()
        if personas[persona] is not None:
            client.force_login(personas[persona])
        response = client.get(url)
        if expected == "login":
            assert response.status_code == 302, persona
        else:
            assert response.status_code == expected, (persona, paper)
        close_download(response)
