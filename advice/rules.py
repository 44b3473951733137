"""Who may do what with advice dossiers, drafts, the adopted advice and the board's answers.

Built on the role predicates of members.rules (one cached query per person), registered with
`rules.add_perm("advice.<verb>_<noun>", predicate)` and asked through wijraad.access. Who sees
which dossier is Dossier.objects.visible_to(user): members and the secretary by the visibility
level; board users their own requests and what was sent to them; nobody else. The council's own
work (drafts, versions, comments, the working group) is never the board's: its querysets are
empty for board users, so their URLs answer 404 (advice.access).
"""

import rules

from advice.models import DossierState, dossier_scope
from members.roles import roles_for
from members.rules import is_board, is_chair, is_member, is_secretary

is_council = is_member | is_secretary


@rules.predicate
def can_see_dossier(user, dossier):
    return dossier is not None and dossier_scope(user) is not None


@rules.predicate
def is_sent(user, dossier):
    """The advice was sent to the board (what the board may read of the council's advice)."""
    return dossier is not None and dossier.state in DossierState.with_the_board()


@rules.predicate
def is_from_board(user, dossier):
    return dossier is not None and dossier.is_from_board


@rules.predicate
def can_see_level(user, thing):
    return thing is not None and thing.visibility in roles_for(user).visibility_levels


# The list of dossiers and the dashboard: the council's circle and the board.
rules.add_perm("advice.view_dossiers", is_council | is_board)
# The council opens unrequested advice; the secretary registers a request on the board's behalf.
rules.add_perm("advice.open_dossier", is_secretary | is_chair)
rules.add_perm("advice.register_request", is_secretary)
# The board submits requested advice and consent requests itself.
rules.add_perm("advice.submit_request", is_board)
# Keeping a dossier: the working group, agenda items, deadlines, documents, publishing, topics.
rules.add_perm("advice.manage_dossier", can_see_dossier & (is_secretary | is_chair))
rules.add_perm("advice.manage_topics", is_secretary)
# The council's own work on the advice: drafts, versions, comments.
rules.add_perm("advice.read_drafts", can_see_dossier & is_council)
rules.add_perm("advice.write_draft", can_see_dossier & is_council)
# Only the chair (or the secretary) records the adopted advice and sends it.
rules.add_perm("advice.adopt_advice", can_see_dossier & (is_chair | is_secretary))
rules.add_perm("advice.send_advice", can_see_dossier & (is_chair | is_secretary))
# The adopted advice and its letter: the council; the board once it was sent.
can_read_advice = can_see_dossier & (is_council | (is_board & is_sent))
rules.add_perm("advice.read_advice", can_read_advice)
# The board answers, records replacement consent and carries out a consented decision.
rules.add_perm("advice.answer_advice", can_see_dossier & is_board & is_sent)
rules.add_perm(
    "advice.record_replacement_consent", can_see_dossier & (is_board | is_secretary) & is_sent
)
rules.add_perm("advice.carry_out_decision", can_see_dossier & is_board & is_sent)
# Withdrawing: the council (chair, secretary), or the board its own request.
rules.add_perm(
    "advice.withdraw_dossier",
    can_see_dossier & (is_secretary | is_chair | (is_board & is_from_board)),
)
rules.add_perm("advice.download_dossier_document", can_see_level)


@rules.predicate
def can_read_advice_of(user, consent):
    """The replacement consent's document: whoever may read the dossier's advice."""
    return consent is not None and can_read_advice.test(user, consent.dossier)


rules.add_perm("advice.download_replacement_consent", can_read_advice_of)

# The dashboard: the council's advice to prepare (the secretary also what the board owes); the
# board its requests and the advice waiting for its answer.
rules.add_perm("advice.view_council_panel", is_council)
rules.add_perm("advice.view_board_panel", is_board)
rules.add_perm("advice.view_late_answers", is_secretary)
