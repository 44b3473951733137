from celery import shared_task

from signals import services


# Daily from Celery beat (wijraad.celery); idempotent, so a retried or doubled run is harmless.
@shared_task(name="signals.retention", ignore_result=True, time_limit=600, soft_time_limit=540)
def retention():
    """Remove contact details and stories whose time is up (signals.services.retention)."""
    services.retention_run()
