"""Switching an account off and on again: the appended history of who did it, when and why."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AccountStatusChange(models.Model):
    """An account switched off (`active` False) or on again by the secretary
    (members.services.account_switch). Appended, never changed."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="account_changes",
    )
    active = models.BooleanField(_("active afterwards"))
    reason = models.CharField(_("reason"), max_length=300)
    changed_at = models.DateTimeField(_("changed at"), default=timezone.now)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("account switched off or on")
        verbose_name_plural = _("accounts switched off or on")
        ordering = ["-changed_at", "-id"]

    def __str__(self):
        state = _("on") if self.active else _("off")
        return f"{self.person}: {state}"
