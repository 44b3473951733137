"""In real Chromium at 320 px wide: every page with a table fits, or its table scrolls
inside its own box — the page itself never scrolls sideways. For each role that sees the page."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from meetings import services
from meetings.models import Attendance, MeetingKind, MeetingState, Minutes, MinutesState
from meetings.tests.factories import (
    ActionItemFactory,
    AgendaDocumentFactory,
    AgendaItemFactory,
    LocationFactory,
    MeetingFactory,
)
from members.tests.factories import DocumentFactory
from wijraad.models import Visibility

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# The widest thing on the page that is not inside a box that scrolls on its own.
OVERFLOW = """() => {
  const sticking = [];
  for (const el of document.querySelectorAll('body *')) {
    if (el.closest('.table-responsive')) continue;
    const right = el.getBoundingClientRect().right;
    if (right > window.innerWidth + 1) sticking.push(el.tagName + '.' + el.className);
  }
  return [document.documentElement.scrollWidth, sticking.slice(0, 5)];
}"""


@pytest.fixture
def scene(personas, private_root):
    today = timezone.localdate()
    location = LocationFactory(name="WIJ Oosterpark en Woonwijk de Hoogte")
    consultation = MeetingFactory(
        kind=MeetingKind.CONSULTATION, date=today + datetime.timedelta(days=9), location=location
    )
    item = AgendaItemFactory(
        meeting=consultation, title="Wachttijden bij de WIJ-teams", visibility=Visibility.BOARD
    )
    AgendaDocumentFactory(
        agenda_item=item, title="Notitie wachttijden 2026", visibility=Visibility.BOARD
    )
    held = MeetingFactory(
        date=today - datetime.timedelta(days=5), state=MeetingState.HELD, location=location
    )
    Minutes.objects.create(meeting=held, state=MinutesState.ADOPTED)
    AgendaItemFactory(meeting=held, title="Privacybeleid", decision="Positief advies. " * 8)
    Attendance.objects.create(meeting=held, person=personas["lid"], attended=True)
    ActionItemFactory(meeting=held, owner=personas["lid"], title="Brief aan de bestuurder sturen")
    for visibility in (Visibility.PUBLIC, Visibility.BOARD, Visibility.COUNCIL):
        DocumentFactory(title="Huishoudelijk reglement van de WIJ-raad", visibility=visibility)
    services.schedule_propose(year=today.year + 1)
    return {"consultation": consultation, "held": held, "year": today.year + 1}


PAGES = {
    "lid": [
        ("members:documents", {}),
        ("meetings:list", {}),
        ("meetings:actions", {}),
        ("meetings:decisions", {}),
        ("meetings:locations", {}),
        ("meetings:agenda", {"pk": "consultation"}),
        ("meetings:attendance", {"pk": "consultation"}),
        ("meetings:minutes", {"pk": "held"}),
        ("dashboard", {}),
    ],
    "bestuurder": [
        ("members:documents", {}),
        ("meetings:list", {}),
        ("meetings:agenda", {"pk": "consultation"}),
        ("meetings:decisions", {}),
        ("dashboard", {}),
    ],
    "secretaris": [
        ("members:documents", {}),
        ("members:people", {}),
        ("members:term_schedule", {}),
        ("members:invitations", {}),
        ("meetings:locations", {}),
        ("meetings:actions", {}),
        ("meetings:schedule", {"year": "year"}),
        ("meetings:attendance", {"pk": "held"}),
        ("meetings:deliveries", {"pk": "consultation"}),
        ("dashboard", {}),
    ],
}


@pytest.mark.parametrize("who", sorted(PAGES))
def test_no_page_scrolls_sideways_at_320_px(page, login_as, personas, scene, who):
    login_as(personas[who])
    page.set_viewport_size({"width": 320, "height": 640})
    for name, kwargs in PAGES[who]:
        url = reverse(
            name,
            kwargs={
                key: getattr(scene[value], "pk", scene[value]) for key, value in kwargs.items()
            },
        )
        response = page.goto(url)
        assert response.status == 200, url
        width, sticking = page.evaluate(OVERFLOW)
        assert width <= 320, f"{url} is {width} px wide at 320 px: {sticking}"
        assert not sticking, f"{url}: {sticking} stick out"
