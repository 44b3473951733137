"""The ground floor's shared helpers: one way to ask permissions, the audit actor, form errors."""

import pytest
import rules
from auditlog.context import auditlog_value
from django import forms
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.test import RequestFactory
from django.utils import timezone

from wijraad.access import allowed, object_for, require
from wijraad.audit import acting
from wijraad.forms import form_errors, posted
from wijraad.models import Heartbeat

pytestmark = pytest.mark.django_db


@pytest.fixture
def yes_and_no():
    rules.add_perm("wijraad.test_yes", rules.always_allow)
    rules.add_perm("wijraad.test_no", rules.always_deny)
    yield
    rules.remove_perm("wijraad.test_yes")
    rules.remove_perm("wijraad.test_no")


class Superuser:
    """A superuser: the rule set gives it nothing extra."""

    is_authenticated = True
    is_active = True
    is_superuser = True
    pk = 1


def request_by(user):
    request = RequestFactory().get("/")
    request.user = user
    return request


def test_allowed_asks_the_rule_set_only(yes_and_no, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert allowed(Superuser(), "wijraad.test_yes")
        assert not allowed(Superuser(), "wijraad.test_no")
        assert not allowed(AnonymousUser(), "wijraad.test_no")


def test_an_unknown_permission_is_a_mistake_not_a_refusal():
    with pytest.raises(LookupError):
        allowed(AnonymousUser(), "wijraad.no_such_thing")


def test_require_refuses_with_403(yes_and_no):
    require(request_by(Superuser()), "wijraad.test_yes")
    with pytest.raises(PermissionDenied):
        require(request_by(Superuser()), "wijraad.test_no")


def test_object_for_hides_first_then_refuses(yes_and_no):
    beat = Heartbeat.objects.create(name="x", last_seen=timezone.now())
    request = request_by(Superuser())
    assert object_for(request, Heartbeat.objects.all(), beat.pk) == beat
    assert object_for(request, Heartbeat.objects.all(), beat.pk, "wijraad.test_yes") == beat
    with pytest.raises(Http404):
        object_for(request, Heartbeat.objects.none(), beat.pk, "wijraad.test_yes")
    with pytest.raises(PermissionDenied):
        object_for(request, Heartbeat.objects.all(), beat.pk, "wijraad.test_no")


def test_acting_sets_the_actor_and_puts_the_outer_one_back():
    outer = {"actor": "outer"}
    token = auditlog_value.set(outer)
    try:
        with acting("secretary"):
            assert auditlog_value.get()["actor"] == "secretary"
        assert auditlog_value.get() is outer
        with acting(None):
            assert auditlog_value.get() is outer
    finally:
        auditlog_value.reset(token)


class DayForm(forms.Form):
    day = forms.DateField()
    note = forms.CharField(required=False)


def test_form_errors_puts_each_message_where_it_belongs():
    form = DayForm({"day": "2027-01-05"})
    assert form.is_valid()
    form_errors(
        form, ValidationError({"day": "Kies een dinsdag.", "elsewhere": "Op het formulier."})
    )
    assert form.errors["day"] == ["Kies een dinsdag."]
    assert form.non_field_errors() == ["Op het formulier."]
    form = DayForm({"day": "2027-01-05"})
    form.is_valid()
    form_errors(form, ValidationError("Niet nu."), field="note")
    assert form.errors["note"] == ["Niet nu."]


def test_posted_is_none_for_a_get_and_the_data_for_a_post():
    factory = RequestFactory()
    assert posted(factory.get("/")) is None
    assert posted(factory.post("/", {})) is not None
