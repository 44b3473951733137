"""Settings for the WIJ-raad portal, configured by environment variables.

Without any variable set the portal runs on embedded defaults (SQLite, an SQLite-backed Celery
broker, local-memory cache, e-mail written to files). Production sets DEBUG off and must then
name SECRET_KEY, ALLOWED_HOSTS and MFA_ENCRYPTION_KEY. The README lists every variable.
"""

import base64
import hashlib
import os
import secrets
from pathlib import Path

import dj_database_url
from cryptography.fernet import Fernet
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))
VAR_DIR.mkdir(parents=True, exist_ok=True)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_int(name, default):
    value = os.environ.get(name)
    return int(value) if value else default


DEBUG = env_bool("DEBUG", False)
# Serving requests or running tasks: gunicorn (wsgi.py), Celery (celery.py) and runserver. Only
# these need the production secrets; a management command that serves nothing may run without.
SERVING = os.environ.get("WIJRAAD_COMMAND") in (None, "runserver")

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY and not DEBUG and not SERVING:
    # A throw-away key: nothing this process signs outlives it.
    SECRET_KEY = secrets.token_urlsafe(50)
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. With DEBUG off the portal needs a long random SECRET_KEY "
            "in the environment, e.g. from: "
            "python -c 'import secrets; print(secrets.token_urlsafe(50))'"
        )
    # Development only: a random key kept under var/ so sessions survive a restart.
    key_file = VAR_DIR / "dev-secret-key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50))
    SECRET_KEY = key_file.read_text().strip()

# The key that encrypts the secrets of two-step verification in the database (members.adapters):
# one or more Fernet keys, comma-separated; the first encrypts, all decrypt (for replacing a key).
MFA_ENCRYPTION_KEYS = env_list("MFA_ENCRYPTION_KEY")
if not MFA_ENCRYPTION_KEYS and DEBUG:
    # Development only: derived from the (development) secret key.
    MFA_ENCRYPTION_KEYS = [
        base64.urlsafe_b64encode(
            hashlib.sha256(f"wijraad.mfa:{SECRET_KEY}".encode()).digest()
        ).decode()
    ]
try:
    [Fernet(key) for key in MFA_ENCRYPTION_KEYS]
except ValueError:
    raise ImproperlyConfigured(
        "MFA_ENCRYPTION_KEY is not a valid key (32 url-safe base64-encoded bytes). Make one "
        "with: python -c 'from cryptography.fernet import Fernet; "
        "print(Fernet.generate_key().decode())'"
    ) from None

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    if not DEBUG and SERVING:
        raise ImproperlyConfigured(
            "ALLOWED_HOSTS is not set. With DEBUG off name the host names the portal answers to, "
            "comma-separated, e.g. ALLOWED_HOSTS=wijraad.example.org"
        )
    ALLOWED_HOSTS = ["localhost", "127.0.0.1", "[::1]"] if DEBUG else []
if not MFA_ENCRYPTION_KEYS and SERVING:
    # A command that serves nothing may run without it; whatever reads or writes a secret of
    # two-step verification then stops with a clear message (members.adapters).
    raise ImproperlyConfigured(
        "MFA_ENCRYPTION_KEY is not set. With DEBUG off the portal needs the key that encrypts "
        "the secrets of two-step verification, e.g. from: "
        "python -c 'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())'"
    )
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.usersessions",
    "crispy_forms",
    "crispy_bootstrap5",
    "csp",
    "django_htmx",
    "template_partials",
    "rules.apps.AutodiscoverRulesConfig",
    "auditlog",
    # The portal's own apps, ground floor first (see docs/architecture.md).
    "wijraad",
    "members",
    "meetings",
    "advice",
    "signals",
    # Top floor: recruitment and the council's year (needs members, meetings, advice, signals).
    "year",
    # One search box across every app: the very top floor.
    "search",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Cache-Control: no-store, private on every response to a logged-in person.
    "wijraad.middleware.PrivateCacheMiddleware",
    "wijraad.middleware.LanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "wijraad.middleware.SessionTimeoutMiddleware",
    "wijraad.middleware.AccessLogMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "allauth.usersessions.middleware.UserSessionsMiddleware",
    # Two-step verification for the secretary, board users and the administrator.
    "members.middleware.RequireMFAMiddleware",
]

