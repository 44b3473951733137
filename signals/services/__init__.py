"""The signals app's services (keyword-only, `by` the actor), split by sub-domain."""

from signals.services.intake import (
    signal_record,
    signal_submit,
)
from signals.services.retention import retention_run
from signals.services.tallies import tallies_rebuild, tally_add
from signals.services.triage import (
    contact_view,
    signal_link_agenda_item,
    signal_link_dossier,
    signal_merge,
    signal_transition,
    signal_unlink_agenda_item,
    signal_unlink_dossier,
    signal_update,
    status_lookup,
    theme_save,
)

__all__ = [
    "contact_view",
    "retention_run",
    "signal_link_agenda_item",
    "signal_link_dossier",
    "signal_merge",
    "signal_record",
    "signal_submit",
    "signal_transition",
    "signal_unlink_agenda_item",
    "signal_unlink_dossier",
    "signal_update",
    "status_lookup",
    "tallies_rebuild",
    "tally_add",
    "theme_save",
]
