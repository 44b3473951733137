"""The privacy statement matches what the portal keeps: every field of every model of the
portal's own apps (and of the packages that keep personal data) is declared, in the app's own
`privacy.py`, either as personal data — shown on /privacy with who sees it and how long it is
kept — or as not personal. A new field that is neither fails here (see wijraad.privacy). And the
accessibility statement follows the Dutch model statement."""

import pytest
from django.apps import apps
from django.urls import reverse

from wijraad import privacy

pytestmark = pytest.mark.django_db


def models_to_declare():
    models = [
        model for label in privacy.PORTAL_APPS for model in apps.get_app_config(label).get_models()
    ]
    models += [apps.get_model(label) for label in privacy.THIRD_PARTY_MODELS]
    return models


def field_names(model):
    """The fields that hold data: the columns, and the many-to-many links (who took part)."""
    return {field.name for field in (*model._meta.concrete_fields, *model._meta.many_to_many)}


def declared(model, table):
    names = table.get(model._meta.label, ())
    return field_names(model) if names == privacy.ALL else set(names)


def personal_table():
    table = {}
    for item in privacy.declarations():
        for label, names in item.fields.items():
            model = apps.get_model(label)
            chosen = field_names(model) if names == privacy.ALL else set(names)
            table.setdefault(label, set()).update(chosen)
    return table


def test_every_field_of_every_model_is_declared_personal_or_not():
    personal = personal_table()
    not_personal = privacy.not_personal()
    undeclared = {}
    for model in models_to_declare():
        known = set(personal.get(model._meta.label, ())) | declared(model, not_personal)
        missing = field_names(model) - known
        if missing:
            undeclared[model._meta.label] = sorted(missing)
    assert not undeclared, (
        f"Declare these fields in the app's privacy.py (PERSONAL_DATA or NOT_PERSONAL), and say "
        f"on the privacy statement what they are and how long they are kept: {undeclared}"
    )


def test_no_field_is_both_and_every_declared_field_exists():
    personal = personal_table()
    not_personal = privacy.not_personal()
    for label, names in not_personal.items():
        model = apps.get_model(label)
        chosen = field_names(model) if names == privacy.ALL else set(names)
        assert chosen <= field_names(model), f"{label}: no fields {chosen - field_names(model)}"
        assert not chosen & personal.get(label, set()), f"{label}: declared both ways"
    for item in privacy.declarations():
        for label, names in item.fields.items():
            if names != privacy.ALL:
                model = apps.get_model(label)
                assert set(names) <= field_names(model), f"{item.key}: {label} has no {names}"


def test_the_statement_names_each_kind_of_personal_data(client):
    html = client.get(reverse("privacy")).content.decode()
    keys = [item.key for item in privacy.declarations()]
    assert len(keys) == len(set(keys))
    for item in privacy.declarations():
        assert f'id="{item.key}"' in html
    for text in (
        "telefoonnummer",
        "Wijk of dorp",
        "relatie met WIJ",
        "cliënt van WIJ",
        "de reden die",
        "Het beveiligingslogboek",
        "Hoelang we het bewaren",
    ):
        assert text in html, text


def test_the_statement_has_constant_queries(client, settings, django_assert_num_queries):
    # Three: the retention periods of signals and of applications, read from the rules in force
    # (signals.privacy, year.privacy), when the page is rendered (kept, it costs none).
    settings.PUBLIC_PAGE_CACHE = False
    with django_assert_num_queries(3):
        client.get(reverse("privacy"))


def test_the_accessibility_statement_follows_the_model_statement(client):
    """Status, date, how it was evaluated, known problems, how to report one (digitoegankelijk.nl,
    modelverklaring)."""
    html = client.get(reverse("accessibility")).content.decode()
    for anchor, heading in (
        ("status", "Status"),
        ("date", "Datum van deze verklaring"),
        ("evaluation", "Hoe het portaal is onderzocht"),
        ("known-problems", "Bekende problemen"),
        ("report", "Een probleem melden"),
    ):
        assert f'<h2 id="{anchor}">{heading}</h2>' in html
    assert "C: eerste maatregelen genomen." in html
    assert "Deze verklaring is opgesteld op 3 december 2026." in html
    assert "axe-core" in html
    assert 'href="mailto:wijraad@wij.groningen.nl"' in html
    assert "Nationale ombudsman" in html
