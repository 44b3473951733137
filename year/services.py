"""The year app's services: recruitment (vacancies, the "let me know" list, applications and
their procedure) and the retention of applicants' data and old allowance statements; annual
reports; hiring panels; trainings; the volunteer allowance (rates, tax-free limits, approving a
statement). Keyword-only, one transaction each, Dutch ValidationErrors.
"""

import datetime
import logging

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from members import services as members_services
from members.dates import add_months
from members.models import Council, User
from wijraad.audit import acting
from wijraad.deliveries import Due, record_now
from wijraad.files import DOCUMENT_TYPES, check_upload
from year import reminders
from year.models import (
    APPLICATION_TRANSITIONS,
    HIRING_PANEL_TRANSITIONS,
    AllowanceRates,
    AllowanceStatement,
    AllowanceStatementLine,
    AnnualReport,
    Application,
    ApplicationNote,
    ApplicationState,
    ApplicationStateChange,
    HiringPanel,
    HiringPanelState,
    HiringPanelStateChange,
    TaxFreeLimit,
    Training,
    Vacancy,
    VacancyAlert,
)

logger = logging.getLogger(__name__)

# A CV and a letter: office documents and PDF (no images: a photo is not asked).
APPLICATION_FILE_TYPES = DOCUMENT_TYPES
# How long an address on the "let me know" list is kept.
ALERT_RETENTION_MONTHS = 12
# Allowance statements are kept for WIJ's financial records as the tax rules ask (the fiscal
# retention duty, Algemene wet inzake rijksbelastingen art. 52: seven years), counted from the
# end of the year a statement's period ends in.
STATEMENT_RETENTION_YEARS = 7


def vacancy_open(*, title, seats=1, note="", by=None):
    """Open a vacancy and write to everyone on the "let me know" list, through the delivery
    ledger (year.reminders.VACANCY_OPEN: once per address and vacancy). An address told is
    deleted by the retention run once its mail has gone out (it holds the address until then)."""
    with transaction.atomic(), acting(by):
        Council.lock()
        if Vacancy.objects.open_on().exists():
            raise ValidationError(
                _("A vacancy is already open. Close it before you open a new one."),
                code="already_open",
            )
        vacancy = Vacancy(title=title, seats=seats, note=note)
        vacancy.full_clean()
        vacancy.save()
        alerts = list(VacancyAlert.objects.filter(notified_at__isnull=True))
        record_now(Due(alert, None, reminders.VACANCY_OPEN, vacancy.pk) for alert in alerts)
        # Told once: the retention run deletes the address once the mail is out.
        VacancyAlert.objects.filter(pk__in=[alert.pk for alert in alerts]).update(
            notified_at=timezone.now()
        )
    return vacancy


def vacancy_close(*, vacancy, by=None):
    with transaction.atomic(), acting(by):
        vacancy = Vacancy.objects.select_for_update().get(pk=vacancy.pk)
        if vacancy.closed_on is not None:
            raise ValidationError(_("This vacancy is already closed."), code="closed")
        vacancy.closed_on = timezone.localdate()
        vacancy.save(update_fields=["closed_on"])
    return vacancy


def alert_subscribe(*, email):
    """Keep `email` to write to when a vacancy opens. Says nothing about whether it was there;
    an address that was told before is kept again, for a year from now."""
    email = email.strip().lower()
    VacancyAlert.objects.update_or_create(
        email=email, defaults={"created_at": timezone.now(), "notified_at": None}
    )


def application_submit(
    *, vacancy, name, email, phone="", cv, letter, keep_consent=False, language="nl"
):
    """Receive an application for an open vacancy; the applicant gets a confirmation e-mail."""
    if not vacancy.is_open():
        raise ValidationError(_("This vacancy is closed."), code="closed")
    errors = {}
    for field, upload in (("cv", cv), ("letter", letter)):
        try:
            check_upload(upload, allowed=APPLICATION_FILE_TYPES)
        except ValidationError as error:
            errors[field] = error
    if errors:
        raise ValidationError(errors)
    application = Application(
        vacancy=vacancy,
        name=name,
        email=email,
        phone=phone,
        cv=cv,
        cv_name=(cv.name or "")[:255],
        letter=letter,
        letter_name=(letter.name or "")[:255],
        keep_consent=keep_consent,
        preferred_language=language,
    )
    application.full_clean()
    try:
        with transaction.atomic():
            application.save()
            ApplicationStateChange.objects.create(
                application=application, to_state=ApplicationState.RECEIVED
            )
            record_now([Due(application, None, reminders.APPLICATION_RECEIVED)])
    except Exception:
        # The files are written before the row; without the row they must not stay behind.
        _delete_files(application)
        raise
    return application


