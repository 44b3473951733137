"""The members app's models, by sub-domain:

- `membership`: accounts, the council and its rules, terms, offices, board positions and
  confidentiality declarations;
- `invitations`: the invitation links that let a new person choose a password;
- `documents`: the council's document library.

Import them from here (`from members.models import Term`).
"""

from members.models.documents import Document, DocumentCategory, DocumentQuerySet
from members.models.invitations import Invitation, InvitationStatus
from members.models.membership import (
    BoardPosition,
    BoardPositionKind,
    ConfidentialityDeclaration,
    Council,
    CouncilRules,
    CouncilRulesQuerySet,
    DeclarationText,
    DeclarationTextQuerySet,
    Office,
    OfficeRole,
    PeriodQuerySet,
    RelationToWij,
    Term,
    User,
    UserManager,
    UserQuerySet,
)

__all__ = [
    "BoardPosition",
    "BoardPositionKind",
    "ConfidentialityDeclaration",
    "Council",
    "CouncilRules",
    "CouncilRulesQuerySet",
    "DeclarationText",
    "DeclarationTextQuerySet",
    "Document",
    "DocumentCategory",
    "DocumentQuerySet",
    "Invitation",
    "InvitationStatus",
    "Office",
    "OfficeRole",
    "PeriodQuerySet",
    "RelationToWij",
    "Term",
    "User",
    "UserManager",
    "UserQuerySet",
]
