"""A person's roles, derived from data and today's date, computed once per user object.

Nobody toggles a role by hand: a running term makes a member (with a signed declaration), an
office held today a chair or secretary (the staff secretary, too, only with a signed declaration),
a board position held today a board user. `roles_for` asks the database (`User.roles_on`) one
query per user object and day, and none for anonymous visitors, so pages that check many
permissions keep a constant number of queries. This module imports no models; the models import
it.
"""

from dataclasses import dataclass

from django.utils import timezone
from django.utils.functional import LazyObject

from wijraad.models import Visibility

_CACHE_ATTRIBUTE = "_wijraad_roles"


@dataclass(frozen=True)
class Roles:
    seated: bool = False  # a term running today, signed or not
    upcoming: bool = False  # appointed for a term that starts after today
    signed: bool = False  # a signature that counts today (ConfidentialityDeclaration.valid_on)
    former_member: bool = False  # a term has ended and none runs today
    chair_office: bool = False
    vice_chair_office: bool = False
    secretary_office: bool = False
    staff_secretary: bool = False  # ambtelijk secretaris: an employee, no term
    board: bool = False  # a board or director position today
    administrator: bool = False

    @property
    def member(self):
        return self.seated and self.signed

    @property
    def unsigned_member(self):
        return self.seated and not self.signed

    @property
    def staff_secretary_apart(self):
        """Holds the staff-secretary office and nothing it must be kept apart from: no seat and
        no board position (members.services refuses those together; this fails closed on rows
        that hold both anyway)."""
        return self.staff_secretary and not (self.seated or self.board)

    @property
    def must_sign(self):
        """Appointed (a term today or to come) or the staff secretary, and the declaration is not
        signed yet."""
        return (self.seated or self.upcoming or self.staff_secretary_apart) and not self.signed

    @property
    def chair(self):
        return self.chair_office and self.member

    @property
    def vice_chair(self):
        return self.vice_chair_office and self.member

    @property
    def secretary(self):
        """The staff secretary once she signed the confidentiality declaration, or a member
        holding the secretary's office. Unsigned, the staff secretary sees nothing confidential
        and does none of the secretary's work (it all shows people's details or the council's
        papers) until she signs."""
        return (self.staff_secretary_apart and self.signed) or (
            self.secretary_office and self.member
        )

    @property
    def visibility_levels(self):
        """The Visibility values this person may see."""
        levels = {Visibility.PUBLIC}
        if self.board or self.member or self.secretary:
            levels.add(Visibility.BOARD)
        if self.member or self.secretary:
            levels.add(Visibility.COUNCIL)
        if self.chair or self.secretary:
            levels.add(Visibility.RESTRICTED)
        return frozenset(levels)


NO_ROLES = Roles()


def roles_for(user, today=None):
    """The Roles of `user` on `today` (default: today in Europe/Amsterdam).

    Cached on the user object per day; anonymous and inactive users have no roles (no query).
    """
    if user is None or not user.is_authenticated or not user.is_active:
        return NO_ROLES
    if isinstance(user, LazyObject):
        # request.user: cache on the real user object, which has_perm() hands to predicates.
        user = user._wrapped
    today = today or timezone.localdate()
    cached = user.__dict__.get(_CACHE_ATTRIBUTE)
    if cached is not None and cached[0] == today:
        return cached[1]
    roles = user.roles_on(today)
    user.__dict__[_CACHE_ATTRIBUTE] = (today, roles)
    return roles


def forget_roles(user):
    """Drop the cached roles after a change to the person's terms, offices or declarations."""
    if user is not None:
        user.__dict__.pop(_CACHE_ATTRIBUTE, None)


def visibility_levels_for(user, today=None):
    """The set of wijraad.models.Visibility values `user` may see."""
    return roles_for(user, today).visibility_levels
