"""The work plan: themes and activities, linked to meetings, with progress."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from meetings import services
from meetings.models import Activity, ActivityStatus, Theme, WorkPlan
from meetings.tests.factories import (
    ActivityFactory,
    MeetingFactory,
    ThemeFactory,
    WorkPlanFactory,
    error_codes,
)
from meetings.views.work_plan import progress

pytestmark = pytest.mark.django_db


def test_progress_leaves_dropped_activities_out():
    statuses = ["done", "done", "planned", "in_progress", "dropped"]
    result = progress([Activity(status=status) for status in statuses])
    assert (result["done"], result["meant"], result["percent"]) == (2, 4, 50)
    assert progress([])["percent"] == 0


def test_the_work_plan_page(client, lid, assert_constant_queries):
    plan = WorkPlanFactory(year=2027)
    theme = ThemeFactory(work_plan=plan, title="Privacy")
    meeting = MeetingFactory(title="Raad over privacy")

    def add(n):
        for _ in range(n):
            activity = ActivityFactory(theme=theme, status=ActivityStatus.DONE)
            activity.meetings.add(meeting)

    client.force_login(lid)
    response = assert_constant_queries(
        lambda: client.get(reverse("meetings:work_plan", args=[2027])), expected=5, add_rows=add
    )
    html = response.content.decode()
    assert "Privacy" in html
    assert "Raad over privacy" in html
    assert "50 van 50 activiteiten klaar (100%)" in html
    assert reverse("meetings:theme_create", args=[2027]) not in html


def test_the_chair_writes_the_plan_adds_a_theme_and_an_activity(client, voorzitter):
    client.force_login(voorzitter)
    response = client.post(
        reverse("meetings:work_plan_edit", args=[2027]),
        {"introduction": "Wij letten op bereikbaarheid.", "adopted_on": "2027-01-12"},
    )
    assert response.status_code == 302
    plan = WorkPlan.objects.get(year=2027)
    assert plan.adopted_on == datetime.date(2027, 1, 12)
    client.post(
        reverse("meetings:theme_create", args=[2027]), {"title": "Bereikbaarheid", "position": 1}
    )
    theme = Theme.objects.get()
    meeting = MeetingFactory(date=datetime.date(2027, 3, 9))
    page = client.get(reverse("meetings:activity_create", args=[theme.pk])).content.decode()
    assert "09-03-2027" in page
    client.post(
        reverse("meetings:activity_create", args=[theme.pk]),
        {"title": "Locaties bezoeken", "status": "in_progress", "meetings": [meeting.pk]},
    )
    activity = Activity.objects.get()
    assert list(activity.meetings.all()) == [meeting]
    detail = client.get(reverse("meetings:detail", args=[meeting.pk])).content.decode()
    assert "Locaties bezoeken" in detail
    client.post(reverse("meetings:activity_delete", args=[activity.pk]))
    assert not Activity.objects.exists()
    client.post(reverse("meetings:theme_delete", args=[theme.pk]))
    assert not Theme.objects.exists()


def test_activities_link_only_meetings_of_the_plan_s_year():
    activity = ActivityFactory(theme=ThemeFactory(work_plan=WorkPlanFactory(year=2027)))
    other_year = MeetingFactory(date=datetime.date(2026, 12, 1))
    with pytest.raises(ValidationError) as refused:
        services.activity_save(activity=activity, meetings=[other_year])
    assert "meeting_other_year" in error_codes(refused.value)


def test_a_theme_needs_a_plan(client, secretaris):
    client.force_login(secretaris)
    assert client.get(reverse("meetings:theme_create", args=[2030])).status_code == 404
    page = client.get(reverse("meetings:work_plan", args=[2030])).content.decode()
    assert "Er is nog geen werkplan voor 2030." in page


@pytest.mark.parametrize(
    ("name", "method", "of"),
    [
        ("meetings:theme_edit", "get", "theme"),
        ("meetings:theme_delete", "post", "theme"),
        ("meetings:activity_create", "get", "theme"),
        ("meetings:activity_edit", "get", "activity"),
        ("meetings:activity_delete", "post", "activity"),
    ],
)
def test_a_theme_or_activity_that_is_not_there_is_404_then_the_permission_403(
    client, lid, voorzitter, name, method, of
):
    activity = ActivityFactory()
    pk = {"theme": activity.theme_id, "activity": activity.pk}[of]
    send = getattr(client, method)
    client.force_login(voorzitter)
    assert send(reverse(name, args=[pk + 1000])).status_code == 404
    client.force_login(lid)
    assert send(reverse(name, args=[pk + 1000])).status_code == 404
    assert send(reverse(name, args=[pk])).status_code == 403
    assert Activity.objects.filter(pk=activity.pk).exists()
