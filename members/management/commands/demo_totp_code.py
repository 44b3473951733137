"""Print the current two-step verification code of the demo accounts (DEBUG only)."""

import time

from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from members.demo import DEMO_TOTP_SECRET


class Command(BaseCommand):
    help = "Print the current 6-digit code for the demo accounts' authenticator secret."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Demo codes only exist with DEBUG on.")
        now = time.time()
        code = format_hotp_value(hotp_value(DEMO_TOTP_SECRET, int(now // 30)))
        self.stdout.write(f"{code}  (valid for {30 - int(now % 30)} more seconds)")
