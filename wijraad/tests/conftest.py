"""Shared set-up of the ground floor's tests."""

import pytest

# The password of `kees` (long enough for the password validators).
PASSWORD = "een-lang-wachtwoord-2026"


@pytest.fixture
def kees(django_user_model):
    """An account with no role whose address is confirmed, as accepting an invitation leaves it
    (an unconfirmed address cannot log in)."""
    from allauth.account.models import EmailAddress

    user = django_user_model.objects.create_user("kees@example.org", PASSWORD, name="Kees Bakker")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user
