"""One access helper per type: `<thing>_for(request, pk, perm=None)`.

The object as `request.user` may see it (its `visible_to`, else 404), if the permission `perm`
of advice.rules holds (else 403). Drafts, versions and comments are the council's own: for
anyone else their querysets are empty, so a guessed address answers 404.
"""

from django.db.models import Exists, OuterRef
from django.http import Http404

from advice.models import DeadlineExtension, Dossier, DossierDocument, DraftComment, DraftVersion
from members.roles import roles_for
from wijraad.access import object_for, require


def dossier_for(request, pk, perm=None):
    """The dossier `pk`: 404 when not visible, 403 when visible but `perm` does not hold.
    It comes with its topic, adopted advice and replacement consent, and knows whether a
    deadline was ever extended (`has_extensions`), so its page asks no more than it shows."""
    dossiers = (
        Dossier.objects.visible_to(request.user)
        .select_related("topic", "advice__meeting", "replacement_consent")
        .annotate(has_extensions=Exists(DeadlineExtension.objects.filter(dossier=OuterRef("pk"))))
    )
    return object_for(request, dossiers, pk, perm)


def council_only(request):
    roles = roles_for(request.user)
    if not (roles.member or roles.secretary):
        raise Http404


def version_for(request, pk, perm=None):
    """A draft version of a dossier the council member sees (404 for anyone else)."""
    council_only(request)
    versions = DraftVersion.objects.filter(
        dossier__in=Dossier.objects.visible_to(request.user)
    ).select_related("dossier__topic", "author")
    version = object_for(request, versions, pk)
    if perm is not None:
        require(request, perm, version.dossier)
    return version


def comment_for(request, pk):
    """A comment on a draft (404 for anyone outside the council)."""
    council_only(request)
    comments = DraftComment.objects.filter(
        version__dossier__in=Dossier.objects.visible_to(request.user)
    ).select_related("version")
    return object_for(request, comments, pk)


def document_for(request, pk, perm=None):
    """A document of a dossier the user sees, at a level they see (404 otherwise)."""
    documents = DossierDocument.objects.visible_to(request.user).select_related("dossier")
    document = object_for(request, documents, pk)
    if perm is not None:
        require(request, perm, document.dossier)
    return document
