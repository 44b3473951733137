"""The public side of meetings: when the council meets, and the public part of each published
agenda with its public papers. For everyone, logged in or not: only what has the level
"public: everyone" (AgendaItem.objects.public, AgendaDocument.objects.public)."""

import datetime

from django.db.models import Count, Prefetch, Q
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from meetings.models import AgendaDocument, AgendaItem, Meeting, MeetingKind
from wijraad.files import private_file_response

# How far ahead the public calendar looks, and how far back (recent agendas stay readable).
AHEAD = datetime.timedelta(days=366)
BACK = datetime.timedelta(days=92)


@require_GET
def public_calendar(request):
    today = timezone.localdate()
    public_items = Q(agenda_items__in=AgendaItem.objects.public())
    meetings = (
        Meeting.objects.filter(
            kind__in=MeetingKind.counted(), date__gte=today - BACK, date__lte=today + AHEAD
        )
        .annotate(public_items=Count("agenda_items", filter=public_items))
        .for_list()
    )
    return render(
        request,
        "meetings/public_calendar.html",
        {
            "coming": [meeting for meeting in meetings if meeting.date >= today],
            "recent": [meeting for meeting in meetings if meeting.date < today][::-1],
        },
    )


@require_GET
def public_agenda(request, pk):
    items = list(
        AgendaItem.objects.public()
        .filter(meeting_id=pk)
        .order_by("position", "pk")
        .prefetch_related(
            Prefetch(
                "documents",
                queryset=AgendaDocument.objects.public().order_by("uploaded_at", "pk"),
                to_attr="papers",
            )
        )
    )
    if not items:
        raise Http404
    meeting = Meeting.objects.select_related("location").get(pk=pk)
    return render(request, "meetings/public_agenda.html", {"meeting": meeting, "items": items})


@require_GET
def public_paper(request, pk):
    document = AgendaDocument.objects.public().filter(pk=pk).first()
    if document is None:
        raise Http404
    return private_file_response(
        request,
        subject=document,
        name=document.file.name,
        download_name=document.original_name,
        perm="meetings.download_public_paper",
        public=True,
    )
