"""Receivers of the members app: allauth's two-step verification events."""

from allauth.account.internal.flows.login import record_authentication
from allauth.mfa.models import Authenticator
from allauth.mfa.signals import authenticator_added
from django.dispatch import receiver


@receiver(authenticator_added, dispatch_uid="members.totp_activated")
def on_authenticator_added(sender, request, user, authenticator, **kwargs):
    """Setting up an authenticator app means entering a code from it: this session has passed
    two-step verification (members.middleware asks for that record), so the person who was
    sent to the set-up page goes on without logging in again."""
    if request is None or authenticator.type != Authenticator.Type.TOTP:
        return
    record_authentication(
        request, user, "mfa", id=authenticator.pk, type=authenticator.type, activated=True
    )
