"""Demo advice: one dossier of every stage, made once, on any day of loading."""

import datetime
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command

from advice.models import Dossier, DossierState

pytestmark = pytest.mark.django_db

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


@pytest.mark.parametrize(
    "moment",
    [
        datetime.datetime(2027, 1, 1, 9, tzinfo=AMSTERDAM),
        datetime.datetime(2028, 2, 29, 12, tzinfo=AMSTERDAM),
        datetime.datetime(2027, 12, 31, 23, 30, tzinfo=AMSTERDAM),
    ],
    ids=["new-year", "leap-day", "new-years-eve"],
)
def test_the_demo_has_every_stage_and_loads_once(settings, moment, private_root):
    settings.DEBUG = True
    with time_machine.travel(moment, tick=False):
        call_command("demo_data", stdout=StringIO())
        states = set(Dossier.objects.values_list("state", flat=True))
        assert states == {
            DossierState.RECEIVED,
            DossierState.IN_PREPARATION,
            DossierState.SENT,
            DossierState.ANSWERED,
        }
        assert Dossier.objects.published().count() == 1
        assert Dossier.objects.get(state=DossierState.IN_PREPARATION).agenda_items.exists()
        count = Dossier.objects.count()
        output = StringIO()
        call_command("demo_data", stdout=output)
        assert Dossier.objects.count() == count
        assert "Advice: made nothing" in output.getvalue()
