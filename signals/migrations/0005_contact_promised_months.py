from django.db import migrations, models
from django.utils import timezone


def promise_the_rules_of_the_consent_day(apps, schema_editor):
    """Contact details given before the promise was stored: the consent box named the period of
    the rules in force that day (before the first rules record: the model's default)."""
    CouncilRules = apps.get_model("members", "CouncilRules")
    SignalContact = apps.get_model("signals", "SignalContact")
    field = CouncilRules._meta.get_field("signal_contact_retention_months")
    records = list(CouncilRules.objects.order_by("-valid_from"))
    contacts = list(SignalContact.objects.filter(promised_months__isnull=True))
    for contact in contacts:
        day = timezone.localtime(contact.consent_at).date()
        rules = next((record for record in records if record.valid_from <= day), None)
        contact.promised_months = (
            rules.signal_contact_retention_months if rules else field.get_default()
        )
    SignalContact.objects.bulk_update(contacts, ["promised_months"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0014_mail_preferences_and_reminder_limits"),
        ("signals", "0004_monthly_counts_for_trends"),
    ]

    operations = [
        migrations.AddField(
            model_name="signalcontact",
            name="promised_months",
            field=models.PositiveSmallIntegerField(
                blank=True,
                help_text="As promised when consent was given; empty: as the rules in force say.",
                null=True,
                verbose_name="removed after closing (months)",
            ),
        ),
        migrations.RunPython(
            promise_the_rules_of_the_consent_day, migrations.RunPython.noop, elidable=True
        ),
    ]
