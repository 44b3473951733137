"""The secretary enters changed council rules (the dated CouncilRules record) with the day they
apply from, never in the past; the council's circle reads every record side by side."""

import datetime

import pytest
import time_machine
from auditlog.models import LogEntry
from django.urls import reverse

from members.models import CouncilRules

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def pinned_clock():
    with time_machine.travel(datetime.datetime(2026, 6, 2, 10, 0, tzinfo=datetime.UTC)):
        yield


def form_data(**changes):
    current = CouncilRules.objects.in_force()
    data = {
        field: getattr(current, field)
        for field in (
            "term_length_years",
            "max_terms",
            "max_seats",
            "min_members",
            "min_council_meetings",
            "min_consultations",
            "advice_deadline_weeks",
            "answer_deadline_weeks",
            "agenda_lead_days",
            "reminder_lead_days",
            "reminder_lead_min_hours",
            "reminder_lead_max_hours",
            "agenda_late_warning_days",
            "term_ending_warning_months",
            "continuity_warning_numerator",
            "continuity_warning_denominator",
            "applicant_retention_weeks",
            "applicant_retention_consent_months",
            "signal_contact_retention_months",
            "signal_anonymise_after_months",
        )
    }
    return {**data, "note": "Besluit van de raad", **changes}


def test_the_secretary_enters_changed_rules_from_a_coming_day(client, secretaris):
    client.force_login(secretaris)
    page = client.get(reverse("members:council_rules_add")).content.decode()
    assert 'name="max_seats" value="13"' in page  # the form starts from the rules in force
    response = client.post(
        reverse("members:council_rules_add"),
        form_data(valid_from="2027-01-01", max_seats=11, min_council_meetings=8),
    )
    assert response["Location"] == reverse("members:council_rules")
    rules = CouncilRules.objects.get(valid_from=datetime.date(2027, 1, 1))
    assert (rules.max_seats, rules.min_council_meetings, rules.term_length_years) == (11, 8, 3)
    assert CouncilRules.objects.in_force(datetime.date(2026, 12, 31)).max_seats == 13
    assert CouncilRules.objects.in_force(datetime.date(2027, 1, 1)).max_seats == 11
    assert LogEntry.objects.get_for_object(rules).get().actor == secretaris
    page = client.get(response["Location"]).content.decode()
    assert "De gewijzigde regels zijn opgeslagen; ze gelden vanaf 1 januari 2027." in page
    assert "Vanaf 1 januari 2027" in page


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"valid_from": "2026-06-01"}, "Gewijzigde regels gelden vanaf vandaag of later"),
        ({"valid_from": "2000-01-01"}, "Gewijzigde regels gelden vanaf vandaag of later"),
        (
            {"valid_from": "2027-01-01", "min_members": 14},
            "Het minimumaantal leden kan niet hoger zijn dan het aantal zetels.",
        ),
    ],
)
def test_rules_in_the_past_or_that_do_not_add_up_are_refused(client, secretaris, changes, message):
    client.force_login(secretaris)
    response = client.post(reverse("members:council_rules_add"), form_data(**changes))
    assert response.status_code == 200
    assert CouncilRules.objects.count() == 1
    assert message in response.content.decode()


def test_a_second_record_for_the_same_day_is_refused(client, secretaris):
    client.force_login(secretaris)
    client.post(reverse("members:council_rules_add"), form_data(valid_from="2027-01-01"))
    response = client.post(reverse("members:council_rules_add"), form_data(valid_from="2027-01-01"))
    assert "Er zijn al regels die vanaf deze dag gelden." in response.content.decode()
    assert CouncilRules.objects.count() == 2


def test_members_read_the_rules(client, lid):
    client.force_login(lid)
    html = client.get(reverse("members:council_rules")).content.decode()
    assert "Maximaal aantal zetels" in html
    assert "Gewijzigde regels invoeren" not in html


def test_the_rules_pages_have_constant_queries(client, secretaris, assert_constant_queries):
    client.force_login(secretaris)

    def add_records(count):
        last = CouncilRules.objects.order_by("-valid_from").first().valid_from
        for number in range(1, count + 1):
            CouncilRules.objects.create(valid_from=last + datetime.timedelta(days=number))

    # user, the records (the roles come from the cache)
    assert_constant_queries(
        lambda: client.get(reverse("members:council_rules")), expected=2, add_rows=add_records
    )
    # user, the rules in force
    assert_constant_queries(lambda: client.get(reverse("members:council_rules_add")), expected=2)
