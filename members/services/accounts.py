"""The secretary's work on someone's account: a new e-mail address (told at both addresses) and
switching the account off and on again, with the reason kept (AccountStatusChange).

Each change is written with `by` as the audit log's actor and as a security event."""

from allauth.account.models import EmailAddress
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from members.models import AccountStatusChange, User
from members.services.invitations import invitations_revoke
from wijraad.audit import acting
from wijraad.mail import build_mail
from wijraad.security import address_hash, log_event


def person_email_change(*, person, email, by=None):
    """Give `person` a new e-mail address (also their login). The secretary vouches for it, so
    it counts as confirmed; the person is told at the old and at the new address, so a change
    they did not ask for does not go unnoticed. Open invitations (sent to the old address) are
    revoked: send a new one from the invitations page."""
    email = User.objects.normalize_email((email or "").strip()).lower()
    with transaction.atomic():
        person = User.objects.select_for_update().get(pk=person.pk)
        old = person.email
        if email == old:
            raise ValidationError(
                {"email": ValidationError(_("This already is the address."), code="same")}
            )
        if User.objects.filter(email__iexact=email).exclude(pk=person.pk).exists():
            raise ValidationError(
                {
                    "email": ValidationError(
                        _("There already is an account with this e-mail address."),
                        code="taken",
                    )
                }
            )
        with acting(by):
            person.email = email
            person.full_clean(exclude=["password"])
            person.save(update_fields=["email"])
        EmailAddress.objects.filter(user=person).delete()
        EmailAddress.objects.create(user=person, email=email, verified=True, primary=True)
        invitations_revoke(person=person)
        context = {"old": old, "new": email, "changed_by": by}
        to_new = build_mail(user=person, template="members/emails/email_changed", context=context)
        to_old = build_mail(user=person, template="members/emails/email_changed", context=context)
        to_old.to = [old]
        transaction.on_commit(to_new.send)
        transaction.on_commit(to_old.send)
    log_event(
        "email_changed_by_secretary",
        user=by,
        person_id=person.pk,
        old=address_hash(old),
        new=address_hash(email),
    )
    return person


def account_switch(*, person, active, reason, by=None):
    """Switch `person`'s account off (`active` False: they can no longer log in, their sessions
    end at their next request) or on again, with the reason in the history."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(
            {"reason": ValidationError(_("Give the reason."), code="reason_required")}
        )
    if by is not None and by.pk == person.pk and not active:
        raise ValidationError(_("You cannot switch off your own account."), code="own_account")
    with transaction.atomic():
        person = User.objects.select_for_update().get(pk=person.pk)
        if person.is_active == active:
            raise ValidationError(
                _("This account is already on.") if active else _("This account is already off."),
                code="unchanged",
            )
        with acting(by):
            person.is_active = active
            person.save(update_fields=["is_active"])
            change = AccountStatusChange.objects.create(
                person=person, active=active, reason=reason, changed_by=by
            )
    log_event(
        "account_switched_on" if active else "account_switched_off",
        user=by,
        person_id=person.pk,
    )
    return change
