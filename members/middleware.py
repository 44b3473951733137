"""Two-factor authentication is required for the roles that can see or change the most.

The secretary, board users and the administrator must have an authenticator app (TOTP). Such a
user without one is sent to the TOTP set-up page from every page, except the pages needed to set
it up or to log out. Roles are derived on every request, so a role gained mid-session asks for
two-factor authentication at the next request.
"""

from allauth.mfa.models import Authenticator
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from members.roles import roles_for

# Pages a user must reach to set up two-factor authentication or to leave.
EXEMPT_URL_NAMES = {
    "mfa_activate_totp",
    "mfa_reauthenticate",
    "account_reauthenticate",
    "account_logout",
    "set_language",
    "mfa_authenticate",
}


def mfa_required(user):
    roles = roles_for(user)
    return roles.secretary or roles.board or roles.administrator


def has_authenticator(user):
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


class RequireMFAMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        match = request.resolver_match
        if match is not None and match.url_name in EXEMPT_URL_NAMES:
            return None
        if not mfa_required(user) or has_authenticator(user):
            return None
        messages.warning(
            request,
            _(
                "Your role gives access to confidential information, so your account needs "
                "two-step verification. Set up an authenticator app to continue."
            ),
        )
        response = redirect("mfa_activate_totp")
        if getattr(request, "htmx", False):
            response["HX-Redirect"] = response["Location"]
        return response
