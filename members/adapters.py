from allauth.account.adapter import DefaultAccountAdapter
from django.core.exceptions import PermissionDenied

from wijraad.mail import send_mail_to
from wijraad.security import client_ip


class AccountAdapter(DefaultAccountAdapter):
    """Accounts are never self-registered: the secretary invites people by e-mail."""

    def is_open_for_signup(self, request):
        return False

    def get_client_ip(self, request):
        """The portal's one rule for the client's address behind our proxies, so the login
        limits count per client, not per proxy, and agree with the security log."""
        ip = client_ip(request)
        if not ip:
            raise PermissionDenied("Unable to determine client IP address")
        return ip

    def send_password_reset_mail(self, user, email, context):
        """An invited person who has not chosen a password yet gets no reset link (the invitation
        is the only way to a first password): the e-mail tells them to use the invitation."""
        if not user.has_usable_password():
            send_mail_to(user=user, template="members/emails/reset_without_password", context={})
            return
        super().send_password_reset_mail(user, email, context)
