"""Invitations: an account for a new person, and the link with which they choose a first
password. Only a SHA-256 of the token is stored; the link is in the e-mail only."""

import datetime
import hashlib
import secrets

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from members.models import Invitation, InvitationStatus, User
from members.services.membership import PERSON_DETAILS
from wijraad.audit import acting
from wijraad.mail import absolute_url, send_mail_to


def _token_hash(token):
    return hashlib.sha256(token.encode()).hexdigest()


def person_invite(*, email, name, preferred_language=None, by=None, **details):
    """Make an account for a new person (no usable password) and e-mail them an invitation.

    `details`: any of PERSON_DETAILS (phone, neighbourhood, expertise, relation to WIJ).
    """
    unknown = set(details) - set(PERSON_DETAILS)
    if unknown:
        raise TypeError(f"person_invite() got unexpected details: {sorted(unknown)}")
    details = {field: value for field, value in details.items() if value is not None}
    with transaction.atomic(), acting(by):
        person = User(
            email=email,
            name=name,
            preferred_language=preferred_language or settings.LANGUAGE_CODE,
            **details,
        )
        person.set_unusable_password()
        person.full_clean(exclude=["password"])
        person.save()
        invitation_send(person=person, by=by)
    return person


def invitation_send(*, person, by=None):
    """Send `person` a new invitation link; every earlier link of theirs stops working."""
    if person.has_usable_password():
        raise ValidationError(
            _("%(name)s already has a password and can log in, or ask for a new password.")
            % {"name": person.name},
            code="has_password",
        )
    if not person.is_active:
        raise ValidationError(_("This account is switched off."), code="inactive")
    now = timezone.now()
    token = secrets.token_urlsafe(32)
    with transaction.atomic():
        Invitation.objects.filter(person=person, used_at=None, revoked_at=None).update(
            revoked_at=now
        )
        invitation = Invitation.objects.create(
            person=person,
            token_hash=_token_hash(token),
            expires_at=now + datetime.timedelta(days=settings.INVITATION_VALID_DAYS),
            invited_by=by,
        )
        link = absolute_url(reverse("members:invitation_accept", args=[token]))
        transaction.on_commit(
            lambda: send_mail_to(
                user=person,
                template="members/emails/invitation",
                context={"link": link, "invitation": invitation, "invited_by": by},
            )
        )
    return invitation


INVITATION_REFUSALS = {
    InvitationStatus.USED: gettext_lazy(
        "This invitation link has already been used. Log in with your password, or ask for a "
        "new password if you forgot it."
    ),
    InvitationStatus.REVOKED: gettext_lazy(
        "This invitation link no longer works because a newer invitation was sent. Use the link "
        "in the most recent e-mail."
    ),
    InvitationStatus.EXPIRED: gettext_lazy(
        "This invitation link has expired. Ask the council's secretary to send you a new one."
    ),
}
UNKNOWN_INVITATION = gettext_lazy(
    "This invitation link is not valid. Check that you copied the whole link from the e-mail."
)
HAS_PASSWORD = gettext_lazy(
    "You already have a password, so this invitation link no longer works. Log in with your "
    "password, or ask for a new password if you forgot it."
)


def invitation_for_token(token, *, lock=False):
    """The open invitation behind `token`, or a ValidationError saying why it cannot be used."""
    invitations = Invitation.objects.select_related("person")
    if lock:
        invitations = invitations.select_for_update(of=("self",))
    invitation = invitations.filter(token_hash=_token_hash(token)).first()
    if invitation is None:
        raise ValidationError(UNKNOWN_INVITATION, code="unknown")
    status = invitation.status()
    if status != InvitationStatus.USED and invitation.person.has_usable_password():
        # A password came another way (a reset, the admin): the invitation has done its work.
        raise ValidationError(HAS_PASSWORD, code="has_password")
    if status != InvitationStatus.OPEN:
        raise ValidationError(INVITATION_REFUSALS[status], code=status)
    return invitation


def invitations_revoke(*, person):
    """Revoke every open invitation of `person` (called whenever a usable password is set:
    members.receivers). Returns how many were revoked."""
    return Invitation.objects.filter(person=person, used_at=None, revoked_at=None).update(
        revoked_at=timezone.now()
    )


def invitation_accept(*, token, password):
    """Set the invited person's first password, use up the link and verify their address."""
    with transaction.atomic():
        invitation = invitation_for_token(token, lock=True)
        person = invitation.person
        validate_password(password, person)
        # Used first: setting the password revokes the person's open invitations (receivers).
        invitation.used_at = timezone.now()
        invitation.save(update_fields=["used_at"])
        person.set_password(password)
        person.save(update_fields=["password"])
        EmailAddress.objects.filter(user=person).exclude(email__iexact=person.email).update(
            primary=False
        )
        EmailAddress.objects.update_or_create(
            user=person,
            email=person.email,
            defaults={"verified": True, "primary": True},
        )
    return person
