"""The Celery app. Its beat schedule lives here, in code, so a deploy carries it."""

import os
from datetime import timedelta

from celery import Celery
from celery.schedules import crontab

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wijraad.settings")

app = Celery("wijraad")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

# How often the reminders' sweep runs (wijraad.deliveries); the dashboard warns when its last run
# is older than settings.DELIVERY_SWEEP_STALE_AFTER_SECONDS.
DELIVERY_SWEEP_EVERY = timedelta(minutes=2)

app.conf.beat_schedule = {
    "heartbeat": {
        "task": "wijraad.heartbeat",
        "schedule": timedelta(seconds=30),
        "options": {"expires": 25},
    },
    # Reminders: the sweep finds what is due and re-queues what was lost (wijraad.deliveries).
    "deliveries-sweep": {
        "task": "wijraad.deliveries.sweep",
        "schedule": DELIVERY_SWEEP_EVERY,
        "options": {"expires": DELIVERY_SWEEP_EVERY.total_seconds()},
    },
    # Residents' signals: contact details and stories removed when their time is up (idempotent).
    "signals-retention": {
        "task": "signals.retention",
        "schedule": crontab(hour=3, minute=15),
        "options": {"expires": 6 * 60 * 60},
    },
    # Applicants' data and allowance statements past their keeping time
    # (year.services.retention_run), once a day at night.
    "year-recruitment-retention": {
        "task": "year.recruitment_retention",
        "schedule": crontab(hour=3, minute=30),
        "options": {"expires": 6 * 60 * 60},
    },
}
