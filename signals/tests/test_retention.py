"""Retention: contact details go 3 months after closing, the story later; idempotent."""

import datetime
import logging
from importlib import import_module

import pytest
import time_machine
from django.apps import apps
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from members.models import CouncilRules
from signals import services, tasks
from signals.models import Signal, SignalContact, SignalState
from signals.tests.factories import SignalContactFactory, signal_with_email

pytestmark = pytest.mark.django_db
CLOSED_ON = datetime.datetime(2026, 3, 10, 12, 0, tzinfo=datetime.UTC)


def closed_signal_with_contact():
    contact = SignalContactFactory(
        signal__state=SignalState.CLOSED, signal__closed_at=CLOSED_ON, signal__outcome="Opgelost."
    )
    return contact.signal


def test_contact_details_go_after_three_months_and_a_second_run_changes_nothing(caplog):
    signal = closed_signal_with_contact()
    open_one = SignalContactFactory().signal
    with time_machine.travel(datetime.datetime(2026, 6, 9, 12, tzinfo=datetime.UTC)):
        assert services.retention_run() == {"contacts": 0, "anonymised": 0}
    with time_machine.travel(datetime.datetime(2026, 6, 11, 12, tzinfo=datetime.UTC)):
        with caplog.at_level(logging.INFO, logger="signals.services.retention"):
            assert services.retention_run() == {"contacts": 1, "anonymised": 0}
        assert "1 contact details removed" in caplog.text
        assert services.retention_run() == {"contacts": 0, "anonymised": 0}
    signal.refresh_from_db()
    assert not SignalContact.objects.filter(signal=signal).exists()
    assert signal.contact_removed_at is not None
    assert signal.story  # the story stays longer
    assert SignalContact.objects.filter(signal=open_one).exists()


def test_the_story_goes_after_the_longer_period_theme_location_dates_and_outcome_stay():
    signal = closed_signal_with_contact()
    theme, received = signal.theme, signal.received_on
    with time_machine.travel(datetime.datetime(2028, 3, 11, 12, tzinfo=datetime.UTC)):
        assert services.retention_run() == {"contacts": 1, "anonymised": 1}
        assert services.retention_run() == {"contacts": 0, "anonymised": 0}
    signal.refresh_from_db()
    assert signal.story == ""
    assert (signal.theme, signal.received_on, signal.outcome) == (theme, received, "Opgelost.")
    assert signal.status_selector is None


def test_the_periods_come_from_the_rules_in_force():
    CouncilRules.objects.create(
        valid_from=datetime.date(2026, 1, 1),
        signal_contact_retention_months=1,
        signal_anonymise_after_months=2,
    )
    closed_signal_with_contact()
    with time_machine.travel(datetime.datetime(2026, 5, 11, 12, tzinfo=datetime.UTC)):
        assert services.retention_run() == {"contacts": 1, "anonymised": 1}


def test_the_dry_run_counts_and_changes_nothing(capsys):
    closed_signal_with_contact()
    with time_machine.travel(datetime.datetime(2026, 7, 1, 12, tzinfo=datetime.UTC)):
        call_command("signals_retention", "--dry-run")
        assert "Would remove the contact details of 1 signal(s)" in capsys.readouterr().out
        assert SignalContact.objects.count() == 1
        call_command("signals_retention")
        assert "Removed the contact details of 1 signal(s)" in capsys.readouterr().out
        assert SignalContact.objects.count() == 0


def test_the_daily_task_runs_the_same_service():
    closed_signal_with_contact()
    with time_machine.travel(datetime.datetime(2026, 7, 1, 12, tzinfo=datetime.UTC)):
        tasks.retention()
    assert SignalContact.objects.count() == 0
    assert tasks.retention.name == "signals.retention"


def test_the_beat_schedule_runs_it_daily():
    from wijraad.celery import app

    entry = app.conf.beat_schedule["signals-retention"]
    assert entry["task"] == "signals.retention"


def test_the_status_link_stops_working_once_anonymised(client):
    signal, token = signal_with_email(state=SignalState.CLOSED, closed_at=CLOSED_ON)
    with time_machine.travel(datetime.datetime(2029, 1, 1, 12, tzinfo=datetime.UTC)):
        services.retention_run()
    from django.urls import reverse

    assert client.get(reverse("signals:status", args=[token])).status_code == 404
    assert Signal.objects.get(pk=signal.pk).anonymised_at is not None
    assert timezone.now()


