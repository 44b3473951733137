"""Reactions of the members app to changes of accounts (connected in MembersConfig.ready)."""

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
