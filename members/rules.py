"""Role predicates, written once and used by views, querysets and templates alike.

Each one reads members.roles.roles_for, so a page asks the database once per person, however
many predicates it checks.
"""

import rules
from django.contrib.auth import get_user_model
from django.utils import timezone

from members.people import Standing
from members.roles import roles_for
from wijraad.rules import is_administrator


@rules.predicate
def is_member(user):
    """A term running today and a signed confidentiality declaration."""
    return roles_for(user).member


@rules.predicate
def is_unsigned_member(user):
    """A term running today, but the confidentiality declaration is not signed yet."""
    return roles_for(user).unsigned_member


@rules.predicate
def is_seated(user):
    """Holds a seat today (counts for seats and quorum), signed or not."""
    return roles_for(user).seated


@rules.predicate
def is_former_member(user):
    """Had a term that has ended, and none runs today."""
    return roles_for(user).former_member


@rules.predicate
def is_chair(user):
    """A member holding the chair's office today."""
    return roles_for(user).chair


@rules.predicate
def is_vice_chair(user):
    """A member holding the vice-chair's office today."""
    return roles_for(user).vice_chair


@rules.predicate
def is_secretary(user):
    """The ambtelijk secretaris (staff) today, or a member holding the secretary's office."""
    return roles_for(user).secretary


@rules.predicate
def is_board(user):
    """Holds a board or director position today."""
    return roles_for(user).board


@rules.predicate
def must_sign_declaration(user):
    """Appointed (a term today or to come) and the confidentiality declaration is not signed."""
    return roles_for(user).must_sign


@rules.predicate
def is_self(user, person):
    """The person (a User) is the user themself."""
    return isinstance(person, get_user_model()) and user.is_authenticated and user.pk == person.pk


@rules.predicate
def has_left(user, person):
    """The person (a User) had a term and has no place in or around the council any more: no
    term today or to come, no office and no board position today. Reads the history prefetched
    by User.objects.with_history() when it is there."""
    if not isinstance(person, get_user_model()):
        return False
    standing = Standing(person, timezone.localdate())
    return (
        standing.former
        and standing.upcoming_term is None
        and not standing.offices_today
        and not standing.positions_today
    )


@rules.predicate
def can_see_document(user, document):
    """The document's visibility level is one the user may see (members.roles)."""
    return document is not None and document.visibility in roles_for(user).visibility_levels


# The council's own circle: members who signed (so also the chair) and the secretary.
is_council = is_member | is_secretary

__all__ = [
    "can_see_document",
    "has_left",
    "is_administrator",
    "is_board",
    "is_chair",
    "is_council",
    "is_former_member",
    "is_member",
    "is_seated",
    "is_secretary",
    "is_self",
    "is_unsigned_member",
    "is_vice_chair",
    "must_sign_declaration",
]

# The secretary watches the scheduler too (wijraad.rules defines it for the administrator).
rules.set_perm("wijraad.view_scheduler_status", is_administrator | is_secretary)

# Accounts are never self-registered: the secretary invites people by e-mail.
rules.add_perm("members.invite_people", is_secretary)

# Permission names never match a model permission Django creates ("view_document",
# "change_user"...): Django's ModelBackend grants those to a superuser, and the administrator must
# not see the council's content.

# --- People ------------------------------------------------------------------------------------
# The people page: the council's circle; board users see the current members' names and roles.
rules.add_perm("members.view_people", is_council | is_board)
# All of it: former and coming members, the staff secretary, the board, terms and contact data.
rules.add_perm("members.view_people_details", is_council)
# A person's page (terms, offices, positions): the council's circle, and everyone their own.
rules.add_perm("members.view_person", is_council | is_self)
# Contact data (e-mail, phone): the council's circle and the person; never the board. Of a
# former member only the secretary (and the person): members see their name, not how to reach them.
rules.add_perm("members.view_contact_details", is_secretary | is_self | (is_member & ~has_left))
# The address list (name, role, e-mail, phone) of the people with a place today: the council's
# circle; each row is checked against members.view_contact_details (no former members).
rules.add_perm("members.view_address_list", is_council)
# Relation to WIJ (whether someone is a client!), neighbourhood and expertise: the secretary and
# the person only.
rules.add_perm("members.view_personal_details", is_secretary | is_self)
rules.add_perm("members.change_personal_details", is_secretary | is_self)
# Who signed the confidentiality declaration, and when.
rules.add_perm("members.view_declarations", is_secretary | is_chair | is_self)
# Add people, appoint, reappoint, end terms, grant and end offices and board positions.
rules.add_perm("members.manage_people", is_secretary)
# A person's e-mail address (the login) and switching their account off and on.
rules.add_perm("members.manage_accounts", is_secretary)
rules.add_perm("members.sign_declaration", must_sign_declaration)
# Who has signed which version of the declaration, for everyone appointed.
rules.add_perm("members.view_signatures", is_secretary | is_chair)
# A new text of the declaration (and whether everyone signs again).
rules.add_perm("members.enter_declaration_text", is_secretary)
# The term schedule (rooster van aftreden) is the council's own planning.
rules.add_perm("members.view_term_schedule", is_council)
# The council's dated rules: the council's circle reads them, the secretary enters changes.
rules.add_perm("members.view_council_rules", is_council)
rules.add_perm("members.change_council_rules", is_secretary)
# The dashboard: the seats and their warnings.
rules.add_perm("members.view_seat_warnings", is_secretary | is_chair)

# --- History -----------------------------------------------------------------------------------
# Who changed what and when, and the download log: the secretary and the chair.
rules.add_perm("members.view_history", is_secretary | is_chair)

# --- Documents ---------------------------------------------------------------------------------
rules.add_perm("members.download_document", can_see_document)
rules.add_perm("members.manage_documents", is_secretary)
rules.add_perm("members.view_download_log", is_secretary)
# The dashboard: the latest documents, for those who see more than the public ones.
rules.add_perm("members.view_recent_documents", is_council | is_board)
