"""The members app's services, by sub-domain (the same names as members.models):

- `membership`: terms, offices, board positions, the confidentiality declaration, a person's
  details;
- `accounts`: the secretary changes someone's e-mail address, switches an account off and on;
- `council`: the council's dated rules;
- `invitations`: inviting a new person and the link to choose a first password;
- `documents`: the document library;
- `preferences`: a person's own e-mail preferences.

Call them from here (`from members import services; services.term_appoint(...)`).
"""

from members.services.accounts import account_switch, person_email_change
from members.services.council import RULE_FIELDS, council_rules_add
from members.services.documents import (
    ALLOWED_TYPES,
    document_add,
    document_delete,
    document_downloads,
    document_update,
)
from members.services.invitations import (
    HAS_PASSWORD,
    INVITATION_REFUSALS,
    UNKNOWN_INVITATION,
    _token_hash,
    invitation_accept,
    invitation_for_token,
    invitation_send,
    invitations_revoke,
    person_invite,
)
from members.services.membership import (
    PERSON_DETAILS,
    after_seat_count,
    board_position_end,
    board_position_grant,
    declaration_sign,
    declaration_text_add,
    office_end,
    office_grant,
    period_end,
    person_update,
    seats_taken_max,
    term_appoint,
    term_end_early,
    term_reappoint,
    term_start_correct,
    term_withdraw,
)
from members.services.preferences import mail_preferences_for, mail_preferences_save

__all__ = [
    "RULE_FIELDS",
    "mail_preferences_for",
    "mail_preferences_save",
    "council_rules_add",
    "account_switch",
    "person_email_change",
    "ALLOWED_TYPES",
    "HAS_PASSWORD",
    "INVITATION_REFUSALS",
    "PERSON_DETAILS",
    "UNKNOWN_INVITATION",
    "_token_hash",
    "after_seat_count",
    "board_position_end",
    "board_position_grant",
    "declaration_sign",
    "declaration_text_add",
    "document_add",
    "document_delete",
    "document_downloads",
    "document_update",
    "invitation_accept",
    "invitation_for_token",
    "invitation_send",
    "invitations_revoke",
    "office_end",
    "office_grant",
    "person_invite",
    "period_end",
    "person_update",
    "seats_taken_max",
    "term_appoint",
    "term_end_early",
    "term_reappoint",
    "term_start_correct",
    "term_withdraw",
]
