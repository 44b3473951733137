"""Private calendar feeds: make a new address, stop it."""

from django.db import transaction
from django.utils import timezone

from meetings.models import (
    CalendarFeed,
    feed_token_hash,
    new_feed_token,
)

# --- Calendar feeds ------------------------------------------------------------------------------


def calendar_feed_reset(*, user):
    """Give `user` a (new) private calendar address; the previous address stops working.

    Returns (feed, token). Only the token's hash is stored: show the address to the user now,
    it cannot be shown again."""
    token = new_feed_token()
    with transaction.atomic():
        feed, created = CalendarFeed.objects.select_for_update().get_or_create(
            user=user, defaults={"token_hash": feed_token_hash(token)}
        )
        if not created:
            feed.token_hash = feed_token_hash(token)
            feed.created_at = timezone.now()
            feed.save(update_fields=["token_hash", "created_at"])
    return feed, token


def calendar_feed_revoke(*, user):
    """Stop `user`'s private calendar address: from now on it answers 404. Also called when the
    password is reset or changed (meetings.receivers). True when there was an address."""
    deleted, _rows = CalendarFeed.objects.filter(user=user).delete()
    return bool(deleted)
