"""What is searched, kind by kind: how an object becomes a search document, and which objects a
person may open — always the owning app's own `visible_to(user)` queryset, never a rule of our own.

A search document holds only text that whoever may open the object may read: a meeting's own
fields (never its agenda items'), an agenda item's title and description (its minutes are a
document of their own, shown with the minutes), the public summary of published advice (never the
dossier's question), a signal's theme and story (for those who see signals).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Model, QuerySet
from django.urls import reverse

from advice.models import AdoptedAdvice, Dossier, DossierDocument
from meetings.models import AgendaDocument, AgendaItem, Meeting, Minutes
from meetings.models.minutes import minutes_states_visible_to
from members.models import Document, User
from members.roles import roles_for
from search.models import Kind
from signals.models import Signal


@dataclass(frozen=True)
class Source:
    kind: str
    model: type[Model]
    document: Callable[[Model], dict | None]  # the fields of its search document, or None
    visible: Callable[[object], QuerySet]  # the objects `user` may open
    has_file: bool = False
    related: tuple = ()  # select_related() for a rebuild of the whole index


def _join(*parts):
    return "\n".join(part for part in parts if part)


def _meeting(meeting):
    return {
        "title": meeting.display_title,
        "body": _join(meeting.description, meeting.other_place),
        "year": meeting.date.year,
        "url": reverse("meetings:detail", args=[meeting.pk]),
    }


def _agenda_item(item):
    return {
        "title": item.title,
        "body": _join(item.description, item.presenter),
        "year": item.meeting.date.year,
        "url": reverse("meetings:agenda", args=[item.meeting_id]) + f"#item-{item.pk}",
    }


def _decision(item):
    if not (item.notes or item.decision):
        return None
    return {
        "title": item.title,
        "body": _join(item.decision, item.notes),
        "year": item.meeting.date.year,
        "url": reverse("meetings:minutes", args=[item.meeting_id]),
    }


def _minutes(minutes):
    return {
        "title": minutes.meeting.display_title,
        "body": minutes.general,
        "year": minutes.meeting.date.year,
        "url": reverse("meetings:minutes", args=[minutes.meeting_id]),
    }


def _document(document):
    return {
        "title": document.title,
        "body": _join(document.description, document.original_name),
        "year": document.uploaded_at.year,
        "url": reverse("members:document", args=[document.pk]),
    }


def _paper(paper):
    return {
        "title": paper.title,
        "body": paper.original_name,
        "year": paper.agenda_item.meeting.date.year,
        "url": reverse("meetings:document_download", args=[paper.pk]),
    }


def _dossier_document(document):
    return {
        "title": document.title,
        "body": document.original_name,
        "year": document.dossier.year,
        "theme": document.dossier.topic.name,
        "url": reverse("advice:document", args=[document.pk]),
    }


def _dossier(dossier):
    return {
        "title": f"{dossier.reference} {dossier.title}",
        "body": _join(dossier.board_question, dossier.intended_decision),
        "year": dossier.year,
        "theme": dossier.topic.name,
        "url": dossier.get_absolute_url(),
    }


def _published_advice(dossier):
    try:
        advice = dossier.advice
    except AdoptedAdvice.DoesNotExist:
        advice = None
    return {
        "title": f"{dossier.reference} {dossier.title}",
        "body": advice.summary if advice else "",
        "year": dossier.year,
        "theme": dossier.topic.name,
        "url": reverse("advice:published"),
    }


def _signal(signal):
    # The one place that decides: an anonymised signal has no search document. Its story is gone,
    # and with it every word worth finding. The retention run's receiver (search.receivers)
    # indexes through here; migration 0002 removed the documents of signals anonymised before.
    if signal.anonymised_at:
        return None
    return {
        "title": f"{signal.reference} {signal.theme.name}",
        "body": _join(signal.story, signal.neighbourhood),
        "year": signal.received_on.year,
        "theme": signal.theme.name,
        "url": reverse("signals:detail", args=[signal.pk]),
    }


def _person(person):
    return {
        "title": person.name,
        "body": _join(person.neighbourhood, person.expertise),
        "year": None,
        "url": reverse("members:person", args=[person.pk]),
    }


def _minutes_items(user):
    """Agenda items whose minutes text `user` may read: the item, and minutes that exist and are
    out to them (the minutes page shows an item's minutes only with a minutes record)."""
    items = AgendaItem.objects.visible_to(user).filter(meeting__minutes__isnull=False)
    states = minutes_states_visible_to(user)
    if states is not None:
        items = items.filter(meeting__minutes__state__in=states)
    return items


def _visible_minutes(user):
    rows = Minutes.objects.filter(meeting__in=Meeting.objects.visible_to(user).values("pk"))
    states = minutes_states_visible_to(user)
    if states is not None:
        rows = rows.filter(state__in=states)
    return rows


def _published(user):
    # Whoever sees the dossier itself finds the dossier; everyone else its public summary.
    return Dossier.objects.published().exclude(pk__in=Dossier.objects.visible_to(user).values("pk"))


def _people(user):
    if not roles_for(user).secretary:
        return User.objects.none()
    return User.objects.visible_to(user)


SOURCES = [
    Source(Kind.MEETING, Meeting, _meeting, lambda u: Meeting.objects.visible_to(u)),
    Source(
        Kind.AGENDA_ITEM,
        AgendaItem,
        _agenda_item,
        lambda u: AgendaItem.objects.visible_to(u),
        related=("meeting",),
    ),
    Source(Kind.MINUTES, Minutes, _minutes, _visible_minutes, related=("meeting",)),
    Source(Kind.DECISION, AgendaItem, _decision, _minutes_items, related=("meeting",)),
    Source(Kind.DOCUMENT, Document, _document, lambda u: Document.objects.visible_to(u), True),
    Source(
        Kind.PAPER,
        AgendaDocument,
        _paper,
        lambda u: AgendaDocument.objects.visible_to(u),
        True,
        ("agenda_item__meeting",),
    ),
    Source(
        Kind.DOSSIER_DOCUMENT,
        DossierDocument,
        _dossier_document,
        lambda u: DossierDocument.objects.visible_to(u),
        True,
        ("dossier__topic",),
    ),
    Source(
        Kind.DOSSIER, Dossier, _dossier, lambda u: Dossier.objects.visible_to(u), related=("topic",)
    ),
    Source(
        Kind.PUBLISHED_ADVICE, Dossier, _published_advice, _published, related=("topic", "advice")
    ),
    Source(
        Kind.SIGNAL, Signal, _signal, lambda u: Signal.objects.visible_to(u), related=("theme",)
    ),
    Source(Kind.PERSON, User, _person, _people),
]

BY_KIND = {source.kind: source for source in SOURCES}


def sources_for(model):
    return [source for source in SOURCES if source.model is model]
