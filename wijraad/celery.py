"""The Celery app. Its beat schedule lives here, in code, so a deploy carries it."""

import os
from datetime import timedelta

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wijraad.settings")

app = Celery("wijraad")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

app.conf.beat_schedule = {
    "heartbeat": {
        "task": "wijraad.heartbeat",
        "schedule": timedelta(seconds=30),
        "options": {"expires": 25},
    },
}
