"""The signals app's models, split by sub-domain and re-exported here."""

from signals.models.signals import (
    SIGNAL_TRANSITIONS,
    STORY_MAX_LENGTH,
    ContactView,
    Signal,
    SignalChannel,
    SignalContact,
    SignalState,
    SignalStateChange,
    SignalTheme,
    status_verifier,
    token_hash,
)
from signals.models.tallies import LocationMonthCount, ThemeMonthCount  # noqa: E402

__all__ = [
    "LocationMonthCount",
    "ThemeMonthCount",
    "SIGNAL_TRANSITIONS",
    "STORY_MAX_LENGTH",
    "status_verifier",
    "token_hash",
    "ContactView",
    "Signal",
    "SignalChannel",
    "SignalContact",
    "SignalState",
    "SignalStateChange",
    "SignalTheme",
]
