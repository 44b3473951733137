"""The one way to ask "may this user …": the rule set of django-rules, nothing else.

Every app registers its permissions in `<app>/rules.py` as
`rules.add_perm("<app>.<verb>_<noun>", predicate)`; views, querysets, panels, the menu and
middleware ask them through `allowed` and `require`. These ask the rule set only: no
authentication backends (so no ModelBackend queries for a refused permission) and no superuser
shortcut (the administrator is technical staff and sees no confidential content).

Refusals answer as DESIGN.md says: not logged in → the login page (views are `login_required`);
an object the user may not see → 404 (the app's `access.py`, from `visible_to`); seen but not
allowed → 403 (`require`).
"""

import rules
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404


def allowed(user, name, obj=None):
    """Whether the rule set grants permission `name` (on `obj`) to `user`."""
    if not rules.perm_exists(name):
        raise LookupError(f"no permission {name!r} is registered")
    return rules.has_perm(name, user, obj)


def require(request, name, obj=None):
    """403 unless `request.user` has permission `name` (on `obj`)."""
    if not allowed(request.user, name, obj):
        raise PermissionDenied


def object_for(request, queryset, pk, perm=None):
    """The object `pk` of `queryset` (already filtered by what the user may see, else 404),
    if `perm` holds for it (else 403): the body of every `<thing>_for` in an app's access.py."""
    obj = get_object_or_404(queryset, pk=pk)
    if perm is not None:
        require(request, perm, obj)
    return obj
