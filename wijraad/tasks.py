from celery import shared_task

from wijraad import deliveries
from wijraad.models import Heartbeat


@shared_task(name="wijraad.heartbeat", ignore_result=True)
def heartbeat():
    """Run by Celery beat: proves to the dashboard that the scheduler and a worker are alive."""
    Heartbeat.beat("scheduler")


# A sweep records rows and queues ids: quick. Its time limits stay well under the beat interval.
@shared_task(name="wijraad.deliveries.sweep", ignore_result=True, time_limit=90, soft_time_limit=60)
def sweep_deliveries():
    """Run by Celery beat: record what is due in the ledger and queue what needs sending."""
    deliveries.sweep()


# The hard limit stays below the lease (DELIVERY_LEASE_SECONDS), so a live worker's claim never
# lapses while it sends.
@shared_task(
    name="wijraad.deliveries.send",
    ignore_result=True,
    acks_late=True,
    reject_on_worker_lost=True,
    time_limit=60,
    soft_time_limit=45,
)
def send_delivery(delivery_id):
    """Send one delivery of the ledger (wijraad.deliveries.deliver); a no-op if it is taken."""
    deliveries.deliver(delivery_id)
