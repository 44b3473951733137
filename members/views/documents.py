"""The document library: the council's standing documents, each with a visibility level.

Everyone sees the public documents, also without logging in; the rest is listed and downloadable
only for those whose role reaches its level (Document.objects.visible_to). A document someone may
not see answers 404 (a visitor who is not logged in is sent to the login page first). Downloads go
through wijraad.files.private_file_response, which logs every non-public download.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from members import services
from members.access import document_for, login_when_hidden
from members.forms import DocumentEditForm, DocumentForm
from members.models import Document, DocumentCategory
from wijraad.access import allowed, require
from wijraad.files import human_size, private_file_response
from wijraad.forms import form_errors, posted
from wijraad.models import Visibility

# Ten years hold some 500 documents: the library shows them a page at a time, newest first.
DOCUMENTS_PER_PAGE = 25


@require_GET
def documents(request):
    """The documents the user may see, newest first, a page at a time, filtered by kind and by
    the year they were added. Three queries with the user's: the count with the oldest year
    (for the year filter) in one, then the page."""
    user = request.user
    selection = Document.objects.visible_to(user).filtered(
        kind=request.GET.get("kind", ""), year=request.GET.get("year", "")
    )
    rows = selection.rows.only("pk", "title", "category", "visibility", "uploaded_at")
    paginator = Paginator(rows, DOCUMENTS_PER_PAGE)
    paginator.count = selection.total  # counted with the oldest year
    page = paginator.get_page(request.GET.get("page"))
    this_year = timezone.localdate().year
    first_year = min(selection.first_year or this_year, this_year)
    query = {
        key: value for key, value in (("kind", selection.kind), ("year", selection.year)) if value
    }
    return render(
        request,
        "members/documents.html",
        {
            "page": page,
            "documents": page.object_list,
            "count": selection.total,
            "categories": DocumentCategory.choices,
            "category": selection.kind,
            "years": range(this_year, first_year - 1, -1),
            "year": selection.year,
            "query": urlencode(query),
            "filtered": bool(query),
            "can_manage": allowed(user, "members.manage_documents"),
            "must_sign": allowed(user, "members.sign_declaration"),
        },
    )


@login_when_hidden
@require_GET
def document(request, pk):
    document = document_for(request, pk)
    return render(
        request,
        "members/document.html",
        {
            "document": document,
            "can_manage": allowed(request.user, "members.manage_documents"),
            "can_see_log": allowed(request.user, "members.view_download_log", document),
        },
    )


@login_when_hidden
@require_GET
def document_download(request, pk):
    document = document_for(request, pk)
    return private_file_response(
        request,
        subject=document,
        name=document.file.name,
        download_name=document.original_name,
        perm="members.download_document",
        public=document.is_public,
    )


@login_required
@require_http_methods(["GET", "POST"])
def document_add(request):
    require(request, "members.manage_documents")
    form = DocumentForm(posted(request), request.FILES if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            document = services.document_add(
                upload=data["upload"],
                title=data["title"],
                description=data["description"],
                category=data["category"],
                visibility=data["visibility"],
                by=request.user,
            )
        except ValidationError as error:
            form_errors(form, error, field="upload")
        else:
            messages.success(request, _("The document is added."))
            return redirect("members:document", pk=document.pk)
    return render(
        request,
        "members/document_add.html",
        {"form": form, "max_size": human_size(settings.MAX_UPLOAD_SIZE)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def document_edit(request, pk):
    document = document_for(request, pk)
    require(request, "members.manage_documents")
    form = DocumentEditForm(posted(request), instance=document)
    if request.method == "POST" and form.is_valid():
        try:
            services.document_update(
                document=document,
                by=request.user,
                **{field: form.cleaned_data[field] for field in form.Meta.fields},
            )
        except ValidationError as error:
            form_errors(form, error)
        else:
            messages.success(request, _("The document is changed."))
            return redirect("members:document", pk=document.pk)
    return render(request, "members/document_edit.html", {"document": document, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def document_delete(request, pk):
    """GET asks to confirm; POST deletes the document and its file."""
    document = document_for(request, pk)
    require(request, "members.manage_documents")
    if request.method == "POST":
        services.document_delete(document=document, by=request.user)
        messages.success(
            request, _("The document “%(title)s” is deleted.") % {"title": document.title}
        )
        return redirect("members:documents")
    return render(request, "members/document_delete.html", {"document": document})


@login_required
@require_GET
def document_log(request, pk):
    """Who downloaded the document, and when (public documents are not logged)."""
    document = document_for(request, pk, perm="members.view_download_log")
    labels = dict(Visibility.choices)
    rows = [
        {"download": download, "visibility": labels.get(download.visibility, download.visibility)}
        for download in services.document_downloads(document)
    ]
    return render(
        request,
        "members/document_log.html",
        {"document": document, "rows": rows, "public": document.is_public},
    )
