"""The account: e-mail is the login, unique whatever its casing."""

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

User = get_user_model()


@pytest.mark.django_db
def test_email_is_stored_in_lower_case_and_is_the_login():
    user = User.objects.create_user("Anna.De.Vries@Example.org", "geheim-wachtwoord", name="Anna")
    assert user.email == "anna.de.vries@example.org"
    assert user.preferred_language == "nl"
    assert authenticate(email="ANNA.de.vries@example.org", password="geheim-wachtwoord") == user


@pytest.mark.django_db
def test_same_address_in_other_casing_is_refused_with_a_dutch_message():
    User.objects.create_user("anna@example.org", "x" * 12, name="Anna")
    with pytest.raises(ValidationError) as refused:
        User.objects.create_user("ANNA@example.org", "x" * 12, name="Anna 2")
    assert "Er is al een account met dit e-mailadres." in str(refused.value)


@pytest.mark.django_db
def test_database_refuses_a_case_variant_even_around_the_model():
    User.objects.create_user("anna@example.org", "x" * 12, name="Anna")
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.bulk_create([User(email="Anna@Example.org", name="Anna 3")])


@pytest.mark.django_db
def test_superuser_is_staff():
    admin = User.objects.create_superuser("beheer@example.org", "x" * 12, name="Beheer")
    assert admin.is_staff
    assert admin.is_superuser
