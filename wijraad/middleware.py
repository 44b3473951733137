"""Language selection: Dutch unless the person chose otherwise.

Django's LocaleMiddleware would follow the browser's Accept-Language and show most visitors an
English portal. The council works in Dutch, so only an explicit choice counts: the language
cookie set by the language switch, else the account's preferred language, else Dutch.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import gettext as _

from wijraad.receivers import SESSION_LOGIN_AT, SESSION_SEEN_AT
from wijraad.security import log_event


class LanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.supported = {code for code, _name in settings.LANGUAGES}

    def language_for(self, request):
        language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if language in self.supported:
            return language
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.preferred_language in self.supported:
            return user.preferred_language
        return settings.LANGUAGE_CODE

    def __call__(self, request):
        language = self.language_for(request)
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        patch_vary_headers(response, ["Cookie"])
        response.headers.setdefault("Content-Language", translation.get_language())
        translation.deactivate()
        return response


class SessionTimeoutMiddleware:
    """End a session after inactivity and after an absolute maximum, whatever the cookie says.

    The login time and the last activity are kept in the session (set at login by
    wijraad.receivers). The last activity is written at most once a minute, so an ordinary page
    does not rewrite the session on every request.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            now = timezone.now().timestamp()
            login_at = request.session.get(SESSION_LOGIN_AT, now)
            seen_at = request.session.get(SESSION_SEEN_AT, now)
            idle = now - seen_at > settings.SESSION_IDLE_TIMEOUT
            too_old = now - login_at > settings.SESSION_ABSOLUTE_TIMEOUT
            if idle or too_old:
                log_event("session_expired", request=request, user=user, idle=idle)
                logout(request)
                messages.info(
                    request,
                    _("You were logged out because your session expired. Please log in again."),
                )
                return redirect_to_login(request.get_full_path())
            if now - seen_at > 60 or SESSION_SEEN_AT not in request.session:
                request.session[SESSION_SEEN_AT] = now
                request.session.setdefault(SESSION_LOGIN_AT, login_at)
        return self.get_response(request)


class AccessLogMiddleware:
    """Log every refused access (403, or 404 raised by a view) as a structured record."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, PermissionDenied):
            status = 403
        elif isinstance(exception, Http404):
            status = 404
        else:
            return None
        user = getattr(request, "user", None)
        log_event(
            "access_refused",
            request=request,
            user=user if user is not None and user.is_authenticated else None,
            status=status,
            method=request.method,
        )
        return None


class PrivateCacheMiddleware:
    """No browser or proxy keeps a page of a logged-in person (ASVS 14.3.2).

    Council members use shared computers at WIJ locations: after logging out, the back button or
    a proxy's cache must not show an agenda or a person's details. Every response to a request
    made while logged in (before or after the view: logging in and out count too) is marked
    `no-store, private`, added to whatever the view set, so a stricter header such as Django's
    `never_cache` stays as it is. The pages of logging in, two-step verification and password
    reset are marked for visitors as well. Public pages for visitors may be cached; static files
    never reach this middleware (WhiteNoise answers them first).
    """

    # allauth's pages on the way in; the invitation page (members) uses never_cache itself.
    PRIVATE_VIEWS = {
        "account_login",
        "account_reauthenticate",
        "account_reset_password",
        "account_reset_password_done",
        "account_reset_password_from_key",
        "account_reset_password_from_key_done",
        "mfa_authenticate",
        "mfa_reauthenticate",
    }

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        logged_in = self.logged_in(request)
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        if (
            logged_in
            or self.logged_in(request)
            or (match and match.view_name in self.PRIVATE_VIEWS)
        ):
            patch_cache_control(response, no_store=True, private=True)
        return response

    @staticmethod
    def logged_in(request):
        user = getattr(request, "user", None)
        return user is not None and user.is_authenticated
