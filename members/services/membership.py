"""Changes to the council's composition: terms, offices, board positions, declarations, a
person's details.

Each service is one transaction that first locks the council's row (Council.lock), then checks
the rules against the rules record in force and refuses with a translated ValidationError.
`by` is the person acting; it is written to the audit log as the actor.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from members.dates import add_years
from members.models import (
    BoardPosition,
    ConfidentialityDeclaration,
    Council,
    CouncilRules,
    DeclarationText,
    Office,
    OfficeRole,
    Term,
    TermWithdrawal,
    User,
)
from members.roles import forget_roles
from wijraad.audit import acting

# What the secretary (or the person) may fill in about a person besides name and address.
PERSON_DETAILS = ("phone", "neighbourhood", "expertise", "relation_to_wij")


def _day(day):
    return date_format(day, "j F Y")


def after_seat_count():
    """Called right after the seats are counted, before deciding; a seam for the concurrency test
    to hold two appointments at this point. Does nothing in normal use."""


# --- Terms -------------------------------------------------------------------------------------


def seats_taken_max(*, start, end, exclude=None):
    """The most seats taken on any day of [start, end), and the first day it happens; the term
    `exclude` (one being corrected) does not count.

    The count only rises on days a term starts, so those days (and `start`) are the ones to check.
    """
    terms = Term.objects.overlapping(start, end)
    if exclude is not None:
        terms = terms.exclude(pk=exclude.pk)
    periods = list(terms.values_list("start", "end"))
    days = sorted({start} | {term_start for term_start, _end in periods if term_start > start})
    busiest, busiest_day = 0, start
    for day in days:
        taken = sum(1 for term_start, term_end in periods if term_start <= day < term_end)
        if taken > busiest:
            busiest, busiest_day = taken, day
    return busiest, busiest_day


def _check_seat(*, person, start, end, rules, own_terms, exclude=None):
    """The rules a term [start, end) of `person` must keep besides the number of terms: no
    overlap with their other terms (`own_terms`, without `exclude`), no board position and no
    staff-secretary office on any of its days, and a free seat on every day. Called holding
    Council.lock()."""
    for term in own_terms:
        if exclude is not None and term.pk == exclude.pk:
            continue
        if term.start < end and start < term.end:
            raise ValidationError(
                _(
                    "%(name)s already has a term from %(start)s through %(last_day)s. "
                    "A new term can start on %(end)s at the earliest."
                ),
                code="term_overlap",
                params={
                    "name": person,
                    "start": _day(term.start),
                    "last_day": _day(term.last_day),
                    "end": _day(term.end),
                },
            )
    _refuse_overlap(
        BoardPosition.objects,
        person,
        start,
        end,
        _("%(name)s holds a board position in this period and cannot sit on the council."),
        code="board_member_in_council",
    )
    _refuse_overlap(
        _staff_secretaries(),
        person,
        start,
        end,
        _("%(name)s is the staff secretary in this period and cannot sit on the council."),
        code="staff_secretary_in_council",
    )

    taken, busiest_day = seats_taken_max(start=start, end=end, exclude=exclude)
    after_seat_count()
    if taken >= rules.max_seats:
        raise ValidationError(
            _(
                "All %(max)d seats are taken on %(day)s. A new term from %(start)s through "
                "%(last_day)s would be one too many."
            ),
            code="max_seats",
            params={
                "max": rules.max_seats,
                "day": _day(busiest_day),
                "start": _day(start),
                "last_day": _day(end - datetime.timedelta(days=1)),
            },
        )


def _appoint(*, person, start, by):
    Council.lock()
    rules = CouncilRules.objects.in_force(start)
    end = add_years(start, rules.term_length_years)
    own_terms = list(Term.objects.filter(person=person))

    if len(own_terms) >= rules.max_terms:
        raise ValidationError(
            _("%(name)s has already had %(count)d terms; nobody can have more than %(max)d."),
            code="max_terms",
            params={"name": person, "count": len(own_terms), "max": rules.max_terms},
        )
    _check_seat(person=person, start=start, end=end, rules=rules, own_terms=own_terms)

    with acting(by):
        term = Term(
            person=person, ordinal=len(own_terms) + 1, start=start, end=end, planned_end=end
        )
        term.full_clean()
        term.save()
    forget_roles(person)
    return term


def term_appoint(*, person, start, by=None):
    """Appoint `person` for a term of the rules' length, starting on `start`."""
    with transaction.atomic():
        return _appoint(person=person, start=start, by=by)


