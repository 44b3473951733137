"""The council's own record (locked while seats are counted) and its dated rules: every number
the rules use (term length, seats, deadlines...), so a year's report can use that year's rules."""

from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Council(models.Model):
    """The council's own record: one row, locked while seats are counted (see Council.lock)."""

    SINGLETON_ID = 1

    name = models.CharField(_("name"), max_length=100, default="WIJ-raad")

    class Meta:
        verbose_name = _("council")
        verbose_name_plural = _("council")
        constraints = [
            models.CheckConstraint(condition=Q(id=1), name="council_single_row"),
        ]

    def __str__(self):
        return self.name

    @classmethod
    def lock(cls):
        """Lock the council's row until the surrounding transaction ends.

        Everything that changes who holds a seat or an office takes this lock first, so two
        appointments cannot both count twelve seats and both take the thirteenth.
        """
        cls.objects.get_or_create(pk=cls.SINGLETON_ID)
        return cls.objects.select_for_update().get(pk=cls.SINGLETON_ID)


class CouncilRulesQuerySet(models.QuerySet):
    def in_force(self, day=None):
        """The rules in force on `day` (default today): the latest record with valid_from <= day.

        Before the first record the defaults of the model (DESIGN.md) apply.
        """
        day = day or timezone.localdate()
        # Read now, one row: the services ask inside their locking transactions. RulesBook holds
        # the rule of which record applies.
        latest = self.filter(valid_from__lte=day).order_by("-valid_from")[:1]
        return RulesBook(list(latest)).in_force(day)

    def book(self):
        """Every record at once (one query; a handful over the years), to ask `in_force` for
        several days without a query each: a page that needs the rules in several places reads
        them once (wijraad.dashboard.per_request). Not for the services' locking transactions,
        which read the record under their lock."""
        return RulesBook(list(self.order_by("-valid_from")))


class RulesBook:
    """The council's rules records, newest first, read once (CouncilRules.objects.book)."""

    def __init__(self, records):
        self.records = records

    def in_force(self, day=None):
        """The rules in force on `day` (default today), without a query: the newest record with
        valid_from <= day; before the first record the defaults of the model (DESIGN.md)."""
        day = day or timezone.localdate()
        rules = next((record for record in self.records if record.valid_from <= day), None)
        return rules or CouncilRules(valid_from=day)


class CouncilRules(models.Model):
    """Every number of the council's rules, dated so a year's report can use that year's rules.

    Defaults: WIJ's own rules (seeds) and the Wmcz 2018 practice (DESIGN.md).
    """

    valid_from = models.DateField(_("valid from"), unique=True)
    term_length_years = models.PositiveSmallIntegerField(_("term length (years)"), default=3)
    max_terms = models.PositiveSmallIntegerField(_("terms allowed per person"), default=2)
    max_seats = models.PositiveSmallIntegerField(_("maximum number of seats"), default=13)
    min_members = models.PositiveSmallIntegerField(_("minimum number of members"), default=5)
    min_council_meetings = models.PositiveSmallIntegerField(
        _("council meetings per year (minimum)"), default=10
    )
    min_consultations = models.PositiveSmallIntegerField(
        _("consultation meetings per year (minimum)"), default=6
    )
    advice_deadline_weeks = models.PositiveSmallIntegerField(
        _("deadline for requested advice (weeks)"), default=6
    )
    answer_deadline_weeks = models.PositiveSmallIntegerField(
        _("deadline for the board's answer (weeks)"), default=4
    )
    agenda_lead_days = models.PositiveSmallIntegerField(
        _("agenda sent before a meeting (days)"), default=7
    )
    reminder_lead_days = models.PositiveSmallIntegerField(
        _("meeting reminder before a meeting (days)"), default=2
    )
    reminder_lead_min_hours = models.PositiveSmallIntegerField(
        _("shortest reminder time a person may choose (hours)"),
        default=3,
        help_text=_("Each person chooses how long before a meeting their reminder comes."),
    )
    reminder_lead_max_hours = models.PositiveSmallIntegerField(
        _("longest reminder time a person may choose (hours)"), default=7 * 24
    )
    agenda_late_warning_days = models.PositiveSmallIntegerField(
        _("warn when the agenda is not out this many days before a meeting"), default=8
    )
    term_ending_warning_months = models.PositiveSmallIntegerField(
        _("warn this many months before a term ends"), default=6
    )
    continuity_warning_numerator = models.PositiveSmallIntegerField(
        _("continuity warning: numerator"),
        default=1,
        help_text=_("Warn when more than this fraction of the seats ends in one year."),
    )
    continuity_warning_denominator = models.PositiveSmallIntegerField(
        _("continuity warning: denominator"), default=3
    )
    applicant_retention_weeks = models.PositiveSmallIntegerField(
        _("keep applicants' data after the procedure (weeks)"), default=4
    )
    applicant_retention_consent_months = models.PositiveSmallIntegerField(
        _("keep applicants' data with their consent (months)"), default=12
    )
    signal_contact_retention_months = models.PositiveSmallIntegerField(
        _("keep a signal's contact data after closing (months)"), default=3
    )
    signal_anonymise_after_months = models.PositiveSmallIntegerField(
        _("remove a signal's story after closing (months)"),
        default=24,
        help_text=_("Theme, location, dates and outcome stay for the trends."),
    )
    note = models.TextField(_("note"), blank=True, help_text=_("Why these rules changed."))

    objects = CouncilRulesQuerySet.as_manager()

    class Meta:
        verbose_name = _("council rules")
        verbose_name_plural = _("council rules")
        ordering = ["-valid_from"]
        constraints = [
            models.CheckConstraint(
                condition=Q(continuity_warning_denominator__gt=0)
                & Q(continuity_warning_numerator__lte=F("continuity_warning_denominator")),
                name="council_rules_fraction_valid",
                violation_error_message=_(
                    "The continuity warning needs a fraction of at most 1 (the numerator not "
                    "more than the denominator, the denominator more than 0)."
                ),
            ),
            models.CheckConstraint(
                condition=Q(min_members__lte=F("max_seats")),
                name="council_rules_min_members_within_seats",
                violation_error_message=_(
                    "The minimum number of members cannot be more than the number of seats."
                ),
            ),
            models.CheckConstraint(
                condition=Q(reminder_lead_min_hours__gt=0)
                & Q(reminder_lead_min_hours__lte=F("reminder_lead_max_hours")),
                name="council_rules_reminder_limits",
                violation_error_message=_(
                    "The shortest reminder time must be more than 0 hours and not longer than "
                    "the longest."
                ),
            ),
            models.CheckConstraint(
                condition=Q(term_length_years__gt=0) & Q(max_terms__gt=0) & Q(max_seats__gt=0),
                name="council_rules_positive",
                violation_error_message=_(
                    "The term length, the terms allowed and the seats must be more than 0."
                ),
            ),
        ]

    def __str__(self):
        return str(_("Rules valid from %(date)s") % {"date": self.valid_from})

    def clamp_reminder_lead(self, hours):
        """`hours` kept within the reminder limits a person may choose from."""
        return min(max(hours, self.reminder_lead_min_hours), self.reminder_lead_max_hours)

    def continuity_threshold(self):
        """How many seats may end in one calendar year before continuity is at risk."""
        return (
            self.max_seats * self.continuity_warning_numerator / self.continuity_warning_denominator
        )
