"""How the portal uses allauth: no sign-up, the current address for password resets, and
two-step verification secrets encrypted at rest."""

from functools import lru_cache

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.forms import ResetPasswordForm as AllauthResetPasswordForm
from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.models import Authenticator
from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, PermissionDenied

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


class ResetPasswordForm(AllauthResetPasswordForm):
    """A reset link goes only to the account's current address: an address that someone added
    but did not confirm yet (a change waiting for its link) does not count."""

    def clean_email(self):
        email = super().clean_email()
        self.users = [user for user in self.users if user.email.lower() == email.lower()]
        return email


# --- Two-step verification secrets ----------------------------------------------------------


@lru_cache(maxsize=4)
def _fernet(keys):
    if not keys:
        raise ImproperlyConfigured(
            "MFA_ENCRYPTION_KEY is not set. The secrets of two-step verification are encrypted "
            "with it; see the README (Production) for how to make one."
        )
    return MultiFernet([Fernet(key) for key in keys])


def encrypt_secret(text):
    """Encrypt a two-step verification secret with the first of MFA_ENCRYPTION_KEY's keys."""
    return _fernet(tuple(settings.MFA_ENCRYPTION_KEYS)).encrypt(text.encode()).decode()


def decrypt_secret(token):
    """Decrypt with any of MFA_ENCRYPTION_KEY's keys (the first encrypts; older ones still read,
    so a key can be replaced without locking anyone out)."""
    try:
        return _fernet(tuple(settings.MFA_ENCRYPTION_KEYS)).decrypt(token.encode()).decode()
    except InvalidToken as error:
        raise ImproperlyConfigured(
            "A two-step verification secret cannot be decrypted with MFA_ENCRYPTION_KEY: the key "
            "changed? Keep the old key after the new one (comma-separated) to read old secrets."
        ) from error


def is_encrypted(token):
    try:
        _fernet(tuple(settings.MFA_ENCRYPTION_KEYS)).decrypt(token.encode())
    except InvalidToken:
        return False
    return True


class MFAAdapter(DefaultMFAAdapter):
    """The TOTP secret and the recovery codes' seed are stored encrypted (Fernet, key from the
    environment), so a copy of the database or a look at a table does not hand them out."""

    def encrypt(self, text):
        return encrypt_secret(text)

    def decrypt(self, encrypted_text):
        return decrypt_secret(encrypted_text)

    def can_delete_authenticator(self, authenticator):
        """Whose role needs two-step verification keeps their authenticator app."""
        from members.middleware import mfa_required

        if authenticator.type == Authenticator.Type.TOTP and mfa_required(authenticator.user):
            return False
        return super().can_delete_authenticator(authenticator)
