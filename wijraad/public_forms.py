"""What every public form (no account: a resident's signal, an application, the "let me know"
list) needs against abuse, checked before anything is stored:

- a rate limit per client address (`wijraad.security.client_ip`), counted in the cache, per form
  (`scope`) and per window: `rate_check` raises `RateLimited` — the view answers with a page
  without the form (status 429), which costs the flood no database query;
- a honeypot: a field hidden from people and screen readers (`PublicFormFields.website`, the
  template `_public_form_guard.html`); a bot fills it in;
- a proof-of-work challenge (ALTCHA v1, verified by the `altcha` library, no third party): the
  page gets a fresh challenge (`challenge_new`), `static/js/challenge.js` solves it in the
  browser, `challenge_verify` checks the answer and spends it, so it cannot be posted twice.
"""

import datetime
import hashlib

import altcha
from django import forms
from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

CHALLENGE_FAILED = _(
    "The check that you are a person did not succeed. Wait until the form says it "
    "is ready, then send it again. Your browser needs JavaScript for this check."
)
NOT_SENT = _("This form could not be sent. Please try again.")


class RateLimited(Exception):
    """Too many submissions from one address in a window."""


def rate_check(address, *, scope, limits):
    """Count one submission of the form `scope` from `address`; RateLimited when one of the
    `limits` ((count, seconds), ...) is full. The address is kept in the cache only as a hash."""
    digest = hashlib.sha256(address.encode()).hexdigest()
    for limit, seconds in limits:
        window = int(timezone.now().timestamp()) // seconds
        key = f"{scope}:rate:{seconds}:{window}:{digest}"
        cache.add(key, 0, timeout=seconds)
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout=seconds)
            count = 1
        if count > limit:
            raise RateLimited


def _challenge_key():
    return hashlib.sha256(f"wijraad.altcha:{settings.SECRET_KEY}".encode()).hexdigest()


def challenge_new(*, now=None):
    """A fresh proof-of-work challenge for a form (a dict the browser script solves)."""
    now = now or timezone.now()
    expires = now + datetime.timedelta(seconds=settings.PUBLIC_FORM_CHALLENGE_SECONDS)
    challenge = altcha.create_challenge_v1(
        hmac_key=_challenge_key(),
        max_number=settings.PUBLIC_FORM_CHALLENGE_MAX_NUMBER,
        expires=expires,
    )
    return challenge.to_dict()


def challenge_verify(payload):
    """Whether `payload` (base64 JSON from the browser) solves a challenge of ours that has not
    expired and was not used before. A solved challenge is spent: it cannot be posted again."""
    if not payload or len(payload) > 2000:
        return False
    try:
        ok, _error = altcha.verify_solution_v1(payload, _challenge_key(), check_expires=True)
    except Exception:  # noqa: BLE001 - any malformed payload is a failed challenge
        return False
    if not ok:
        return False
    spent_key = "altcha:spent:" + hashlib.sha256(payload.encode()).hexdigest()
    return cache.add(spent_key, 1, timeout=settings.PUBLIC_FORM_CHALLENGE_SECONDS * 2)


class PublicFormFields(forms.Form):
    """The honeypot and the challenge's answer; mixed into a public form (before PortalForm).
    The template `_public_form_guard.html` renders both, hidden."""

    # The honeypot: hidden from people (and from screen readers); a bot fills it in.
    website = forms.CharField(required=False, label=_("Leave this field empty"))
    altcha = forms.CharField(widget=forms.HiddenInput, required=False)

    @property
    def is_spam(self):
        return bool(self.data.get("website"))
