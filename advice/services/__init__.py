"""The services of the advice app, by the same sub-domains as its models: dossiers, drafts,
answers. Callers write `from advice import services`."""

from advice.services.answers import (
    answer_correct,
    answer_give,
    consultations_for,
    decision_carried_out,
    replacement_consent_record,
)
from advice.services.dossiers import (
    consent_allows,
    deadline_extend,
    document_add,
    dossier_create,
    dossier_publish,
    dossier_put_on_agenda,
    dossier_transition,
    topic_add,
    topic_set_active,
    working_group_set,
)
from advice.services.drafts import (
    adoptable_meetings,
    advice_adopt,
    advice_send,
    comment_add,
    draft_save,
)

__all__ = [
    "adoptable_meetings",
    "advice_adopt",
    "advice_send",
    "answer_correct",
    "answer_give",
    "comment_add",
    "consent_allows",
    "consultations_for",
    "deadline_extend",
    "decision_carried_out",
    "document_add",
    "dossier_create",
    "dossier_publish",
    "dossier_put_on_agenda",
    "dossier_transition",
    "draft_save",
    "replacement_consent_record",
    "topic_add",
    "topic_set_active",
    "working_group_set",
]
