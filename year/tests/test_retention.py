"""Applicants' data goes 4 weeks after the procedure closes, or with consent after a year at
most (numbers from members.models.CouncilRules); a running procedure is kept; the task is
idempotent and logs its counts; the command has a dry run."""

import datetime
import logging

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from members.models import CouncilRules
from year import services, tasks
from year.models import AllowanceStatement, Application, ApplicationState, VacancyAlert
from year.tests.factories import ApplicationFactory

NOW = datetime.datetime(2026, 6, 15, 12, 0, tzinfo=datetime.UTC)


def closed(days_ago, *, consent=False, submitted_days_ago=60):
    return ApplicationFactory(
        state=ApplicationState.NOT_SELECTED,
        closed_at=NOW - datetime.timedelta(days=days_ago),
        submitted_at=NOW - datetime.timedelta(days=submitted_days_ago),
        keep_consent=consent,
    )


@time_machine.travel(NOW, tick=False)
def test_what_is_deleted_and_what_is_kept(
    db, private_root, caplog, django_capture_on_commit_callbacks
):
    gone = closed(29)
    kept_recent = closed(27)
    kept_running = ApplicationFactory(submitted_at=NOW - datetime.timedelta(days=400))
    kept_consent = closed(60, consent=True, submitted_days_ago=300)
    gone_consent = closed(60, consent=True, submitted_days_ago=370)
    VacancyAlert.objects.create(
        email="oud@example.org", created_at=NOW - datetime.timedelta(days=370)
    )
    VacancyAlert.objects.create(
        email="nieuw@example.org", created_at=NOW - datetime.timedelta(days=300)
    )
    files = [private_root / a.cv.name for a in (gone, gone_consent)]
    assert all(f.exists() for f in files)

    with (
        caplog.at_level(logging.INFO, logger="year.services"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        counts = tasks.recruitment_retention()
    assert counts == {"applications": 2, "alerts": 1, "statements": 0}
    assert "2 applications, 1 alert addresses, 0 allowance statements deleted" in caplog.text
    assert set(Application.objects.values_list("pk", flat=True)) == {
        kept_recent.pk,
        kept_running.pk,
        kept_consent.pk,
    }
    assert not any(f.exists() for f in files)
    assert list(VacancyAlert.objects.values_list("email", flat=True)) == ["nieuw@example.org"]
    # Idempotent: a second run finds nothing.
    assert tasks.recruitment_retention() == {"applications": 0, "alerts": 0, "statements": 0}


@time_machine.travel(NOW, tick=False)
def test_the_numbers_come_from_the_rules_in_force(db, private_root):
    CouncilRules.objects.create(valid_from=datetime.date(2026, 1, 1), applicant_retention_weeks=2)
    closed(15)
    assert services.retention_run() == {"applications": 1, "alerts": 0, "statements": 0}


@time_machine.travel(NOW, tick=False)
def test_the_command_has_a_dry_run(db, private_root, capsys):
    closed(40)
    call_command("year_retention", "--dry-run")
    assert (
        "1 applications, 0 alert addresses and 0 allowance statements would be deleted."
        in capsys.readouterr().out
    )
    assert Application.objects.count() == 1
    call_command("year_retention")
    assert not Application.objects.exists()


def test_the_page_says_when_it_is_deleted(db, private_root, client, secretaris):
    application = closed(0)
    client.force_login(secretaris)
    client.cookies["django_language"] = "nl"
    page = client.get(f"/raad/werving/{application.pk}/")
    day = timezone.localtime(application.closed_at + datetime.timedelta(weeks=4)).date()
    assert f"Wordt verwijderd op {day.day} " in page.text


@pytest.mark.parametrize("task", ["year.recruitment_retention"])
def test_the_task_is_on_the_beat_schedule(task):
    from wijraad.celery import app

    assert task in {entry["task"] for entry in app.conf.beat_schedule.values()}


def test_allowance_statements_go_seven_years_after_their_year(db, lid, secretaris):
    """Kept for the financial records as the tax rules ask (seven years after the year's end),
    then deleted by the same nightly run."""
    old = AllowanceStatement.objects.create(
        person=lid,
        period_start=datetime.date(2019, 7, 1),
        period_end=datetime.date(2020, 1, 1),
        meetings=3,
        work_visits=1,
        months=6,
        amount=0,
        approved_by=secretaris,
    )
    newer = AllowanceStatement.objects.create(
        person=lid,
        period_start=datetime.date(2020, 1, 1),
        period_end=datetime.date(2020, 7, 1),
        meetings=3,
        work_visits=1,
        months=6,
        amount=0,
        approved_by=secretaris,
    )
    with time_machine.travel(datetime.datetime(2026, 12, 31, 20, tzinfo=datetime.UTC)):
        assert services.retention_run()["statements"] == 0
    with time_machine.travel(datetime.datetime(2027, 1, 1, 12, tzinfo=datetime.UTC)):
        assert services.retention_run()["statements"] == 1
        assert services.retention_run()["statements"] == 0
    assert list(AllowanceStatement.objects.values_list("pk", flat=True)) == [newer.pk]
    assert not AllowanceStatement.objects.filter(pk=old.pk).exists()


@time_machine.travel(NOW, tick=False)
def test_an_application_stays_while_its_mail_is_waiting(db, private_root):
    from django.contrib.contenttypes.models import ContentType

    from wijraad.models import Delivery, DeliveryState

    application = closed(29)
    mail = Delivery.objects.create(
        content_type=ContentType.objects.get_for_model(Application),
        object_id=str(application.pk),
        kind="year.not_selected",
        state=DeliveryState.PENDING,
    )
    assert services.retention_run() == {"applications": 0, "alerts": 0, "statements": 0}
    mail.state = DeliveryState.SENDING
    mail.save()
    assert services.retention_run()["applications"] == 0
    mail.state = DeliveryState.SENT
    mail.save()
    assert services.retention_run()["applications"] == 1
    assert not Application.objects.exists()


def test_the_keeping_times_shown_are_the_rules_in_force(db, private_root, client, secretaris):
    from django.urls import reverse

    from year.tests.factories import VacancyFactory

    CouncilRules.objects.create(
        valid_from=timezone.localdate(),
        applicant_retention_weeks=2,
        applicant_retention_consent_months=6,
    )
    client.cookies["django_language"] = "nl"
    VacancyFactory()
    form = client.get(reverse("year:apply")).text
    assert "mijn sollicitatie 6 maanden bewaren" in form
    assert "uw sollicitatie 2 weken na het einde" in form
    privacy = client.get(reverse("privacy")).text
    assert "Vanzelf verwijderd 2 weken nadat de procedure is afgerond" in privacy
    assert "6 maanden nadat de sollicitatie binnenkwam" in privacy
    application = closed(0, consent=True)
    client.force_login(secretaris)
    assert "hoogstens 6 maanden" in client.get(reverse("year:applications")).text
    page = client.get(reverse("year:application", args=[application.pk])).text
    assert "Met toestemming: hoogstens 6 maanden." in page
