"""The usual themes of residents' signals; the secretary changes the list afterwards."""

from django.db import migrations

THEMES = [
    ("Bereikbaarheid en wachttijd", "Hoe snel en makkelijk je WIJ bereikt."),
    ("Bejegening", "Hoe medewerkers met je omgaan."),
    ("Informatie en uitleg", "Brieven, de website, uitleg over regels."),
    ("Kwaliteit van de hulp", "Of de hulp past en helpt."),
    ("Locatie en ontvangst", "De WIJ-locatie, de balie, toegankelijkheid."),
    ("Privacy", "Wat er met je gegevens gebeurt."),
    ("Geld en schulden", "Inkomen, toeslagen, schulden."),
    ("Wonen en buurt", "Je huis, je straat, je wijk."),
    ("Anders", "Iets anders."),
]


def seed(apps, schema_editor):
    SignalTheme = apps.get_model("signals", "SignalTheme")
    for name, description in THEMES:
        SignalTheme.objects.get_or_create(name=name, defaults={"description": description})


class Migration(migrations.Migration):
    dependencies = [("signals", "0001_signals_themes_contacts_history")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