def term_reappoint(*, person, start=None, by=None):
    """Appoint `person` for another term; by default it starts when the previous term ends."""
    with transaction.atomic():
        Council.lock()
        previous = Term.objects.filter(person=person).order_by("-start").first()
        if previous is None:
            raise ValidationError(
                _("%(name)s has had no term yet; appoint them for a first term instead."),
                code="no_previous_term",
                params={"name": person},
            )
        return _appoint(person=person, start=start or previous.end, by=by)


def term_end_early(*, term, on, reason, by=None):
    """End `term` before its planned end: from `on` the person holds no seat, and no council
    office (chair, vice-chair, secretary) either."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Give the reason why the term ends early."), code="reason_required")
    person = term.person
    with transaction.atomic():
        Council.lock()
        term = Term.objects.select_for_update().get(pk=term.pk)
        if on <= term.start:
            raise ValidationError(
                _("A term cannot end on or before its start (%(start)s)."),
                code="end_before_start",
                params={"start": _day(term.start)},
            )
        if on >= term.end:
            raise ValidationError(
                _(
                    "The term already runs through %(last_day)s; to end it early, "
                    "choose an earlier day."
                ),
                code="end_not_earlier",
                params={"last_day": _day(term.last_day)},
            )
        with acting(by):
            term.end = on
            term.end_reason = reason
            term.save(update_fields=["end", "end_reason"])
            # A council office cannot outlast the seat: it ends the same day.
            outlasting = (
                Office.objects.select_for_update()
                .filter(person=person, role__in=OfficeRole.council_offices(), start__lt=on)
                .filter(Q(end__isnull=True) | Q(end__gt=on))
            )
            for holding in outlasting:
                holding.end = on
                holding.save(update_fields=["end"])
    forget_roles(person)
    return term


# --- Corrections -------------------------------------------------------------------------------


def _refuse_office_in_term(term):
    """A council office (chair, vice-chair, secretary) needs the seat: a term that carries one
    is not withdrawn or moved until the office is ended."""
    offices = Office.objects.filter(
        person=term.person, role__in=OfficeRole.council_offices()
    ).overlapping(term.start, term.end)
    if offices.exists():
        raise ValidationError(
            _(
                "%(name)s holds an office of the council during this term. End or correct the "
                "office first."
            ),
            code="office_in_term",
            params={"name": term.person},
        )


def term_withdraw(*, term, reason, by=None):
    """Withdraw a term appointed by mistake: it is removed, as if never appointed, so it does
    not count toward the terms allowed; a TermWithdrawal keeps what was withdrawn, why, and by
    whom.

    Only the person's last term, and only before it starts or within Term.WITHDRAW_WITHIN_DAYS
    of recording it (Term.withdrawable); a term that has begun is otherwise ended early
    (term_end_early), which is something else: the seat was really held.
    """
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(
            _("Give the reason why the appointment is withdrawn."), code="reason_required"
        )
    today = timezone.localdate()
    person = term.person
    with transaction.atomic():
        Council.lock()
        term = Term.objects.select_for_update().select_related("person").get(pk=term.pk)
        if Term.objects.filter(person=person, start__gt=term.start).exists():
            raise ValidationError(
                _("%(name)s has a later term; withdraw that one first."),
                code="later_term",
                params={"name": person},
            )
        if not term.withdrawable(today):
            raise ValidationError(
                _(
                    "This term started on %(start)s and was recorded more than %(days)d days "
                    "ago; it cannot be withdrawn. End it early instead."
                ),
                code="too_late",
                params={"start": _day(term.start), "days": Term.WITHDRAW_WITHIN_DAYS},
            )
        _refuse_office_in_term(term)
        with acting(by):
            withdrawal = TermWithdrawal.objects.create(
                person=person,
                ordinal=term.ordinal,
                start=term.start,
                end=term.end,
                reason=reason,
                withdrawn_by=by,
            )
            term.delete()
    forget_roles(person)
    return withdrawal


def term_start_correct(*, term, start, by=None):
    """Move the start of a term that has not begun to `start` (today or later); the end moves
    with it (the term length of the rules in force on the new start). The seat rules hold over
    the whole new span, counted under the council's lock as for a new appointment."""
    today = timezone.localdate()
    person = term.person
    with transaction.atomic():
        Council.lock()
        term = Term.objects.select_for_update().get(pk=term.pk)
        if term.start <= today:
            raise ValidationError(
                _(
                    "This term has already started (%(start)s); its start can no longer be "
                    "corrected."
                ),
                code="started",
                params={"start": _day(term.start)},
            )
        if term.ended_early:
            raise ValidationError(
                _("This term already has an early end; withdraw it and appoint again instead."),
                code="ended_early",
            )
        if start < today:
            raise ValidationError(
                _("The new first day cannot be in the past."), code="start_in_past"
            )
        if start == term.start:
            return term
        _refuse_office_in_term(term)
        rules = CouncilRules.objects.in_force(start)
        end = add_years(start, rules.term_length_years)
        own_terms = list(Term.objects.filter(person=person))
        _check_seat(
            person=person, start=start, end=end, rules=rules, own_terms=own_terms, exclude=term
        )
        with acting(by):
            term.start = start
            term.end = end
            term.planned_end = end
            term.full_clean()
            term.save(update_fields=["start", "end", "planned_end"])
    forget_roles(person)
    return term


