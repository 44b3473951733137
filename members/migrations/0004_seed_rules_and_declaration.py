"""Seed the council's own row, the rules record with DESIGN.md's defaults, and the first text of
the confidentiality declaration."""

import datetime

from django.db import migrations

DECLARATION_VERSION = "2026-1"
DECLARATION_TEXT = """Geheimhoudingsverklaring WIJ-raad

Ik ben lid van de WIJ-raad, de cliëntenraad van WIJ Groningen. Ik beloof het volgende:

1. Wat ik in de WIJ-raad hoor of lees en vertrouwelijk is, vertel ik aan niemand buiten de WIJ-raad. Dat geldt voor vertrouwelijke stukken, verslagen en gesprekken, en voor alles wat ik hoor over inwoners.
2. Ik gebruik vertrouwelijke informatie alleen voor mijn werk in de WIJ-raad.
3. Ik bewaar vertrouwelijke stukken zo dat anderen ze niet kunnen zien. Ik deel mijn wachtwoord niet, en ik stuur geen stukken uit het portaal door.
4. Praat ik over de ervaring van een inwoner, dan noem ik geen naam of andere gegevens waaraan iemand die inwoner kan herkennen.
5. Twijfel ik of iets vertrouwelijk is? Dan vraag ik het eerst aan de voorzitter of de secretaris.
6. Deze plicht blijft gelden als mijn lidmaatschap voorbij is. Mijn toegang tot vertrouwelijke stukken stopt op de dag dat mijn zittingstermijn eindigt.

Ik onderteken deze verklaring in het portaal van de WIJ-raad."""


def seed(apps, schema_editor):
    Council = apps.get_model("members", "Council")
    CouncilRules = apps.get_model("members", "CouncilRules")
    DeclarationText = apps.get_model("members", "DeclarationText")
    Council.objects.get_or_create(pk=1, defaults={"name": "WIJ-raad"})
    # Field defaults are DESIGN.md's numbers; in force from before any term the portal records.
    CouncilRules.objects.get_or_create(
        valid_from=datetime.date(2000, 1, 1),
        defaults={"note": "Standaardregels: reglement WIJ-raad en de Wmcz 2018."},
    )
    DeclarationText.objects.get_or_create(
        version=DECLARATION_VERSION,
        defaults={"body": DECLARATION_TEXT, "in_force_from": datetime.date(2026, 1, 1)},
    )


class Migration(migrations.Migration):

    dependencies = [
        ("members", "0003_terms_offices_declarations"),
    ]

    operations = [
        migrations.RunPython(seed, migrations.RunPython.noop),
    ]
