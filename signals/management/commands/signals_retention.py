from django.core.management.base import BaseCommand

from signals import services


class Command(BaseCommand):
    help = (
        "Remove the contact details and stories of closed signals whose time is up (the daily "
        "task signals.retention does the same). --dry-run only counts."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Count, change nothing.")

    def handle(self, *args, dry_run=False, **options):
        counts = services.retention_run(dry_run=dry_run)
        verb = "Would remove" if dry_run else "Removed"
        self.stdout.write(
            f"{verb} the contact details of {counts['contacts']} signal(s) and the story of "
            f"{counts['anonymised']} signal(s)."
        )
