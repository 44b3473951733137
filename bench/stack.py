"""The processes and services of a benchmark run: a fresh PostgreSQL database, flushed Redis
databases, the production environment, and the servers and workers it starts (each in a
process group of its own, stopped on the way out)."""

import contextlib
import json
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from cryptography.fernet import Fernet

BASE_DIR = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
OUT_DIR = BASE_DIR / "var" / "bench"


class Broke(Exception):
    """Something the benchmark needs did not work: the run's numbers would mean nothing."""


def log(message):
    # UTC: once Django is set up, the process's local time is the portal's (Europe/Amsterdam).
    print(f"[bench {time.strftime('%H:%M:%S', time.gmtime())}Z] {message}", flush=True)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Processes:
    """The servers and workers this run started, each in a process group of its own, so that
    stopping one stops its children too (gunicorn's and Celery's workers)."""

    def __init__(self, log_dir):
        self.log_dir = log_dir
        self.running = []

    def start(self, name, command, env):
        out = open(self.log_dir / f"{name}.log", "ab")  # noqa: SIM115 - closed in stop()
        process = subprocess.Popen(
            command,
            cwd=BASE_DIR,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.running.append((name, process, out))
        return process

    def stop(self, process=None):
        for entry in list(reversed(self.running)):
            name, running, out = entry
            if process is not None and running is not process:
                continue
            with contextlib.suppress(ProcessLookupError):
                os.killpg(running.pid, signal.SIGTERM)
            try:
                running.wait(timeout=20)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(running.pid, signal.SIGKILL)
                running.wait()
            out.close()
            self.running.remove(entry)

    def check(self):
        for name, process, _out in self.running:
            if process.poll() is not None:
                raise Broke(f"{name} stopped (exit {process.returncode}); see {self.log_dir}")


def manage(*args, env):
    command = [str(BIN / "python"), "manage.py", *args]
    result = subprocess.run(command, cwd=BASE_DIR, env=env, capture_output=True, text=True)
    if result.returncode:
        raise Broke(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def run_keys(run_dir):
    """SECRET_KEY and MFA_ENCRYPTION_KEY of the run's data: made with the data and kept beside it
    (run_dir/keys.json), so `--reuse-data` and bench.profile read the TOTP secrets the data was
    loaded with."""
    path = run_dir / "keys.json"
    if path.exists():
        return json.loads(path.read_text())
    keys = {
        "SECRET_KEY": secrets.token_urlsafe(50),
        "MFA_ENCRYPTION_KEY": Fernet.generate_key().decode(),
    }
    run_dir.mkdir(parents=True, exist_ok=True)
    path.touch(mode=0o600)
    path.write_text(json.dumps(keys))
    return keys


def environment(options, run_dir):
    """The production environment of every process of the run."""
    redis = options.redis_url.rstrip("/")
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DEBUG", "DJANGO_SETTINGS_MODULE", "WIJRAAD_COMMAND"}
    }
    env.update(
        {
            # The same keys for loading the data and serving: the TOTP secrets are encrypted.
            **run_keys(run_dir),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "USE_X_FORWARDED_PROTO": "1",
            "DATABASE_URL": options.database_url,
            "REDIS_URL": f"{redis}/{options.cache_db}",
            "CELERY_BROKER_URL": f"{redis}/{options.broker_db}",
            "CACHE_KEY_PREFIX": "wijraad-bench",
            "VAR_DIR": str(run_dir),
            "STATIC_ROOT": str(run_dir / "static"),
            "EMAIL_FILE_PATH": str(run_dir / "mail"),
            "PORTAL_URL": "https://127.0.0.1",
            "PYTHONPATH": str(BASE_DIR),
        }
    )
    env.pop("EMAIL_HOST", None)
    return env


def _server(url):
    """A connection to the PostgreSQL server of `url` (its maintenance database), and the name
    of the bench database."""
    import dj_database_url
    import psycopg2

    config = dj_database_url.parse(url)
    if not config["ENGINE"].endswith("postgresql"):
        raise Broke(f"the benchmark needs PostgreSQL, not {config['ENGINE']}")
    name = config["NAME"]
    if not re.fullmatch(r"[a-z_][a-z0-9_]*", name):
        raise Broke(f"unexpected database name {name!r}")
    try:
        connection = psycopg2.connect(
            dbname="postgres",
            user=config["USER"] or "postgres",
            password=config["PASSWORD"] or None,
            host=config["HOST"] or "127.0.0.1",
            port=config["PORT"] or 5432,
        )
    except psycopg2.OperationalError as error:
        raise Broke(f"PostgreSQL does not answer at {url}: {error}") from error
    connection.autocommit = True
    return connection, name


def fresh_database(url):
    """Drop the bench database and make it again (it holds nothing but bench data)."""
    connection, name = _server(url)
    with connection.cursor() as cursor:
        # The name is checked in _server; identifiers cannot be query parameters.
        cursor.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        cursor.execute(f"CREATE DATABASE {name}")
    connection.close()


def _redis(options, db):
    import redis

    return redis.Redis.from_url(f"{options.redis_url.rstrip('/')}/{db}")


def versions(options):
    """The versions of PostgreSQL and Redis, for the report; fails early when one is down."""
    import redis

    connection, _name = _server(options.database_url)
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        postgresql = cursor.fetchone()[0]
    connection.close()
    try:
        server = _redis(options, options.cache_db).info("server")
    except redis.ConnectionError as error:
        raise Broke(f"Redis does not answer at {options.redis_url}: {error}") from error
    return postgresql, server["redis_version"]


def flush_redis(options):
    """Empty the run's own Redis databases (cache and broker), never the test suite's."""
    for db in (options.cache_db, options.broker_db):
        client = _redis(options, db)
        client.flushdb()
        client.close()


def setup_django(env):
    os.environ.update(env)
    os.environ["DJANGO_SETTINGS_MODULE"] = "wijraad.settings"
    sys.path.insert(0, str(BASE_DIR))
    import django

    django.setup()
