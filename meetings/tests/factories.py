"""Factories for meetings. They write rows directly to set the scene; to test a rule, go through
meetings.services."""

import datetime

import factory
from django.core.files.base import ContentFile
from factory.django import DjangoModelFactory

from meetings.models import (
    ActionItem,
    Activity,
    AgendaDocument,
    AgendaItem,
    Location,
    Meeting,
    MeetingKind,
    Theme,
    WorkPlan,
    WorkVisitReport,
)
from wijraad.models import Visibility


class LocationFactory(DjangoModelFactory):
    class Meta:
        model = Location
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"WIJ Testwijk {n}")
    address = factory.Sequence(lambda n: f"Proefstraat {n}, 9700 AA Groningen")
    accessibility = "Drempelvrije ingang, lift aanwezig."


class MeetingFactory(DjangoModelFactory):
    class Meta:
        model = Meeting

    kind = MeetingKind.COUNCIL
    date = datetime.date(2027, 3, 9)
    start_time = datetime.time(17, 30)
    end_time = datetime.time(19, 30)
    location = factory.SubFactory(LocationFactory)


class WorkPlanFactory(DjangoModelFactory):
    class Meta:
        model = WorkPlan
        django_get_or_create = ["year"]

    year = 2027
    introduction = "Wat de raad dit jaar wil bereiken."


class ThemeFactory(DjangoModelFactory):
    class Meta:
        model = Theme

    work_plan = factory.SubFactory(WorkPlanFactory)
    title = factory.Sequence(lambda n: f"Thema {n}")


class ActivityFactory(DjangoModelFactory):
    class Meta:
        model = Activity

    theme = factory.SubFactory(ThemeFactory)
    title = factory.Sequence(lambda n: f"Activiteit {n}")


class WorkVisitReportFactory(DjangoModelFactory):
    class Meta:
        model = WorkVisitReport

    meeting = factory.SubFactory(
        MeetingFactory, kind=MeetingKind.WORK_VISIT, date=datetime.date(2026, 3, 3)
    )
    heard = "Inwoners vinden de inloop prettig, maar de wachttijd aan de telefoon is lang."


class AgendaItemFactory(DjangoModelFactory):
    class Meta:
        model = AgendaItem

    meeting = factory.SubFactory(MeetingFactory)
    position = factory.Sequence(lambda n: n)
    title = factory.Sequence(lambda n: f"Agendapunt {n}")
    visibility = Visibility.COUNCIL


PDF = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


PAPER_NAME = "meetings/agendadocument/test-paper.pdf"


def stored_paper(name=PAPER_NAME):
    """One small PDF in the papers' storage, shared by the rows that point at it."""
    storage = AgendaDocument._meta.get_field("file").storage
    if not storage.exists(name):
        storage.save(name, ContentFile(PDF))
    return name


class AgendaDocumentFactory(DjangoModelFactory):
    """A paper; its file is written to the private storage (tests set PRIVATE_MEDIA_ROOT)."""

    class Meta:
        model = AgendaDocument

    agenda_item = factory.SubFactory(AgendaItemFactory)
    title = factory.Sequence(lambda n: f"Stuk {n}")
    visibility = Visibility.COUNCIL
    file = factory.LazyFunction(lambda: stored_paper())
    original_name = "stuk.pdf"
    size = len(PDF)
    content_type = "application/pdf"


class ActionItemFactory(DjangoModelFactory):
    class Meta:
        model = ActionItem

    meeting = factory.SubFactory(MeetingFactory)
    title = factory.Sequence(lambda n: f"Actiepunt {n}")


def error_codes(error):
    """The codes of a ValidationError, also of one with errors per field."""
    if hasattr(error, "error_dict"):
        return {item.code for items in error.error_dict.values() for item in items}
    return {item.code for item in error.error_list}