def _delete_files(application):
    for file in (application.cv, application.letter):
        if file.name:
            file.storage.delete(file.name)


def _appointee(application, *, by):
    """The account an appointed applicant gets: a new one with an invitation, or the account
    that already has this address (a former member who applies again), which keeps its password,
    or gets a new invitation when it never chose one. Its details stay as they are."""
    try:
        # The account's address in any casing, as logging in finds it.
        existing = User.objects.get_by_natural_key(application.email)
    except User.DoesNotExist:
        existing = None
    if existing is None:
        return members_services.person_invite(
            email=application.email,
            name=application.name,
            preferred_language=application.preferred_language,
            phone=application.phone or None,
            by=by,
        )
    if not existing.is_active:
        raise ValidationError(
            _(
                "The address %(email)s belongs to an account that is switched off. Switch it on "
                "first (People), then appoint."
            )
            % {"email": application.email},
            code="inactive",
        )
    if not existing.has_usable_password():
        members_services.invitation_send(person=existing, by=by)
    return existing


def application_transition(*, application, to_state, note="", start=None, by=None):
    """Move an application one step on (APPLICATION_TRANSITIONS); the step is recorded.

    Appointing makes the person's account (or takes the one that has the address already: a
    former member who applies again), sends the invitation and appoints a term from `start`, in
    one transaction under the seat and term rules: a refused term appoints nobody. Not selecting
    sends the applicant a kind e-mail.
    """
    with transaction.atomic(), acting(by):
        application = Application.objects.select_for_update().get(pk=application.pk)
        from_state = ApplicationState(application.state)
        to_state = ApplicationState(to_state)
        if to_state not in APPLICATION_TRANSITIONS[from_state]:
            raise ValidationError(
                _("An application cannot go from “%(from)s” to “%(to)s”.")
                % {"from": from_state.label, "to": to_state.label},
                code="transition",
            )
        if to_state == ApplicationState.APPOINTED:
            if start is None:
                raise ValidationError(
                    {"start": _("Give the date the first term starts.")}, code="start_required"
                )
            person = _appointee(application, by=by)
            members_services.term_appoint(person=person, start=start, by=by)
            application.person = person
        application.state = to_state
        if to_state in ApplicationState.closed():
            application.closed_at = timezone.now()
        application.save(update_fields=["state", "closed_at", "person"])
        ApplicationStateChange.objects.create(
            application=application, from_state=from_state, to_state=to_state, by=by, note=note
        )
        if to_state == ApplicationState.NOT_SELECTED:
            record_now([Due(application, None, reminders.NOT_SELECTED)])
    return application


def application_note_add(*, application, text, by):
    text = text.strip()
    if not text:
        raise ValidationError({"text": _("Write a note.")}, code="empty")
    with transaction.atomic(), acting(by):
        # The step the note is made at, read under the lock a change of step takes too.
        application = Application.objects.select_for_update().get(pk=application.pk)
        return ApplicationNote.objects.create(
            application=application, state=application.state, text=text, author=by
        )


def application_delete(*, application):
    """Delete an application with its history, notes and, once committed, its files."""
    names = [(f.storage, f.name) for f in (application.cv, application.letter) if f.name]
    with transaction.atomic():
        application.delete()
        for storage, name in names:
            transaction.on_commit(lambda s=storage, n=name: s.delete(n))


def retention_run(*, now=None, dry_run=False):
    """Delete applicants' data whose keeping time has passed, addresses on the "let me know"
    list older than a year or told about a vacancy (once that mail is out), and allowance
    statements of periods that ended more than STATEMENT_RETENTION_YEARS full years ago.
    Idempotent: a second run finds nothing. Returns the counts."""
    now = now or timezone.now()
    applications = list(Application.objects.past_retention(now))
    alerts = VacancyAlert.objects.past_retention(
        older_than=add_months(now, -ALERT_RETENTION_MONTHS)
    )
    # A period ending in 2019 is kept through 2026 and goes on 1 January 2027.
    first_kept_year = timezone.localdate(now).year - STATEMENT_RETENTION_YEARS
    statements = AllowanceStatement.objects.filter(
        period_end__lte=datetime.date(first_kept_year, 1, 1)
    )
    counts = {
        "applications": len(applications),
        "alerts": alerts.count(),
        "statements": statements.count(),
    }
    if not dry_run:
        for application in applications:
            application_delete(application=application)
        alerts.delete()
        statements.delete()
    logger.info(
        "year retention%s: %d applications, %d alert addresses, %d allowance statements deleted",
        " (dry run)" if dry_run else "",
        counts["applications"],
        counts["alerts"],
        counts["statements"],
    )
    return counts


