import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files import uploadhandler as handlers
from django.core.files.uploadedfile import SimpleUploadedFile

from wijraad.files import (
    DOCUMENT_AND_IMAGE_TYPES,
    PrivateStorage,
    check_upload,
    private_storage,
    private_upload_to,
)
from wijraad.models import DownloadLog
from wijraad.testing.files import close_download

PDF = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000") + b"\0" * 40
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\0" * 64 + b"PE\0\0"
HTML = b"<!doctype html><html><script>alert(1)</script></html>"


@pytest.fixture(autouse=True)
def private_root(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.FILE_UPLOAD_TEMP_DIR = str(tmp_path / "uploads")
    (tmp_path / "uploads").mkdir()
    return tmp_path


def upload(name, content):
    return SimpleUploadedFile(name, content)


def test_a_pdf_is_accepted_by_its_bytes():
    assert check_upload(upload("notulen.pdf", PDF)) == "application/pdf"


def test_an_image_is_accepted():
    assert check_upload(upload("foto.png", PNG), allowed=DOCUMENT_AND_IMAGE_TYPES) == "image/png"


@pytest.mark.parametrize(
    ("name", "content"),
    [("agenda.pdf", EXE), ("agenda.pdf", HTML), ("agenda.exe", EXE), ("foto.pdf", PNG)],
    ids=["exe-renamed-pdf", "html-renamed-pdf", "exe", "png-named-pdf"],
)
def test_wrong_content_is_refused_in_dutch(name, content):
    with pytest.raises(ValidationError) as refused:
        check_upload(upload(name, content))
    assert refused.value.code == "file_type"
    assert "Dit soort bestand is niet toegestaan" in refused.value.messages[0]


def test_empty_file_is_refused():
    with pytest.raises(ValidationError) as refused:
        check_upload(upload("leeg.pdf", b""))
    assert refused.value.code == "empty"


def test_too_large_file_is_refused(settings):
    settings.MAX_UPLOAD_SIZE = 100
    with pytest.raises(ValidationError) as refused:
        check_upload(upload("groot.pdf", PDF + b" " * 200))
    assert refused.value.code == "too_large"
    assert "te groot" in refused.value.messages[0]


def test_private_files_have_no_url():
    with pytest.raises(ValueError, match="no public URL"):
        PrivateStorage().url("x.pdf")


def test_private_storage_lives_outside_the_web_root(settings, private_root):
    storage = private_storage()
    assert str(storage.location) == str(private_root / "private")
    assert not str(storage.location).startswith(str(settings.STATIC_ROOT))


@pytest.mark.django_db
def test_upload_names_are_random_and_keep_only_the_extension(django_user_model):
    instance = django_user_model(email="a@example.org")
    first = private_upload_to(instance, "Geheim verslag van Jan.PDF")
    second = private_upload_to(instance, "Geheim verslag van Jan.PDF")
    assert first != second
    assert first.startswith("members/user/")
    assert first.endswith(".pdf")
    assert "Jan" not in first


@pytest.mark.django_db
@pytest.mark.urls("wijraad.tests.urls_files")
def test_upload_through_http_is_stored(client, private_root):
    response = client.post("/upload/", {"file": upload("stuk.pdf", PDF)})
    assert response.status_code == 200
    assert (private_root / "private" / response.content.decode()).read_bytes() == PDF


@pytest.mark.django_db
@pytest.mark.urls("wijraad.tests.urls_files")
def test_renamed_program_is_refused_through_http_and_nothing_is_stored(client, private_root):
    response = client.post("/upload/", {"file": upload("stuk.pdf", EXE)})
    assert response.status_code == 400
    assert "Dit soort bestand is niet toegestaan" in response.content.decode()
    assert not (private_root / "private").exists()


@pytest.mark.django_db
@pytest.mark.urls("wijraad.tests.urls_files")
def test_oversized_upload_never_reaches_the_disk(client, settings, private_root, monkeypatch):
    settings.MAX_UPLOAD_SIZE = 64 * 1024
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 1024  # anything accepted would go to a temp file
    written = []
    original = handlers.TemporaryFileUploadHandler.receive_data_chunk

    def spy(self, raw_data, start):
        written.append(len(raw_data))
        return original(self, raw_data, start)

    monkeypatch.setattr(handlers.TemporaryFileUploadHandler, "receive_data_chunk", spy)
    big = PDF + b"0" * (settings.MAX_UPLOAD_SIZE * 3)
    response = client.post("/upload/", {"file": upload("groot.pdf", big)})
    assert response.status_code == 400
    assert "Dit bestand is te groot. Het mag maximaal" in response.content.decode()
    assert written == []
    assert list((private_root / "uploads").iterdir()) == []
    assert not (private_root / "private").exists()


@pytest.fixture
def stored_file(private_root):
    return private_storage().save("tests/verslag.pdf", io.BytesIO(PDF))


@pytest.fixture
def staff(django_user_model):
    from members.tests.factories import give_authenticator

    # Staff reach the admin, so they use two-step verification.
    return give_authenticator(
        django_user_model.objects.create_user(
            "staf@example.org", "x" * 12, name="Staf", is_staff=True
        )
    )


@pytest.mark.django_db
@pytest.mark.urls("wijraad.tests.urls_files")
def test_download_is_an_attachment_that_is_neither_sniffed_nor_stored(client, staff, stored_file):
    client.force_login(staff)
    response = client.get(f"/download/{staff.pk}/{stored_file}")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    close_download(response)
    assert response["Content-Disposition"].startswith("attachment;")
    assert "Verslag" in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"]
    log = DownloadLog.objects.get()
    assert log.user == staff
    assert log.subject == staff
    assert log.file_name == "Verslag vergadering.pdf"


@pytest.mark.django_db
@pytest.mark.urls("wijraad.tests.urls_files")
def test_public_downloads_are_not_logged(client, staff, stored_file):
    client.force_login(staff)
    response = client.get(f"/download/{staff.pk}/{stored_file}?public=1")
    assert response.status_code == 200
    close_download(response)
    assert not DownloadLog.objects.exists()


@pytest.mark.django_db
@pytest.mark.urls("wijraad.tests.urls_files")
def test_download_refused_without_the_permission(client, django_user_model, stored_file):
    someone = django_user_model.objects.create_user("iemand@example.org", "x" * 12, name="Iemand")
    client.force_login(someone)
    response = client.get(f"/download/{someone.pk}/{stored_file}")
    assert response.status_code == 403
    assert not DownloadLog.objects.exists()
