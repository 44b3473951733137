"""Store calendar-feed tokens hashed, like invitation tokens: the column is renamed and every
existing token is replaced by its SHA-256 in place, so the addresses calendar apps already
subscribe to keep working. Going back cannot recover the tokens: it removes the addresses
(their owners make new ones)."""

import hashlib

from django.db import migrations, models


def hash_tokens(apps, schema_editor):
    CalendarFeed = apps.get_model("meetings", "CalendarFeed")
    for feed in CalendarFeed.objects.only("pk", "token_hash").iterator():
        feed.token_hash = hashlib.sha256(feed.token_hash.encode()).hexdigest()
        feed.save(update_fields=["token_hash"])


def remove_addresses(apps, schema_editor):
    apps.get_model("meetings", "CalendarFeed").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0003_paper_uploader_optional"),
    ]

    operations = [
        # Renamed first: right after it, `token_hash` still holds the plain token.
        migrations.RenameField(model_name="calendarfeed", old_name="token", new_name="token_hash"),
        migrations.RunPython(hash_tokens, remove_addresses),
        migrations.AlterField(
            model_name="calendarfeed",
            name="token_hash",
            field=models.CharField(
                editable=False, max_length=64, unique=True, verbose_name="token (SHA-256)"
            ),
        ),
    ]
