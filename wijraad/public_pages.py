"""Public pages rendered once: what a visitor who is not logged in gets from a page that is the
same for every visitor in a language (the home page, about, privacy, ...) is kept per process and
served again until anything in the database changes.

    @public_page
    def about(request): ...

- Only for visitors who are not logged in, a GET or HEAD without a query string and without a
  message waiting for them (a message is theirs alone); everyone else gets the page rendered as
  always.
- The key holds the path, the language, today's date and the *content version*. Every saved or
  deleted row of any model bumps the version (at once, and again when its transaction commits, so
  a page rendered from the old rows meanwhile is never kept under the new version), so a page
  never outlives the data it shows; the date in the key ends a day's pages at midnight. A page is
  also kept at most PUBLIC_PAGE_SECONDS. Bulk UPDATEs send no signal: a page must not show what
  only such an UPDATE changes (none of the decorated pages does; tested per page).
- The version lives in the cache every process shares (Redis in production); the pages in the
  process itself (a new deployment starts empty, so new code never serves an old page). A
  process reads the version from the shared cache at most once per PUBLIC_PAGE_VERSION_SECONDS
  (1 s): that round trip cost as much as the rest of a kept page. A change made in the process
  itself is seen at once (the bump sets the process's copy too); a change made by another
  process reaches this one's visitors within that second.
- The form of the language switch carries a CSRF token, different per visitor: the page is
  rendered with a placeholder (`wijraad.context_processors.portal`) that is replaced by the
  visitor's own token on every answer.
"""

import threading
import time
from collections import OrderedDict
from functools import wraps

from django.apps import apps
from django.conf import settings
from django.contrib.messages import get_messages
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils import timezone
from django.utils.translation import get_language

from wijraad.cache import version_current, version_new

VERSION_KEY = "wijraad.public_pages.version"
# Rendered where the visitor's CSRF token goes; replaced on every answer.
CSRF_PLACEHOLDER = "wijraadCsrfPlaceholder0"
RENDERING = "_wijraad_public_page"
MAX_PAGES = 256
# Rows that change all the time (every e-mail, request, login or view of a page) and that no
# public page shows: they bump nothing, and their bulk deletes stay fast (a model with a
# post_delete receiver is deleted row by row).
QUIET_MODELS = {
    "wijraad.delivery",
    "wijraad.heartbeat",
    "wijraad.downloadlog",
    "sessions.session",
    "usersessions.usersession",
    "search.searchdocument",
    "auditlog.logentry",
    "admin.logentry",
    "signals.contactview",
    "mfa.authenticator",
    "account.emailconfirmation",
}
# A login or a new password saves only these fields of the account: no public page shows them.
QUIET_FIELDS = {"last_login", "password"}

_pages = OrderedDict()
_lock = threading.Lock()


_version = {"value": None, "until": 0.0}


def _clock():
    return time.monotonic()


def bump_version(**kwargs):
    value = version_new(VERSION_KEY)
    with _lock:
        _version.update(value=value, until=_clock() + settings.PUBLIC_PAGE_VERSION_SECONDS)


def current_version():
    """The content version: this process's copy while it is younger than
    PUBLIC_PAGE_VERSION_SECONDS, else read again from the shared cache."""
    now = _clock()
    with _lock:
        if _version["value"] is not None and now < _version["until"]:
            return _version["value"]
    value = version_current(VERSION_KEY)
    with _lock:
        _version.update(value=value, until=now + settings.PUBLIC_PAGE_VERSION_SECONDS)
    return value


def content_changed(sender, update_fields=None, **kwargs):
    if sender._meta.label_lower in QUIET_MODELS:
        return
    if update_fields is not None and set(update_fields) <= QUIET_FIELDS:
        return
    bump_version()
    transaction.on_commit(bump_version)


def connect():
    """Every model's saves, deletes and many-to-many changes bump the version, except the quiet
    ones (called in WijraadConfig.ready, when every app's models are there)."""
    for model in apps.get_models():
        label = model._meta.label_lower
        if label in QUIET_MODELS:
            continue
        post_save.connect(content_changed, sender=model, dispatch_uid=f"public_pages.save.{label}")
        post_delete.connect(
            content_changed, sender=model, dispatch_uid=f"public_pages.delete.{label}"
        )
    m2m_changed.connect(content_changed, dispatch_uid="public_pages.m2m")


def forget_all():
    """Drop every page of this process (the tests start each with none)."""
    with _lock:
        _pages.clear()
        _version.update(value=None, until=0.0)


def _kept(key):
    with _lock:
        found = _pages.get(key)
        if found is None:
            return None
        html, until = found
        if until < _clock():
            del _pages[key]
            return None
        _pages.move_to_end(key)
        return html


def _keep(key, html):
    with _lock:
        _pages[key] = (html, _clock() + settings.PUBLIC_PAGE_SECONDS)
        _pages.move_to_end(key)
        while len(_pages) > MAX_PAGES:
            _pages.popitem(last=False)


def _for_everyone(request):
    return (
        settings.PUBLIC_PAGE_CACHE
        and request.method in ("GET", "HEAD")
        and not request.GET
        and not request.user.is_authenticated
        and not len(get_messages(request))
    )


def not_for_everyone(response):
    """Mark a page of a decorated view as this visitor's own (a single-use challenge in a form):
    it is answered as rendered and not kept."""
    response.wijraad_not_for_everyone = True
    return response


def _answer(html, request):
    return HttpResponse(html.replace(CSRF_PLACEHOLDER, get_token(request)))


def public_page(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not _for_everyone(request):
            return view(request, *args, **kwargs)
        key = (request.path, get_language(), timezone.localdate(), current_version())
        html = _kept(key)
        if html is not None:
            return _answer(html, request)
        setattr(request, RENDERING, True)
        try:
            response = view(request, *args, **kwargs)
        finally:
            # An error page rendered after an exception (a 404) gets the visitor's own token.
            setattr(request, RENDERING, False)
        if (
            response.status_code != 200
            or response.streaming
            or getattr(response, "wijraad_not_for_everyone", False)
        ):
            # Not a page to keep (a 404 of a report not published, a page with a challenge of
            # its own, ...): its own token.
            if not response.streaming and CSRF_PLACEHOLDER.encode() in response.content:
                response.content = response.content.replace(
                    CSRF_PLACEHOLDER.encode(), get_token(request).encode()
                )
            return response
        html = response.content.decode(response.charset)
        _keep(key, html)
        return _answer(html, request)

    return wrapper
