"""The members app's part of the e-mail preferences: the ledger's preference resolver and the
e-mails sent outside the ledger (always on), registered in MembersConfig.ready()."""

from django.utils.translation import gettext_lazy as _

# E-mails about a person's own account: sent at once, outside the ledger, never switched off.
ACCOUNT_REASON = _("About your own account and its safety: you always get this.")
DIRECT = {
    "members.invitation": (
        _("Invitation to the portal"),
        _("The link to choose your password when the secretary adds you."),
    ),
    "members.password": (
        _("A new password"),
        _("The link to choose a new password when you ask for it."),
    ),
    "members.email_address": (
        _("Change of your e-mail address"),
        _("The link to confirm a new address, and a notice at the old one."),
    ),
    "members.security": (
        _("Changes to your account"),
        _("A notice when your password or two-step verification changes."),
    ),
}


def register():
    from members.services import mail_preferences_for
    from wijraad import deliveries

    deliveries.register_preferences(mail_preferences_for, url_name="members:mail_preferences")
    deliveries.register_batch_preparer(_warm_recipients_roles)
    for key, (label, explanation) in DIRECT.items():
        deliveries.register_direct(
            key, label=label, explanation=explanation, always_on=ACCOUNT_REASON
        )


def _warm_recipients_roles(rows):
    """The roles of a batch's recipients from the cache in one round trip (every builder asks
    whether the recipient may still see what the e-mail is about)."""
    from members.roles import warm_roles

    warm_roles([row.recipient for row in rows if row.recipient_id is not None])
