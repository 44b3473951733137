"""Reactions of the members app: to changes of accounts and to allauth's two-step verification
events (connected in MembersConfig.ready)."""

from allauth.account.internal.flows.login import record_authentication
from allauth.mfa.models import Authenticator
from allauth.mfa.signals import authenticator_added
from django.db import transaction
from django.db.models.signals import post_delete, post_migrate, post_save
from django.dispatch import receiver

from members import services
from members.models import BoardPosition, ConfidentialityDeclaration, Office, Term, User
from members.roles import bump_roles_version

# What members.roles derives the roles from: a saved or deleted row of these changes someone's
# roles. (User: only its superuser flag counts; `is_active` is read from the user object.)
ROLE_SOURCES = (Term, Office, BoardPosition, ConfidentialityDeclaration, User)
USER_ROLE_FIELDS = {"is_superuser"}


def _roles_changed(sender, update_fields=None, **kwargs):
    """Drop every cached role, at once (for the rest of this transaction) and again when it
    commits (a request that read the old rows meanwhile cached them under the old version)."""
    if sender is User and update_fields is not None and not USER_ROLE_FIELDS & set(update_fields):
        return  # a login (last_login), a new password or changed details: no role changes
    bump_roles_version()
    transaction.on_commit(bump_roles_version)


@receiver(post_migrate, dispatch_uid="members.roles_after_migrate")
def roles_after_migrate(sender, **kwargs):
    """A migration may change role rows without sending signals (historical models)."""
    bump_roles_version()


for _model in ROLE_SOURCES:
    post_save.connect(_roles_changed, sender=_model, dispatch_uid=f"roles.save.{_model.__name__}")
    post_delete.connect(
        _roles_changed, sender=_model, dispatch_uid=f"roles.delete.{_model.__name__}"
    )


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
