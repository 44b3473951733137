"""Services of the document library: add, change and delete documents.

A file is checked by its bytes before anything is stored (wijraad.files.check_upload), so a
program or web page renamed to .pdf, or a file that is too large, leaves nothing behind. A deleted
document takes its file with it, once the deletion is committed.
"""

from django.db import transaction

from members.models import Document
from wijraad.audit import acting
from wijraad.files import DOCUMENT_TYPES
from wijraad.models import DownloadLog

# What a library document may be: office documents and PDF (no images, no web pages).
ALLOWED_TYPES = DOCUMENT_TYPES


def document_add(*, upload, title, category, visibility, description="", by=None):
    """Store `upload` as a new document. Refuses (ValidationError, in Dutch) a file that is too
    large, empty or not one of the allowed kinds, before anything is written."""
    document = Document.from_upload(
        upload,
        allowed=ALLOWED_TYPES,
        by=by,
        title=title,
        description=description,
        category=category,
        visibility=visibility,
    )
    with acting(by):
        return document.store()


def document_update(*, document, by=None, **changes):
    """Change the title, description, kind or visibility of a document (not its file)."""
    allowed = {"title", "description", "category", "visibility"}
    unknown = set(changes) - allowed
    if unknown:
        raise TypeError(f"document_update() got unexpected fields: {sorted(unknown)}")
    with transaction.atomic(), acting(by):
        document = Document.objects.select_for_update().get(pk=document.pk)
        for field, value in changes.items():
            setattr(document, field, value)
        document.full_clean()
        document.save(update_fields=list(changes))
    return document


def document_delete(*, document, by=None):
    """Delete a document and, once that is committed, its file. The download log keeps its rows:
    who downloaded what stays on record."""
    with acting(by):
        document.remove()


def document_downloads(document):
    """The download log of one document, newest first, with the person who downloaded."""
    # Filter on the content type's natural key: one query, whatever the content-type cache holds.
    meta = Document._meta
    return DownloadLog.objects.filter(
        content_type__app_label=meta.app_label,
        content_type__model=meta.model_name,
        object_id=str(document.pk),
    ).select_related("user")
