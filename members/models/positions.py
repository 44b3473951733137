"""Dated positions: offices (chair, vice-chair, secretary, the staff secretary) and board positions
(raad van bestuur, directie), on one abstract base, and the half-open periods they share with
terms.

Every period is a half-open date range [start, end): a position ending on D gives no role on D.
Granting and ending go through members.services, which checks the council's composition rules
under a lock.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


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
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="offices",
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
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="board_positions",
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
