from django.core.management.base import BaseCommand

from year import services


class Command(BaseCommand):
    help = (
        "Delete applicants' data, vacancy-alert addresses and allowance statements whose keeping "
        "time has passed."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Count what would be deleted; delete nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        counts = services.retention_run(dry_run=dry_run)
        verb = "would be deleted" if dry_run else "deleted"
        self.stdout.write(
            f"{counts['applications']} applications, {counts['alerts']} alert addresses and "
            f"{counts['statements']} allowance statements {verb}."
        )
