import factory
from django.core.files.base import ContentFile
from django.utils import timezone

from year.models import Application, ApplicationState, Vacancy

PDF = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


class VacancyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Vacancy

    title = "Lid van de WIJ-raad"
    opened_on = factory.LazyFunction(timezone.localdate)


class ApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Application

    vacancy = factory.SubFactory(VacancyFactory)
    name = factory.Sequence(lambda n: f"Sollicitant {n}")
    email = factory.Sequence(lambda n: f"sollicitant{n}@example.org")
    phone = "050 123 4567"
    cv = factory.LazyFunction(lambda: ContentFile(PDF, name="cv.pdf"))
    cv_name = "cv.pdf"
    letter = factory.LazyFunction(lambda: ContentFile(PDF, name="brief.pdf"))
    letter_name = "brief.pdf"
    state = ApplicationState.RECEIVED