def default_start():
    """The first day of the next month: a suggestion for a first term's start."""
    today = timezone.localdate()
    return (today.replace(day=1) + datetime.timedelta(days=32)).replace(day=1)


def report_create(*, year, introduction, closing, by=None):
    """Start the annual report of `year` (only a year that has begun, and only once: an
    existing report is changed with report_update, never overwritten from here)."""
    if year > timezone.localdate().year:
        raise ValidationError({"year": _("This year has not begun yet.")}, code="future")
    with transaction.atomic(), acting(by):
        if AnnualReport.objects.filter(year=year).exists():
            raise ValidationError(
                {"year": _("There is already an annual report of this year. Change that one.")},
                code="exists",
            )
        report = AnnualReport(year=year, introduction=introduction, closing=closing)
        report.full_clean()
        report.save()
    return report


def report_update(*, report, introduction, closing, by=None):
    """Change the introduction and closing words of an annual report."""
    with transaction.atomic(), acting(by):
        report = AnnualReport.objects.select_for_update().get(pk=report.pk)
        report.introduction = introduction
        report.closing = closing
        report.save(update_fields=["introduction", "closing"])
    return report


def report_publish(*, report, publish=True, by=None):
    """Show the report on the public pages (or take it off them)."""
    with transaction.atomic(), acting(by):
        report.published_at = timezone.now() if publish else None
        report.save(update_fields=["published_at"])
    return report


def _check_participants(participants):

    members = set(User.objects.members(timezone.localdate()).values_list("pk", flat=True))
    if not participants:
        raise ValidationError(
            {"participants": _("Name the members who take part.")}, code="no_participants"
        )
    if any(person.pk not in members for person in participants):
        raise ValidationError(
            {"participants": _("Only members of the council can take part.")},
            code="not_a_member",
        )


# What hiring_panel_save changes; the state moves only through hiring_panel_transition.
HIRING_PANEL_FIELDS = ("position", "requested_on", "request", "outcome")


def hiring_panel_save(*, panel=None, participants=None, by=None, **fields):
    """Record WIJ's request to join a hiring panel (it starts as requested, in its history), or
    change its details (HIRING_PANEL_FIELDS only). Who takes part can change while the panel is
    accepted; the outcome is recorded when it took place (hiring_panel_transition) and can be
    corrected, not cleared, until closed. A finished panel is not changed any more."""
    unknown = set(fields) - set(HIRING_PANEL_FIELDS)
    if unknown:
        raise TypeError(f"hiring_panel_save cannot change {', '.join(sorted(unknown))}")
    new = panel is None
    with transaction.atomic(), acting(by):
        if new:
            panel = HiringPanel()
        else:
            panel = HiringPanel.objects.select_for_update().get(pk=panel.pk)
            if panel.is_finished:
                raise ValidationError(
                    _("This hiring panel is finished: it can no longer be changed."),
                    code="finished",
                )
        if "outcome" in fields:
            if panel.state != HiringPanelState.TOOK_PLACE:
                raise ValidationError(
                    {"outcome": _("The outcome is recorded once the procedure took place.")},
                    code="outcome_state",
                )
            fields["outcome"] = fields["outcome"].strip()
            if not fields["outcome"]:
                raise ValidationError(
                    {"outcome": _("Record the outcome of the procedure.")}, code="no_outcome"
                )
        for name, value in fields.items():
            setattr(panel, name, value)
        panel.full_clean()
        if new:
            panel.save()
            HiringPanelStateChange.objects.create(
                panel=panel, to_state=HiringPanelState.REQUESTED, by=by
            )
        elif fields:
            panel.save(update_fields=list(fields))
        if participants is not None:
            if panel.state != HiringPanelState.ACCEPTED:
                raise ValidationError(
                    {"participants": _("Who takes part is named when the request is accepted.")},
                    code="participants_state",
                )
            _check_participants(participants)
            panel.participants.set(participants)
    return panel


def hiring_panel_transition(*, panel, to_state, participants=(), outcome="", note="", by=None):
    """Move a hiring panel one step on (HIRING_PANEL_TRANSITIONS); the step is recorded.
    Accepting names the members who take part; "took place" records the outcome."""
    with transaction.atomic(), acting(by):
        panel = HiringPanel.objects.select_for_update().get(pk=panel.pk)
        from_state = HiringPanelState(panel.state)
        to_state = HiringPanelState(to_state)
        if to_state not in HIRING_PANEL_TRANSITIONS[from_state]:
            raise ValidationError(
                _("A hiring panel cannot go from “%(from)s” to “%(to)s”.")
                % {"from": from_state.label, "to": to_state.label},
                code="transition",
            )
        fields = ["state"]
        if to_state == HiringPanelState.ACCEPTED:
            _check_participants(participants)
            panel.participants.set(participants)
        if to_state == HiringPanelState.TOOK_PLACE:
            outcome = outcome.strip()
            if not outcome:
                raise ValidationError(
                    {"outcome": _("Record the outcome of the procedure.")}, code="no_outcome"
                )
            panel.outcome = outcome
            fields.append("outcome")
        panel.state = to_state
        panel.save(update_fields=fields)
        HiringPanelStateChange.objects.create(
            panel=panel, from_state=from_state, to_state=to_state, by=by, note=note
        )
    return panel


