"""Language selection: Dutch unless the person chose otherwise.

Django's LocaleMiddleware would follow the browser's Accept-Language and show most visitors an
English portal. The council works in Dutch, so only an explicit choice counts: the language
cookie set by the language switch, else the account's preferred language, else Dutch.
"""

from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_vary_headers


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
