"""People and membership: accounts, terms and confidentiality declarations; who holds which place
on a day (UserQuerySet) and the roles it gives (User.roles_on).

Every period is a half-open date range [start, end): a term ending on D gives no access on D.
The numbers the rules use (term length, seats, deadlines...) live in the dated CouncilRules record
(members.models.council); offices and board positions in members.models.positions. Changing terms
goes through members.services, which checks the council's composition rules under a lock; the
models hold the rules that need no other rows.
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
from django.db.models.functions import Coalesce, Lower, TruncDate
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from members.models.positions import BoardPosition, Office, OfficeRole, PeriodQuerySet
from members.roles import NO_ROLES, Roles, roles_for
from wijraad.models import Visibility

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
        """Members on `day`: a running term and a confidentiality declaration signed that
        counts on `day` (ConfidentialityDeclaration.objects.valid_on)."""
        return self.seated(day).filter(self._signed(day))

    def _holding(self, day, role):
        return models.Exists(
            Office.objects.active_on(day).filter(person=models.OuterRef("pk"), role=role)
        )

    def _signed(self, day):
        return models.Exists(
            ConfidentialityDeclaration.objects.valid_on(day).filter(person=models.OuterRef("pk"))
        )

    def signing(self, day):
        """Whoever signs the confidentiality declaration on `day` or later: a term running or to
        come, or the staff secretary's office held today or to come."""
        staff = Office.objects.filter(person=models.OuterRef("pk"), role=OfficeRole.STAFF_SECRETARY)
        return self.filter(
            models.Exists(Term.objects.filter(person=models.OuterRef("pk"), end__gt=day))
            | models.Exists(staff.filter(Q(end__isnull=True) | Q(end__gt=day)))
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
            self._signed(day),
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
        return self.filter(staff | office, self._signed(day), is_active=True)

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
        and whether the person's signature of the confidentiality declaration counts today
        (`has_signed`, ConfidentialityDeclaration.objects.valid_on)."""
        # As lists (`to_attr`, read by members.people.Standing): a prefetch into the related
        # manager builds a queryset per person and relation, which cost more than the rows.
        return self.prefetch_related(
            models.Prefetch(
                "terms", queryset=Term.objects.order_by("start", "id"), to_attr="history_terms"
            ),
            models.Prefetch(
                "offices",
                queryset=Office.objects.order_by("start", "id"),
                to_attr="history_offices",
            ),
            models.Prefetch(
                "board_positions",
                queryset=BoardPosition.objects.order_by("start", "id"),
                to_attr="history_positions",
            ),
        ).annotate(has_signed=self._signed(timezone.localdate()))


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
                signed=models.Exists(
                    ConfidentialityDeclaration.objects.valid_on(day).filter(person=person)
                ),
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


# --- Terms --------------------------------------------------------------------------------------


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

    # A term that has begun can still be withdrawn this many days after it was recorded (a
    # mistake noticed soon); later, a running term is ended early instead.
    WITHDRAW_WITHIN_DAYS = 30

    def is_running(self, day):
        return self.start <= day < self.end

    def withdrawable(self, day):
        """Not begun on `day`, or recorded at most WITHDRAW_WITHIN_DAYS before it (whether it is
        the person's last term is members.services.term_withdraw's to check)."""
        recorded = timezone.localdate(self.created_at)
        return self.start > day or (day - recorded).days <= self.WITHDRAW_WITHIN_DAYS

    def start_correctable(self, day):
        """The first day can still be moved: the term has not begun and was not ended early."""
        return self.start > day and not self.ended_early

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


class TermWithdrawal(models.Model):
    """A term appointed by mistake and withdrawn (members.services.term_withdraw): the term itself
    is gone, so it counts toward nothing; this keeps what it was, why and by whom. Appended,
    never changed."""

    person = models.ForeignKey(
        User, verbose_name=_("person"), on_delete=models.PROTECT, related_name="term_withdrawals"
    )
    ordinal = models.PositiveSmallIntegerField(_("term number"))
    start = models.DateField(_("start"))
    end = models.DateField(_("end"))
    reason = models.CharField(_("reason"), max_length=300)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), default=timezone.now)
    withdrawn_by = models.ForeignKey(
        User,
        verbose_name=_("withdrawn by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("withdrawn term")
        verbose_name_plural = _("withdrawn terms")
        ordering = ["-withdrawn_at", "-id"]

    def __str__(self):
        return str(
            _("%(person)s: withdrawn term from %(start)s")
            % {"person": self.person, "start": self.start}
        )


# --- Confidentiality -----------------------------------------------------------------------------


class DeclarationTextQuerySet(models.QuerySet):
    def in_force(self, day=None):
        """The text to sign on `day`: the latest with in_force_from <= day, or None."""
        day = day or timezone.localdate()
        return self.filter(in_force_from__lte=day).order_by("-in_force_from", "-id").first()

    def everyone_signs_from(self, day):
        """A subquery: the start of the latest text in force on `day` that everyone signs
        again (a signature of an older text no longer counts), or no row."""
        return (
            self.filter(everyone_signs_again=True, in_force_from__lte=day)
            .order_by("-in_force_from")
            .values("in_force_from")[:1]
        )


class DeclarationText(models.Model):
    """A version of the confidentiality declaration's text. Signed versions are never changed.

    A text marked `everyone_signs_again` makes every earlier signature stop counting from its
    start date: from then on members see nothing confidential until they sign it."""

    version = models.CharField(_("version"), max_length=20, unique=True)
    body = models.TextField(_("text"))
    in_force_from = models.DateField(_("in force from"))
    everyone_signs_again = models.BooleanField(
        _("everyone signs again"),
        default=False,
        help_text=_(
            "From the day this text is in force, members see nothing confidential until they "
            "have signed it."
        ),
    )
    created_at = models.DateTimeField(_("recorded at"), default=timezone.now)

    objects = DeclarationTextQuerySet.as_manager()

    class Meta:
        verbose_name = _("declaration text")
        verbose_name_plural = _("declaration texts")
        ordering = ["-in_force_from", "-id"]

    def __str__(self):
        return self.version


class DeclarationQuerySet(models.QuerySet):
    def valid_on(self, day):
        """The signatures that count on `day`:

        - of a text in force from the latest "everyone signs again" text in force on `day` or
          later (before any such text every signature counts); and
        - not followed by a gap in the person's membership: no term of theirs ended after the
          signature, on or before `day`, without the next term starting that same day. Someone
          reappointed after a gap signs again; a reappointment straight after the first term
          keeps the signature.
        """
        gap = Term.objects.filter(
            person=models.OuterRef("person"),
            end__lte=day,
            end__gt=models.OuterRef("signed_on"),
        ).exclude(
            models.Exists(
                Term.objects.filter(person=models.OuterRef("person"), start=models.OuterRef("end"))
            )
        )
        baseline = Coalesce(
            models.Subquery(DeclarationText.objects.everyone_signs_from(day)),
            models.Value(datetime.date.min),
        )
        return (
            self.annotate(signed_on=TruncDate("signed_at"))
            .filter(text__in_force_from__gte=baseline)
            .exclude(models.Exists(gap))
        )


class ConfidentialityDeclaration(models.Model):
    """A signed confidentiality declaration. Kept after the term ends: the duty stays.

    A person may sign the same version twice (after a gap in their membership); which
    signatures count on a day is DeclarationQuerySet.valid_on."""

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

    objects = DeclarationQuerySet.as_manager()

    class Meta:
        verbose_name = _("confidentiality declaration")
        verbose_name_plural = _("confidentiality declarations")
        ordering = ["-signed_at"]
        indexes = [models.Index(fields=["person", "signed_at"], name="declaration_person_idx")]

    def __str__(self):
        return f"{self.person}: {self.version}"

    @property
    def version(self):
        return self.text_id
