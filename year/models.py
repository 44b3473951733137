"""The council's year, besides its meetings and advice: recruitment (vacancies, the "let me
know" list, applications and their procedure), the annual report, WIJ's hiring panels, members'
trainings, and the volunteer allowance (rates, tax-free limits, approved statements and their
lines).

An application holds only what the vacancy asks (name, contact details, CV, motivation letter and
an optional consent to keep it a year): no BSN, ID copy, photo or health data (DESIGN rule 14).
Its files live in private storage and go with the record (year.services.application_delete).
"""

import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from members.dates import add_months
from members.models import CouncilRules
from members.roles import roles_for
from wijraad.files import private_storage, private_upload_to
from wijraad.models import Delivery, DeliveryState


class VacancyQuerySet(models.QuerySet):
    def open_on(self, day=None):
        day = day or timezone.localdate()
        return self.filter(opened_on__lte=day).filter(
            Q(closed_on__isnull=True) | Q(closed_on__gt=day)
        )


class Vacancy(models.Model):
    """A period in which the council recruits: open from `opened_on` until it is closed."""

    title = models.CharField(_("title"), max_length=200, default=_("Member of the WIJ-raad"))
    seats = models.PositiveSmallIntegerField(_("number of places"), default=1)
    note = models.TextField(
        _("note for applicants"),
        blank=True,
        help_text=_("For example when the conversations will take place."),
    )
    opened_on = models.DateField(_("open from"), default=timezone.localdate)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)

    objects = VacancyQuerySet.as_manager()

    class Meta:
        verbose_name = _("vacancy")
        verbose_name_plural = _("vacancies")
        ordering = ["-opened_on", "-pk"]

    def __str__(self):
        return f"{self.title} ({self.opened_on:%d-%m-%Y})"

    def is_open(self, day=None):
        day = day or timezone.localdate()
        return self.opened_on <= day and (self.closed_on is None or self.closed_on > day)


def mail_waiting(model):
    """A mail about the row still waiting in the delivery ledger (pending or being sent): the
    row holds the address it goes to, so it is not deleted before the mail is out."""
    return Exists(
        Delivery.objects.filter(
            content_type=ContentType.objects.get_for_model(model),
            object_id=Cast(OuterRef("pk"), models.CharField()),
            state__in=(DeliveryState.PENDING, DeliveryState.SENDING),
        )
    )


class VacancyAlertQuerySet(models.QuerySet):
    def past_retention(self, *, older_than):
        """Addresses to delete: left before `older_than` (a year ago), or told about a vacancy
        and that mail no longer waiting in the delivery ledger (sent, or given up)."""
        return self.filter(
            Q(created_at__lte=older_than)
            | (Q(notified_at__isnull=False) & ~mail_waiting(self.model))
        )


