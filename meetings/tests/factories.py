"""Factories for meetings. They write rows directly to set the scene; to test a rule, go through
meetings.services or meetings.schedule."""

import datetime

import factory
from factory.django import DjangoModelFactory

from meetings.models import (
    Activity,
    Location,
    Meeting,
    MeetingKind,
    Theme,
    WorkPlan,
    WorkVisitReport,
)


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


def error_codes(error):
    """The codes of a ValidationError, also of one with errors per field."""
    if hasattr(error, "error_dict"):
        return {item.code for items in error.error_dict.values() for item in items}
    return {item.code for item in error.error_list}
