"""A person's own choices about the e-mails the portal sends them (the delivery ledger asks
through members.preferences, registered in MembersConfig.ready())."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wijraad.models import MailFrequency


class MailPreferenceQuerySet(models.QuerySet):
    def reminder_leads(self, rules):
        """{user id: timedelta} for everyone who chose how long before a meeting the reminder
        comes, kept within the limits of `rules` (the secretary may have narrowed them since)."""
        chosen = self.exclude(reminder_lead_hours=None).values_list(
            "user_id", "reminder_lead_hours"
        )
        return {
            user_id: datetime.timedelta(hours=rules.clamp_reminder_lead(hours))
            for user_id, hours in chosen
        }


class MailPreference(models.Model):
    """Which e-mails a person gets and how often. No row: every e-mail, each at once, the
    reminder at the council's default lead time."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="mail_preference",
    )
    frequency = models.CharField(
        _("how often"), max_length=10, choices=MailFrequency.choices, default=MailFrequency.NOW
    )
    # The kinds (wijraad.deliveries) switched off; kinds that may not be switched off are never
    # stored here (members.services.mail_preferences_save).
    kinds_off = models.JSONField(_("e-mails switched off"), default=list, blank=True)
    reminder_lead_hours = models.PositiveSmallIntegerField(
        _("reminder before a meeting (hours)"), null=True, blank=True
    )
    updated_at = models.DateTimeField(_("changed at"), default=timezone.now)

    objects = MailPreferenceQuerySet.as_manager()

    class Meta:
        verbose_name = _("e-mail preference")
        verbose_name_plural = _("e-mail preferences")
        constraints = [
            models.CheckConstraint(
                condition=Q(frequency__in=MailFrequency.values), name="mail_preference_frequency"
            ),
            models.CheckConstraint(
                condition=Q(reminder_lead_hours__isnull=True) | Q(reminder_lead_hours__gt=0),
                name="mail_preference_lead_positive",
            ),
        ]

    def __str__(self):
        return str(_("E-mail preferences of %(person)s") % {"person": self.user_id})
