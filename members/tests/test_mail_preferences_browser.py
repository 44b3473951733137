"""In real Chromium: a member opens their e-mail choices from the account page, chooses one
overview a week and turns off a kind of e-mail; the page passes axe before and after."""

import pytest
from django.urls import reverse

from members.models import MailPreference
from wijraad.models import MailFrequency
from wijraad.testing.browser import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_member_chooses_a_weekly_overview_and_turns_off_a_kind(page, login_as, lid):
    login_as(lid)
    page.goto(reverse("members:account"))
    page.get_by_role("link", name="Kies welke e-mails je krijgt, en hoe vaak").click()
    page.wait_for_url("**/account/e-mails/")
    assert_accessible(page)
    page.get_by_label("Eén overzicht per week").check()
    page.get_by_label("Nieuw stuk na het versturen van de agenda").uncheck()
    page.get_by_role("button", name="Mijn keuzes opslaan").click()
    page.wait_for_url("**/account/e-mails/")
    assert "Je keuzes voor e-mails zijn opgeslagen." in page.locator(".messages").inner_text()
    assert page.get_by_label("Eén overzicht per week").is_checked()
    assert not page.get_by_label("Nieuw stuk na het versturen van de agenda").is_checked()
    assert page.get_by_label("Herinnering", exact=True).is_checked()
    assert_accessible(page)
    preference = MailPreference.objects.get(user=lid)
    assert preference.frequency == MailFrequency.WEEKLY
    assert preference.kinds_off == ["meetings.paper"]
    # A time outside the secretary's limits: a clear message at the field, nothing changed.
    page.get_by_label("Hoeveel uur voor een vergadering wil je de herinnering krijgen?").fill("1")
    page.get_by_role("button", name="Mijn keuzes opslaan").click()
    assert page.get_by_text("Kies een tijd van 3 tot 168 uur voor de vergadering.").is_visible()
    assert_accessible(page)
    assert MailPreference.objects.get(user=lid).reminder_lead_hours is None
