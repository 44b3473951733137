"""Profile one page, or the sending of reminders, in this process on the last `make bench` data:
the measuring before a change that docs/performance.md asks for.

    .venv/bin/python -m bench.profile page lid /leden/mensen/ [--times 20]
    .venv/bin/python -m bench.profile page secretaris /dashboard/
    .venv/bin/python -m bench.profile deliveries [--times 200]

Production settings (DEBUG off) on the bench database (`wijraad_bench`, left by `make bench`) and
its Redis cache database, the static files of that run; Django's test client logged in as the
persona (with the two-step record for those who need it). A page is asked once to warm up, its
queries are listed, then it is timed and profiled with cProfile (`--sort`, default cumulative).
`deliveries` records due reminders in the bench database (meetings.bench) and sends them in
batches with wijraad.deliveries.deliver_many, mail written to files under var/bench/profile-mail/.
"""

import argparse
import cProfile
import io
import os
import pstats
import sys
import time

from bench.stack import BASE_DIR, OUT_DIR, run_keys


def environment(options):
    return {
        # The keys the last run's data was loaded with (its TOTP secrets are encrypted).
        **run_keys(OUT_DIR / "run"),
        "ALLOWED_HOSTS": "testserver",
        "USE_X_FORWARDED_PROTO": "1",
        "DATABASE_URL": options.database_url,
        "REDIS_URL": f"{options.redis_url.rstrip('/')}/{options.cache_db}",
        "CACHE_KEY_PREFIX": "wijraad-bench",
        "VAR_DIR": str(OUT_DIR / "run"),
        "STATIC_ROOT": str(OUT_DIR / "run" / "static"),
        "EMAIL_FILE_PATH": str(OUT_DIR / "profile-mail"),
        "PORTAL_URL": "https://127.0.0.1",
        "DJANGO_SETTINGS_MODULE": "wijraad.settings",
    }


def setup(options):
    os.environ.update(environment(options))
    for name in ("DEBUG", "EMAIL_HOST"):
        os.environ.pop(name, None)
    sys.path.insert(0, str(BASE_DIR))
    import django

    django.setup()


def profiled(call, options):
    profile = cProfile.Profile()
    began = time.perf_counter()
    profile.enable()
    for _time in range(options.times):
        call()
    profile.disable()
    elapsed = (time.perf_counter() - began) / options.times
    out = io.StringIO()
    pstats.Stats(profile, stream=out).sort_stats(options.sort).print_stats(options.lines)
    return elapsed, out.getvalue()


def profile_page(options):
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from members.models import User
    from wijraad.testing.fixtures import _log_in_with_code

    client = Client(headers={"X-Forwarded-Proto": "https"})
    if options.persona != "anoniem":
        user = User.objects.get(email=f"{options.persona}@example.org")
        _log_in_with_code(Client.force_login)(client, user)

    def ask():
        response = client.get(options.path)
        if response.status_code != 200:
            raise SystemExit(f"{options.path} answered {response.status_code}")

    ask()
    with CaptureQueriesContext(connection) as queries:
        ask()
    print(f"{options.path} as {options.persona}: {len(queries)} queries")
    for query in queries.captured_queries:
        print(f"  {query['time']} s  {query['sql'][:160]}")
    plain = time.perf_counter()
    for _time in range(options.times):
        ask()
    print(f"{1000 * (time.perf_counter() - plain) / options.times:.1f} ms per request")
    elapsed, stats = profiled(ask, options)
    print(f"{1000 * elapsed:.1f} ms per request under the profiler\n{stats}")


def profile_deliveries(options):
    """Send `--times` reminders in batches, as the send task does (wijraad.deliveries)."""
    from django.conf import settings
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from meetings.bench import make_due_reminders
    from wijraad import deliveries

    (OUT_DIR / "profile-mail").mkdir(parents=True, exist_ok=True)
    size = settings.DELIVERY_BATCH_SIZE
    batches = deliveries.batches(make_due_reminders(count=options.times + 2 * size))
    deliveries.deliver_many(batches.pop())  # warm: templates, translations, the cached roles
    with CaptureQueriesContext(connection) as queries:
        deliveries.deliver_many(batches.pop())
    print(f"one batch of {size} deliveries: {len(queries)} queries")
    for query in queries.captured_queries[:30]:
        print(f"  {query['time']} s  {query['sql'][:160]}")
    elapsed, stats = profiled(
        lambda: deliveries.deliver_many(batches.pop()),
        argparse.Namespace(**{**vars(options), "times": len(batches)}),
    )
    print(f"{1000 * elapsed / size:.1f} ms per delivery under the profiler\n{stats}")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("what", choices=["page", "deliveries"])
    parser.add_argument("persona", nargs="?", default="lid", help="page: who asks (or anoniem)")
    parser.add_argument("path", nargs="?", default="/", help="page: the path")
    parser.add_argument("--times", type=int, default=20)
    parser.add_argument("--sort", default="cumulative", help="cProfile's sort key")
    parser.add_argument("--lines", type=int, default=40)
    parser.add_argument(
        "--database-url",
        default=os.environ.get(
            "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/wijraad_bench"
        ),
    )
    parser.add_argument(
        "--redis-url", default=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379")
    )
    parser.add_argument("--cache-db", type=int, default=14)
    options = parser.parse_args(argv)
    setup(options)
    if options.what == "page":
        profile_page(options)
    else:
        profile_deliveries(options)


if __name__ == "__main__":
    main()
