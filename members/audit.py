"""What the audit log (django-auditlog) records for the members app, and what it hides.

The log is read in the Django admin by the administrator, who sees no confidential content
(DESIGN.md). So personal and confidential fields are masked: the log still shows *that* such a
field was set or changed, by whom and when, but not its text. Objects whose name is itself
confidential (a restricted document's title) are logged under a neutral name.
"""

from auditlog.registry import auditlog
from django.db.models.signals import pre_save

MASKED = "********"


def mask(value):
    """Hide a personal or confidential value completely; the log still shows that it was set or
    changed. auditlog passes values as text, an empty field as "None"."""
    return value if value in ("", "None") else MASKED


MASK = "members.audit.mask"

# Models whose str() may be confidential: their log entries name them by kind and number.
_NEUTRAL_NAMES = set()


def log_under_neutral_name(model):
    """Log `model` as e.g. "document 12", never by its str() (a title, a meeting's name)."""
    _NEUTRAL_NAMES.add(model._meta.label_lower)


def _neutral_object_repr(sender, instance, **kwargs):
    model = instance.content_type.model_class() if instance.content_type_id else None
    if model is not None and model._meta.label_lower in _NEUTRAL_NAMES:
        instance.object_repr = f"{model._meta.model_name} {instance.object_pk}"


def register():
    from auditlog.models import LogEntry

    from members.models import (
        AccountStatusChange,
        BoardPosition,
        ConfidentialityDeclaration,
        CouncilRules,
        DeclarationText,
        Document,
        Office,
        Term,
        TermWithdrawal,
        User,
    )

    pre_save.connect(_neutral_object_repr, sender=LogEntry, dispatch_uid="members.audit.repr")
    auditlog.register(
        User,
        exclude_fields=["password", "last_login"],
        mask_fields=["email", "phone", "neighbourhood", "expertise", "relation_to_wij"],
        mask_callable=MASK,
    )
    # Why a term ended early is the person's own business.
    auditlog.register(Term, mask_fields=["end_reason"], mask_callable=MASK)
    # Why an account was switched off may be personal.
    auditlog.register(AccountStatusChange, mask_fields=["reason"], mask_callable=MASK)
    # Why an appointment was withdrawn may be personal, too.
    auditlog.register(TermWithdrawal, mask_fields=["reason"], mask_callable=MASK)
    for model in (Office, BoardPosition, ConfidentialityDeclaration):
        auditlog.register(model)
    auditlog.register(CouncilRules)
    auditlog.register(DeclarationText)
    # A restricted document's title, description and file name are confidential themselves.
    auditlog.register(
        Document,
        exclude_fields=["file"],
        mask_fields=["title", "description", "original_name"],
        mask_callable=MASK,
    )
    log_under_neutral_name(Document)
