"""Two-step verification is required for the roles that can see or change the most.

The secretary, the chair, board users and every account that can reach the Django admin must use
an authenticator app (TOTP), and must have used it *in this session*. The check fails closed:

- the session shows (allauth's authentication records) that this person passed two-step
  verification when logging in → on you go; this costs no query;
- no such record, but the person has an authenticator → the session was made some other way
  than allauth's login with a code (an old admin login form, a password-only path): it ends at
  once and the person logs in again, with the code;
- no record and no authenticator yet → the TOTP set-up page, from every page except the pages
  needed to set it up or to leave.

Roles are derived on every request, so a role gained mid-session asks for two-step verification
at the next request.
"""

from allauth.account.authentication import get_authentication_records
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from members.roles import roles_for
from wijraad.security import log_event

# Pages a user must reach to set up two-factor authentication or to leave.
EXEMPT_URL_NAMES = {
    "mfa_activate_totp",
    "mfa_reauthenticate",
    "account_reauthenticate",
    "account_logout",
    "set_language",
    "mfa_authenticate",
}
# The ways of passing two-step verification that count (allauth's "mfa" record types).
MFA_TYPES = {Authenticator.Type.TOTP, Authenticator.Type.RECOVERY_CODES}


def mfa_required(user):
    """Whether `user` must use two-step verification: whoever reads restricted material or
    runs the council, board users, and any account that can reach the Django admin."""
    if user is None or not user.is_authenticated:
        return False
    if user.is_staff or user.is_superuser:
        return True
    roles = roles_for(user)
    return roles.secretary or roles.chair or roles.board or roles.administrator


def has_authenticator(user):
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def passed_mfa(request, user):
    """Whether this session passed two-step verification for `user` (allauth records every
    authentication step of the session; a login with a code adds an "mfa" record)."""
    return any(
        record.get("method") == "mfa" and record.get("type") in MFA_TYPES
        for record in get_authentication_records(request, user)
    )


def _redirect(request, response):
    if getattr(request, "htmx", False):
        response["HX-Redirect"] = response["Location"]
    return response


class RequireMFAMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        if not mfa_required(user) or passed_mfa(request, user):
            return None
        if has_authenticator(user):
            # Fail closed: the person could have used the code but this session did not.
            log_event("mfa_missing", request=request, user=user)
            logout(request)
            messages.warning(
                request,
                _(
                    "For your safety you were logged out: your role needs two-step "
                    "verification. Log in again with your password and the code from your "
                    "authenticator app."
                ),
            )
            return _redirect(
                request, redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
            )
        match = request.resolver_match
        if match is not None and match.url_name in EXEMPT_URL_NAMES:
            return None
        messages.warning(
            request,
            _(
                "Your role gives access to confidential information, so your account needs "
                "two-step verification. Set up an authenticator app to continue."
            ),
        )
        return _redirect(request, redirect("mfa_activate_totp"))
