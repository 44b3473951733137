"""A person's own e-mail preferences: saved here, read by the delivery ledger through the resolver
registered in MembersConfig.ready() (wijraad.deliveries.register_preferences)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from members.models import CouncilRules, MailPreference
from wijraad import deliveries
from wijraad.models import MailFrequency


def mail_preferences_for(user_ids):
    """{user id: deliveries.Preference} for those of `user_ids` who chose anything (one query)."""
    rows = MailPreference.objects.filter(user_id__in=user_ids).values_list(
        "user_id", "frequency", "kinds_off"
    )
    return {
        user_id: deliveries.Preference(frequency=frequency, kinds_off=frozenset(kinds_off))
        for user_id, frequency, kinds_off in rows
    }


def mail_preferences_save(*, user, frequency, kinds_on, reminder_lead_hours=None):
    """Save `user`'s choices: `kinds_on` are the kinds they want of those that may be switched
    off (deliveries.switchable_kinds); the others of those are stored as off, never a kind that
    is always on. A reminder time (hours, None: the council's default) must lie within the
    limits in force today."""
    if frequency not in MailFrequency.values:
        raise ValidationError({"frequency": _("Choose how often you get e-mails.")})
    switchable = [info.kind for info in deliveries.switchable_kinds()]
    unknown = set(kinds_on) - {info.kind for info in deliveries.listed_kinds()}
    if unknown:
        raise ValidationError({"kinds_on": _("This is not an e-mail of the portal.")})
    if reminder_lead_hours is not None:
        rules = CouncilRules.objects.in_force(timezone.localdate())
        low, high = rules.reminder_lead_min_hours, rules.reminder_lead_max_hours
        if not low <= reminder_lead_hours <= high:
            raise ValidationError(
                {
                    "reminder_lead_hours": ValidationError(
                        _(
                            "Choose a time from %(low)s to %(high)s hours before the meeting. "
                            "The secretary set these limits."
                        ),
                        code="outside_limits",
                        params={"low": low, "high": high},
                    )
                }
            )
    off = sorted(kind for kind in switchable if kind not in set(kinds_on))
    with transaction.atomic():
        preference, _created = MailPreference.objects.update_or_create(
            user=user,
            defaults={
                "frequency": frequency,
                "kinds_off": off,
                "reminder_lead_hours": reminder_lead_hours,
                "updated_at": timezone.now(),
            },
        )
    return preference
