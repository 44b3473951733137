"""Role predicates, written once and used by views, querysets and templates alike.

Each one reads members.roles.roles_for, so a page asks the database once per person, however
many predicates it checks.
"""

import rules

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


__all__ = [
    "is_administrator",
    "is_board",
    "is_chair",
    "is_former_member",
    "is_member",
    "is_seated",
    "is_secretary",
    "is_unsigned_member",
    "is_vice_chair",
]

# The secretary watches the scheduler too (wijraad.rules defines it for the administrator).
rules.set_perm("wijraad.view_scheduler_status", is_administrator | is_secretary)

# Accounts are never self-registered: the secretary invites people by e-mail.
rules.add_perm("members.invite_people", is_secretary)
