"""Load the benchmark's data set: the demo data, then years of volume from every app's `bench.py`.

Each app may have a `bench.py` with `load(*, stdout, years=10)`; apps are loaded in
INSTALLED_APPS order (ground floor first), so a higher app builds on the volume of the floors
below, and this ground floor never imports an app. The demo data comes first (`demo_data`): it
makes the persona accounts the benchmark logs in with.

Two refusals keep the volume away from real data:

- DEBUG must be on (as for `demo_data`);
- every account must have an address under example.org, the domain reserved for examples
  (RFC 2606), which is what the demo and bench accounts use: no real person has one. A
  database with any other account holds real data. On an empty database nothing is refused.

The bench accounts use addresses under `BENCH_EMAIL_DOMAIN`; finding one means the volume is
there already, and the command refuses to add it twice (start again from an empty database).
"""

import time
from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

# Demo and bench accounts only: the domain reserved for examples, and its bench subdomain.
EXAMPLE_DOMAIN = "example.org"
BENCH_EMAIL_DOMAIN = "bench.example.org"
DEFAULT_YEARS = 10


def real_accounts():
    """Accounts whose address is not under example.org: people of a real council."""
    users = get_user_model().objects
    return users.exclude(email__iendswith=f"@{EXAMPLE_DOMAIN}").exclude(
        email__iendswith=f".{EXAMPLE_DOMAIN}"
    )


def bench_loaded():
    return get_user_model().objects.filter(email__iendswith=f"@{BENCH_EMAIL_DOMAIN}").exists()


class Command(BaseCommand):
    help = (
        "Load the benchmark's data set (demo data plus years of volume from each app's bench.py). "
        "Only with DEBUG on, and never on a database with real accounts."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--years",
            type=int,
            default=DEFAULT_YEARS,
            help=f"How many years of history to make (default {DEFAULT_YEARS}).",
        )

    def handle(self, *args, years, **options):
        if not settings.DEBUG:
            raise CommandError("Bench data only exists with DEBUG on; refusing to load it.")
        if years < 1:
            raise CommandError("--years must be at least 1.")
        if real_accounts().exists():
            raise CommandError(
                f"This database holds accounts outside {EXAMPLE_DOMAIN}: it holds real data. "
                "Refusing to load bench data; use an empty database of its own."
            )
        if bench_loaded():
            raise CommandError(
                "The bench data is loaded already; start again from an empty database."
            )
        call_command("demo_data", stdout=self.stdout)
        started = time.monotonic()
        for config in apps.get_app_configs():
            module_name = f"{config.name}.bench"
            if find_spec(module_name) is None:
                continue
            part = time.monotonic()
            with transaction.atomic():
                import_module(module_name).load(stdout=self.stdout, years=years)
            self.stdout.write(f"  ({config.label}: {time.monotonic() - part:.1f} s)")
        if connection.vendor == "postgresql":
            # What autovacuum does some time after a bulk load, now: the planner's statistics
            # (without them it guesses some tens of rows per table and skips the full-text
            # index) and the GIN indexes' pending lists merged (read one by one until then).
            # (ANALYZE and gin_clean_pending_list also run inside a transaction, as in tests.)
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
                cursor.execute(
                    "SELECT gin_clean_pending_list(i.indexrelid) FROM pg_index i"
                    " JOIN pg_class c ON c.oid = i.indexrelid"
                    " JOIN pg_am a ON a.oid = c.relam"
                    " JOIN pg_namespace n ON n.oid = c.relnamespace"
                    " WHERE a.amname = 'gin' AND n.nspname = current_schema()"
                )
        self.stdout.write(
            self.style.SUCCESS(
                f"Bench data loaded: {years} years in {time.monotonic() - started:.1f} s."
            )
        )
