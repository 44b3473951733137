"""Background work: due reminders through the sweep and a real Celery worker on Redis, against
as many no-op tasks in the same run."""

import os
import shutil
import time

from bench.stack import BIN, Broke, log

TARGET_REMINDER_RATIO = 0.5


def queue_empty(client, queue):
    """The broker holds nothing for the queue: none waiting (any priority) and none delivered
    but not yet acknowledged (the tasks acknowledge late, after running)."""
    waiting = sum(
        client.llen(key)
        for key in client.scan_iter(match=f"{queue}*")
        if client.type(key) == b"list"
    )
    return waiting == 0 and client.hlen("unacked") == 0


def wait_drained(client, queue, *, timeout, extra=lambda: True):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if queue_empty(client, queue) and extra():
            return time.monotonic()
        time.sleep(0.05)
    raise Broke(f"the workers did not finish within {timeout} s")


def measure_reminders(options, processes, env, run_dir):
    import redis
    from django.conf import settings
    from django.db import connection
    from django.db.models import Count

    from bench.tasks import noop
    from meetings.bench import make_due_reminders
    from wijraad import deliveries
    from wijraad.models import Delivery, DeliveryState

    (run_dir / "mail").mkdir(exist_ok=True)
    worker = processes.start(
        "celery-worker",
        [
            str(BIN / "celery"),
            "-A",
            "wijraad",
            "worker",
            "--include",
            "bench.tasks",
            "--concurrency",
            str(options.worker_processes),
            "--loglevel",
            "WARNING",
            "--hostname",
            f"bench-{os.getpid()}@%h",
        ],
        env,
    )
    client = redis.Redis.from_url(settings.CELERY_BROKER_URL)
    queue = settings.CELERY_TASK_DEFAULT_QUEUE
    # Generous: a busy machine is slow, a stuck worker still ends the run.
    timeout = max(900, options.tasks)
    for _warm in range(20):
        noop.delay()
    wait_drained(client, queue, timeout=120)
    processes.check()

    log(f"{options.tasks} no-op tasks ...")
    started = time.monotonic()
    for _task in range(options.tasks):
        noop.delay()
    finished = wait_drained(client, queue, timeout=timeout)
    noop_seconds = finished - started

    log(f"{options.tasks} due reminders through the sweep ...")
    own = make_due_reminders(count=options.tasks)
    unfinished = Delivery.objects.filter(state__in=[DeliveryState.PENDING, DeliveryState.SENDING])
    started = time.monotonic()
    queued = deliveries.sweep()
    finished = wait_drained(client, queue, timeout=timeout, extra=lambda: not unfinished.exists())
    sweep_seconds = finished - started
    states = dict(
        Delivery.objects.filter(pk__in=queued).values_list("state").annotate(number=Count("pk"))
    )
    connection.close()
    processes.stop(worker)
    # The mails were written as files (no mail server here); they served their purpose.
    shutil.rmtree(run_dir / "mail", ignore_errors=True)
    result = {
        "tasks": options.tasks,
        "worker_processes": options.worker_processes,
        "noop_seconds": round(noop_seconds, 2),
        "noop_rate": round(options.tasks / noop_seconds, 1),
        "reminders_queued": len(queued),
        "reminder_seconds": round(sweep_seconds, 2),
        "reminder_rate": round(len(queued) / sweep_seconds, 1),
        "reminder_states": states,
    }
    result["ratio"] = round(result["reminder_rate"] / result["noop_rate"], 4)
    result["failed"] = (
        [f"ratio < {TARGET_REMINDER_RATIO}"] if result["ratio"] < TARGET_REMINDER_RATIO else []
    )
    # The bench's own reminders must all be sent. The sweep also queues what the demo data left
    # due (announcements, schedule overviews), which the portal may rightly skip (a meeting
    # changed or past since); nothing may fail.
    sent_own = Delivery.objects.filter(pk__in=own, state=DeliveryState.SENT).count()
    result["reminder_states"]["bench_reminders_sent"] = sent_own
    if sent_own != len(own) or states.get(DeliveryState.FAILED):
        raise Broke(f"not every bench reminder was sent ({sent_own} of {len(own)}): {states}")
    return result
