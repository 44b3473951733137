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


# The hard limits stay below the lease (DELIVERY_LEASE_SECONDS), so a live worker's claim never
# lapses while it sends; a batch stops taking new rows after DELIVERY_BATCH_SECONDS, which leaves
# room for one more mail (EMAIL_TIMEOUT) under the soft limit.
@shared_task(
    name="wijraad.deliveries.send_batch",
    ignore_result=True,
    acks_late=True,
    reject_on_worker_lost=True,
    time_limit=120,
    soft_time_limit=100,
)
def send_deliveries(delivery_ids):
    """Send a batch of deliveries of the ledger (wijraad.deliveries.deliver_many); rows taken by
    another worker are left alone."""
    deliveries.deliver_many(delivery_ids)


@shared_task(
    name="wijraad.deliveries.send",
    ignore_result=True,
    acks_late=True,
    reject_on_worker_lost=True,
    time_limit=60,
    soft_time_limit=45,
)
def send_delivery(delivery_id):
    """Send one delivery of the ledger (wijraad.deliveries.deliver); a no-op if it is taken.
    Nothing queues it any more (the sweep queues batches); it stays for the messages a broker
    may still hold from before."""
    deliveries.deliver(delivery_id)
