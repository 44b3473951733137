"""The search index: one search document per searchable object, kept by search.receivers in the
same transaction as the object's own row.

The index holds text only, never who may see it: a search asks each app's `visible_to(user)`
queryset at query time (search.sources), so a change of role or visibility needs no re-indexing.
On PostgreSQL a trigger (migration 0001) fills `vector` with the Dutch configuration from the
title (weight A), the text (B) and the text of an uploaded file (C); a GIN index serves it.
"""

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    MEETING = "meeting", _("Meeting")
    AGENDA_ITEM = "agenda_item", _("Agenda item")
    MINUTES = "minutes", _("Minutes")
    DECISION = "decision", _("Minutes of an agenda item")
    DOCUMENT = "document", _("Library document")
    PAPER = "paper", _("Meeting paper")
    DOSSIER_DOCUMENT = "dossier_document", _("Dossier document")
    DOSSIER = "dossier", _("Advice dossier")
    PUBLISHED_ADVICE = "published_advice", _("Published advice")
    SIGNAL = "signal", _("Signal")
    PERSON = "person", _("Person")


class Group(models.TextChoices):
    """How the results page groups the kinds, in this order."""

    MEETINGS = "meetings", _("Meetings and agenda items")
    MINUTES = "minutes", _("Minutes and decisions")
    DOCUMENTS = "documents", _("Documents and meeting papers")
    ADVICE = "advice", _("Advice")
    SIGNALS = "signals", _("Signals")
    PEOPLE = "people", _("People")


GROUP_OF_KIND = {
    Kind.MEETING: Group.MEETINGS,
    Kind.AGENDA_ITEM: Group.MEETINGS,
    Kind.MINUTES: Group.MINUTES,
    Kind.DECISION: Group.MINUTES,
    Kind.DOCUMENT: Group.DOCUMENTS,
    Kind.PAPER: Group.DOCUMENTS,
    Kind.DOSSIER_DOCUMENT: Group.DOCUMENTS,
    Kind.DOSSIER: Group.ADVICE,
    Kind.PUBLISHED_ADVICE: Group.ADVICE,
    Kind.SIGNAL: Group.SIGNALS,
    Kind.PERSON: Group.PEOPLE,
}


class SearchDocument(models.Model):
    """The searchable text of one object (`kind`, `object_id`), where its page is, and what the
    filters use (year, topic or theme)."""

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    group = models.CharField(_("group"), max_length=20, choices=Group.choices)
    object_id = models.PositiveBigIntegerField(_("object"))
    title = models.CharField(_("title"), max_length=300)
    body = models.TextField(_("text"), blank=True)
    file_text = models.TextField(
        _("text of the file"), blank=True, help_text=_("Read from the uploaded file.")
    )
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    theme = models.CharField(_("topic or theme"), max_length=100, blank=True)
    url = models.CharField(_("address"), max_length=300)
    # Filled by a PostgreSQL trigger (see the migration); unused on SQLite.
    vector = SearchVectorField(null=True, editable=False)

    class Meta:
        verbose_name = _("search document")
        verbose_name_plural = _("search documents")
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="one_search_document"),
        ]
        indexes = [models.Index(fields=["group", "year"], name="search_group_year_idx")]

    def __str__(self):
        return f"{self.kind} {self.object_id}: {self.title}"
