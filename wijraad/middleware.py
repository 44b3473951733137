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
from django.utils.cache import patch_vary_headers
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