def training_add(*, person, title, date, hours, provider="", by=None):
    """Record a training a member followed."""
    training = Training(person=person, title=title, date=date, hours=hours, provider=provider)
    training.full_clean()
    with transaction.atomic(), acting(by):
        training.save()
    return training


def allowance_rates_set(*, valid_from, per_meeting, per_work_visit, per_month, by=None):
    """Set the allowance rates from `valid_from` on (a new record; earlier ones stay for the
    statements of their time)."""
    with transaction.atomic(), acting(by):
        rates, _created = AllowanceRates.objects.update_or_create(
            valid_from=valid_from,
            defaults={
                "per_meeting": per_meeting,
                "per_work_visit": per_work_visit,
                "per_month": per_month,
            },
        )
    return rates


def tax_free_limit_set(*, year, per_month, per_year, by=None):
    with transaction.atomic(), acting(by):
        limit, _created = TaxFreeLimit.objects.update_or_create(
            year=year, defaults={"per_month": per_month, "per_year": per_year}
        )
    return limit


def check_period(period_start, period_end, *, today=None):
    """A statement is for whole months that have ended, within one calendar year (the tax-free
    limits are per year): [period_start, period_end) from the first of a month to the first of
    a later one, no later than the first of this month."""
    today = today or timezone.localdate()
    if period_start.day != 1 or period_end.day != 1:
        raise ValidationError(
            _(
                "A statement is for whole months: the period starts and ends on the first day "
                "of a month."
            ),
            code="whole_months",
        )
    if period_end <= period_start:
        raise ValidationError(_("The period ends before it starts."), code="period")
    if period_end > today.replace(day=1):
        raise ValidationError(
            _(
                "A statement is for months that have ended: the last month of the period is "
                "last month at the latest."
            ),
            code="not_ended",
        )
    if period_start.year != (period_end - datetime.timedelta(days=1)).year:
        raise ValidationError(
            _(
                "The period crosses 1 January. The tax-free limits are per calendar year: make "
                "one statement per year."
            ),
            code="crosses_year",
        )


def statement_approve(*, person, period_start, period_end, by=None):
    """Approve the allowance statement of `person` for the period, as computed now. A month is
    approved once: a period that overlaps an approved statement is refused. Under concurrency the
    person's row is locked, so two approvals at once cannot both pay the same months. A warning
    about the tax-free limits does not stop it (never a silent cap)."""
    from year.allowance import statement_for

    check_period(period_start, period_end)
    with transaction.atomic(), acting(by):
        person = User.objects.select_for_update().get(pk=person.pk)
        approved = (
            AllowanceStatement.objects.overlapping(person, period_start, period_end)
            .order_by("period_start")
            .first()
        )
        if approved is not None:
            raise ValidationError(
                _(
                    "A statement for this member was already approved for (part of) this "
                    "period: %(start)s up to and including %(end)s."
                )
                % {
                    "start": date_format(approved.period_start, "F Y"),
                    "end": date_format(approved.period_end - datetime.timedelta(days=1), "F Y"),
                },
                code="twice",
            )
        return statement_store(statement_for(person, period_start, period_end), by=by)


def statement_store(statement, *, by=None, at=None):
    """Save a computed statement (year.allowance.Statement) with its lines, as approved. The
    checks are statement_approve's; the bench data loads through here without them."""
    approved = AllowanceStatement.objects.create(
        person=statement.person,
        period_start=statement.period_start,
        period_end=statement.period_end,
        meetings=statement.meetings,
        work_visits=statement.work_visits,
        months=statement.months,
        amount=statement.amount,
        approved_by=by,
        approved_at=at or timezone.now(),
    )
    # The lines are kept as approved: a later correction of the attendance does not change
    # what was paid.
    AllowanceStatementLine.objects.bulk_create(
        AllowanceStatementLine(
            statement=approved,
            kind=line.kind,
            day=line.day,
            meeting=line.meeting,
            amount=line.amount,
        )
        for line in statement.lines
    )
    return approved
