"""Load the demo data: every app may have a `demo.py` with `load(*, stdout)`.

Apps are loaded in INSTALLED_APPS order (ground floor first), so a higher app can build on the
demo data of the floors below. Each `load` is idempotent: running the command twice changes
nothing. The command refuses to run with DEBUG off, so demo accounts never reach production.
"""

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction


class Command(BaseCommand):
    help = "Load idempotent demo data (only with DEBUG on)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Demo data only exists with DEBUG on; refusing to load it.")
        with transaction.atomic():
            for config in apps.get_app_configs():
                module_name = f"{config.name}.demo"
                if find_spec(module_name) is None:
                    continue
                import_module(module_name).load(stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo data loaded."))
