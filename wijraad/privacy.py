"""What personal data the portal keeps, declared by each app in its own `privacy.py`, and shown
on the privacy statement (/privacy) from those declarations.

Each app that has models writes a `privacy.py` with two names:

- `PERSONAL_DATA`: a list of `PersonalData` — a kind of data in plain words, who sees it, how long
  it is kept, and the model fields that hold it (`{"app.Model": ("field", ...)}`, or `ALL`);
- `NOT_PERSONAL`: `{"app.Model": ("field", ...)}` (or `ALL`) for the fields that say nothing
  about a person (ids, dates of meetings, the rules' numbers...).

`wijraad/tests/test_privacy.py` lists every field of every model of the portal's own apps (and of
the third-party models in THIRD_PARTY_MODELS) and fails on a field that is in neither list, so a
new personal field cannot be added without saying on the statement what it is and how long it is
kept. An app without models needs no `privacy.py`.

The ground floor imports no app: it finds the modules by name, as the demo-data command does.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.utils.translation import gettext_lazy as _

ALL = "__all__"

# The portal's own apps: every model of these must be declared.
PORTAL_APPS = ("wijraad", "members", "meetings", "advice", "signals", "year", "search")
# Models of installed packages that hold personal data; their fields are declared below.
THIRD_PARTY_MODELS = (
    "account.EmailAddress",
    "account.EmailConfirmation",
    "mfa.Authenticator",
    "usersessions.UserSession",
    "sessions.Session",
    "auditlog.LogEntry",
)


@dataclass(frozen=True)
class PersonalData:
    key: str  # an anchor on the statement, e.g. "members-contact"
    what: str  # the kind of data, in plain words
    who: str  # who sees it
    # How long it is kept; a function without arguments when it depends on data (the rules in
    # force): the template calls it.
    kept: str | Callable[[], str]
    fields: dict = field(default_factory=dict)  # {"app.Model": ("field", ...) or ALL}


def _modules():
    for config in apps.get_app_configs():
        if config.label not in PORTAL_APPS:
            continue
        name = f"{config.name}.privacy"
        if find_spec(name) is not None:
            yield config.label, import_module(name)


def declarations():
    """Every PersonalData of every app, ground floor first (the order of INSTALLED_APPS)."""
    return [item for _label, module in _modules() for item in module.PERSONAL_DATA]


def not_personal():
    """{"app.Model": fields} of every app's NOT_PERSONAL, merged."""
    merged = {}
    for _label, module in _modules():
        for model, names in getattr(module, "NOT_PERSONAL", {}).items():
            merged[model] = names
    return merged


# --- The ground floor's own data and that of the installed packages ------------------------------

PERSONAL_DATA = [
    PersonalData(
        key="security-log",
        what=_(
            "The security log: logging in and out, failed logins, changes of password, address "
            "and two-step verification, pages refused; with the time, the internet address (IP) "
            "and the account number. An e-mail address is only written as a code that cannot be "
            "turned back into the address."
        ),
        who=_("The administrator, to find and stop misuse."),
        kept=_(
            "Written to the server's log, not to the portal's database; kept as long as the "
            "hosting keeps server logs."
        ),
    ),
    PersonalData(
        key="sessions",
        what=_(
            "Sessions: while you are logged in, which device and browser (user agent) and which "
            "internet address (IP) you log in from, and a cookie that keeps you logged in."
        ),
        who=_("You (on your account page, where you can end a session) and the administrator."),
        kept=_(
            "A session ends after 30 minutes without activity and at most 10 hours after "
            "logging in; the list of your sessions keeps what ended until you remove it."
        ),
        fields={"sessions.Session": ALL, "usersessions.UserSession": ALL},
    ),
    PersonalData(
        key="account-security",
        what=_(
            "Your login: your e-mail address and whether it is confirmed, your password (only as a "
            "code that cannot be turned back), and your two-step verification (the app's secret, "
            "encrypted, and the recovery codes)."
        ),
        who=_("Nobody can read the password or the secret; the administrator sees the address."),
        kept=_("As long as the account exists."),
        fields={
            "account.EmailAddress": ALL,
            "account.EmailConfirmation": ALL,
            "mfa.Authenticator": ALL,
        },
    ),
    PersonalData(
        key="history",
        what=_(
            "The history: who changed what and when (people, terms, offices, declarations, "
            "documents, meetings, minutes and papers), with the internet address of the change. "
            "Personal and confidential values are hidden in it: it shows that they changed, not "
            "what they say."
        ),
        who=_("The secretary, the chair and the administrator."),
        kept=_("As long as the portal exists; it is not deleted automatically."),
        fields={"auditlog.LogEntry": ALL},
    ),
    PersonalData(
        key="downloads",
        what=_("Who downloaded which confidential document or meeting paper, and when."),
        who=_("The secretary and the chair."),
        kept=_("As long as the portal exists; it is not deleted automatically."),
        fields={"wijraad.DownloadLog": ("user", "object_id", "file_name", "downloaded_at")},
    ),
    PersonalData(
        key="mail",
        what=_("Which e-mails (invitations, reminders, notices) were sent to whom, and when."),
        who=_("The secretary (failed e-mails) and the administrator."),
        kept=_("As long as the portal exists; it is not deleted automatically."),
        fields={
            "wijraad.Delivery": (
                "recipient",
                "object_id",
                "kind",
                "state",
                "last_error",
                "message_id",
                "created_at",
                "queued_at",
                "sent_at",
                "updated_at",
                "digest",
            )
        },
    ),
]

NOT_PERSONAL = {
    "wijraad.Heartbeat": ALL,
    "wijraad.DownloadLog": ("id", "content_type", "visibility"),
    "wijraad.Delivery": ("id", "content_type", "revision", "lease_until", "attempts"),
}