# --- Offices -----------------------------------------------------------------------------------


def _refuse_overlap(rows, person, start, end, message, *, code, **params):
    """Refuse with `message` when `person` has one of `rows` (terms, offices, board positions) on
    a day of [start, end): the places kept apart, and one holding of a place at a time."""
    if rows.filter(person=person).overlapping(start, end).exists():
        raise ValidationError(message, code=code, params={"name": person, **params})


def _staff_secretaries():
    """The staff secretary is an employee supporting the council, kept apart from its seats and
    from the board it advises."""
    return Office.objects.filter(role=OfficeRole.STAFF_SECRETARY)


def _terms_cover(person, start, end):
    """Whether the person's terms cover every day of [start, end) (end None: only `start`)."""
    day = start
    for term in Term.objects.filter(person=person).order_by("start"):
        if term.start <= day < term.end:
            day = term.end
            if end is None or day >= end:
                return True
    return False


def office_grant(*, person, office, start, end=None, by=None):
    """Give `person` an office (OfficeRole) for [start, end); end None is open-ended.

    Chair, vice-chair and secretary need a term over the whole period (open-ended: on its start)
    and have one holder at a time; the staff secretary (ambtelijk secretaris) needs no term, and
    may have none, nor a board position, on any day of the office.
    """
    office = OfficeRole(office)
    label = str(office.label).lower()
    with transaction.atomic():
        Council.lock()
        if end is not None and end <= start:
            raise ValidationError(_("An office must end after it starts."), code="end_before_start")
        if office in OfficeRole.council_offices():
            if not _terms_cover(person, start, end):
                raise ValidationError(
                    _(
                        "%(name)s can only be %(office)s while holding a seat on the council, "
                        "and has no term for the whole period."
                    ),
                    code="office_needs_term",
                    params={"name": person, "office": label},
                )
            holder = (
                Office.objects.filter(role=office)
                .overlapping(start, end)
                .select_related("person")
                .first()
            )
            if holder is not None:
                raise ValidationError(
                    _("%(holder)s is %(office)s from %(start)s; end that office first."),
                    code="office_taken",
                    params={"holder": holder.person, "office": label, "start": _day(holder.start)},
                )
            if office in (OfficeRole.CHAIR, OfficeRole.VICE_CHAIR):
                other = OfficeRole.VICE_CHAIR if office == OfficeRole.CHAIR else OfficeRole.CHAIR
                if (
                    Office.objects.filter(person=person, role=other)
                    .overlapping(start, end)
                    .exists()
                ):
                    raise ValidationError(
                        _("The chair and the vice-chair must be two different people."),
                        code="chair_and_vice_chair",
                    )
        else:
            # The staff secretary: an employee, kept apart from the seats and the board.
            _check_staff_secretary_apart(person, start, end)
            _refuse_overlap(
                Office.objects.filter(role=office),
                person,
                start,
                end,
                _("%(name)s already is %(office)s in this period."),
                code="office_held",
                office=label,
            )
        with acting(by):
            holding = Office(person=person, role=office, start=start, end=end)
            holding.full_clean()
            holding.save()
    forget_roles(person)
    return holding


