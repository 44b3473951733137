"""Private calendar feeds: a person's calendar address, of which only the token's hash is kept."""

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# --- Calendar feeds ------------------------------------------------------------------------------


def new_feed_token():
    return secrets.token_urlsafe(32)


def feed_token_hash(token):
    """What is stored of a calendar address's token: its SHA-256, in hexadecimal."""
    return hashlib.sha256(token.encode()).hexdigest()


class CalendarFeedQuerySet(models.QuerySet):
    def for_token(self, token):
        """The feed whose address holds `token`."""
        return self.filter(token_hash=feed_token_hash(token))


class CalendarFeed(models.Model):
    """A person's private calendar address. The token in the address is the credential
    (calendar apps cannot log in); like an invitation's, only its hash is stored, so the address
    is shown once, right after it is made (meetings.services.calendar_feed_reset). A new address,
    stopping it, or a new password ends the old one: it then answers 404."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="calendar_feed",
    )
    token_hash = models.CharField(_("token (SHA-256)"), max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    objects = CalendarFeedQuerySet.as_manager()

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")

    def __str__(self):
        return str(self.user)