ROOT_URLCONF = "wijraad.urls"
WSGI_APPLICATION = "wijraad.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wijraad.context_processors.portal",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------
# DATABASE_URL, e.g. postgres://user:password@host:5432/wijraad; default SQLite under var/.
# Connections are kept open for DATABASE_CONN_MAX_AGE seconds (default: a minute in production,
# none in development), checked before reuse: a request or a task then saves the connection set-up.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0 if DEBUG else 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        # WAL lets the web process read while the Celery worker writes.
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache ----------------------------------------------------------------------------------
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "wijraad.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "wijraad"),
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Roles are kept in the cache across requests (members.roles) only when every process shares it:
# a change in one process must reach the next request in any other. Without Redis each process
# has a cache of its own, so the roles are asked of the database on every request.
ROLES_CACHE = bool(REDIS_URL)
# Public pages rendered once per process for every visitor (wijraad.public_pages), on the same
# condition: the version that any change bumps must reach every process. Kept at most this long.
PUBLIC_PAGE_CACHE = env_bool("PUBLIC_PAGE_CACHE", bool(REDIS_URL))
PUBLIC_PAGE_SECONDS = int(os.environ.get("PUBLIC_PAGE_SECONDS", "600"))
# A web process reads the content version at most this often; another process's change reaches
# its visitors within this time (its own changes at once). 0: read on every request.
PUBLIC_PAGE_VERSION_SECONDS = float(os.environ.get("PUBLIC_PAGE_VERSION_SECONDS", "1"))

# --- Accounts -------------------------------------------------------------------------------
AUTH_USER_MODEL = "members.User"
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "members.validators.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "dashboard"
ACCOUNT_ADAPTER = "members.adapters.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
# An address counts only once confirmed from its own mailbox: invitations confirm the first one
# (members.services.invitation_accept); a new one replaces the old only when its link is used
# (ACCOUNT_CHANGE_EMAIL), and logging in with an unconfirmed address is refused.
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
# A reset link goes only to the account's current address, never to one still waiting for its link.
ACCOUNT_FORMS = {"reset_password": "members.adapters.ResetPasswordForm"}
# Every change of e-mail address, password or two-step verification is mailed to the person (a
# changed address: to the old one), so someone else's change does not go unnoticed.
ACCOUNT_EMAIL_NOTIFICATIONS = True
# A password-reset link works for one hour.
PASSWORD_RESET_TIMEOUT = 60 * 60
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_PRESERVE_USERNAME_CASING = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[WIJ-raad] "
# Failed logins are counted per account (and per address) in the cache: Redis in production, so
# the limit holds across workers. The 6th wrong password within 15 minutes is refused.
ACCOUNT_RATE_LIMITS = {"login_failed": "10/m/ip,5/900s/key"}
# Changing e-mail, password or MFA asks for the password again after this many seconds.
ACCOUNT_REAUTHENTICATION_REQUIRED = True
ACCOUNT_REAUTHENTICATION_TIMEOUT = 300
ACCOUNT_SESSION_REMEMBER = False
# How long the link in an invitation e-mail works.
INVITATION_VALID_DAYS = env_int("INVITATION_VALID_DAYS", 7)
ACCOUNT_CHANGE_EMAIL = True
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "WIJ-raad portaal"
# Encrypts the TOTP secrets and recovery-code seeds with MFA_ENCRYPTION_KEYS (above).
MFA_ADAPTER = "members.adapters.MFAAdapter"

