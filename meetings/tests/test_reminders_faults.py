"""Fault tests of the reminders with real processes: `celery worker` processes and sweeps started
here against the test database, on Redis, with mail written to files.

Needs PostgreSQL (DATABASE_URL) and Redis (CELERY_BROKER_URL); skipped without them, failed
without them when REQUIRE_SERVICES=1 (CI). The workers use a Redis database of their own
(REMINDER_FAULT_REDIS_DB, default 9, flushed by these tests), a queue name of their own and a
short lease. A worker is stopped at an exact point of wijraad.deliveries.deliver through its
test seam (DELIVERY_TEST_PAUSE_DIR), then killed with its whole process group (SIGKILL).

The guarantee these tests hold (wijraad.deliveries): a sweep run twice or twice at once → one
mail per recipient; a worker killed before the hand-over → exactly one mail; killed after the
hand-over but before marking it sent → at most one duplicate, with the same Message-ID; a
broker that lost its messages → the next sweep delivers, once; a rollback → nothing queued.
"""

import datetime
import email
import email.policy
import os
import signal
import subprocess
import sys
import time
import uuid
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.db import connection
from django.utils import timezone

from meetings import services
from meetings.tests.factories import LocationFactory, MeetingFactory
from wijraad.models import Delivery, DeliveryState

pytestmark = pytest.mark.services

ROOT = Path(__file__).resolve().parents[2]
CELERY = Path(sys.executable).with_name("celery")
WAIT_SECONDS = 20
LEASE_SECONDS = 2


def _services_or_skip():
    database = os.environ.get("DATABASE_URL", "")
    broker = os.environ.get("CELERY_BROKER_URL", "")
    if database.startswith("postgres") and broker.startswith("redis"):
        return database, broker
    reason = "the reminder fault tests need DATABASE_URL (PostgreSQL) and CELERY_BROKER_URL (Redis)"
    if os.environ.get("REQUIRE_SERVICES") == "1":
        pytest.fail(reason)
    pytest.skip(reason)


class Rig:
    """Workers, sweeps and the mail folder of one test."""

    def __init__(self, tmp_path, database_url, broker_url):
        import redis

        split = urlsplit(broker_url)
        fault_db = os.environ.get("REMINDER_FAULT_REDIS_DB", "9")
        self.broker_url = urlunsplit(split._replace(path=f"/{fault_db}"))
        self.redis = redis.Redis.from_url(self.broker_url)
        self.redis.flushdb()
        test_database = connection.settings_dict["NAME"]
        db_split = urlsplit(database_url)
        self.queue = f"wijraad-faulttest-{uuid.uuid4().hex[:8]}"
        self.mail_dir = tmp_path / "mail"
        self.pause_dir = tmp_path / "pause"
        self.pause_dir.mkdir()
        self.logs = tmp_path / "logs"
        self.logs.mkdir()
        self.env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "DJANGO_SETTINGS_MODULE": "wijraad.settings",
            "DEBUG": "1",
            "VAR_DIR": str(tmp_path / "var"),
            "DATABASE_URL": urlunsplit(db_split._replace(path=f"/{test_database}")),
            "CELERY_BROKER_URL": self.broker_url,
            "CELERY_QUEUE": self.queue,
            "EMAIL_FILE_PATH": str(self.mail_dir),
            "DELIVERY_TEST_PAUSE_DIR": str(self.pause_dir),
            "DELIVERY_LEASE_SECONDS": str(LEASE_SECONDS),
            "DELIVERY_REQUEUE_AFTER_SECONDS": "0",
        }
        self.processes = []

    def start_worker(self):
        number = len(self.processes)
        log = open(self.logs / f"worker{number}.log", "w")  # noqa: SIM115 (closed with the rig)
        process = subprocess.Popen(
            [
                str(CELERY),
                "-A",
                "wijraad",
                "worker",
                "-Q",
                self.queue,
                "-n",
                f"fault{number}-{self.queue}@localhost",
                "--concurrency=1",
                "--without-gossip",
                "--without-mingle",
                "--without-heartbeat",
                "--loglevel=WARNING",
            ],
            cwd=ROOT,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.processes.append((process, log))
        return process

    def kill(self, process):
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)

    def python(self, code):
        """Run `code` in a fresh Django process with the workers' settings."""
        script = "import django; django.setup()\n" + code
        return subprocess.Popen(
            [sys.executable, "-c", script],
            cwd=ROOT,
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,
        )

    def sweep(self, count=1):
        """`count` sweeps at the same time, each in a process of its own."""
        runs = [self.python("from wijraad.deliveries import sweep; sweep()") for _ in range(count)]
        for run in runs:
            _out, err = run.communicate(timeout=60)
            assert run.returncode == 0, err

    def pause_at(self, point):
        (self.pause_dir / point).touch()

    def release(self, point):
        (self.pause_dir / point).unlink()

    def wait_until_paused(self, point):
        self.wait_for(lambda: (self.pause_dir / f"{point}.reached").exists(), point)

    def kill_a_worker_at(self, point):
        """Start a worker, sweep, and kill the worker once its delivery reached `point`."""
        self.pause_at(point)
        worker = self.start_worker()
        self.sweep()
        self.wait_until_paused(point)
        self.kill(worker)
        self.release(point)

    def queued(self):
        return self.redis.llen(self.queue)

    def mails(self):
        found = []
        for path in sorted(self.mail_dir.glob("*.log")) if self.mail_dir.exists() else ():
            for chunk in path.read_bytes().split(b"-" * 79):
                if chunk.strip():
                    parsed = email.message_from_bytes(chunk.strip(), policy=email.policy.default)
                    found.append(parsed)
        return found

    def wait_for(self, condition, what):
        deadline = time.monotonic() + WAIT_SECONDS
        while time.monotonic() < deadline:
            if condition():
                return
            time.sleep(0.1)
        logs = "\n".join(p.read_text()[-2000:] for p in sorted(self.logs.glob("*.log")))
        pytest.fail(f"waited in vain for {what}\n{logs}")

    def all_sent(self):
        rows = Delivery.objects.all()
        return rows.exists() and not rows.exclude(state=DeliveryState.SENT).exists()

    def settle(self):
        """Every row sent and the queue drained: nothing more can go out."""
        self.wait_for(lambda: self.all_sent() and self.queued() == 0, "all deliveries sent")
        time.sleep(0.5)

    def close(self):
        for process, log in self.processes:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=10)
            log.close()
        self.redis.flushdb()
        self.redis.close()


