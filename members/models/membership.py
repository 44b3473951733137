"""People and membership: accounts, terms, offices, board positions, confidentiality declarations.

Every period is a half-open date range [start, end): a term ending on D gives no access on D.
The numbers the rules use (term length, seats, deadlines...) live in the dated CouncilRules record.
Changing terms, offices and positions goes through members.services, which checks the council's
composition rules under a lock; the models hold the rules that need no other rows.
"""

import datetime

from django.conf import settings
from django.contrib.auth.models import (
    AbstractBaseUser,
    BaseUserManager,
    PermissionsMixin,
    _user_has_perm,
)
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from members.roles import NO_ROLES, Roles, roles_for
from wijraad.models import Visibility


class PeriodQuerySet(models.QuerySet):
    """Rows with a half-open period [start, end); an empty `end` means open-ended."""

    def active_on(self, day):
        return self.filter(Q(end__isnull=True) | Q(end__gt=day), start__lte=day)

    def overlapping(self, start, end=None):
        """Rows sharing at least one day with [start, end) (end None: open-ended)."""
        rows = self.filter(Q(end__isnull=True) | Q(end__gt=start))
        if end is not None:
            rows = rows.filter(start__lt=end)
        return rows


# --- People ------------------------------------------------------------------------------------


class RelationToWij(models.TextChoices):
    CLIENT = "client", _("Client of WIJ")
    VOLUNTEER = "volunteer", _("Volunteer at WIJ")
    REPRESENTATIVE = (
        "representative",
        _("Legal representative, family member or carer of a client"),
    )
    OTHER = "other", _("Other")
    UNKNOWN = "unknown", _("Unknown")


class UserQuerySet(models.QuerySet):
    def seated(self, day):
        """People holding a seat on `day`: a running term, signed or not."""
        return self.filter(terms__start__lte=day, terms__end__gt=day)

    def members(self, day):
        """Members on `day`: a running term and a signed confidentiality declaration."""
        return self.seated(day).filter(
            models.Exists(ConfidentialityDeclaration.objects.filter(person=models.OuterRef("pk")))
        )

    def _holding(self, day, role):
        return models.Exists(
            Office.objects.active_on(day).filter(person=models.OuterRef("pk"), role=role)
        )

    def _signed(self):
        return models.Exists(
            ConfidentialityDeclaration.objects.filter(person=models.OuterRef("pk"))
        )

    def board(self, day):
        """Board users on `day`: a board or director position (Roles.board)."""
        return self.filter(
            models.Exists(BoardPosition.objects.active_on(day).filter(person=models.OuterRef("pk")))
        )

    def chairs(self, day):
        """The chair on `day`: the office, held by a member (Roles.chair)."""
        return self.filter(
            self._holding(day, OfficeRole.CHAIR),
            models.Exists(_running_terms(day)),
            self._signed(),
            is_active=True,
        )

    def secretaries(self, day):
        """The secretary on `day` (Roles.secretary): the staff secretary with no seat and no
        board position, or a member holding the secretary's office; signed either way."""
        seated = models.Exists(_running_terms(day))
        on_board = models.Exists(
            BoardPosition.objects.active_on(day).filter(person=models.OuterRef("pk"))
        )
        staff = self._holding(day, OfficeRole.STAFF_SECRETARY) & ~seated & ~on_board
        office = self._holding(day, OfficeRole.SECRETARY) & seated
        return self.filter(staff | office, self._signed(), is_active=True)

    def audience(self, level, day):
        """The people who may see visibility level `level` (wijraad.models.Visibility) on `day`,
        by the rule of Roles.visibility_levels."""
        if level == Visibility.PUBLIC:
            return self.filter(is_active=True)
        everyone = self.model.objects
        who = Q(pk__in=everyone.secretaries(day).values("pk"))
        if level in (Visibility.BOARD, Visibility.COUNCIL):
            who |= Q(pk__in=everyone.members(day).values("pk"))
        if level == Visibility.BOARD:
            who |= Q(pk__in=everyone.board(day).values("pk"))
        if level == Visibility.RESTRICTED:
            who |= Q(pk__in=everyone.chairs(day).values("pk"))
        return self.filter(who, is_active=True)

    def visible_to(self, user, today=None):
        """The people `user` may see in the people list and on a person page.

        - the secretary: everyone, except technical staff without a place in the council;
        - members (signed, so also the chair): everyone with a place in or around the council,
          now or before: a term, an office or a board position;
        - board users: the members holding a seat today;
        - everyone else (the unsigned member, the former member, the administrator): only
          themselves.
        """
        if user is None or not user.is_authenticated:
            return self.none()
        today = today or timezone.localdate()
        roles = roles_for(user, today)
        own = Q(pk=user.pk)
        if roles.secretary:
            return self.filter(own | _has_a_place() | Q(is_staff=False))
        if roles.member:
            return self.filter(own | _has_a_place())
        if roles.board:
            return self.filter(own | models.Exists(_running_terms(today)))
        return self.filter(own)

    def with_history(self):
        """Prefetch what people pages show: terms, offices and board positions (oldest first),
        and whether the person ever signed the confidentiality declaration (`has_signed`)."""
        return self.prefetch_related(
            models.Prefetch("terms", queryset=Term.objects.order_by("start", "id")),
            models.Prefetch("offices", queryset=Office.objects.order_by("start", "id")),
            models.Prefetch(
                "board_positions", queryset=BoardPosition.objects.order_by("start", "id")
            ),
        ).annotate(
            has_signed=models.Exists(
                ConfidentialityDeclaration.objects.filter(person=models.OuterRef("pk"))
            )
        )


