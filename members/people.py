"""A person's place in and around the council on a given day, and the people page's sections.

Built on rows prefetched by `User.objects.with_history()`, so a list of any length costs the same
few queries. Nothing here changes anything; changes go through members.services.
"""

from dataclasses import dataclass, field
from functools import cached_property

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from members.models import OfficeRole, User
from wijraad.access import allowed


def _holds(period, day):
    return period.start <= day and (period.end is None or period.end > day)


def _history(person, prefetched, relation):
    """The rows User.objects.with_history() prefetched (oldest first), else asked now."""
    rows = getattr(person, prefetched, None)
    if rows is None:
        rows = getattr(person, relation).order_by("start", "id")
    return list(rows)


class Standing:
    """Where `person` stands on `today`: terms, offices and board positions."""

    def __init__(self, person, today):
        self.person = person
        self.today = today
        self.terms = _history(person, "history_terms", "terms")
        self.offices = _history(person, "history_offices", "offices")
        self.positions = _history(person, "history_positions", "board_positions")
        self.signed = getattr(person, "has_signed", False)

    @cached_property
    def current_term(self):
        return next((term for term in self.terms if term.is_running(self.today)), None)

    @cached_property
    def upcoming_term(self):
        return next((term for term in self.terms if term.start > self.today), None)

    @cached_property
    def last_ended_term(self):
        ended = [term for term in self.terms if term.end <= self.today]
        return ended[-1] if ended else None

    @cached_property
    def offices_today(self):
        return [office for office in self.offices if _holds(office, self.today)]

    @cached_property
    def positions_today(self):
        return [position for position in self.positions if _holds(position, self.today)]

    @property
    def seated(self):
        return self.current_term is not None

    @property
    def former(self):
        return self.current_term is None and self.last_ended_term is not None

    @property
    def staff_secretary(self):
        return any(office.role == OfficeRole.STAFF_SECRETARY for office in self.offices_today)

    @property
    def must_sign(self):
        """Appointed, or the staff secretary, and the declaration is not signed (as
        members.roles.Roles.must_sign)."""
        appointed = self.seated or self.upcoming_term is not None
        staff = self.staff_secretary and not (self.seated or self.positions_today)
        return (appointed or staff) and not self.signed

    @property
    def council_offices_today(self):
        return [o for o in self.offices_today if o.role in OfficeRole.council_offices()]

    @property
    def role_labels(self):
        """What the person is today, in words: their council offices or "member", staff
        secretary, board position."""
        labels = [office.get_role_display() for office in self.council_offices_today]
        if self.seated and not labels:
            labels.append(_("Member"))
        if self.staff_secretary:
            labels.append(OfficeRole.STAFF_SECRETARY.label)
        labels.extend(position.get_kind_display() for position in self.positions_today)
        return labels

    @cached_property
    def withdrawable_term(self):
        """The last term, when it may still be withdrawn (Term.withdrawable), else None."""
        last = self.terms[-1] if self.terms else None
        return last if last is not None and last.withdrawable(self.today) else None

    @cached_property
    def term_rows(self):
        """Each term with its status today (Term.status)."""
        return [(term, term.status(self.today)) for term in self.terms]

    def at_max_terms(self, max_terms):
        """Has had as many terms as the rules allow (`max_terms`): cannot be reappointed."""
        return len(self.terms) >= max_terms

    def reappointable(self, max_terms):
        """Has had a term, may have one more under the rules (`max_terms`), and has no term
        coming after the current one."""
        return bool(self.terms) and self.upcoming_term is None and not self.at_max_terms(max_terms)


@dataclass
class PeopleOverview:
    """The sections of the people page; each person appears in the first section that fits."""

    current: list = field(default_factory=list)
    upcoming: list = field(default_factory=list)
    staff: list = field(default_factory=list)
    board: list = field(default_factory=list)
    former: list = field(default_factory=list)
    others: list = field(default_factory=list)

    @property
    def signed_count(self):
        return sum(1 for standing in self.current if standing.signed)


def people_overview(*, user, today=None, full=True):
    """The people `user` may see, sorted by name, in sections. With `full` off (board users) only
    the current members. Four queries, whatever the number of people."""
    today = today or timezone.localdate()
    people = User.objects.visible_to(user, today).with_history().order_by("name", "email")
    overview = PeopleOverview()
    for person in people:
        standing = Standing(person, today)
        if standing.seated:
            overview.current.append(standing)
        elif not full:
            continue
        elif standing.upcoming_term is not None:
            overview.upcoming.append(standing)
        elif standing.staff_secretary:
            overview.staff.append(standing)
        elif standing.positions_today:
            overview.board.append(standing)
        elif standing.former:
            overview.former.append(standing)
        else:
            overview.others.append(standing)
    return overview


def address_list(*, user, today=None):
    """The council's address list for `user`: everyone with a place in or around the council
    today (a seat, an office, a board position) whose contact details `user` may see
    (members.view_contact_details: never a former member's), sorted by name. Four queries,
    whatever the number of people."""
    today = today or timezone.localdate()
    people = User.objects.visible_to(user, today).with_history().order_by("name", "email")
    rows = []
    for person in people:
        standing = Standing(person, today)
        has_a_place = standing.seated or standing.offices_today or standing.positions_today
        if has_a_place and allowed(user, "members.view_contact_details", person):
            rows.append(standing)
    return rows