class VacancyAlert(models.Model):
    """An e-mail address to write to when a vacancy opens; kept with consent, for a year at most."""

    email = models.EmailField(_("e-mail address"), unique=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    notified_at = models.DateTimeField(_("told about a vacancy at"), null=True, blank=True)

    objects = VacancyAlertQuerySet.as_manager()

    class Meta:
        verbose_name = _("vacancy alert")
        verbose_name_plural = _("vacancy alerts")
        ordering = ["created_at"]

    def __str__(self):
        return self.email


class ApplicationState(models.TextChoices):
    RECEIVED = "received", _("Received")
    CALL_PLANNED = "call_planned", _("Phone conversation planned")
    PROPOSED = "proposed", _("Proposed for appointment")
    APPOINTED = "appointed", _("Appointed")
    NOT_SELECTED = "not_selected", _("Not selected")

    @classmethod
    def closed(cls):
        return (cls.APPOINTED, cls.NOT_SELECTED)


# The procedure the vacancy describes: a phone conversation with a member, then a proposal.
APPLICATION_TRANSITIONS = {
    ApplicationState.RECEIVED: (ApplicationState.CALL_PLANNED, ApplicationState.NOT_SELECTED),
    ApplicationState.CALL_PLANNED: (ApplicationState.PROPOSED, ApplicationState.NOT_SELECTED),
    ApplicationState.PROPOSED: (ApplicationState.APPOINTED, ApplicationState.NOT_SELECTED),
    ApplicationState.APPOINTED: (),
    ApplicationState.NOT_SELECTED: (),
}


def applicant_retention(rules=None):
    """How long applicants' data is kept under `rules` (those in force today when None), in
    words for the pages, the form and the privacy statement: {"weeks": ..., "months": ...}."""
    rules = rules or CouncilRules.objects.in_force()
    weeks = rules.applicant_retention_weeks
    months = rules.applicant_retention_consent_months
    return {
        "weeks": ngettext("%(count)d week", "%(count)d weeks", weeks) % {"count": weeks},
        "months": ngettext("%(count)d month", "%(count)d months", months) % {"count": months},
    }


class ApplicationQuerySet(models.QuerySet):
    def past_retention(self, now=None):
        """Applications to delete now (DESIGN rule 14): their `delete_after` (the one rule, with
        the rules in force now) has passed, and no e-mail to the applicant is still waiting in
        the delivery ledger (the "not selected" mail needs the address). A running procedure is
        never deleted."""
        now = now or timezone.now()
        rules = CouncilRules.objects.in_force(timezone.localdate(now))
        # Closed at least the shortest keeping time ago: a cheap first cut in the database.
        candidates = self.filter(
            ~mail_waiting(self.model),
            state__in=ApplicationState.closed(),
            closed_at__lte=now - datetime.timedelta(weeks=rules.applicant_retention_weeks),
        ).only("pk", "closed_at", "submitted_at", "keep_consent")
        return self.filter(pk__in=[a.pk for a in candidates if a.delete_after(rules) <= now])

    def open(self):
        return self.exclude(state__in=ApplicationState.closed())

    def visible_to(self, user):
        """The secretary and the chair see every application; anyone else none."""
        roles = roles_for(user)
        return self if (roles.secretary or roles.chair) else self.none()


class Application(models.Model):
    """Someone's application for a seat on the council."""

    vacancy = models.ForeignKey(
        Vacancy, verbose_name=_("vacancy"), on_delete=models.PROTECT, related_name="applications"
    )
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail address"))
    phone = models.CharField(_("phone number"), max_length=40, blank=True)
    cv = models.FileField(_("CV"), upload_to=private_upload_to, storage=private_storage)
    cv_name = models.CharField(_("CV file name"), max_length=255)
    letter = models.FileField(
        _("motivation letter"), upload_to=private_upload_to, storage=private_storage
    )
    letter_name = models.CharField(_("letter file name"), max_length=255)
    keep_consent = models.BooleanField(_("may be kept for a year"), default=False)
    preferred_language = models.CharField(
        _("language"), max_length=10, default=settings.LANGUAGE_CODE
    )
    state = models.CharField(
        _("state"),
        max_length=20,
        choices=ApplicationState.choices,
        default=ApplicationState.RECEIVED,
    )
    submitted_at = models.DateTimeField(_("received at"), default=timezone.now)
    closed_at = models.DateTimeField(_("procedure closed at"), null=True, blank=True)
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("appointed as"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["-submitted_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(state__in=ApplicationState.values), name="application_state_known"
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def is_closed(self):
        return self.state in ApplicationState.closed()

    def next_states(self):
        return APPLICATION_TRANSITIONS[ApplicationState(self.state)]

    def delete_after(self, rules=None):
        """When the retention task removes this application (at the earliest: not while an
        e-mail to the applicant is still waiting); None while the procedure runs."""
        if self.closed_at is None:
            return None
        rules = rules or CouncilRules.objects.in_force()
        after = self.closed_at + datetime.timedelta(weeks=rules.applicant_retention_weeks)
        if self.keep_consent:
            after = max(
                after, add_months(self.submitted_at, rules.applicant_retention_consent_months)
            )
        return after


class ApplicationStateChange(models.Model):
    """The procedure's history: appended, never edited."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="state_changes"
    )
    from_state = models.CharField(
        _("from"), max_length=20, choices=ApplicationState.choices, blank=True
    )
    to_state = models.CharField(_("to"), max_length=20, choices=ApplicationState.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    at = models.DateTimeField(_("at"), default=timezone.now)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("change of state")
        verbose_name_plural = _("changes of state")
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.from_state} → {self.to_state}"


class ApplicationNote(models.Model):
    """A note on an application at one step of the procedure (secretary and chair only)."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="notes")
    state = models.CharField(_("step"), max_length=20, choices=ApplicationState.choices)
    text = models.TextField(_("note"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    at = models.DateTimeField(_("at"), default=timezone.now)

    class Meta:
        verbose_name = _("note")
        verbose_name_plural = _("notes")
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.get_state_display()}: {self.text[:40]}"


class AnnualReportQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published_at__isnull=False)

    def visible_to(self, user):
        """Published reports for everyone; drafts too for who may read them (year.rules)."""
        from wijraad.access import allowed

        if allowed(user, "year.view_draft_reports"):
            return self.all()
        return self.published()


class AnnualReport(models.Model):
    """The annual report (jaarverslag) of one year: the figures come from the live data each
    time (year.report); the secretary writes the introduction and the closing words."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    introduction = models.TextField(_("introduction"), blank=True)
    closing = models.TextField(_("closing words"), blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)

    objects = AnnualReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("annual report")
        verbose_name_plural = _("annual reports")
        ordering = ["-year"]

    def __str__(self):
        return str(self.year)


class HiringPanelState(models.TextChoices):
    REQUESTED = "requested", _("Requested")
    ACCEPTED = "accepted", _("Accepted: members named")
    DECLINED = "declined", _("Declined")
    TOOK_PLACE = "took_place", _("Took place")
    CANCELLED = "cancelled", _("Cancelled by WIJ")
    CLOSED = "closed", _("Closed")

    @classmethod
    def finished(cls):
        return (cls.DECLINED, cls.CANCELLED, cls.CLOSED)


# WIJ asks; the council accepts (naming who takes part) or declines; the procedure takes place
# (the outcome is recorded) or WIJ calls it off; then the request is closed.
HIRING_PANEL_TRANSITIONS = {
    HiringPanelState.REQUESTED: (HiringPanelState.ACCEPTED, HiringPanelState.DECLINED),
    HiringPanelState.ACCEPTED: (HiringPanelState.TOOK_PLACE, HiringPanelState.CANCELLED),
    HiringPanelState.TOOK_PLACE: (HiringPanelState.CLOSED,),
    HiringPanelState.DECLINED: (),
    HiringPanelState.CANCELLED: (),
    HiringPanelState.CLOSED: (),
}


class HiringPanelQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The secretary and the chair see every request; a member the panels they take part
        in (while a member: the duty of confidentiality stays, access ends with the term);
        anyone else none."""
        roles = roles_for(user)
        if roles.secretary or roles.chair:
            return self
        if roles.member:
            return self.filter(participants=user)
        return self.none()


class HiringPanel(models.Model):
    """WIJ asked the council to join a selection procedure (sollicitatiecommissie): the request,
    who took part, the outcome. Confidential: the secretary, the chair and who takes part."""

    position = models.CharField(_("position to fill"), max_length=200)
    requested_on = models.DateField(_("requested on"), default=timezone.localdate)
    request = models.TextField(_("the request"), blank=True)
    participants = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who took part"),
        blank=True,
        related_name="+",
    )
    outcome = models.TextField(_("outcome"), blank=True)
    state = models.CharField(
        _("state"),
        max_length=20,
        choices=HiringPanelState.choices,
        default=HiringPanelState.REQUESTED,
    )

    objects = HiringPanelQuerySet.as_manager()

    class Meta:
        verbose_name = _("hiring panel")
        verbose_name_plural = _("hiring panels")
        ordering = ["-requested_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(state__in=HiringPanelState.values), name="hiring_panel_state_known"
            ),
        ]

    def __str__(self):
        return self.position

    def next_states(self):
        return HIRING_PANEL_TRANSITIONS[HiringPanelState(self.state)]

    @property
    def is_finished(self):
        return self.state in HiringPanelState.finished()


class HiringPanelStateChange(models.Model):
    """A hiring panel's history: appended, never edited."""

    panel = models.ForeignKey(HiringPanel, on_delete=models.CASCADE, related_name="state_changes")
    from_state = models.CharField(
        _("from"), max_length=20, choices=HiringPanelState.choices, blank=True
    )
    to_state = models.CharField(_("to"), max_length=20, choices=HiringPanelState.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    at = models.DateTimeField(_("at"), default=timezone.now)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("change of state")
        verbose_name_plural = _("changes of state")
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.from_state} → {self.to_state}"


class Training(models.Model):
    """A training (scholing) a member followed for their work on the council."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    title = models.CharField(_("title"), max_length=200)
    date = models.DateField(_("date"))
    provider = models.CharField(_("provider"), max_length=200, blank=True)
    hours = models.DecimalField(_("hours"), max_digits=5, decimal_places=1)

    class Meta:
        verbose_name = _("training")
        verbose_name_plural = _("trainings")
        ordering = ["-date", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(hours__gt=0), name="training_hours_positive"),
        ]

    def __str__(self):
        return self.title


class AllowanceRates(models.Model):
    """The volunteer allowance (vrijwilligersvergoeding) WIJ pays, from a date on: per meeting
    attended, per work visit, and/or a fixed amount per month (WIJ's own choice; 0 = not used)."""

    valid_from = models.DateField(_("valid from"), unique=True)
    per_meeting = models.DecimalField(
        _("per meeting attended (€)"), max_digits=7, decimal_places=2, default=0
    )
    per_work_visit = models.DecimalField(
        _("per work visit (€)"), max_digits=7, decimal_places=2, default=0
    )
    per_month = models.DecimalField(
        _("fixed amount per month (€)"), max_digits=7, decimal_places=2, default=0
    )

    class Meta:
        verbose_name = _("allowance rates")
        verbose_name_plural = _("allowance rates")
        ordering = ["-valid_from"]

    def __str__(self):
        return f"{self.valid_from:%d-%m-%Y}"


class TaxFreeLimit(models.Model):
    """The tax-free limits for volunteers in one year, kept by the secretary from the
    Belastingdienst's published figures (none are seeded: the portal cannot check them)."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    per_month = models.DecimalField(_("at most per month (€)"), max_digits=7, decimal_places=2)
    per_year = models.DecimalField(_("at most per year (€)"), max_digits=8, decimal_places=2)

    class Meta:
        verbose_name = _("tax-free volunteer limit")
        verbose_name_plural = _("tax-free volunteer limits")
        ordering = ["-year"]

    def __str__(self):
        return str(self.year)


class AllowanceStatementQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The secretary sees every statement; anyone else only their own (a member, and a
        former member who still needs last year's statement for the tax return)."""
        if not user.is_authenticated:
            return self.none()
        return self if roles_for(user).secretary else self.filter(person=user)

    def overlapping(self, person, period_start, period_end):
        """The statements of `person` that share a month with [period_start, period_end)."""
        return self.filter(person=person, period_start__lt=period_end, period_end__gt=period_start)


class AllowanceStatement(models.Model):
    """A member's allowance for the months [period_start, period_end), as approved."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    period_start = models.DateField(_("from"))
    period_end = models.DateField(_("until"))
    meetings = models.PositiveSmallIntegerField(_("meetings attended"))
    work_visits = models.PositiveSmallIntegerField(_("work visits"))
    months = models.PositiveSmallIntegerField(_("months"))
    amount = models.DecimalField(_("amount (€)"), max_digits=8, decimal_places=2)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approved by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    approved_at = models.DateTimeField(_("approved at"), default=timezone.now)

    objects = AllowanceStatementQuerySet.as_manager()

    class Meta:
        verbose_name = _("allowance statement")
        verbose_name_plural = _("allowance statements")
        ordering = ["-period_start", "person__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "period_start", "period_end"], name="statement_once_per_period"
            ),
            models.CheckConstraint(
                condition=Q(period_end__gt=models.F("period_start")), name="statement_period_order"
            ),
        ]

    def __str__(self):
        return f"{self.person} {self.period_start:%m-%Y}"


class StatementLineKind(models.TextChoices):
    MEETING = "meeting", _("Meeting attended")
    WORK_VISIT = "work_visit", _("Work visit")
    MONTH = "month", _("Fixed amount for the month")


class AllowanceStatementLine(models.Model):
    """One line of an approved statement, kept as approved: a later correction of the attendance
    does not change what was paid."""

    statement = models.ForeignKey(
        AllowanceStatement, on_delete=models.CASCADE, related_name="lines"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=StatementLineKind.choices)
    day = models.DateField(_("date"))
    meeting = models.ForeignKey(
        "meetings.Meeting",
        verbose_name=_("meeting"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    amount = models.DecimalField(_("amount (€)"), max_digits=7, decimal_places=2)

    class Meta:
        verbose_name = _("statement line")
        verbose_name_plural = _("statement lines")
        ordering = ["day", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.day:%d-%m-%Y}"