def _running_terms(day):
    return Term.objects.active_on(day).filter(person=models.OuterRef("pk"))


def _has_a_place():
    """A term, an office or a board position, at any time."""
    person = models.OuterRef("pk")
    return (
        models.Exists(Term.objects.filter(person=person))
        | models.Exists(Office.objects.filter(person=person))
        | models.Exists(BoardPosition.objects.filter(person=person))
    )


class UserManager(BaseUserManager.from_queryset(UserQuerySet)):
    use_in_migrations = True

    def get_by_natural_key(self, email):
        # Log in with any casing of the address.
        return self.get(email__iexact=email)

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.full_clean(exclude=["password"])
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields["is_staff"] = True
        extra_fields["is_superuser"] = True
        return self._create_user(email, password, **extra_fields)


class User(AbstractBaseUser, PermissionsMixin):
    """An account and the person behind it.

    Only what the council needs to work with someone: never a BSN, ID copy, photo or health data.
    """

    LANGUAGES = settings.LANGUAGES

    email = models.EmailField(
        _("e-mail address"),
        max_length=254,
        unique=True,
        error_messages={"unique": _("There already is an account with this e-mail address.")},
    )
    name = models.CharField(_("name"), max_length=150)
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    phone = models.CharField(_("phone number"), max_length=30, blank=True)
    neighbourhood = models.CharField(
        _("neighbourhood or village"),
        max_length=100,
        blank=True,
        help_text=_("Where in the municipality of Groningen the person lives, e.g. Beijum."),
    )
    expertise = models.TextField(
        _("areas of expertise"),
        blank=True,
        help_text=_("What the person knows about, e.g. care, education, debts, youth."),
    )
    relation_to_wij = models.CharField(
        _("relation to WIJ"),
        max_length=20,
        choices=RelationToWij.choices,
        default=RelationToWij.UNKNOWN,
    )
    is_active = models.BooleanField(_("active"), default=True)
    is_staff = models.BooleanField(
        _("staff status"),
        default=False,
        help_text=_("Can log in to the technical administration (Django admin)."),
    )
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["name"]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["name", "email"]
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                name="user_email_unique_ci",
                violation_error_message=_("There already is an account with this e-mail address."),
            )
        ]

    def __str__(self):
        return self.name or self.email

    def clean(self):
        super().clean()
        self.email = self.__class__.objects.normalize_email(self.email).lower()

    def get_full_name(self):
        return self.name

    def has_perm(self, perm, obj=None):
        """Django lets an active superuser do everything; here the administrator is technical
        staff who must not see the council's confidential content (DESIGN.md). So every
        permission is asked of the backends: the rules predicates decide the portal's own
        permissions, and ModelBackend still gives a superuser every model permission the
        Django admin asks for."""
        return self.is_active and _user_has_perm(self, perm, obj)

    def roles_on(self, day):
        """This person's members.roles.Roles on `day`, in one query (uncached: ask
        members.roles.roles_for, which caches them on the user object)."""
        person = models.OuterRef("pk")

        def holds(role):
            return models.Exists(Office.objects.active_on(day).filter(person=person, role=role))

        row = (
            User.objects.filter(pk=self.pk)
            .annotate(
                seated=models.Exists(Term.objects.active_on(day).filter(person=person)),
                upcoming=models.Exists(Term.objects.filter(person=person, start__gt=day)),
                had_term=models.Exists(Term.objects.filter(person=person, end__lte=day)),
                signed=models.Exists(ConfidentialityDeclaration.objects.filter(person=person)),
                chair_office=holds(OfficeRole.CHAIR),
                vice_chair_office=holds(OfficeRole.VICE_CHAIR),
                secretary_office=holds(OfficeRole.SECRETARY),
                staff_secretary=holds(OfficeRole.STAFF_SECRETARY),
                board=models.Exists(BoardPosition.objects.active_on(day).filter(person=person)),
            )
            .values(
                "is_superuser",
                "seated",
                "upcoming",
                "had_term",
                "signed",
                "chair_office",
                "vice_chair_office",
                "secretary_office",
                "staff_secretary",
                "board",
            )
            .first()
        )
        if row is None:
            return NO_ROLES
        return Roles(
            seated=row["seated"],
            upcoming=row["upcoming"],
            signed=row["signed"],
            former_member=row["had_term"] and not row["seated"],
            chair_office=row["chair_office"],
            vice_chair_office=row["vice_chair_office"],
            secretary_office=row["secretary_office"],
            staff_secretary=row["staff_secretary"],
            board=row["board"],
            administrator=row["is_superuser"],
        )

    def get_short_name(self):
        return self.name.split(" ")[0] if self.name else self.email


