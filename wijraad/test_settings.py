"""Settings for the test suite: the real settings with a fast hasher and test-only defaults."""

import os

os.environ.setdefault("SECRET_KEY", "test-only-key-" + "x" * 50)
os.environ.setdefault("ALLOWED_HOSTS", "localhost,127.0.0.1,testserver")
# A Fernet key (32 bytes, url-safe base64) for the secrets of two-step verification.
os.environ.setdefault("MFA_ENCRYPTION_KEY", "dGVzdC1vbmx5LW1mYS1rZXktLS0tLS0tLS0tLS0tLS0=")
os.environ.setdefault("VAR_DIR", os.path.join(os.path.dirname(__file__), "..", "var", "test"))
# Playwright's sync API runs an event loop in the test thread; the ORM calls in the same test
# are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def _own_redis_databases(worker):
    """Under pytest-xdist each worker (gw0, gw1, ...) gets Redis databases of its own for the cache,
    the broker and the reminder fault tests, so no worker flushes or drains another's. PostgreSQL
    needs nothing here: pytest-django gives each worker its own test database."""
    from urllib.parse import urlsplit, urlunsplit

    number = int(worker.removeprefix("gw"))
    if number > 3:  # Databases 1-12 hold four workers; the benchmark uses 14 and 15.
        raise RuntimeError("at most 4 test workers (pytest -n 4) share one Redis")
    for offset, name in enumerate(("REDIS_URL", "CELERY_BROKER_URL")):
        url = os.environ.get(name, "")
        if url.startswith("redis://"):
            database = 1 + 3 * number + offset
            os.environ[name] = urlunsplit(urlsplit(url)._replace(path=f"/{database}"))
    os.environ["REMINDER_FAULT_REDIS_DB"] = str(3 + 3 * number)


if worker := os.environ.get("PYTEST_XDIST_WORKER"):
    _own_redis_databases(worker)
    os.environ["VAR_DIR"] = os.path.join(os.environ["VAR_DIR"], worker)

# A fresh connection per request, as before: the worker and browser tests start and stop servers.
os.environ.setdefault("DATABASE_CONN_MAX_AGE", "0")

from wijraad.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
SECURE_SSL_REDIRECT = False
# One process (and its live-server threads) shares the local-memory cache: keep roles in it, as
# production does in Redis.
ROLES_CACHE = True
PUBLIC_PAGE_CACHE = True
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CELERY_TASK_ALWAYS_EAGER = False
# Serve static files straight from the finders: the suite runs without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
