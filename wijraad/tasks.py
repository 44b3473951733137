from celery import shared_task

from wijraad.models import Heartbeat


@shared_task(name="wijraad.heartbeat", ignore_result=True)
def heartbeat():
    """Run by Celery beat: proves to the dashboard that the scheduler and a worker are alive."""
    Heartbeat.beat("scheduler")
