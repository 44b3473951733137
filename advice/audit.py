"""What the audit log (django-auditlog) records for the advice app: dossiers, the adopted advice
and the board's answers (DESIGN.md). Their text is confidential until published: the log shows
that it changed, by whom and when, not what it says (members.audit explains why)."""

from auditlog.registry import auditlog

from members.audit import MASK, log_under_neutral_name


def register():
    from advice.models import AdoptedAdvice, BoardAnswer, Dossier

    auditlog.register(
        Dossier,
        mask_fields=["title", "board_question", "intended_decision"],
        mask_callable=MASK,
        m2m_fields={"working_group"},
    )
    auditlog.register(
        AdoptedAdvice,
        mask_fields=["text", "reasons", "summary", "conditions"],
        mask_callable=MASK,
    )
    auditlog.register(BoardAnswer, mask_fields=["text", "reasons", "summary"], mask_callable=MASK)
    for model in (Dossier, AdoptedAdvice, BoardAnswer):
        log_under_neutral_name(model)
