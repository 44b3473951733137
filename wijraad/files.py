"""Private file storage: outside the web root, random names, checked uploads, checked downloads.

- `private_storage` keeps files under PRIVATE_MEDIA_ROOT; it has no public URL.
- `private_upload_to` gives every file a random name; the original name is kept on the record.
- `SizeLimitUploadHandler` refuses an oversized request before any byte of it reaches the disk.
- `check_upload` checks size and the file's real type by its first bytes, not its name.
- `private_file_response` is the only way out: it asks a permission predicate, logs downloads of
  non-public files and answers as an attachment that the browser may neither sniff nor store.
"""

import io
import os
import uuid

import filetype
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import UploadedFile
from django.core.files.uploadhandler import FileUploadHandler, StopFutureHandlers
from django.http import FileResponse
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext as _

from wijraad.access import allowed

# Allowed kinds of upload, by the MIME type detected from the bytes, with the file name
# extensions that may carry each type.
DOCUMENT_TYPES = {
    "application/pdf": {"pdf"},
    "application/msword": {"doc"},
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": {"docx"},
    "application/vnd.ms-excel": {"xls"},
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {"xlsx"},
    "application/vnd.ms-powerpoint": {"ppt"},
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": {"pptx"},
    "application/vnd.oasis.opendocument.text": {"odt"},
    "application/vnd.oasis.opendocument.spreadsheet": {"ods"},
    "application/vnd.oasis.opendocument.presentation": {"odp"},
}
IMAGE_TYPES = {
    "image/jpeg": {"jpg", "jpeg"},
    "image/png": {"png"},
    "image/gif": {"gif"},
    "image/webp": {"webp"},
}
DOCUMENT_AND_IMAGE_TYPES = {**DOCUMENT_TYPES, **IMAGE_TYPES}
# Room for the other form fields and multipart boundaries around an upload.
FORM_OVERHEAD = 64 * 1024


@deconstructible
class PrivateStorage(FileSystemStorage):
    """File storage under PRIVATE_MEDIA_ROOT. Files here never get a URL of their own.

    The folder is read from the setting each time, so every instance (the FileField's and the
    download view's) agrees on it, also when a test moves it.
    """

    def __init__(self, **kwargs):
        kwargs.setdefault("file_permissions_mode", 0o640)
        kwargs.setdefault("directory_permissions_mode", 0o750)
        super().__init__(**kwargs)

    @property
    def base_location(self):
        return self._value_or_setting(self._location, settings.PRIVATE_MEDIA_ROOT)

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("Private files have no public URL; serve them with private_file_response.")


def private_storage():
    # A callable, so migrations do not store the path and tests can move it.
    return PrivateStorage()


def private_upload_to(instance, filename):
    """A random name under the model's own folder; only the extension of the original is kept."""
    extension = os.path.splitext(filename)[1].lower().lstrip(".")
    extension = "".join(ch for ch in extension if ch.isalnum())[:10]
    folder = f"{instance._meta.app_label}/{instance._meta.model_name}"
    name = uuid.uuid4().hex
    return f"{folder}/{name}.{extension}" if extension else f"{folder}/{name}"


class TooLargeUpload(UploadedFile):
    """Stands in for a file that was refused while uploading: no content, only its size."""

    too_large = True

    def __init__(self, name, content_type, size):
        super().__init__(io.BytesIO(b""), name=name, content_type=content_type, size=size)


class SizeLimitUploadHandler(FileUploadHandler):
    """First upload handler: swallows every file of a request that is larger than allowed.

    Django streams an upload through its handlers in order; a chunk this handler does not pass on
    never reaches the memory or temporary-file handlers, so an oversized upload is never written.
    The form then receives a `TooLargeUpload` and `check_upload` gives a clear message.
    """

    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        self.refuse = content_length > settings.MAX_UPLOAD_SIZE + FORM_OVERHEAD
        return None

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.received = 0
        if self.refuse:
            # The handlers after this one (memory, temporary file) never start on this file.
            raise StopFutureHandlers

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.refuse:
            return None
        return raw_data

    def file_complete(self, file_size):
        if self.refuse:
            return TooLargeUpload(self.file_name, self.content_type, self.received)
        return None


def human_size(size):
    megabytes = size / (1024 * 1024)
    return f"{megabytes:.0f} MB" if megabytes >= 1 else f"{size / 1024:.0f} kB"


def check_upload(upload, *, allowed=DOCUMENT_AND_IMAGE_TYPES, max_size=None):
    """Refuse an upload that is too large or whose bytes are not one of the allowed types.

    Returns the detected MIME type. The name's extension must fit the detected type, so a
    program or web page renamed to `.pdf` is refused.
    """
    max_size = max_size or settings.MAX_UPLOAD_SIZE
    if getattr(upload, "too_large", False) or upload.size > max_size:
        raise ValidationError(
            _("This file is too large. The maximum is %(max)s.") % {"max": human_size(max_size)},
            code="too_large",
        )
    if upload.size == 0:
        raise ValidationError(_("This file is empty."), code="empty")
    position = upload.tell() if hasattr(upload, "tell") else 0
    upload.seek(0)
    head = upload.read(8192)
    upload.seek(position)
    kind = filetype.guess(head)
    extensions = sorted({ext for exts in allowed.values() for ext in exts})
    refused = ValidationError(
        _("This kind of file is not allowed. Allowed are: %(types)s.")
        % {"types": ", ".join(extensions)},
        code="file_type",
    )
    if kind is None or kind.mime not in allowed:
        raise refused
    extension = os.path.splitext(upload.name or "")[1].lower().lstrip(".")
    if extension not in allowed[kind.mime]:
        raise refused
    return kind.mime


def private_file_response(request, *, subject, name, download_name, perm, public=False):
    """Serve the private file stored as `name` after asking `perm` about `subject`.

    Downloads of non-public files are logged.

    The caller has already answered 404 for a subject the user may not see (its access helper);
    this asks the permission for the download itself and answers 403 when it is refused.
    """
    if not allowed(request.user, perm, subject):
        raise PermissionDenied
    if not public:
        from wijraad.models import DownloadLog

        DownloadLog.objects.create(
            user=request.user if request.user.is_authenticated else None,
            content_type=ContentType.objects.get_for_model(subject),
            object_id=str(subject.pk),
            file_name=download_name[:255],
            visibility=getattr(subject, "visibility", ""),
        )
    response = FileResponse(
        private_storage().open(name, "rb"), as_attachment=True, filename=download_name
    )
    response["Cache-Control"] = "no-store, private"
    response["X-Content-Type-Options"] = "nosniff"
    return response