# --- Sessions -------------------------------------------------------------------------------
# A portal with confidential papers: a session ends after 30 minutes without activity and at most
# 10 hours after logging in (wijraad.middleware.SessionTimeoutMiddleware), and with the browser.
# Sessions are read from the cache (Redis in production) and written through to the database.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
SESSION_IDLE_TIMEOUT = env_int("SESSION_IDLE_MINUTES", 30) * 60
SESSION_ABSOLUTE_TIMEOUT = env_int("SESSION_MAX_HOURS", 10) * 60 * 60
SESSION_COOKIE_AGE = SESSION_ABSOLUTE_TIMEOUT
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
USERSESSIONS_TRACK_ACTIVITY = False
# Flash messages name people and e-mail addresses: keep them in the session, not in a cookie.
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"

# --- Internationalisation -------------------------------------------------------------------
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

# --- Static files and private files ---------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
STATICFILES_DIRS = [
    BASE_DIR / "static",
    # Bootstrap comes from the npm registry at install time (package.json), never from a CDN.
    ("vendor/bootstrap", BASE_DIR / "node_modules" / "bootstrap" / "dist"),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# Private files (meeting papers, documents, CVs) live outside the web root and are only ever
# served by a view that checks a permission (wijraad.files).
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", VAR_DIR / "private"))
MEDIA_ROOT = PRIVATE_MEDIA_ROOT
MAX_UPLOAD_SIZE = env_int("MAX_UPLOAD_SIZE", 20 * 1024 * 1024)
FILE_UPLOAD_HANDLERS = [
    "wijraad.files.SizeLimitUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]
FILE_UPLOAD_PERMISSIONS = 0o640
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o750

# --- Forms ----------------------------------------------------------------------------------
CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# --- E-mail ---------------------------------------------------------------------------------
# With EMAIL_HOST set mail goes out by SMTP; otherwise it is written to files under var/mail/.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = env_int("EMAIL_PORT", 587)
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
    EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
    EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 30)
else:
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = Path(os.environ.get("EMAIL_FILE_PATH", VAR_DIR / "mail"))
# The address of the portal as people reach it; used for links in e-mails.
PORTAL_URL = os.environ.get("PORTAL_URL", "http://127.0.0.1:8000")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "WIJ-raad <wijraad@example.org>")
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)

# --- Celery ---------------------------------------------------------------------------------
# Default: kombu's SQLAlchemy transport on an SQLite file, so `make run` needs no broker server.
CELERY_BROKER_URL = os.environ.get(
    "CELERY_BROKER_URL", f"sqla+sqlite:///{VAR_DIR / 'celery-broker.sqlite3'}"
)
CELERY_TIMEZONE = TIME_ZONE
CELERY_ENABLE_UTC = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_TIME_LIMIT = 120
CELERY_TASK_SOFT_TIME_LIMIT = 100
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")
# The scheduler is "stale" on the dashboard when its heartbeat is older than this.
HEARTBEAT_STALE_AFTER_SECONDS = env_int("HEARTBEAT_STALE_AFTER_SECONDS", 5 * 60)
# The queue workers consume and tasks go to (the fault tests use a queue of their own).
CELERY_TASK_DEFAULT_QUEUE = os.environ.get("CELERY_QUEUE", "celery")
# Reminders (wijraad.deliveries): beat runs the sweep every 2 minutes (wijraad/celery.py); the
# dashboard warns when its last run is older than the stale age. A worker holds a claimed
# delivery for the lease; after it the sweep hands the delivery to another worker. Pending
# deliveries queued longer ago than the re-queue age are queued again (lost with the broker).
DELIVERY_SWEEP_STALE_AFTER_SECONDS = env_int("DELIVERY_SWEEP_STALE_AFTER_SECONDS", 15 * 60)
DELIVERY_LEASE_SECONDS = env_int("DELIVERY_LEASE_SECONDS", 5 * 60)
DELIVERY_REQUEUE_AFTER_SECONDS = env_int("DELIVERY_REQUEUE_AFTER_SECONDS", 5 * 60)
DELIVERY_MAX_ATTEMPTS = env_int("DELIVERY_MAX_ATTEMPTS", 5)
# A send task takes a batch of at most this many deliveries: claimed in one commit, each sent and
# marked on its own. Past DELIVERY_BATCH_SECONDS a batch lets go of the rows it has not started
# (they are queued again), so a claim never gets near its lease.
DELIVERY_BATCH_SIZE = env_int("DELIVERY_BATCH_SIZE", 50)
DELIVERY_BATCH_SECONDS = env_int("DELIVERY_BATCH_SECONDS", 30)
# A worker keeps its SMTP connection for the next delivery when that comes within this many
# seconds (well under mail servers' idle time-outs, RFC 5321: 5 minutes); 0: one per mail.
DELIVERY_SMTP_REUSE_SECONDS = env_int("DELIVERY_SMTP_REUSE_SECONDS", 30)
# The overview of e-mails (for whoever chose one a day or a week) goes out from this hour (local
# time); the weekly one on this day of the week (0 = Monday ... 6 = Sunday).
DELIVERY_DIGEST_HOUR = env_int("DELIVERY_DIGEST_HOUR", 7)
DELIVERY_DIGEST_WEEKDAY = env_int("DELIVERY_DIGEST_WEEKDAY", 0)

