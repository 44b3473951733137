from allauth.account.adapter import DefaultAccountAdapter


class AccountAdapter(DefaultAccountAdapter):
    """Accounts are never self-registered: the secretary invites people by e-mail."""

    def is_open_for_signup(self, request):
        return False
