"""Receivers of the ground floor: security events from Django and allauth."""

import logging

from allauth.mfa.signals import authentication_failed
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver
from django.utils import timezone

from wijraad.security import address_hash, log_event

SESSION_LOGIN_AT = "wijraad_login_at"
SESSION_SEEN_AT = "wijraad_seen_at"


@receiver(user_logged_in, dispatch_uid="wijraad.login")
def on_login(sender, request, user, **kwargs):
    now = timezone.now().timestamp()
    if request is not None and hasattr(request, "session"):
        request.session[SESSION_LOGIN_AT] = now
        request.session[SESSION_SEEN_AT] = now
    log_event("login", request=request, user=user)


@receiver(user_logged_out, dispatch_uid="wijraad.logout")
def on_logout(sender, request, user, **kwargs):
    log_event("logout", request=request, user=user)


@receiver(user_login_failed, dispatch_uid="wijraad.login_failed")
def on_login_failed(sender, credentials, request=None, **kwargs):
    # `credentials` holds the password (Django masks it, but it is not ours to log at all).
    login = credentials.get("email") or credentials.get("username") or credentials.get("login")
    log_event("login_failed", request=request, account=address_hash(login), level=logging.WARNING)


@receiver(authentication_failed, dispatch_uid="wijraad.mfa_failed")
def on_mfa_failed(sender, request, user, authenticator, reauthentication=False, **kwargs):
    log_event(
        "mfa_failed",
        request=request,
        user=user,
        kind=authenticator.type,
        reauthentication=bool(reauthentication),
        level=logging.WARNING,
    )