def _check_staff_secretary_apart(person, start, end):
    """The staff secretary has no seat and no board position on any day of her office."""
    _refuse_overlap(
        BoardPosition.objects,
        person,
        start,
        end,
        _("%(name)s holds a board position in this period and cannot be the staff secretary."),
        code="staff_secretary_on_board",
    )
    _refuse_overlap(
        Term.objects,
        person,
        start,
        end,
        _("%(name)s sits on the council in this period and cannot be the staff secretary."),
        code="staff_secretary_in_council",
    )


def period_end(*, period, on, by=None):
    """End an office or a board position (`period`): from `on` the person no longer holds it."""
    person = period.person
    with transaction.atomic():
        Council.lock()
        period = type(period).objects.select_for_update().get(pk=period.pk)
        _check_period_end(period, on)
        with acting(by):
            period.end = on
            period.save(update_fields=["end"])
    forget_roles(person)
    return period


def office_end(*, office_holding, on, by=None):
    """End an office: from `on` the person no longer holds it."""
    return period_end(period=office_holding, on=on, by=by)


def _check_period_end(period, on):
    if on <= period.start:
        raise ValidationError(
            _("The end cannot be on or before the start (%(start)s)."),
            code="end_before_start",
            params={"start": _day(period.start)},
        )
    if period.end is not None and on >= period.end:
        raise ValidationError(
            _("This already ends on %(end)s; a new end must be before that."),
            code="end_not_earlier",
            params={"end": _day(period.end)},
        )


# --- Board positions ---------------------------------------------------------------------------


def board_position_grant(*, person, kind, start, end=None, by=None):
    """Record that `person` holds a board or director position for [start, end)."""
    with transaction.atomic():
        Council.lock()
        if end is not None and end <= start:
            raise ValidationError(
                _("A position must end after it starts."), code="end_before_start"
            )
        _refuse_overlap(
            Term.objects,
            person,
            start,
            end,
            _("%(name)s sits on the council in this period and cannot be on the board."),
            code="council_member_on_board",
        )
        _refuse_overlap(
            _staff_secretaries(),
            person,
            start,
            end,
            _("%(name)s is the staff secretary in this period and cannot be on the board."),
            code="staff_secretary_on_board",
        )
        _refuse_overlap(
            BoardPosition.objects,
            person,
            start,
            end,
            _("%(name)s already holds a board position in this period."),
            code="position_held",
        )
        with acting(by):
            position = BoardPosition(person=person, kind=kind, start=start, end=end)
            position.full_clean()
            position.save()
    forget_roles(person)
    return position


def board_position_end(*, position, on, by=None):
    """End a board position: from `on` the person no longer holds it."""
    return period_end(period=position, on=on, by=by)


