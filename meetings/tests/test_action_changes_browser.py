"""In real Chromium: the chair corrects an action item's owner and due date from the action list,
then removes one entered by mistake. Checked with axe."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from meetings.models import ActionItem, MeetingState, Minutes, MinutesState
from meetings.tests.factories import ActionItemFactory, MeetingFactory
from wijraad.testing.browser import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_chair_corrects_and_removes_action_items(page, login_as, voorzitter, lid):
    held = MeetingFactory(
        date=timezone.localdate() - datetime.timedelta(days=4), state=MeetingState.HELD
    )
    Minutes.objects.create(meeting=held, state=MinutesState.SHARED)
    action = ActionItemFactory(meeting=held, owner=lid, title="Folder nalezen")
    mistake = ActionItemFactory(meeting=held, owner=lid, title="Dubbel ingevoerd")
    login_as(voorzitter)
    page.goto(reverse("meetings:actions"))
    assert_accessible(page)
    page.get_by_role("link", name=re.compile(r"Wijzigen\W+Folder nalezen")).click()
    page.wait_for_url(f"**/actiepunt/{action.pk}/wijzigen/")
    assert_accessible(page)
    page.get_by_label("Wie").select_option(label=voorzitter.name)
    page.get_by_label("Uiterlijk klaar op").fill("2030-01-15")
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_url("**/actiepunten/")
    assert "Het actiepunt is gewijzigd." in page.locator(".messages").inner_text()
    action.refresh_from_db()
    assert (action.owner, action.due_date) == (voorzitter, datetime.date(2030, 1, 15))
    page.get_by_role("link", name=re.compile(r"Wijzigen\W+Dubbel ingevoerd")).click()
    page.get_by_role("button", name="Dit actiepunt verwijderen").click()
    page.wait_for_url("**/actiepunten/")
    assert "Het actiepunt is verwijderd." in page.locator(".messages").inner_text()
    assert not ActionItem.objects.filter(pk=mistake.pk).exists()
    assert_accessible(page)
