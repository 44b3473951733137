"""What the audit log (django-auditlog) records for the members app, and what it hides."""

from auditlog.registry import auditlog


def mask(value):
    """Hide a personal value completely; the log still shows that it was set or changed.

    auditlog passes values as text, an empty field as "None".
    """
    return value if value in ("", "None") else "********"


MASK = "members.audit.mask"


def register():
    from members.models import (
        BoardPosition,
        ConfidentialityDeclaration,
        CouncilRules,
        DeclarationText,
        Document,
        Office,
        Term,
        User,
    )

    auditlog.register(
        User,
        exclude_fields=["password", "last_login"],
        mask_fields=["email", "phone", "neighbourhood", "expertise", "relation_to_wij"],
        mask_callable=MASK,
    )
    for model in (Term, Office, BoardPosition, ConfidentialityDeclaration):
        auditlog.register(model)
    auditlog.register(CouncilRules)
    auditlog.register(DeclarationText)
    auditlog.register(Document, exclude_fields=["file"])