def test_the_form_and_the_privacy_statement_name_the_periods_in_force(client):
    """What a resident is promised follows the rules the retention run applies."""
    form = client.get(reverse("signals:submit")).content.decode()
    assert "Alleen de secretaris van de raad ziet ze. Ze worden 3 maanden na het afsluiten" in form
    CouncilRules.objects.create(
        valid_from=timezone.localdate(),
        signal_contact_retention_months=1,
        signal_anonymise_after_months=18,
    )
    form = client.get(reverse("signals:submit")).content.decode()
    assert "Ze worden 1 maand na het afsluiten" in form
    statement = client.get(reverse("privacy")).content.decode()
    assert "Ze worden 1 maand na het afsluiten" in statement
    assert "Het verhaal wordt 18 maanden na het afsluiten" in statement
    assert "drie maanden" not in statement


def test_contact_details_go_when_promised_also_after_the_rules_were_raised(client, form_data):
    """The consent box promised 3 months; the administrator later raises the period to 6: the
    details of whoever was promised 3 still go after 3."""
    response = client.post(
        reverse("signals:submit"), form_data(email="anna@example.net", consent="on")
    )
    assert response.status_code == 302
    contact = SignalContact.objects.get()
    assert contact.promised_months == 3
    today = timezone.localdate()
    CouncilRules.objects.create(
        valid_from=today + datetime.timedelta(days=1), signal_contact_retention_months=6
    )
    closed = timezone.now()
    Signal.objects.update(state=SignalState.CLOSED, closed_at=closed, outcome="Opgelost.")
    with time_machine.travel(closed + datetime.timedelta(days=80)):
        assert services.retention_run() == {"contacts": 0, "anonymised": 0}
    with time_machine.travel(closed + datetime.timedelta(days=100)):
        assert services.retention_run() == {"contacts": 1, "anonymised": 0}
    assert not SignalContact.objects.exists()
    # Someone who gives consent now is promised the new period, and the form says so.
    with time_machine.travel(closed + datetime.timedelta(days=2)):
        assert "Ze worden 6 maanden na" in client.get(reverse("signals:submit")).content.decode()


def test_a_lower_period_in_the_rules_goes_before_the_promise():
    contact = SignalContactFactory(
        promised_months=6,
        signal__state=SignalState.CLOSED,
        signal__closed_at=CLOSED_ON,
        signal__outcome="Opgelost.",
    )
    with time_machine.travel(datetime.datetime(2026, 6, 11, 12, tzinfo=datetime.UTC)):
        assert services.retention_run() == {"contacts": 1, "anonymised": 0}
    assert not SignalContact.objects.filter(pk=contact.pk).exists()


def test_the_migration_stores_the_period_of_the_consent_day():
    """Contact details from before the promise was stored: the rules of the consent day."""
    CouncilRules.objects.create(
        valid_from=datetime.date(2026, 2, 1), signal_contact_retention_months=2
    )
    CouncilRules.objects.create(
        valid_from=datetime.date(2026, 4, 1), signal_contact_retention_months=5
    )
    before = SignalContactFactory(
        consent_at=datetime.datetime(2026, 1, 15, 12, tzinfo=datetime.UTC)
    )
    between = SignalContactFactory(
        consent_at=datetime.datetime(2026, 3, 15, 12, tzinfo=datetime.UTC)
    )
    kept = SignalContactFactory(promised_months=1)
    migration = import_module("signals.migrations.0005_contact_promised_months")
    migration.promise_the_rules_of_the_consent_day(apps, None)
    before.refresh_from_db()
    between.refresh_from_db()
    kept.refresh_from_db()
    assert (before.promised_months, between.promised_months, kept.promised_months) == (3, 2, 1)


def test_the_consent_box_names_the_period_in_the_statements_words():
    """One sentence for how long contact details are kept (signals.privacy.contact_kept)."""
    from signals.forms import consent_label
    from signals.privacy import contact_kept

    assert consent_label().endswith(" " + contact_kept())
    assert "3 maanden na het afsluiten" in contact_kept()
