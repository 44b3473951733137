"""In real Chromium: cancelling a meeting in a year with exactly ten (keyboard only), and the
meeting pages, forms and dashboard panels checked with axe."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from meetings import services
from meetings.models import Meeting, MeetingKind, MeetingState
from meetings.tests.factories import (
    ActivityFactory,
    LocationFactory,
    MeetingFactory,
    ThemeFactory,
    WorkPlanFactory,
    WorkVisitReportFactory,
)
from wijraad.testing.browser import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def tab_to(page, text=None, *, element_id=None, limit=80):
    """Press Tab until the focused element has this text (or this id)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "[document.activeElement.textContent.trim(), document.activeElement.id]"
        )
        if focused == [text, element_id] or focused[0] == text or focused[1] == element_id:
            return
    pytest.fail(f"Tab never reached {text or element_id!r}")


def test_cancelling_in_a_year_with_exactly_ten_warns_keyboard_only(page, login_as, secretaris):
    year = timezone.localdate().year + 1
    location = LocationFactory(name="WIJ Haren")
    meetings = [
        MeetingFactory(
            location=location, date=datetime.date(year, 1, 5) + datetime.timedelta(weeks=3 * n)
        )
        for n in range(10)
    ]
    login_as(secretaris)
    page.goto(reverse("meetings:detail", args=[meetings[3].pk]))
    assert_accessible(page)
    tab_to(page, "Vergadering afzeggen")
    page.keyboard.press("Enter")
    page.wait_for_url("**/afzeggen/")
    warning = page.get_by_role("alert")
    assert "minder dan het minimum van 10" in warning.inner_text()
    assert_accessible(page)
    tab_to(page, element_id="id_reason")
    page.keyboard.type("Te weinig leden beschikbaar")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/{meetings[3].pk}/")
    messages = page.locator(".messages").inner_text()
    assert "De vergadering is afgezegd." in messages
    assert f"Raadsvergadering in {year}: 9 gepland of gehouden" in messages
    assert (
        "Deze vergadering is afgezegd: Te weinig leden beschikbaar"
        in page.locator("main").inner_text()
    )
    assert_accessible(page)
    page.goto(reverse("meetings:year", args=[year]))
    assert "1 te weinig" in page.locator("main").inner_text()
    assert_accessible(page)
    assert Meeting.objects.get(pk=meetings[3].pk).state == MeetingState.CANCELLED


@pytest.fixture
def scene(secretaris):
    today = timezone.localdate()
    location = LocationFactory(name="WIJ Selwerd")
    meeting = MeetingFactory(
        title="Raad met soep", location=location, date=today + datetime.timedelta(days=10)
    )
    visit = WorkVisitReportFactory(
        meeting__date=today - datetime.timedelta(days=5), meeting__location=location
    ).meeting
    theme = ThemeFactory(work_plan=WorkPlanFactory(year=today.year), title="Privacy")
    activity = ActivityFactory(theme=theme, title="Privacybeleid lezen")
    activity.meetings.add(meeting)
    MeetingFactory(
        kind=MeetingKind.CONSULTATION, location=location, date=today + datetime.timedelta(days=17)
    )
    schedule = services.schedule_propose(year=today.year + 1)
    return {
        "meeting": meeting,
        "visit": visit,
        "theme": theme,
        "activity": activity,
        "location": location,
        "entry": schedule.entries.first(),
        "year": today.year,
    }


SECRETARY_PAGES = [
    ("meetings:list", lambda s: {}),
    ("meetings:year", lambda s: {"year": s["year"]}),
    ("meetings:detail", lambda s: {"pk": s["meeting"].pk}),
    ("meetings:detail", lambda s: {"pk": s["visit"].pk}),
    ("meetings:create", lambda s: {}),
    ("meetings:edit", lambda s: {"pk": s["meeting"].pk}),
    ("meetings:cancel", lambda s: {"pk": s["meeting"].pk}),
    ("meetings:visit_report", lambda s: {"pk": s["visit"].pk}),
    ("meetings:locations", lambda s: {}),
    ("meetings:location_create", lambda s: {}),
    ("meetings:location_edit", lambda s: {"pk": s["location"].pk}),
    ("meetings:schedule", lambda s: {"year": s["year"] + 1}),
    ("meetings:schedule_entry_add", lambda s: {"year": s["year"] + 1}),
    ("meetings:schedule_entry_edit", lambda s: {"pk": s["entry"].pk}),
    ("meetings:work_plan", lambda s: {"year": s["year"]}),
    ("meetings:work_plan_edit", lambda s: {"year": s["year"]}),
    ("meetings:theme_create", lambda s: {"year": s["year"]}),
    ("meetings:theme_edit", lambda s: {"pk": s["theme"].pk}),
    ("meetings:activity_create", lambda s: {"theme_pk": s["theme"].pk}),
    ("meetings:activity_edit", lambda s: {"pk": s["activity"].pk}),
    ("meetings:calendar", lambda s: {}),
    ("dashboard", lambda s: {}),
]


def test_every_page_of_the_secretary_is_accessible(page, login_as, secretaris, scene):
    login_as(secretaris)
    for name, kwargs in SECRETARY_PAGES:
        page.goto(reverse(name, kwargs=kwargs(scene)))
        assert page.locator("h1").count() == 1, name
        assert_accessible(page)


def test_a_member_s_pages_are_accessible_and_in_english_too(page, login_as, lid, scene):
    login_as(lid)
    for name, kwargs in SECRETARY_PAGES[:4] + [SECRETARY_PAGES[14], SECRETARY_PAGES[-1]]:
        page.goto(reverse(name, kwargs=kwargs(scene)))
        assert_accessible(page)
    page.goto(reverse("meetings:detail", args=[scene["meeting"].pk]))
    page.get_by_role("button", name="English").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Raad met soep"
    assert "Council meeting" in page.locator("main").inner_text()
    assert_accessible(page)
