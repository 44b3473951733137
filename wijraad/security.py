"""Security events as structured log records, never with secrets.

Every record goes to the `wijraad.security` logger with an `event` name and plain fields; the
JSON formatter writes one line per event. E-mail addresses that did not log in are kept only as
a pseudonym (a keyed hash), so the log shows repeated attempts on one account without naming it.

`client_ip` is the one rule for "who is the client" behind the reverse proxy: the security log,
allauth's rate limits (through members.adapters.AccountAdapter) and allauth's session list all
use it.
"""

import ipaddress
import json
import logging

from django.conf import settings
from django.utils.crypto import salted_hmac

logger = logging.getLogger("wijraad.security")

# The salt keeps these pseudonyms apart from everything else Django derives from SECRET_KEY.
PSEUDONYM_SALT = "wijraad.security.address_hash"


def address_hash(address):
    """A short pseudonym of an e-mail address: an HMAC keyed by SECRET_KEY (with a salt of its
    own), so nobody without the key can test a guessed address against the log."""
    value = (address or "").strip().lower()
    return salted_hmac(PSEUDONYM_SALT, value, algorithm="sha256").hexdigest()[:16]


def _clean_ip(value):
    """The address in `value` (an X-Forwarded-For entry may carry a port), or None."""
    value = (value or "").strip()
    if value.startswith("[") and "]" in value:  # [2001:db8::1]:443
        value = value[1 : value.index("]")]
    elif value.count(":") == 1:  # 203.0.113.7:443
        value = value.split(":", 1)[0]
    try:
        return str(ipaddress.ip_address(value))
    except ValueError:
        return None


def client_ip(request):
    """The client's address, given `TRUSTED_PROXY_COUNT` proxies of our own in front.

    No proxy (0): REMOTE_ADDR, and X-Forwarded-For is ignored (anybody can send it). N proxies:
    each appends the address it got the request from, so the Nth entry from the right of
    X-Forwarded-For was written by our outermost proxy; anything further left came from the
    client and is not trusted. When the header is missing, too short or not an address, the
    request did not come through all our proxies: REMOTE_ADDR it is.
    """
    if request is None:
        return ""
    remote_addr = request.META.get("REMOTE_ADDR", "")
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies <= 0:
        return remote_addr
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    if len(forwarded) < proxies:
        return remote_addr
    return _clean_ip(forwarded[-proxies]) or remote_addr


def log_event(event, *, request=None, user=None, level=logging.INFO, **fields):
    record = {"event": event, **fields}
    if user is not None and getattr(user, "pk", None) is not None:
        record["user_id"] = user.pk
    if request is not None:
        record["ip"] = client_ip(request)
        record["path"] = request.path
    logger.log(level, event, extra={"security": record})
    return record


class JSONFormatter(logging.Formatter):
    def format(self, record):
        data = {"time": self.formatTime(record), "level": record.levelname, "logger": record.name}
        data.update(getattr(record, "security", {"message": record.getMessage()}))
        return json.dumps(data, ensure_ascii=False, default=str)
