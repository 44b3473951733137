"""The models of the advice app, by sub-domain: dossiers (topics, the dossier, its states,
deadlines, documents), drafts (versions, comments, the adopted advice) and answers (the board's
answer, replacement consent).

Import them from here (`from advice.models import Dossier`); the modules depend one way:
dossiers ← drafts, answers.
"""

from advice.models.answers import AnswerPosition, BoardAnswer, ReplacementConsent
from advice.models.dossiers import (
    DOSSIER_TRANSITIONS,
    EDGES_NOT_FOR_KIND,
    FIRST_STATE,
    KIND_EXPLANATIONS,
    DeadlineExtension,
    DeadlineKind,
    Dossier,
    DossierDocument,
    DossierDocumentQuerySet,
    DossierKind,
    DossierQuerySet,
    DossierState,
    DossierStateChange,
    Topic,
    board_scope,
    dossier_scope,
    weeks_after,
)
from advice.models.drafts import (
    AdoptedAdvice,
    ConsentOutcome,
    DraftComment,
    DraftVersion,
    diff_lines,
)

__all__ = [
    "DOSSIER_TRANSITIONS",
    "EDGES_NOT_FOR_KIND",
    "FIRST_STATE",
    "KIND_EXPLANATIONS",
    "AdoptedAdvice",
    "AnswerPosition",
    "BoardAnswer",
    "ConsentOutcome",
    "DeadlineExtension",
    "DeadlineKind",
    "Dossier",
    "DossierDocument",
    "DossierDocumentQuerySet",
    "DossierKind",
    "DossierQuerySet",
    "DossierState",
    "DossierStateChange",
    "DraftComment",
    "DraftVersion",
    "ReplacementConsent",
    "Topic",
    "board_scope",
    "diff_lines",
    "dossier_scope",
    "weeks_after",
]
