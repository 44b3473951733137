"""`make bench`: how fast the portal answers, next to a bare Django view, on the bench data.

    .venv/bin/python -m bench.run [--seconds 5] [--bare-seconds 3] [--tasks 10000] ...

1. A PostgreSQL database of its own (dropped and made again), migrated, with `bench_data`
   (the demo data plus ten years of volume) and the static files collected.
2. The portal under gunicorn (2 workers) with production settings (DEBUG off, a random
   SECRET_KEY, ALLOWED_HOSTS, Redis for cache and sessions), reached as behind its TLS proxy:
   every request says `X-Forwarded-Proto: https` (USE_X_FORWARDED_PROTO=1), so
   SECURE_SSL_REDIRECT, secure cookies and CSRF's origin check stay as in production. Next to it
   the bare view (bench/settings.py: no apps, no middleware) under the same gunicorn.
3. `lid` and `secretaris` log in through the real login form (the login page, its CSRF token,
   the password, and for the secretary the TOTP step with the demo secret); wrk reuses their
   session cookies.
4. Per page, wrk with 8 connections for `--seconds`, the bare view for `--bare-seconds` between
   pages; the ratio is the page's rate over the mean of the bare runs before and after it.
   After each run the server first works off what wrk left in its queue (client.settle).
   Queries per request are counted in this process with Django's test client and
   CaptureQueriesContext (the second request of the same session: warm caches, as a running
   worker has them), not with a middleware, so the served stack is the production one.
5. Reminders: a Celery worker (`celery -A wijraad worker`, 2 processes) on Redis sends
   `--tasks` due reminder deliveries queued by the sweep (wijraad.deliveries.sweep), and the
   same number of no-op tasks (bench/tasks.py) is timed in the same run.

Prints a table with PASS/FAIL against the targets in docs/performance.md and writes the same as
JSON under var/bench/<timestamp>.json. Exits 0 when it ran to the end, whatever the targets say;
non-zero when something broke (login refused, a page answering other than 200, a delivery failing).
Everything it started is stopped on the way out, also on an error or Ctrl+C.
"""

import argparse
import datetime
import json
import os
import shutil
import signal
import sys
import time

from bench import client, pages, reminders, report, stack
from bench.stack import OUT_DIR, Broke, log


def parse(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--seconds",
        type=int,
        default=int(os.environ.get("BENCH_SECONDS", 5)),
        help="load per page (default 5)",
    )
    parser.add_argument(
        "--bare-seconds",
        type=int,
        default=int(os.environ.get("BENCH_BARE_SECONDS", 3)),
        help="load on the bare view between pages (default 3)",
    )
    parser.add_argument("--connections", type=int, default=8, help="wrk's connections")
    parser.add_argument("--threads", type=int, default=2, help="wrk's threads")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn's workers")
    parser.add_argument("--worker-processes", type=int, default=2, help="Celery's processes")
    parser.add_argument(
        "--tasks",
        type=int,
        default=int(os.environ.get("BENCH_TASKS", 10_000)),
        help="reminders, and as many no-op tasks (default 10000)",
    )
    parser.add_argument("--years", type=int, default=10, help="of bench data (default 10)")
    parser.add_argument(
        "--database-url",
        default=os.environ.get(
            "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/wijraad_bench"
        ),
        help="dropped and made again on every run",
    )
    parser.add_argument(
        "--redis-url", default=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379")
    )
    parser.add_argument("--cache-db", type=int, default=14, help="Redis db (flushed)")
    parser.add_argument("--broker-db", type=int, default=15, help="Redis db (flushed)")
    parser.add_argument(
        "--reuse-data",
        action="store_true",
        help="keep the database and files of the last run (skip making them again)",
    )
    parser.add_argument("--no-reminders", action="store_true", help="pages only")
    parser.add_argument(
        "--pages",
        default="",
        help="only the pages whose 'label as role' holds one of these comma-separated words "
        "(e.g. --pages 'people,documents,as secretaris'); default every page",
    )
    parser.add_argument("--no-pages", action="store_true", help="reminders only")
    return parser.parse_args(argv)


def load_data(options, env):
    """A fresh database with the bench data, and the static files. Returns seconds per step."""
    steps, began = {}, time.monotonic()

    def step(name):
        steps[name] = round(time.monotonic() - began - sum(steps.values()), 1)

    log("a fresh database, migrate ...")
    stack.fresh_database(options.database_url)
    stack.manage("migrate", "--no-input", "-v0", env={**env, "DEBUG": "1"})
    step("migrate")
    log("bench_data (the demo data, then the bench volume) ...")
    output = stack.manage("bench_data", "--years", str(options.years), env={**env, "DEBUG": "1"})
    step("bench_data")
    for line in output.splitlines():
        if line.startswith(("Members:", "Meetings:", "Bench data loaded")):
            log(line.strip())
    stack.manage("collectstatic", "--no-input", "-v0", env=env)
    step("collectstatic")
    return steps


