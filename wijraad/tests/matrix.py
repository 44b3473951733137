"""The ground floor's part of the permission matrix: public pages, dashboard, language switch,
the accounts pages of allauth and the Django admin. See wijraad.testing.matrix."""

from django.contrib.sessions.models import Session

from members.tests.factories import PASSWORD
from wijraad.models import Heartbeat
from wijraad.testing.matrix import ALLOWED, LOGIN, Route, everyone, logged_in

# Logged in, a person with MFA is sent to set it up by none of these pages: they have it.
REDIRECT = 302


def objects(personas, made):
    Heartbeat.beat("scheduler")
    return {}


def sessions(objects):
    return Session.objects.count()


ROUTES = [
    # Public pages: everyone, logged in or not.
    Route("home", get=everyone(200)),
    Route("about", get=everyone(200)),
    Route("privacy", get=everyone(200)),
    Route("accessibility", get=everyone(200)),
    Route("contact", get=everyone(200)),
    # The language switch is a POST form on every page.
    Route(
        "set_language",
        get=everyone(405),
        post=everyone(ALLOWED),
        data=lambda o: {"language": "en", "next": "/"},
    ),
    # The dashboard: every logged-in person; the scheduler panel only for secretary and
    # administrator.
    Route(
        "dashboard",
        get=logged_in(200),
        absent={
            name: (lambda o: "Planner voor herinneringen")
            for name in ("lid", "lid_ongetekend", "oud_lid", "voorzitter", "bestuurder")
        },
        present={
            "secretaris": lambda o: "Planner voor herinneringen",
            "beheerder": lambda o: "Planner voor herinneringen",
        },
    ),
    # --- allauth: logging in and out ---------------------------------------------------------
    Route("account_login", get=logged_in(REDIRECT, anoniem=200)),
    Route(
        "account_logout",
        get=logged_in(200, anoniem=REDIRECT),
        post=everyone(ALLOWED),
    ),
    Route("account_inactive", get=everyone(200)),
    # No sign-up: the page says so to visitors and sends logged-in people on; a POST creates
    # nothing (members/tests and wijraad/tests check that no account appears).
    Route(
        "account_signup",
        get=logged_in(REDIRECT, anoniem=200),
        post=logged_in(REDIRECT, anoniem=200),
        data=lambda o: {
            "email": "nieuw@example.org",
            "password1": "een-lang-wachtwoord-1",
            "password2": "een-lang-wachtwoord-1",
        },
        snapshot=lambda o: _user_count(),
    ),
    Route("account_reauthenticate", get=logged_in(200)),
    Route("account_email", get=logged_in(200)),
    Route("account_email_verification_sent", get=everyone(200)),
    Route("account_change_password", get=logged_in(200)),
    # Everyone here has a password: the set-password page sends them to change it instead.
    Route("account_set_password", get=logged_in(REDIRECT)),
    Route("account_reset_password", get=everyone(200)),
    Route("account_reset_password_done", get=everyone(200)),
    Route(
        "account_reset_password_from_key",
        kwargs=lambda o: {"uidb36": "zz", "key": "niet-geldig"},
        get=everyone(200),
    ),
    Route("account_reset_password_from_key_done", get=everyone(200)),
    Route("account_confirm_email", kwargs=lambda o: {"key": "niet-geldig"}, get=everyone(200)),
    # Login by code is off: the page has nothing to confirm and sends everyone on.
    Route("account_confirm_login_code", get=everyone(REDIRECT)),
    # --- allauth: two-step verification --------------------------------------------------------
    Route("mfa_index", get=logged_in(200)),
    # Only during a login that waits for the code; otherwise back to the login page.
    Route("mfa_authenticate", get=everyone(REDIRECT)),
    Route(
        "mfa_reauthenticate",
        get=logged_in(200, lid=REDIRECT, lid_ongetekend=REDIRECT, oud_lid=REDIRECT),
    ),
    # Activating asks for the password first (reauthentication); someone who has an
    # authenticator already is sent back to the overview.
    Route("mfa_activate_totp", get=logged_in(REDIRECT)),
    Route(
        "mfa_deactivate_totp",
        get=logged_in(REDIRECT, lid=404, lid_ongetekend=404, oud_lid=404),
    ),
    Route(
        "mfa_view_recovery_codes",
        get=logged_in(REDIRECT, lid=404, lid_ongetekend=404, oud_lid=404),
    ),
    Route("mfa_generate_recovery_codes", get=logged_in(REDIRECT)),
    Route(
        "mfa_download_recovery_codes",
        get=logged_in(REDIRECT, lid=404, lid_ongetekend=404, oud_lid=404),
    ),
    # --- allauth: the person's own sessions ----------------------------------------------------
    Route(
        "usersessions_list",
        get=logged_in(200),
        post=logged_in(ALLOWED),
        snapshot=sessions,
    ),
    # --- the Django admin: the administrator only -------------------------------------------
    # Its login page logs nobody in (allauth does, with two-step verification): visitors go to
    # the portal's login page, others are refused, the administrator goes on to the admin. A
    # POST with the administrator's password makes no session of the administrator.
    Route(
        "admin:login",
        get=logged_in(403, beheerder=REDIRECT),
        post=logged_in(403, beheerder=ALLOWED),
        data=lambda o: {"username": "beheerder@example.org", "password": PASSWORD},
        snapshot=lambda o: _sessions_of("beheerder@example.org"),
    ),
    # Passwords change on the portal's own page (re-authentication, a notice e-mail).
    Route("admin:password_change", get=logged_in(LOGIN, beheerder=REDIRECT)),
    Route("admin:password_change_done", get=logged_in(LOGIN, beheerder=REDIRECT)),
    Route(
        "admin:*",
        get=logged_in(LOGIN, beheerder=200),
        sample=(
            ("admin:index", lambda o: {}),
            ("admin:members_user_changelist", lambda o: {}),
            ("admin:members_councilrules_changelist", lambda o: {}),
            ("admin:auditlog_logentry_changelist", lambda o: {}),
        ),
    ),
]


def _sessions_of(email):
    from django.contrib.auth import get_user_model

    user_id = str(get_user_model().objects.get(email=email).pk)
    return sum(
        session.get_decoded().get("_auth_user_id") == user_id for session in Session.objects.all()
    )


def _user_count():
    from django.contrib.auth import get_user_model

    return get_user_model().objects.count()
