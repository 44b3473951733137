"""The text of an uploaded paper, for search: PDF through pypdf, Word (.docx) through python-docx.
Anything else, or a file that cannot be read, gives an empty text."""

import io
import logging

logger = logging.getLogger(__name__)

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
MAX_CHARS = 200_000


def extract_text(field_file, content_type):
    try:
        with field_file.open("rb") as handle:
            data = handle.read()
        if content_type == PDF:
            from pypdf import PdfReader

            reader = PdfReader(io.BytesIO(data))
            text = "\n".join(page.extract_text() or "" for page in reader.pages)
        elif content_type == DOCX:
            import docx

            text = "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
        else:
            return ""
    except Exception:  # noqa: BLE001 (a broken upload must not stop the index: title only)
        logger.warning("search: could not read the text of %s", field_file.name, exc_info=True)
        return ""
    # PostgreSQL text cannot hold NUL characters.
    return text.replace("\x00", " ")[:MAX_CHARS]
