"""Keep the search index in step with the rows it describes: every save or delete of a searched
object rewrites its search documents in the same transaction (the receivers run inside it), so a
committed row is searchable and a rolled-back one leaves nothing behind. Uploaded papers have
their text read afterwards, by a Celery task enqueued on commit."""

from functools import partial

from django.db import transaction
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from advice.models import AdoptedAdvice, Dossier, DossierDocument, Topic
from meetings.models import AgendaItem, Meeting
from search import services
from search.models import Kind, SearchDocument
from search.sources import SOURCES
from signals.models import Signal, SignalTheme
from signals.services.retention import stories_removed

# Saves that change nothing a search document holds (a login stamps `last_login`).
UNSEARCHED_FIELDS = {"last_login", "password"}


def _saved(sender, instance, created, raw=False, update_fields=None, **kwargs):
    if raw or (update_fields and set(update_fields) <= UNSEARCHED_FIELDS):
        return
    services.search_index(instance)
    for source in SOURCES:
        if created and source.has_file and source.model is sender and instance.file:
            from search.tasks import extract_file_text

            transaction.on_commit(partial(extract_file_text.delay, source.kind, instance.pk))


def _deleted(sender, instance, **kwargs):
    services.search_unindex(instance)


for model in {source.model for source in SOURCES}:
    post_save.connect(_saved, sender=model, dispatch_uid=f"search.saved.{model._meta.label}")
    post_delete.connect(_deleted, sender=model, dispatch_uid=f"search.deleted.{model._meta.label}")


@receiver(post_save, sender=Meeting, dispatch_uid="search.meeting_items")
def meeting_saved(sender, instance, raw=False, **kwargs):
    """An agenda item's document carries its meeting's year: follow a moved meeting."""
    if raw:
        return
    for item in AgendaItem.objects.filter(meeting=instance).select_related("meeting"):
        services.search_index(item)


@receiver(post_save, sender=AdoptedAdvice, dispatch_uid="search.adopted_advice")
def adopted_advice_saved(sender, instance, raw=False, **kwargs):
    """Published advice is found by its plain-language summary."""
    if not raw:
        services.search_index(instance.dossier)


@receiver(post_save, sender=Topic, dispatch_uid="search.topic_renamed")
def topic_saved(sender, instance, raw=False, created=False, **kwargs):
    """The topic filter reads the name kept in the index: follow a renamed topic (one UPDATE)."""
    if raw or created:
        return
    dossiers = Dossier.objects.filter(topic=instance).values("pk")
    documents = DossierDocument.objects.filter(dossier__topic=instance).values("pk")
    SearchDocument.objects.filter(
        Q(kind__in=[Kind.DOSSIER, Kind.PUBLISHED_ADVICE], object_id__in=dossiers)
        | Q(kind=Kind.DOSSIER_DOCUMENT, object_id__in=documents)
    ).update(theme=instance.name)


@receiver(post_save, sender=SignalTheme, dispatch_uid="search.signal_theme_renamed")
def signal_theme_saved(sender, instance, raw=False, created=False, **kwargs):
    """A signal's title and filter carry its theme's name: write its signals again (renaming a
    theme is rare; the secretary does it)."""
    if raw or created:
        return
    for signal in instance.signals.select_related("theme").iterator():
        services.search_index(signal)


@receiver(stories_removed, dispatch_uid="search.stories_removed")
def signal_stories_removed(sender, signal_ids, **kwargs):
    """Retention removed these signals' stories with an UPDATE (no post_save): their search
    documents held the story's words, so write them again — the source drops an anonymised
    signal's document (search.sources._signal)."""
    services.search_index_many(Signal.objects.filter(pk__in=signal_ids).select_related("theme"))
