"""The personal data of the advice app, for the privacy statement (see wijraad.privacy)."""

from django.utils.translation import gettext_lazy as _

from wijraad.privacy import ALL, PersonalData

PERSONAL_DATA = [
    PersonalData(
        key="advice-roles",
        what=_(
            "Who asked for advice, registered a request, wrote or commented on a draft, adopted "
            "the advice, answered for the board, added a paper or changed a deadline or a state, "
            "and when."
        ),
        who=_("Whoever may see the advice dossier."),
        kept=_("As long as the dossier is kept: the advice is the council's archive."),
        fields={
            "advice.Dossier": ("requested_by", "registered_by", "working_group"),
            "advice.DossierStateChange": ("by", "at"),
            "advice.DeadlineExtension": ("by", "at"),
            "advice.DossierDocument": ("uploaded_by", "uploaded_at"),
            "advice.BoardAnswer": ("answered_by", "answered_at"),
            "advice.ReplacementConsent": ("uploaded_by", "uploaded_at"),
            "advice.DraftVersion": ("author", "created_at"),
            "advice.DraftComment": ("author", "created_at"),
            "advice.AdoptedAdvice": ("adopted_by", "adopted_at"),
        },
    ),
]

NOT_PERSONAL = {
    "advice.Topic": ALL,
    "advice.Dossier": (
        "id",
        "year",
        "number",
        "kind",
        "title",
        "topic",
        "board_question",
        "intended_decision",
        "requested_on",
        "advice_due",
        "answer_due",
        "state",
        "visibility",
        "revision",
        "sent_at",
        "published_at",
        "decision_planned_on",
        "decision_carried_out_on",
        "created_at",
        "updated_at",
        "agenda_items",
    ),
    "advice.DossierStateChange": ("id", "dossier", "from_state", "to_state", "reason"),
    "advice.DeadlineExtension": ("id", "dossier", "deadline", "old_date", "new_date", "reason"),
    "advice.DossierDocument": (
        "id",
        "dossier",
        "file",
        "original_name",
        "size",
        "content_type",
        "title",
        "visibility",
    ),
    "advice.BoardAnswer": (
        "id",
        "dossier",
        "position",
        "summary",
        "text",
        "reasons",
        "consultation",
        "corrects",
    ),
    "advice.ReplacementConsent": (
        "id",
        "dossier",
        "file",
        "original_name",
        "size",
        "content_type",
        "decided_on",
        "note",
    ),
    "advice.DraftVersion": ("id", "dossier", "number", "text"),
    "advice.DraftComment": ("id", "version", "text"),
    "advice.AdoptedAdvice": (
        "id",
        "dossier",
        "version",
        "meeting",
        "summary",
        "text",
        "reasons",
        "conditions",
        "consent",
    ),
}