def start_servers(options, processes, env):
    """The portal and the bare view, each under gunicorn with the same workers."""
    ports = {"portal": stack.free_port(), "bare": stack.free_port()}
    for name, module in (("portal", "wijraad.wsgi"), ("bare", "bench.wsgi")):
        command = [
            str(stack.BIN / "gunicorn"),
            "--workers",
            str(options.workers),
            "--bind",
            f"127.0.0.1:{ports[name]}",
            module,
        ]
        processes.start(f"gunicorn-{name}", command, env)
    for port in ports.values():
        client.wait_for(port)
    return ports


def log_in(port):
    """The session of each persona, through the real login form (and the TOTP step)."""
    from members.demo import DEMO_TOTP_SECRET, PASSWORD

    sessions = {}
    for role, email in pages.PERSONAS.items():
        sessions[role] = client.Browser(port).log_in(email, PASSWORD, DEMO_TOTP_SECRET)
        log(f"logged in as {role} through the login form")
    return sessions


def run(options, results):
    if shutil.which("wrk") is None:
        raise Broke("wrk is missing: install Debian's wrk package (make bench does, as root)")
    run_dir = OUT_DIR / "run"
    if not options.reuse_data:
        shutil.rmtree(run_dir, ignore_errors=True)
    run_dir.mkdir(parents=True, exist_ok=True)
    env = stack.environment(options, run_dir)
    results["postgresql"], results["redis"] = stack.versions(options)
    stack.flush_redis(options)
    if not options.reuse_data:
        results["load_seconds"] = load_data(options, env)
    processes = stack.Processes(run_dir)
    try:
        ports = start_servers(options, processes, env)
        stack.setup_django(env)
        if not options.no_pages:
            sessions = log_in(ports["portal"])
            measured, results["ids"] = pages.choose_pages()
            measured = pages.only(measured, options.pages)
            pages.check_pages(ports["portal"], measured, sessions)
            queries = pages.count_queries(measured, sessions)
            processes.check()
            log(
                f"{len(measured)} pages, {options.seconds} s each, the bare view "
                f"{options.bare_seconds} s before and after each, {options.connections} "
                "connections"
            )
            pages.measure_pages(options, ports, measured, sessions, queries, results)
            pages.measure_search_latency(options, ports, measured, sessions, results)
            processes.check()
        if not options.no_reminders:
            results["reminders"] = reminders.measure_reminders(options, processes, env, run_dir)
    finally:
        processes.stop()


def main(argv=None):
    options = parse(argv)
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    stamp = datetime.datetime.now().astimezone()
    results = {
        "date": stamp.isoformat(timespec="seconds"),
        "machine": report.machine(),
        "load_average_at_start": os.getloadavg(),
        "settings": {
            key: getattr(options, key)
            for key in (
                "seconds",
                "bare_seconds",
                "connections",
                "threads",
                "workers",
                "worker_processes",
                "tasks",
                "years",
                "pages",
            )
        },
        "pages": [],
        "search_latency": [],
        "bare_runs": [],
    }
    log(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    # Ctrl+C and SIGTERM unwind the run (even when started in the background, where SIGINT
    # would be ignored), so everything started is stopped.
    signal.signal(signal.SIGINT, interrupted)
    signal.signal(signal.SIGTERM, interrupted)
    began = time.monotonic()
    try:
        run(options, results)
    except Broke as error:
        results["broken"] = str(error)
    if results["bare_runs"]:
        results["bare"] = report.bare_summary(results["bare_runs"])
    results["load_average_at_end"] = os.getloadavg()
    results["seconds"] = round(time.monotonic() - began, 1)
    path = OUT_DIR / f"{stamp:%Y%m%d-%H%M%S}.json"
    path.write_text(json.dumps(results, indent=2, default=str) + "\n")
    print()
    print(report.heading(results))
    print()
    if results.get("bare"):
        print(report.table(results))
        print()
    print(f"Written to {path.relative_to(stack.BASE_DIR)} ({results['seconds']} s).")
    if "broken" in results:
        raise Broke(results["broken"])
    print("The targets are a pass line to read, not a gate: this exits 0 when the run completed.")
    return 0


def interrupted(signum, frame):
    """Ctrl+C or SIGTERM: unwind, so that everything started is stopped."""
    raise KeyboardInterrupt


if __name__ == "__main__":
    try:
        sys.exit(main())
    except Broke as error:
        print(f"\nbench: BROKEN: {error}", file=sys.stderr)
        sys.exit(1)
    except KeyboardInterrupt:
        print("\nbench: interrupted; everything it started is stopped.", file=sys.stderr)
        sys.exit(130)
