"""Access helpers of the members app's pages: one per kind of object, answering as DESIGN.md says.

Not logged in → the login page; an object the user may not see → 404 (its existence is not
revealed); seen but not allowed → 403.
"""

import functools

from django.contrib.auth.views import redirect_to_login
from django.http import Http404

from members.models import BoardPosition, Document, Office, Term, User
from wijraad.access import object_for, require


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
    return object_for(request, User.objects.visible_to(request.user).with_history(), pk, perm)


def period_for(request, model, pk, perm="members.manage_people"):
    """A term, office or board position (`model`), answered like its person: 404 when the person
    is not visible to the user, 403 unless `perm` holds (the secretary manages people)."""
    visible = User.objects.visible_to(request.user).values("pk")
    period = object_for(request, model.objects.select_related("person"), pk)
    if not visible.filter(pk=period.person_id).exists():
        raise Http404
    require(request, perm)
    return period


def term_for(request, pk, perm="members.manage_people"):
    return period_for(request, Term, pk, perm)


def office_for(request, pk, perm="members.manage_people"):
    return period_for(request, Office, pk, perm)


def board_position_for(request, pk, perm="members.manage_people"):
    return period_for(request, BoardPosition, pk, perm)


def document_for(request, pk, perm=None):
    """The document `pk` if its visibility level is one `request.user` may see (else 404), and
    `perm` holds for it (else 403)."""
    return object_for(request, Document.objects.visible_to(request.user).for_list(), pk, perm)
