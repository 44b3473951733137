"""The members app's models, by sub-domain:

- `membership`: accounts, terms and confidentiality declarations, and who holds which place;
- `positions`: offices and board positions, on one dated-position base;
- `council`: the council's record and its dated rules;
- `accounts`: accounts switched off and on again by the secretary;
- `invitations`: the invitation links that let a new person choose a password;
- `documents`: the council's document library;
- `preferences`: a person's choices about the e-mails they get.

Import them from here (`from members.models import Term`).
"""

from members.models.accounts import AccountStatusChange
from members.models.council import Council, CouncilRules, CouncilRulesQuerySet
from members.models.documents import Document, DocumentCategory, DocumentQuerySet
from members.models.invitations import Invitation, InvitationStatus
from members.models.membership import (
    ConfidentialityDeclaration,
    DeclarationQuerySet,
    DeclarationText,
    DeclarationTextQuerySet,
    RelationToWij,
    Term,
    TermWithdrawal,
    User,
    UserManager,
    UserQuerySet,
)
from members.models.positions import (
    BoardPosition,
    BoardPositionKind,
    DatedPosition,
    Office,
    OfficeRole,
    PeriodQuerySet,
)
from members.models.preferences import MailPreference, MailPreferenceQuerySet

__all__ = [
    "AccountStatusChange",
    "BoardPosition",
    "BoardPositionKind",
    "ConfidentialityDeclaration",
    "Council",
    "CouncilRules",
    "CouncilRulesQuerySet",
    "DatedPosition",
    "DeclarationQuerySet",
    "DeclarationText",
    "DeclarationTextQuerySet",
    "Document",
    "DocumentCategory",
    "DocumentQuerySet",
    "Invitation",
    "InvitationStatus",
    "MailPreference",
    "MailPreferenceQuerySet",
    "Office",
    "OfficeRole",
    "PeriodQuerySet",
    "RelationToWij",
    "Term",
    "TermWithdrawal",
    "User",
    "UserManager",
    "UserQuerySet",
]
