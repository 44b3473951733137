"""Reactions of the members app: to changes of accounts and to allauth's two-step verification
events (connected in MembersConfig.ready)."""

from allauth.account.internal.flows.login import record_authentication
from allauth.mfa.models import Authenticator
from allauth.mfa.signals import authenticator_added
from django.db.models.signals import post_save
from django.dispatch import receiver

from members import services
from members.models import User


@receiver(post_save, sender=User, dispatch_uid="members.revoke_invitations_on_password")
def revoke_invitations_on_password(sender, instance, update_fields=None, raw=False, **kwargs):
    """An account that got a usable password, however (a reset, a change, the admin, a command),
    needs no invitation any more: open invitation links stop working at once."""
    if raw or (update_fields is not None and "password" not in update_fields):
        return
    if instance.has_usable_password():
        services.invitations_revoke(person=instance)


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
