"""Signals anonymised before the search app listened to the retention run (it removed stories
with an UPDATE, no receiver ran) kept their story's words in the index: the body and the vector.
The results hid them; the privacy statement says the words go. Here they go."""

from django.db import migrations


def forget_anonymised_signals(apps, schema_editor):
    Signal = apps.get_model("signals", "Signal")
    SearchDocument = apps.get_model("search", "SearchDocument")
    anonymised = Signal.objects.filter(anonymised_at__isnull=False).values("pk")
    SearchDocument.objects.filter(kind="signal", object_id__in=anonymised).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_search_documents"),
        ("signals", "0005_contact_promised_months"),
    ]

    operations = [
        # Nothing to undo: the words of a removed story cannot come back.
        migrations.RunPython(forget_anonymised_signals, migrations.RunPython.noop, elidable=True),
    ]
