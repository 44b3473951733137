from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Visibility(models.TextChoices):
    """One scale for everything that can be shown (documents, agenda items, dossiers).

    Which levels a person may see follows from their role (members.rules).
    """

    PUBLIC = "public", _("Public: everyone")
    BOARD = "board", _("Council and board")
    COUNCIL = "council", _("Council: members and secretary")
    RESTRICTED = "restricted", _("Restricted: chair and secretary")


class Heartbeat(models.Model):
    """The last time a periodic process showed it is alive (written by Celery beat's task)."""

    name = models.CharField(_("name"), max_length=50, unique=True)
    last_seen = models.DateTimeField(_("last seen"))

    class Meta:
        verbose_name = _("heartbeat")
        verbose_name_plural = _("heartbeats")

    def __str__(self):
        return f"{self.name} @ {self.last_seen:%Y-%m-%d %H:%M:%S}"

    @classmethod
    def beat(cls, name="scheduler"):
        obj, _created = cls.objects.update_or_create(
            name=name, defaults={"last_seen": timezone.now()}
        )
        return obj

    def is_stale(self, now=None):
        now = now or timezone.now()
        age = (now - self.last_seen).total_seconds()
        return age > settings.HEARTBEAT_STALE_AFTER_SECONDS


class DownloadLog(models.Model):
    """One row per download of a non-public private file: who, what, when. Never edited."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.CharField(max_length=64)
    subject = GenericForeignKey("content_type", "object_id")
    file_name = models.CharField(_("file name"), max_length=255)
    visibility = models.CharField(_("visibility"), max_length=20)
    downloaded_at = models.DateTimeField(_("downloaded at"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("download")
        verbose_name_plural = _("download log")
        ordering = ["-downloaded_at"]
        indexes = [models.Index(fields=["content_type", "object_id"], name="download_subject_idx")]

    def __str__(self):
        return f"{self.file_name} ({self.downloaded_at:%Y-%m-%d %H:%M})"
