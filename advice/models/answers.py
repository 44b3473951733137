"""The board's side of a dossier: its written answer to the advice (follows, partly follows,
does not follow), a correction as a new linked answer, and the replacement consent of the
confidential committee (commissie van vertrouwenslieden) for a consent request.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from advice.models.dossiers import Dossier
from wijraad.models import PrivateFile


class AnswerPosition(models.TextChoices):
    FOLLOWS = "follows", _("Follows the advice")
    PARTLY = "partly", _("Partly follows the advice")
    NOT_FOLLOWS = "not_follows", _("Does not follow the advice")

    @classmethod
    def deviating(cls):
        """Answers that deviate from the advice: they need reasons and a consultation first."""
        return [cls.PARTLY, cls.NOT_FOLLOWS]


class BoardAnswer(models.Model):
    """The board's written answer. It is never changed once sent: a correction is a new answer
    that points to the one it corrects."""

    dossier = models.ForeignKey(
        Dossier, verbose_name=_("dossier"), on_delete=models.CASCADE, related_name="answers"
    )
    position = models.CharField(_("answer"), max_length=20, choices=AnswerPosition.choices)
    text = models.TextField(_("the board's answer"))
    reasons = models.TextField(_("reasons for deviating"), blank=True)
    summary = models.TextField(
        _("summary in plain language"),
        blank=True,
        max_length=1000,
        help_text=_("A few sentences anyone can understand, for the public page."),
    )
    consultation = models.ForeignKey(
        "meetings.Meeting",
        verbose_name=_("consultation meeting"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    corrects = models.OneToOneField(
        "self",
        verbose_name=_("corrects"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="correction",
    )
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("answered by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    answered_at = models.DateTimeField(_("answered at"), default=timezone.now)

    class Meta:
        verbose_name = _("board's answer")
        verbose_name_plural = _("board's answers")
        ordering = ["answered_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["dossier"],
                condition=Q(corrects__isnull=True),
                name="one_first_answer_per_dossier",
            ),
            models.CheckConstraint(
                condition=Q(position=AnswerPosition.FOLLOWS)
                | (~Q(reasons="") & Q(consultation__isnull=False)),
                name="deviating_answer_reasoned_after_consultation",
            ),
        ]

    def __str__(self):
        return f"{self.dossier_id}: {self.position}"

    @property
    def deviates(self):
        return self.position in AnswerPosition.deviating()


class ReplacementConsent(PrivateFile):
    """The confidential committee's decision to give replacement consent (vervangende
    instemming) where the council refused, with its document."""

    dossier = models.OneToOneField(
        Dossier,
        verbose_name=_("dossier"),
        on_delete=models.CASCADE,
        related_name="replacement_consent",
    )
    decided_on = models.DateField(_("decided on"))
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("replacement consent")
        verbose_name_plural = _("replacement consents")

    def __str__(self):
        return f"{self.dossier_id}: {self.decided_on}"
