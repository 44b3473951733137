"""The council's document library: its own standing documents (regulations, the confidentiality
text, work plans, annual reports), each with a visibility level.

Files live in the private storage (wijraad.files): never a public URL, only a checked download
that logs every non-public download. Adding and removing go through members.services.
"""

from dataclasses import dataclass

from django.db import models
from django.db.models import Count, Min, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from members.roles import visibility_levels_for
from wijraad.models import PrivateFile, Visibility


class DocumentCategory(models.TextChoices):
    REGULATION = "regulation", _("Regulation")
    CONFIDENTIALITY = "confidentiality", _("Confidentiality")
    WORK_PLAN = "work_plan", _("Work plan")
    ANNUAL_REPORT = "annual_report", _("Annual report")
    OTHER = "other", _("Other documents")


class DocumentQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The documents whose visibility level `user` may see (members.roles)."""
        return self.filter(visibility__in=visibility_levels_for(user))

    def for_list(self):
        return self.select_related("uploaded_by")

    def filtered(self, *, kind="", year=""):
        """The documents of one kind and added in one year, as the library's filter asks it (an
        unknown kind or year is no filter). Counts them and finds the year of the oldest document
        of all in one query; the rows, newest first, are read when used."""
        kind = kind if kind in DocumentCategory.values else ""
        year = str(year)
        year = int(year) if year.isdigit() and 1900 < int(year) < 3000 else None
        chosen = Q()
        if kind:
            chosen &= Q(category=kind)
        if year:
            chosen &= Q(uploaded_at__year=year)
        figures = self.aggregate(total=Count("pk", filter=chosen), first=Min("uploaded_at"))
        first = figures["first"]
        return DocumentSelection(
            kind=kind,
            year=year,
            rows=self.filter(chosen).order_by("-uploaded_at", "-id"),
            total=figures["total"],
            first_year=timezone.localtime(first).year if first else None,
        )


@dataclass(frozen=True)
class DocumentSelection:
    """What DocumentQuerySet.filtered found."""

    kind: str  # the kind filtered on, "" for all
    year: int | None  # the year filtered on
    rows: models.QuerySet
    total: int
    first_year: int | None  # the year the oldest document of all was added; None: none


class Document(PrivateFile):
    """One document of the library. The file is kept under a random name; `original_name` is the
    name it was uploaded with, used again for the download."""

    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(
        _("description"), blank=True, help_text=_("What the document is about, in a few lines.")
    )
    category = models.CharField(
        _("kind of document"), max_length=20, choices=DocumentCategory.choices
    )
    visibility = models.CharField(
        _("who may see it"),
        max_length=20,
        choices=Visibility.choices,
        default=Visibility.COUNCIL,
    )
    objects = DocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["-uploaded_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(visibility__in=Visibility.values), name="document_visibility_known"
            ),
        ]
        indexes = [
            models.Index(fields=["visibility", "-uploaded_at"], name="document_visible_idx"),
        ]

    def __str__(self):
        return self.title

    @property
    def is_public(self):
        return self.visibility == Visibility.PUBLIC
