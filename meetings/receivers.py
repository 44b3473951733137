"""Reactions of the meetings app to what happens elsewhere (connected in MeetingsConfig.ready)."""

from allauth.account.signals import password_changed, password_reset, password_set
from django.dispatch import receiver

from meetings import services


@receiver(
    [password_changed, password_set, password_reset], dispatch_uid="meetings.end_calendar_feed"
)
def end_calendar_feed(sender, request=None, user=None, **kwargs):
    """A new password ends the private calendar address: whoever may have taken over the
    account (or the address) loses it with the old password."""
    if user is not None:
        services.calendar_feed_revoke(user=user)
