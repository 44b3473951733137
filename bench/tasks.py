"""The no-op task the reminders are measured against. Only the benchmark's worker loads it
(`celery -A wijraad worker --include bench.tasks`); the portal never does."""

from celery import shared_task


@shared_task(name="bench.noop", ignore_result=True)
def noop():
    """Nothing: what a task costs the broker and the worker by itself."""