# --- The council and its rules -------------------------------------------------------------------


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
        rules = self.filter(valid_from__lte=day).order_by("-valid_from").first()
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
            ),
            models.CheckConstraint(
                condition=Q(min_members__lte=F("max_seats")),
                name="council_rules_min_members_within_seats",
            ),
            models.CheckConstraint(
                condition=Q(term_length_years__gt=0) & Q(max_terms__gt=0) & Q(max_seats__gt=0),
                name="council_rules_positive",
            ),
        ]

    def __str__(self):
        return str(_("Rules valid from %(date)s") % {"date": self.valid_from})

    def continuity_threshold(self):
        """How many seats may end in one calendar year before continuity is at risk."""
        return (
            self.max_seats * self.continuity_warning_numerator / self.continuity_warning_denominator
        )


# --- Terms, offices and board positions --------------------------------------------------------


class Term(models.Model):
    """A zittingstermijn: a seat on the council for [start, end).

    `planned_end` is start + the term length; ending early moves `end` forward and keeps the plan.
    """

    person = models.ForeignKey(
        User, verbose_name=_("person"), on_delete=models.PROTECT, related_name="terms"
    )
    ordinal = models.PositiveSmallIntegerField(
        _("term number"), help_text=_("1 for the first term, 2 for a reappointment.")
    )
    start = models.DateField(_("start"))
    end = models.DateField(_("end"), help_text=_("The first day without a seat."))
    planned_end = models.DateField(_("planned end"))
    end_reason = models.CharField(_("reason for ending early"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("recorded at"), default=timezone.now)

    objects = PeriodQuerySet.as_manager()

    class Meta:
        verbose_name = _("term")
        verbose_name_plural = _("terms")
        ordering = ["start", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "ordinal"], name="term_person_ordinal_unique"
            ),
            models.CheckConstraint(condition=Q(ordinal__gte=1), name="term_ordinal_positive"),
            models.CheckConstraint(condition=Q(end__gt=F("start")), name="term_end_after_start"),
            models.CheckConstraint(
                condition=Q(end__lte=F("planned_end")), name="term_end_not_after_planned_end"
            ),
        ]
        indexes = [models.Index(fields=["start", "end"], name="term_period_idx")]

    def __str__(self):
        return str(
            _("%(person)s: term %(ordinal)s, %(start)s to %(end)s")
            % {"person": self.person, "ordinal": self.ordinal, "start": self.start, "end": self.end}
        )

    @property
    def last_day(self):
        return self.end - datetime.timedelta(days=1)

    @property
    def ended_early(self):
        return self.end < self.planned_end

    @property
    def ended_early_on(self):
        """The day the seat became free ahead of plan, or None."""
        return self.end if self.ended_early else None

    def is_running(self, day):
        return self.start <= day < self.end

    def status(self, day):
        """ "coming", "running", "ended early" or "ended" on `day`."""
        if self.start > day:
            return "coming"
        if self.end > day:
            return "running"
        return "ended early" if self.ended_early else "ended"

    def clean(self):
        super().clean()
        if self.start and self.end and self.end <= self.start:
            raise ValidationError({"end": _("A term must end after it starts.")})
        if self.person_id and self.start and self.end:
            others = Term.objects.filter(person_id=self.person_id).overlapping(self.start, self.end)
            if self.pk:
                others = others.exclude(pk=self.pk)
            if others.exists():
                raise ValidationError(_("This term overlaps another term of the same person."))


