"""A person chooses their own e-mails on their account: which kinds, how often, and how long
before a meeting the reminder comes, within the limits the secretary sets in the rules."""

import datetime
import re

import pytest
import time_machine
from django.urls import reverse

from members import services
from members.models import CouncilRules, MailPreference
from members.tests.test_council_rules_pages import form_data
from wijraad import deliveries
from wijraad.models import MailFrequency

pytestmark = pytest.mark.django_db

URL = reverse("members:mail_preferences")


@pytest.fixture(autouse=True)
def pinned_clock():
    with time_machine.travel(datetime.datetime(2026, 6, 2, 10, 0, tzinfo=datetime.UTC)):
        yield


def test_the_account_page_links_to_the_choices(client, lid):
    client.force_login(lid)
    html = client.get(reverse("members:account")).content.decode()
    assert URL in html
    assert "Kies welke e-mails je krijgt, en hoe vaak" in html


def test_every_kind_is_listed_in_plain_words_with_what_is_always_on(client, lid):
    client.force_login(lid)
    html = client.get(URL).content.decode()
    # Switchable kinds of every app, each with its one-line explanation, ticked by default.
    for label, explanation in [
        ("Agenda verstuurd", "Als de agenda en de stukken van een vergadering klaar zijn."),
        ("Herinnering", "Een korte herinnering voor een vergadering"),
        ("Het bestuur heeft geantwoord (aan de raad)", "Als het bestuur antwoordt op het advies"),
        ("Een zittingstermijn eindigt over drie maanden", "Zodat de raad het lid op tijd"),
    ]:
        assert label in html
        assert explanation in html
    assert html.count('type="checkbox"') == html.count(" checked>") - 1  # and "at once"
    assert 'value="meetings.agenda"' in html
    # Always on, with the reason, and no box to untick.
    always = html.split("Altijd aan")[1]
    assert "Wijziging of afgelasting" in always
    assert "Je moet op tijd weten dat een vergadering niet doorgaat of verplaatst is." in always
    assert "Uitnodiging voor het portaal" in always
    assert "Een nieuw wachtwoord" in always
    assert 'value="meetings.changed"' not in html
    # Residents' e-mails are not anybody's choice here.
    assert "signals.received" not in html


def test_saving_the_choices(client, lid):
    client.force_login(lid)
    response = client.post(
        URL,
        {
            "frequency": MailFrequency.WEEKLY,
            "reminder_lead_hours": "6",
            "kinds_on": ["meetings.reminder", "meetings.paper"],
        },
    )
    assert response.status_code == 302
    preference = MailPreference.objects.get(user=lid)
    assert preference.frequency == MailFrequency.WEEKLY
    assert preference.reminder_lead_hours == 6
    assert "meetings.agenda" in preference.kinds_off
    assert "meetings.reminder" not in preference.kinds_off
    assert "meetings.changed" not in preference.kinds_off  # always on: never stored as off
    html = client.get(response["Location"]).content.decode()
    assert "Je keuzes voor e-mails zijn opgeslagen." in html
    assert re.search(r'value="weekly"\s+id="id_frequency_2" required checked', html)
    assert 'value="meetings.agenda" id="id_kinds_on_0" aria-describedby' in html  # unticked


def test_an_always_on_kind_posted_as_off_stays_on(client, lid):
    client.force_login(lid)
    client.post(URL, {"frequency": MailFrequency.NOW, "kinds_on": ["meetings.agenda"]})
    assert "meetings.changed" not in MailPreference.objects.get(user=lid).kinds_off


