"""The council's work on its advice: draft versions (each with author and time), comments on a
draft, and the adopted advice (text, required reasons, a plain-language summary; for a consent
request also the council's consent outcome).

Drafts and comments are the council's own: the board never sees them (advice.rules).
"""

import difflib

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from advice.models.dossiers import Dossier


class DraftVersion(models.Model):
    """One version of the advice text. Versions are appended; a change is a new version."""

    dossier = models.ForeignKey(
        Dossier, verbose_name=_("dossier"), on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveSmallIntegerField(_("version"))
    text = models.TextField(_("text of the advice"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("written at"), default=timezone.now)

    class Meta:
        verbose_name = _("draft version")
        verbose_name_plural = _("draft versions")
        ordering = ["dossier", "number"]
        constraints = [
            models.UniqueConstraint(fields=["dossier", "number"], name="draft_version_unique"),
        ]

    def __str__(self):
        return f"{self.dossier_id} v{self.number}"


def diff_lines(old_text, new_text):
    """The difference between two texts as (kind, line) pairs, kind one of ' ', '-', '+'. Lines
    stay plain text: the template escapes them, so HTML in a draft stays inert."""
    lines = difflib.ndiff(old_text.splitlines(), new_text.splitlines())
    return [(line[0], line[2:]) for line in lines if line[:1] in {" ", "-", "+"}]


class DraftComment(models.Model):
    """A member's comment on one draft version."""

    version = models.ForeignKey(
        DraftVersion, verbose_name=_("version"), on_delete=models.CASCADE, related_name="comments"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    text = models.TextField(_("comment"))
    created_at = models.DateTimeField(_("written at"), default=timezone.now)

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.version_id}: {self.author_id}"


class ConsentOutcome(models.TextChoices):
    GIVEN = "given", _("Consent given")
    REFUSED = "refused", _("Consent refused")
    CONDITIONAL = "conditional", _("Consent given with conditions")

    @classmethod
    def allowing(cls):
        return [cls.GIVEN, cls.CONDITIONAL]


class AdoptedAdvice(models.Model):
    """The advice the council adopted in a council meeting: written and reasoned, with a short
    summary in plain language that the public page and e-mails use."""

    dossier = models.OneToOneField(
        Dossier, verbose_name=_("dossier"), on_delete=models.CASCADE, related_name="advice"
    )
    version = models.ForeignKey(
        DraftVersion,
        verbose_name=_("adopted version"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    text = models.TextField(_("advice"))
    reasons = models.TextField(_("reasons"))
    summary = models.TextField(
        _("summary in plain language"),
        max_length=1000,
        help_text=_("A few sentences anyone can understand. The public page uses them."),
    )
    consent = models.CharField(
        _("consent"), max_length=20, choices=ConsentOutcome.choices, blank=True
    )
    conditions = models.TextField(_("conditions"), blank=True)
    meeting = models.ForeignKey(
        "meetings.Meeting",
        verbose_name=_("adopted in the meeting"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    adopted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("adopted by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    adopted_at = models.DateTimeField(_("adopted at"), default=timezone.now)

    class Meta:
        verbose_name = _("adopted advice")
        verbose_name_plural = _("adopted advice")
        constraints = [
            models.CheckConstraint(
                condition=~Q(reasons="") & ~Q(summary=""), name="advice_reasoned_and_summarised"
            ),
            models.CheckConstraint(
                condition=~Q(consent=ConsentOutcome.CONDITIONAL) | ~Q(conditions=""),
                name="advice_conditions_named",
            ),
        ]

    def __str__(self):
        return f"{self.dossier_id}"
