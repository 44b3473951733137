"""Shared test fixtures. Each app's fixtures live beside its tests and are loaded here."""

pytest_plugins = [
    "wijraad.testing.fixtures",
    "wijraad.testing.browser",
    "wijraad.testing.files",
    "members.tests.fixtures",
]
