"""Factories for signals. They write rows directly to set the scene; to test a rule, go through
signals.services."""

import factory
from factory.django import DjangoModelFactory

from signals.models import Signal, SignalChannel, SignalContact, SignalTheme


class SignalThemeFactory(DjangoModelFactory):
    class Meta:
        model = SignalTheme
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Thema {n}")


class SignalFactory(DjangoModelFactory):
    class Meta:
        model = Signal

    theme = factory.SubFactory(SignalThemeFactory)
    story = "Ik stond lang in de wacht bij de telefoon."
    channel = SignalChannel.FORM


class SignalContactFactory(DjangoModelFactory):
    class Meta:
        model = SignalContact

    signal = factory.SubFactory(SignalFactory)
    name = "Mw. Bewoner"
    email = "bewoner@example.net"


def signal_with_email(**kwargs):
    """A signal with an e-mail address and a status-page token; returns (signal, token)."""
    signal = SignalFactory(**kwargs)
    token = signal.new_status_token()
    signal.save(update_fields=["status_selector", "status_hash"])
    SignalContactFactory(signal=signal)
    return signal, token
