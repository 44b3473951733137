"""Invitations: the only way to an account. A single-use, expiring link per person."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from members.models.membership import User


class InvitationStatus(models.TextChoices):
    OPEN = "open", _("Open")
    USED = "used", _("Used")
    REVOKED = "revoked", _("Replaced by a newer invitation")
    EXPIRED = "expired", _("Expired")


class Invitation(models.Model):
    """A single-use, expiring link that lets an invited person set their first password.

    Only a hash of the token is stored: the link in the e-mail is the only copy of the token.
    Sending a new invitation revokes the earlier ones (members.services.invitation_send).
    """

    person = models.ForeignKey(
        User, verbose_name=_("person"), on_delete=models.CASCADE, related_name="invitations"
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("sent at"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires at"))
    used_at = models.DateTimeField(_("used at"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    invited_by = models.ForeignKey(
        User,
        verbose_name=_("invited by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.person} ({self.created_at:%Y-%m-%d})"

    def status(self, now=None):
        now = now or timezone.now()
        if self.used_at:
            return InvitationStatus.USED
        if self.revoked_at:
            return InvitationStatus.REVOKED
        if self.expires_at <= now:
            return InvitationStatus.EXPIRED
        return InvitationStatus.OPEN
