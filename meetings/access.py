"""One access helper per type: `<thing>_for(request, pk, perm=None)`.

The object as `request.user` may see it (its `visible_to`, else 404), if the permission `perm`
of meetings.rules holds (else 403). The views fetch every object they act on through these.
"""

from django.http import Http404
from django.shortcuts import get_object_or_404

from meetings.models import (
    ActionItem,
    Activity,
    AgendaDocument,
    AgendaItem,
    Meeting,
    ScheduleEntry,
    ScheduleState,
    Theme,
    YearSchedule,
)
from wijraad.access import object_for, require


def meeting_for(request, pk, perm=None, *, related=()):
    """The meeting `pk`: 404 when not visible, 403 when visible but `perm` does not hold.
    `related` names more relations to read in the same query (e.g. its minutes)."""
    meetings = Meeting.objects.visible_to(request.user).select_related(
        "location", "schedule", *related
    )
    return object_for(request, meetings, pk, perm)


def agenda_meeting_for(request, pk, perm=None, *, related=()):
    """A meeting that has an agenda (not a work visit), as meeting_for answers."""
    meeting = meeting_for(request, pk, perm, related=related)
    if not meeting.has_agenda:
        raise Http404
    return meeting


def item_for(request, pk, perm=None):
    """An agenda item the user may see (404 otherwise), and `perm` on its meeting (403)."""
    items = AgendaItem.objects.visible_to(request.user).select_related("meeting__location")
    item = object_for(request, items, pk)
    if perm is not None:
        require(request, perm, item.meeting)
    return item


def document_for(request, pk, perm=None):
    """A meeting paper the user may see (404 otherwise), and `perm` on its meeting (403)."""
    documents = AgendaDocument.objects.visible_to(request.user).select_related(
        "agenda_item__meeting"
    )
    document = object_for(request, documents, pk)
    if perm is not None:
        require(request, perm, document.agenda_item.meeting)
    return document


def action_for(request, pk, perm=None):
    """An action item or board commitment the user may see (404), and `perm` on it (403)."""
    actions = ActionItem.objects.visible_to(request.user).select_related("meeting")
    return object_for(request, actions, pk, perm)


def draft_schedule_for(request, year, perm=None):
    """The draft schedule of `year` (404 when there is none), and `perm` (403)."""
    if perm is not None:
        require(request, perm)
    return get_object_or_404(YearSchedule, year=year, state=ScheduleState.DRAFT)


def schedule_entry_for(request, pk, perm=None):
    """An entry of a draft schedule (404 otherwise), and `perm` (403)."""
    if perm is not None:
        require(request, perm)
    entries = ScheduleEntry.objects.select_related("schedule").filter(
        schedule__state=ScheduleState.DRAFT
    )
    return object_for(request, entries, pk)


def theme_for(request, pk, perm=None):
    """A theme of a work plan (404 when there is none), and `perm` (403). A work plan hides no
    theme from anyone: who may not read it is refused by the permission."""
    return object_for(request, Theme.objects.select_related("work_plan"), pk, perm)


def activity_for(request, pk, perm=None):
    """An activity of a work plan, as theme_for answers."""
    return object_for(request, Activity.objects.select_related("theme__work_plan"), pk, perm)
