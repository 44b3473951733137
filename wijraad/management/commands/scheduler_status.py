"""Say when the Celery beat heartbeat last ran; exit 1 when it never did or is too old."""

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from wijraad.models import Heartbeat


class Command(BaseCommand):
    help = "Show the scheduler's last heartbeat; fail when it is missing or older than --max-age."

    def add_arguments(self, parser):
        parser.add_argument("--max-age", type=int, default=None, help="seconds (default: setting)")

    def handle(self, *args, max_age=None, **options):
        heartbeat = Heartbeat.objects.filter(name="scheduler").first()
        if heartbeat is None:
            raise CommandError("The scheduler has not run yet.")
        age = (timezone.now() - heartbeat.last_seen).total_seconds()
        stale = heartbeat.is_stale() if max_age is None else age > max_age
        if stale:
            raise CommandError(f"The scheduler's last heartbeat is {age:.0f} s old.")
        self.stdout.write(
            f"Scheduler heartbeat {age:.0f} s ago ({heartbeat.last_seen.isoformat()})."
        )
