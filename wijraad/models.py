from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wijraad.files import check_upload, private_storage, private_upload_to


class Visibility(models.TextChoices):
    """One scale for everything that can be shown (documents, agenda items, dossiers).

    Which levels a person may see follows from their role (members.rules).
    """

    PUBLIC = "public", _("Public: everyone")
    BOARD = "board", _("Council and board")
    COUNCIL = "council", _("Council: members and secretary")
    RESTRICTED = "restricted", _("Restricted: chair and secretary")


class PrivateFile(models.Model):
    """What every uploaded private file keeps (a library document, a meeting paper): the file under
    a random name in the private storage, its real name, size and type, who added it and when.

    `from_upload` checks the upload by its bytes and size before anything is stored; `store`
    saves the row and removes the file again when the row cannot be saved; `remove` deletes the
    row and, once that is committed, the file.
    """

    file = models.FileField(
        _("file"),
        storage=private_storage,
        upload_to=private_upload_to,
        max_length=200,
    )
    original_name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    content_type = models.CharField(_("type of file"), max_length=100)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("added by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("added on"), default=timezone.now)

    class Meta:
        abstract = True

    @classmethod
    def from_upload(cls, upload, *, allowed, by=None, **fields):
        content_type = check_upload(upload, allowed=allowed)
        return cls(
            file=upload,
            original_name=(upload.name or "")[:255],
            size=upload.size,
            content_type=content_type,
            uploaded_by=by,
            **fields,
        )

    def store(self):
        self.full_clean()
        try:
            with transaction.atomic():
                self.save()
        except Exception:
            # The file is written before the row; without the row it must not stay behind.
            if self.file.name:
                self.file.storage.delete(self.file.name)
            raise
        return self

    def remove(self):
        name, storage = self.file.name, self.file.storage
        with transaction.atomic():
            self.delete()
            transaction.on_commit(lambda: storage.delete(name))


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


class DeliveryState(models.TextChoices):
    PENDING = "pending", _("Waiting to be sent")
    SENDING = "sending", _("Being sent")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")
    SKIPPED = "skipped", _("Not needed any more")
    # The recipient chose an overview (daily or weekly): the row waits for it (`digest`).
    HELD = "held", _("Waiting for the overview")
    # The recipient switched this kind of e-mail off: recorded, not sent.
    SWITCHED_OFF = "switched_off", _("Switched off by the recipient")


class MailFrequency(models.TextChoices):
    """How often a person gets the e-mails that are not urgent (their own choice)."""

    NOW = "now", _("Immediately, one e-mail each time")
    DAILY = "daily", _("One overview a day")
    WEEKLY = "weekly", _("One overview a week")


class DeliveryQuerySet(models.QuerySet):
    def about(self, subject):
        content_type = ContentType.objects.get_for_model(subject)
        return self.filter(content_type=content_type, object_id=str(subject.pk))


class Delivery(models.Model):
    """The ledger of e-mails the portal sends on its own (reminders, notices): one row per
    (subject, revision, recipient, kind), so a message is recorded once, however often the sweep
    finds it due. Rows are made and moved by wijraad.deliveries only."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.CharField(max_length=64)
    subject = GenericForeignKey("content_type", "object_id")
    revision = models.PositiveIntegerField(_("revision"), default=0)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        on_delete=models.CASCADE,
        related_name="deliveries",
        # None: a message to an address outside the portal (a resident who left a signal); the
        # builder of the kind knows the address.
        null=True,
        blank=True,
    )
    kind = models.CharField(_("kind"), max_length=50)
    state = models.CharField(
        _("state"), max_length=20, choices=DeliveryState.choices, default=DeliveryState.PENDING
    )
    lease_until = models.DateTimeField(_("claimed until"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    message_id = models.CharField(_("Message-ID"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    queued_at = models.DateTimeField(_("queued at"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    updated_at = models.DateTimeField(_("changed at"), default=timezone.now)
    # The overview (a delivery of the kind deliveries.DIGEST) that carries this row, once it is
    # attached to one; a row sent through it is marked sent with it.
    digest = models.ForeignKey(
        "self",
        verbose_name=_("sent in the overview"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="bundled",
    )

    objects = DeliveryQuerySet.as_manager()

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "revision", "recipient", "kind"],
                name="delivery_once_per_subject_revision_recipient_kind",
            ),
            models.UniqueConstraint(
                fields=["content_type", "object_id", "revision", "kind"],
                condition=models.Q(recipient__isnull=True),
                name="delivery_once_per_subject_revision_kind_to_an_address",
            ),
            models.CheckConstraint(
                condition=models.Q(state__in=DeliveryState.values), name="delivery_state_known"
            ),
        ]
        indexes = [models.Index(fields=["state", "lease_until"], name="delivery_state_lease_idx")]

    def __str__(self):
        return f"{self.kind} #{self.object_id} r{self.revision} → {self.recipient_id}"