# --- Public forms (wijraad.public_forms): signals, applications, the "let me know" list -------
# The proof-of-work (ALTCHA): the browser tries up to this many numbers (about a second on a
# phone); a challenge expires after PUBLIC_FORM_CHALLENGE_SECONDS and is used once.
PUBLIC_FORM_CHALLENGE_MAX_NUMBER = env_int("PUBLIC_FORM_CHALLENGE_MAX_NUMBER", 50_000)
PUBLIC_FORM_CHALLENGE_SECONDS = env_int("PUBLIC_FORM_CHALLENGE_SECONDS", 30 * 60)
# Applications and "let me know" addresses per client address: (count, seconds).
RECRUITMENT_RATE_LIMITS = [
    (env_int("RECRUITMENT_RATE_PER_10_MINUTES", 5), 10 * 60),
    (env_int("RECRUITMENT_RATE_PER_DAY", 20), 24 * 60 * 60),
]

# --- Residents' signals (signals) ---------------------------------------------------------------
# Submissions of the public form per client address (wijraad.security.client_ip): (count, seconds).
SIGNAL_RATE_LIMITS = [
    (env_int("SIGNAL_RATE_PER_10_MINUTES", 10), 10 * 60),
    (env_int("SIGNAL_RATE_PER_DAY", 30), 24 * 60 * 60),
]
# Groups of fewer signals than this are merged into "other" in the trends and every export.
SIGNAL_MIN_GROUP = 5
# Test seam, inert unless set: a directory where the fault tests make a worker pause at a named
# point of wijraad.deliveries.deliver (see that module).
DELIVERY_TEST_PAUSE_DIR = os.environ.get("DELIVERY_TEST_PAUSE_DIR", "")

# --- Security -------------------------------------------------------------------------------
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        # Bootstrap draws some icons (select arrows, the menu button) as data: SVG images.
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
    }
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True
if env_bool("USE_X_FORWARDED_PROTO", False):
    # Behind a TLS-terminating proxy (nginx) that sets X-Forwarded-Proto.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# How many reverse proxies of our own stand in front of the portal (one nginx: 1). The client's
# address is then the Nth entry from the right of X-Forwarded-For (wijraad.security.client_ip),
# for the security log and allauth's per-address limits alike; with 0 the header is ignored.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT

# --- Logging --------------------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        "json": {"()": "wijraad.security.JSONFormatter"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain"},
        "security": {"class": "logging.StreamHandler", "formatter": "json"},
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # Security events (logins, failures, refused access) as one JSON object per line.
        "wijraad.security": {"handlers": ["security"], "level": "INFO", "propagate": False},
    },
}
