"""A small run of `manage.py bench_data` gives valid advice data: the references are unique per
year, deadlines follow requests, advice is adopted in a held council meeting with the dossier on
its agenda, deviating answers are reasoned after a held consultation with the dossier on its
agenda; and the pages stay fast enough to open."""

import datetime
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command
from django.db.models import F

from advice.bench import DOSSIERS_PER_YEAR
from advice.models import AdoptedAdvice, BoardAnswer, Dossier, DossierState
from bench.pages import PERSONAS, choose_pages
from meetings.models import AgendaDocument
from members.models import Document, User
from wijraad.files import PrivateStorage

pytestmark = pytest.mark.django_db

# Three years: the benchmark's pages need a published annual report, and of two years the only
# past one is the demo's draft of last year.
YEARS = 3
MOMENT = datetime.datetime(2027, 3, 10, 12, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))


def test_a_small_run_gives_valid_advice(settings, tmp_path, monkeypatch, client):
    settings.DEBUG = True
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    for model in (Document, AgendaDocument):
        monkeypatch.setattr(model._meta.get_field("file"), "storage", PrivateStorage())
    with time_machine.travel(MOMENT, tick=False):
        call_command("bench_data", "--years", str(YEARS), stdout=StringIO())
        assert Dossier.objects.count() >= DOSSIERS_PER_YEAR * YEARS
        assert not Dossier.objects.filter(advice_due__lt=F("requested_on")).exists()
        for advice in AdoptedAdvice.objects.select_related("meeting"):
            assert advice.meeting.kind == "council"
            assert advice.dossier.agenda_items.filter(meeting=advice.meeting).exists()
        answers = BoardAnswer.objects.select_related("dossier", "consultation")
        assert answers.exists()
        for answer in answers:
            assert answer.answered_at >= answer.dossier.sent_at
            if answer.deviates:
                assert answer.reasons
                assert answer.consultation.date <= answer.answered_at.date()
                assert answer.dossier.agenda_items.filter(meeting=answer.consultation).exists()
        assert Dossier.objects.filter(state=DossierState.CLOSED).exists()
        assert Dossier.objects.published().exists()
        pages, ids = choose_pages()
        assert ids["dossier"]
        for label, role, path, _kind in pages:
            if "advice" in label or role == "bestuurder":
                client.force_login(User.objects.get(email=PERSONAS[role]))
                assert client.get(path).status_code == 200, label