class DatedPosition(models.Model):
    """An office or a board position: held by a person for [start, end), end empty for
    open-ended. Ended early through members.services.period_end."""

    start = models.DateField(_("start"))
    end = models.DateField(_("end"), null=True, blank=True, help_text=_("Empty: open-ended."))

    objects = PeriodQuerySet.as_manager()

    # The refusal when the end is not after the start (each kind says it in its own words).
    END_BEFORE_START = _("A position must end after it starts.")

    class Meta:
        abstract = True

    # The URL name of the page that ends one (early).
    END_URL = None

    @property
    def can_end(self):
        """Not ended today: it can still be ended (early)."""
        return self.end is None or self.end > timezone.localdate()

    def get_end_url(self):
        return reverse(self.END_URL, args=[self.pk])

    def clean(self):
        super().clean()
        if self.start and self.end and self.end <= self.start:
            raise ValidationError({"end": self.END_BEFORE_START})


class OfficeRole(models.TextChoices):
    CHAIR = "chair", _("Chair")
    VICE_CHAIR = "vice_chair", _("Vice-chair")
    SECRETARY = "secretary", _("Secretary")
    STAFF_SECRETARY = "staff_secretary", _("Staff secretary")

    @classmethod
    def council_offices(cls):
        """Offices held by a member of the council (one holder at a time, a term needed)."""
        return [cls.CHAIR, cls.VICE_CHAIR, cls.SECRETARY]


class Office(DatedPosition):
    """An office held for [start, end).

    Chair, vice-chair and secretary are held by a member; the ambtelijk secretaris (staff
    secretary) is an employee supporting the council, with no term.
    """

    person = models.ForeignKey(
        User, verbose_name=_("person"), on_delete=models.PROTECT, related_name="offices"
    )
    role = models.CharField(_("office"), max_length=20, choices=OfficeRole.choices)

    END_BEFORE_START = _("An office must end after it starts.")
    END_URL = "members:office_end"

    class Meta:
        verbose_name = _("office")
        verbose_name_plural = _("offices")
        ordering = ["start", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gt=F("start")),
                name="office_end_after_start",
            ),
        ]

    def __str__(self):
        return f"{self.person}: {self.get_role_display()}"

    @property
    def label(self):
        return self.get_role_display()

    @property
    def end_label(self):
        return _("End office: %(office)s") % {"office": self.label}


class BoardPositionKind(models.TextChoices):
    BOARD_MEMBER = "board_member", _("Board member")
    DIRECTOR = "director", _("Director")


class BoardPosition(DatedPosition):
    """A position on WIJ Groningen's side of the table (raad van bestuur, directie).

    Held for [start, end), like a term.
    """

    person = models.ForeignKey(
        User, verbose_name=_("person"), on_delete=models.PROTECT, related_name="board_positions"
    )
    kind = models.CharField(_("position"), max_length=20, choices=BoardPositionKind.choices)

    class Meta:
        verbose_name = _("board position")
        verbose_name_plural = _("board positions")
        ordering = ["start", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gt=F("start")),
                name="board_position_end_after_start",
            ),
        ]

    END_URL = "members:board_position_end"

    def __str__(self):
        return f"{self.person}: {self.get_kind_display()}"

    @property
    def label(self):
        return self.get_kind_display()

    @property
    def end_label(self):
        return _("End position: %(position)s") % {"position": self.label}


# --- Confidentiality -----------------------------------------------------------------------------


class DeclarationTextQuerySet(models.QuerySet):
    def in_force(self, day=None):
        """The text to sign on `day`: the latest with in_force_from <= day, or None."""
        day = day or timezone.localdate()
        return self.filter(in_force_from__lte=day).order_by("-in_force_from").first()


class DeclarationText(models.Model):
    """A version of the confidentiality declaration's text. Signed versions are never changed."""

    version = models.CharField(_("version"), max_length=20, unique=True)
    body = models.TextField(_("text"))
    in_force_from = models.DateField(_("in force from"))

    objects = DeclarationTextQuerySet.as_manager()

    class Meta:
        verbose_name = _("declaration text")
        verbose_name_plural = _("declaration texts")
        ordering = ["-in_force_from"]

    def __str__(self):
        return self.version


class ConfidentialityDeclaration(models.Model):
    """A signed confidentiality declaration. Kept after the term ends: the duty stays."""

    person = models.ForeignKey(
        User, verbose_name=_("person"), on_delete=models.PROTECT, related_name="declarations"
    )
    text = models.ForeignKey(
        DeclarationText,
        verbose_name=_("text version"),
        to_field="version",
        db_column="version",
        on_delete=models.PROTECT,
        related_name="signatures",
    )
    signed_at = models.DateTimeField(_("signed at"), default=timezone.now)

    class Meta:
        verbose_name = _("confidentiality declaration")
        verbose_name_plural = _("confidentiality declarations")
        ordering = ["-signed_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "text"], name="declaration_person_version_unique"
            ),
        ]

    def __str__(self):
        return f"{self.person}: {self.version}"

    @property
    def version(self):
        return self.text_id