@pytest.fixture
def rig(transactional_db, tmp_path):
    database_url, broker_url = _services_or_skip()
    rig = Rig(tmp_path, database_url, broker_url)
    try:
        yield rig
    finally:
        rig.close()


@pytest.fixture
def tomorrow_meeting(transactional_db):
    """A council meeting tomorrow: its reminder is due now. Its agenda is marked out (without the
    agenda mail's state), so the reminder is the only mail due."""
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    return MeetingFactory(
        date=tomorrow,
        location=LocationFactory(name="WIJ Vinkhuizen"),
        title="Raadsvergadering",
        agenda_published_at=timezone.now(),
    )


def test_a_sweep_twice_and_two_sweeps_at_once_send_one_mail_per_recipient(
    rig, lid, voorzitter, tomorrow_meeting
):
    rig.sweep(count=2)
    rig.sweep()
    assert Delivery.objects.count() == 2
    rig.start_worker()
    rig.settle()
    assert sorted(m["To"] for m in rig.mails()) == ["lid@example.org", "voorzitter@example.org"]


def test_a_worker_killed_before_the_hand_over_then_a_new_worker_sends_exactly_one(
    rig, lid, tomorrow_meeting
):
    rig.kill_a_worker_at("before_handover")
    assert Delivery.objects.get().state == DeliveryState.SENDING
    time.sleep(LEASE_SECONDS + 0.5)  # the claim of the dead worker lapses
    rig.start_worker()
    rig.sweep()
    rig.settle()
    [message] = rig.mails()
    assert message["Message-ID"] == Delivery.objects.get().message_id


def test_a_worker_killed_after_the_hand_over_gives_at_most_one_duplicate_with_the_same_id(
    rig, lid, tomorrow_meeting
):
    rig.kill_a_worker_at("after_handover")
    assert len(rig.mails()) == 1
    time.sleep(LEASE_SECONDS + 0.5)
    rig.start_worker()
    rig.sweep()
    rig.settle()
    messages = rig.mails()
    delivery = Delivery.objects.get()
    assert len(messages) == 2  # the documented duplicate, never more
    assert {m["Message-ID"] for m in messages} == {delivery.message_id}
    assert delivery.attempts == 2


def test_a_worker_killed_inside_a_batch_sends_the_rest_once_and_one_duplicate_at_most(
    rig, lid, voorzitter, secretaris, tomorrow_meeting
):
    """The three reminders go in one batch: claimed together, the worker killed after handing
    over the first. That one goes again once (same Message-ID); the two it never handed over go
    exactly once."""
    rig.kill_a_worker_at("after_handover")
    assert len(rig.mails()) == 1
    assert list(Delivery.objects.values_list("state", flat=True)) == [DeliveryState.SENDING] * 3
    time.sleep(LEASE_SECONDS + 0.5)
    rig.start_worker()
    rig.sweep()
    rig.settle()
    per_id = Counter(message["Message-ID"] for message in rig.mails())
    assert set(per_id) == set(Delivery.objects.values_list("message_id", flat=True))
    assert sorted(per_id.values()) == [1, 1, 2]  # the documented duplicate, never more


def test_a_flushed_broker_is_made_good_by_the_next_sweep_once(rig, lid, tomorrow_meeting):
    rig.sweep()
    assert rig.queued() == 1
    rig.redis.flushdb()
    rig.start_worker()
    time.sleep(1)
    assert rig.mails() == []
    assert Delivery.objects.get().state == DeliveryState.PENDING
    rig.sweep()
    rig.settle()
    assert len(rig.mails()) == 1


def test_a_transaction_that_rolls_back_queues_nothing(rig, lid, tomorrow_meeting):
    run = rig.python(
        "from django.db import transaction\n"
        "from wijraad.deliveries import sweep\n"
        "try:\n"
        "    with transaction.atomic():\n"
        "        assert sweep()\n"
        "        raise RuntimeError('rolled back')\n"
        "except RuntimeError:\n"
        "    pass\n"
    )
    _out, err = run.communicate(timeout=60)
    assert run.returncode == 0, err
    assert rig.queued() == 0
    assert not Delivery.objects.exists()


def test_a_meeting_changed_after_its_reminder_gets_one_changed_mail(
    rig, lid, secretaris, tomorrow_meeting
):
    rig.start_worker()
    rig.sweep()
    rig.settle()
    services.meeting_update(
        meeting=tomorrow_meeting,
        by=secretaris,
        start_time=datetime.time(18, 0),
        end_time=datetime.time(20, 0),
    )
    rig.sweep()
    rig.sweep()
    rig.settle()
    subjects = sorted(str(m["Subject"]).split(":")[0] for m in rig.mails() if m["To"] == lid.email)
    assert subjects == ["Gewijzigd", "Herinnering"]
    assert Delivery.objects.filter(recipient=lid, revision=1).count() == 1
