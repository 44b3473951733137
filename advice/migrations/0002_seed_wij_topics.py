from django.db import migrations

# WIJ's own list of subjects the council advises on (seeds; DESIGN.md rule 5). The secretary
# keeps the list afterwards; names are stored in Dutch, the council's language.
WIJ_TOPICS = [
    "Privacy",
    "Locatie en ontvangst",
    "Informatie aan inwoners",
    "Wijziging van doelen of organisatie",
    "Tevredenheidsonderzoeken",
    "Kwaliteit en toegankelijkheid van ondersteuning",
]


def seed_topics(apps, schema_editor):
    Topic = apps.get_model("advice", "Topic")
    for name in WIJ_TOPICS:
        Topic.objects.get_or_create(name=name)


class Migration(migrations.Migration):
    dependencies = [("advice", "0001_dossiers_drafts_answers")]

    operations = [migrations.RunPython(seed_topics, migrations.RunPython.noop)]