@pytest.mark.parametrize("hours", ["2", "169"])
def test_a_reminder_time_outside_the_limits_is_refused_and_changes_nothing(client, lid, hours):
    MailPreference.objects.create(user=lid, reminder_lead_hours=24)
    client.force_login(lid)
    response = client.post(
        URL, {"frequency": MailFrequency.DAILY, "reminder_lead_hours": hours, "kinds_on": []}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Kies een tijd van 3 tot 168 uur voor de vergadering. De secretaris heeft" in html
    preference = MailPreference.objects.get(user=lid)
    assert (preference.frequency, preference.reminder_lead_hours, preference.kinds_off) == (
        MailFrequency.NOW,
        24,
        [],
    )


def test_the_secretary_sets_the_limits_in_the_rules(client, secretaris, lid):
    client.force_login(secretaris)
    response = client.post(
        reverse("members:council_rules_add"),
        form_data(valid_from="2026-06-02", reminder_lead_min_hours=12, reminder_lead_max_hours=72),
    )
    assert response.status_code == 302
    html = client.get(reverse("members:council_rules")).content.decode()
    assert "Kortste herinneringstijd die iemand mag kiezen (uren)" in html
    client.force_login(lid)
    page = client.get(URL).content.decode()
    assert "Van 12 tot 72 uur (3 dagen)." in page
    response = client.post(URL, {"frequency": "now", "reminder_lead_hours": "6", "kinds_on": []})
    assert "Kies een tijd van 12 tot 72 uur voor de vergadering." in response.content.decode()
    assert not MailPreference.objects.exists()


def test_limits_that_do_not_add_up_are_refused(client, secretaris):
    client.force_login(secretaris)
    response = client.post(
        reverse("members:council_rules_add"),
        form_data(valid_from="2026-06-02", reminder_lead_min_hours=80, reminder_lead_max_hours=72),
    )
    assert response.status_code == 200
    assert "De kortste herinneringstijd moet meer dan 0 uur zijn" in response.content.decode()
    assert CouncilRules.objects.count() == 1


def test_a_stored_time_outside_narrowed_limits_is_kept_within_them(lid):
    MailPreference.objects.create(user=lid, reminder_lead_hours=100)
    rules = CouncilRules.objects.in_force()
    rules.reminder_lead_max_hours = 48
    rules.save()
    assert MailPreference.objects.reminder_leads(rules) == {lid.pk: datetime.timedelta(hours=48)}


def test_the_page_has_constant_queries(client, lid, assert_constant_queries):
    client.force_login(lid)
    MailPreference.objects.create(user=lid, frequency=MailFrequency.DAILY)

    def more_rules(count):
        first = CouncilRules.objects.order_by("valid_from").first().valid_from
        for number in range(1, count + 1):
            CouncilRules.objects.create(valid_from=first - datetime.timedelta(days=number))

    # session user, the rules in force, the person's choices
    assert_constant_queries(lambda: client.get(URL), expected=3, add_rows=more_rules)


DUTIES = {
    "advice.answer_due": (
        "Antwoord binnen een week nodig (aan het bestuur)",
        "Dit hoort bij het werk van het bestuur: het bestuur moet op tijd antwoorden",
    ),
    "advice.answer_overdue": (
        "Antwoord te laat (aan het bestuur en de secretaris)",
        "Dit hoort bij het werk van het bestuur: het bestuur moet op tijd antwoorden",
    ),
    "advice.request_received": (
        "Adviesaanvraag ontvangen (aan de secretaris)",
        "Dit hoort bij het werk van de secretaris: een adviesaanvraag moet op tijd",
    ),
    "meetings.agenda_late": (
        "Agenda nog niet gepubliceerd (aan de secretaris)",
        "Dit hoort bij het werk van de secretaris: de agenda moet op tijd klaar zijn.",
    ),
}


def test_the_duties_of_an_office_are_always_on_with_their_reason(client, secretaris):
    """The board's answer reminders and the secretary's duty e-mails are work, not news."""
    client.force_login(secretaris)
    html = client.get(URL).content.decode()
    always = html.split("Altijd aan")[1]
    for kind, (label, reason) in DUTIES.items():
        assert f'value="{kind}"' not in html
        assert label in always
        assert reason in always


def test_a_duty_posted_as_off_stays_on(client, secretaris):
    client.force_login(secretaris)
    response = client.post(URL, {"frequency": MailFrequency.NOW, "kinds_on": list(DUTIES)})
    assert response.status_code == 200  # not a choice on the page: refused
    assert not MailPreference.objects.filter(user=secretaris).exists()
    response = client.post(URL, {"frequency": MailFrequency.NOW, "kinds_on": []})
    assert response.status_code == 302
    kinds_off = MailPreference.objects.get(user=secretaris).kinds_off
    assert "advice.answered" in kinds_off  # switched off, as asked
    assert not set(DUTIES) & set(kinds_off)


def test_the_service_stores_as_off_what_may_be_switched_off_and_is_not_wanted(lid):
    """The page and the service ask the ledger once which kinds may be switched off."""
    switchable = [info.kind for info in deliveries.switchable_kinds()]
    assert "meetings.agenda" in switchable
    assert not {"meetings.changed", "members.invitation"} & set(switchable)
    services.mail_preferences_save(
        user=lid, frequency=MailFrequency.NOW, kinds_on=["meetings.reminder"]
    )
    kinds_off = MailPreference.objects.get(user=lid).kinds_off
    assert kinds_off == sorted(kind for kind in switchable if kind != "meetings.reminder")
