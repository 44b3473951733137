from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from wijraad.celery import app
from wijraad.models import Heartbeat
from wijraad.tasks import heartbeat


def test_beat_schedule_in_code_runs_the_heartbeat_by_its_explicit_name():
    entry = app.conf.beat_schedule["heartbeat"]
    assert entry["task"] == "wijraad.heartbeat"
    assert entry["schedule"] <= timedelta(seconds=60)
    assert heartbeat.name == "wijraad.heartbeat"


def test_workers_acknowledge_late_and_requeue_on_a_lost_worker():
    assert app.conf.task_acks_late is True
    assert app.conf.task_reject_on_worker_lost is True
    assert app.conf.timezone == "Europe/Amsterdam"


@pytest.mark.django_db
def test_heartbeat_task_records_the_time():
    before = timezone.now()
    heartbeat.run()
    assert Heartbeat.objects.get(name="scheduler").last_seen >= before
    heartbeat.run()
    assert Heartbeat.objects.count() == 1


@pytest.mark.django_db
def test_scheduler_status_command(capsys):
    with pytest.raises(CommandError, match="has not run yet"):
        call_command("scheduler_status")
    Heartbeat.beat("scheduler")
    call_command("scheduler_status", max_age=60)
    assert "Scheduler heartbeat" in capsys.readouterr().out
    Heartbeat.objects.update(last_seen=timezone.now() - timedelta(minutes=10))
    with pytest.raises(CommandError, match="old"):
        call_command("scheduler_status", max_age=60)


@pytest.mark.django_db
def test_demo_data_is_refused_without_debug(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("demo_data")
