"""`manage.py bench_data` refuses where bench volume does not belong (a small run that keeps the
rules: meetings/tests/test_bench_data.py)."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError

pytestmark = pytest.mark.django_db


def test_refuses_with_debug_off(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="Bench data only exists with DEBUG on"):
        call_command("bench_data", "--years", "1", stdout=StringIO())
    assert not get_user_model().objects.exists()


@pytest.mark.parametrize(
    "email",
    ["jan.jansen@wijgroningen.nl", "someone@example.org.evil.nl", "iemand@notexample.org"],
)
def test_refuses_a_database_with_real_accounts(settings, email):
    settings.DEBUG = True
    get_user_model().objects.create_user(email, "een-lang-wachtwoord", name="Jan Jansen")
    with pytest.raises(CommandError, match="real data"):
        call_command("bench_data", "--years", "1", stdout=StringIO())
    # Nothing was added, not even the demo accounts.
    assert list(get_user_model().objects.values_list("email", flat=True)) == [email]


def test_refuses_a_second_load(settings):
    settings.DEBUG = True
    get_user_model().objects.create_user("lid.0001@bench.example.org", None, name="Al geladen")
    with pytest.raises(CommandError, match="loaded already"):
        call_command("bench_data", "--years", "1", stdout=StringIO())
    assert get_user_model().objects.count() == 1