# --- Confidentiality ---------------------------------------------------------------------------


def declaration_sign(*, person, version=None):
    """Record that `person` signed the confidentiality declaration (default: the text in force).

    Only someone with a running or coming term, or the staff secretary (today or to come), signs.
    Signing a version whose signature still counts today changes nothing and returns that
    signature; after a gap in the membership, or once an "everyone signs again" text is in
    force, a new signature is recorded (the old ones stay: the duty lasts).
    """
    today = timezone.localdate()
    with transaction.atomic():
        if version is None:
            text = DeclarationText.objects.in_force(today)
        else:
            text = DeclarationText.objects.filter(version=version).first()
        if text is None:
            raise ValidationError(
                _("There is no confidentiality declaration to sign yet."), code="no_text"
            )
        in_force = DeclarationText.objects.in_force(today)
        if in_force is not None and text.in_force_from < in_force.in_force_from:
            raise ValidationError(
                _("Version %(version)s is no longer in force; sign version %(current)s."),
                code="old_text",
                params={"version": text.version, "current": in_force.version},
            )
        staff_secretary = Office.objects.filter(
            person=person, role=OfficeRole.STAFF_SECRETARY
        ).overlapping(today)
        if not (
            Term.objects.filter(person=person, end__gt=today).exists() or staff_secretary.exists()
        ):
            raise ValidationError(
                _(
                    "Only an appointed council member or the staff secretary signs the "
                    "confidentiality declaration."
                ),
                code="not_appointed",
            )
        counting = (
            ConfidentialityDeclaration.objects.valid_on(today)
            .filter(person=person, text=text)
            .first()
        )
        if counting is not None:
            return counting
        with acting(person):
            declaration = ConfidentialityDeclaration.objects.create(
                person=person, text=text, signed_at=timezone.now()
            )
    forget_roles(person)
    return declaration


def declaration_text_add(*, version, body, in_force_from, everyone_signs_again, by=None):
    """Enter a new text of the confidentiality declaration, in force from `in_force_from`
    (today or later: a signed text is never changed, and the past is not rewritten).

    With `everyone_signs_again`, earlier signatures stop counting from that day
    (ConfidentialityDeclaration.objects.valid_on).
    """
    today = timezone.localdate()
    if in_force_from < today:
        raise ValidationError(
            {
                "in_force_from": ValidationError(
                    _("A new text applies from today or later, not from the past."),
                    code="in_the_past",
                )
            }
        )
    version = (version or "").strip()
    if DeclarationText.objects.filter(version=version).exists():
        raise ValidationError(
            {
                "version": ValidationError(
                    _("There already is a text with version %(version)s."),
                    code="version_taken",
                    params={"version": version},
                )
            }
        )
    with transaction.atomic(), acting(by):
        text = DeclarationText(
            version=version,
            body=body,
            in_force_from=in_force_from,
            everyone_signs_again=everyone_signs_again,
        )
        text.full_clean()
        text.save()
    # Whose signature counts may change from `in_force_from`: roles are cached per (user, day),
    # so a text in force today must also drop today's cached roles; members.receivers bumps the
    # roles version on every saved DeclarationText (ROLE_SOURCES).
    return text


# --- People ------------------------------------------------------------------------------------


def person_update(*, person, by=None, **changes):
    """Change a person's name or details (PERSON_DETAILS); the e-mail address, which is also the
    login, is changed by the person themself on their account page."""
    allowed = {"name", *PERSON_DETAILS}
    unknown = set(changes) - allowed
    if unknown:
        raise TypeError(f"person_update() got unexpected fields: {sorted(unknown)}")
    with transaction.atomic(), acting(by):
        person = User.objects.select_for_update().get(pk=person.pk)
        for field, value in changes.items():
            setattr(person, field, value)
        person.full_clean(exclude=["password"])
        person.save(update_fields=list(changes))
    return person
