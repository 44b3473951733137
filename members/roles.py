"""A person's roles, derived from data and today's date, computed once per user object.

Nobody toggles a role by hand: a running term makes a member (with a signed declaration), an
office held today a chair or secretary (the staff secretary, too, only with a signed declaration),
a board position held today a board user. `roles_for` asks the database (`User.roles_on`) once
per user and day, and none for anonymous visitors, so pages that check many permissions keep a
constant number of queries.

The roles are kept in two places: on the user object (for the rest of the request or task) and
in Django's cache under (user, day), together with the *roles version* — the latter only when
the cache is shared by every process (Redis: settings.ROLES_CACHE).
Every change of a term, office, board position, declaration or account bumps the version
(`bump_roles_version`, called by members.receivers at once and again when the transaction
commits), and a cached entry of another version is not used: a role is never older than the
last change. The version is read before the database is asked, so an entry written by a
request that raced a change carries the version from before it and is thrown away. This module
imports no models; the models import it.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django.utils.functional import LazyObject

from wijraad.cache import version_current, version_new
from wijraad.models import Visibility

_CACHE_ATTRIBUTE = "_wijraad_roles"
VERSION_KEY = "members.roles.version"
# A day's entry is useless the next day (the key holds the day); it expires a little later.
ENTRY_SECONDS = 26 * 60 * 60


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

    Cached on the user object and in the cache per (user, day) and roles version; anonymous and
    inactive users have no roles (no query).
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
    roles = _cached_roles_on(user, today)
    user.__dict__[_CACHE_ATTRIBUTE] = (today, roles)
    return roles


def _entry_key(user, day):
    return f"members.roles.{user.pk}.{day.isoformat()}"


def _cached_roles_on(user, day):
    """The roles from the cache when they were stored at the current version, else from the
    database (and stored). One round trip to the cache for a hit. Only with a cache all processes
    share (settings.ROLES_CACHE): a per-process cache would miss another process's change."""
    if not settings.ROLES_CACHE:
        return user.roles_on(day)
    key = _entry_key(user, day)
    found = cache.get_many([VERSION_KEY, key])
    version = version_current(VERSION_KEY, found)
    entry = found.get(key)
    if entry is not None and entry[0] == version:
        return entry[1]
    roles = user.roles_on(day)
    if version is not None:
        cache.set(key, (version, roles), timeout=ENTRY_SECONDS)
    return roles


def warm_roles(users, today=None):
    """Read the cached roles of many users in one round trip (a batch of e-mails): each user
    object whose entry is of the current version gets it, as `roles_for` would have kept it;
    the others are left to `roles_for`, which asks the database as always."""
    if not settings.ROLES_CACHE:
        return
    today = today or timezone.localdate()
    keys = {
        _entry_key(user, today): user
        for user in users
        if user.is_active and _CACHE_ATTRIBUTE not in user.__dict__
    }
    if not keys:
        return
    found = cache.get_many([VERSION_KEY, *keys])
    version = version_current(VERSION_KEY, found)
    for key, user in keys.items():
        entry = found.get(key)
        if entry is not None and entry[0] == version:
            user.__dict__[_CACHE_ATTRIBUTE] = (today, entry[1])


def bump_roles_version():
    """Invalidate every cached role: called on every change of what roles are made of."""
    version_new(VERSION_KEY)


def forget_roles(user):
    """Drop the cached roles after a change to the person's terms, offices or declarations."""
    if user is not None:
        user.__dict__.pop(_CACHE_ATTRIBUTE, None)


def visibility_levels_for(user, today=None):
    """The set of wijraad.models.Visibility values `user` may see."""
    return roles_for(user, today).visibility_levels
