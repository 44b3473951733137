"""What the audit log records for signals: the state, theme and links change with their actor;
the story, outcome and explanation are residents' words and are masked (members.audit). Contact
details are never in the audit log: their model is not registered; every view of them is logged
in signals.models.ContactView."""

from auditlog.registry import auditlog

from members.audit import MASK, log_under_neutral_name


def register():
    from signals.models import Signal, SignalTheme

    auditlog.register(
        Signal,
        mask_fields=["story", "outcome", "referral", "neighbourhood"],
        mask_callable=MASK,
        exclude_fields=["status_selector", "status_hash", "intake_key"],
        m2m_fields={"agenda_items"},
    )
    auditlog.register(SignalTheme)
    log_under_neutral_name(Signal)
