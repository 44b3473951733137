"""Access helpers of the members app's pages: one per kind of object, answering as DESIGN.md says.

Not logged in → the login page; an object the user may not see → 404 (its existence is not
revealed); seen but not allowed → 403.
"""

import functools

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from members.models import BoardPosition, Document, Office, Term, User
from wijraad.security import log_event


def require_perm(request, perm, obj=None):
    """403 unless the logged-in user has `perm` (on `obj`)."""
    if not request.user.has_perm(perm, obj):
        raise PermissionDenied


def explain_refusals(view):
    """Answer a refusal (403) with the portal's page plus, for an appointed member who has not
    signed the confidentiality declaration yet, the way to sign it. Logged as a refused access,
    like every other refusal (wijraad.middleware.AccessLogMiddleware)."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except PermissionDenied:
            user = request.user if request.user.is_authenticated else None
            log_event(
                "access_refused", request=request, user=user, status=403, method=request.method
            )
            return render(request, "members/403.html", status=403)

    return wrapper


def login_when_hidden(view):
    """A visitor who is not logged in is sent to the login page instead of a 404: after logging
    in the object may be visible. Said for every hidden or unknown object alike, so nothing is
    revealed."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except Http404:
            if request.user.is_authenticated:
                raise
            return redirect_to_login(request.get_full_path())

    return wrapper


def person_for(request, pk, perm="members.view_person"):
    """The person `pk` with their history, if `request.user` may see them (else 404) and has
    `perm` on them (else 403)."""
    person = get_object_or_404(User.objects.visible_to(request.user).with_history(), pk=pk)
    require_perm(request, perm, person)
    return person


def _period_for(request, model, pk):
    """A term, office or board position, answered like its person: 404 when the person is not
    visible to the user, 403 unless the user manages people."""
    period = get_object_or_404(model.objects.select_related("person"), pk=pk)
    if not User.objects.visible_to(request.user).filter(pk=period.person_id).exists():
        raise Http404
    require_perm(request, "members.manage_people")
    return period


def term_for(request, pk):
    return _period_for(request, Term, pk)


def office_for(request, pk):
    return _period_for(request, Office, pk)


def board_position_for(request, pk):
    return _period_for(request, BoardPosition, pk)


def document_for(request, pk, perm=None):
    """The document `pk` if its visibility level is one `request.user` may see (else 404), and
    `perm` holds for it (else 403)."""
    document = get_object_or_404(Document.objects.visible_to(request.user).for_list(), pk=pk)
    if perm is not None:
        require_perm(request, perm, document)
    return document
