"""The secretary's work on someone's account: a new e-mail address, switching the account off
and on. Thin: a permission, a service in members.services.accounts, a redirect."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from members import services
from members.access import person_for
from members.forms import AccountSwitchForm, EmailChangeForm
from wijraad.forms import form_errors, posted


@login_required
@require_http_methods(["GET", "POST"])
def person_email(request, pk):
    person = person_for(request, pk, perm="members.manage_accounts")
    form = EmailChangeForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.person_email_change(
                person=person, email=form.cleaned_data["email"], by=request.user
            )
        except ValidationError as error:
            form_errors(form, error)
        else:
            messages.success(
                request,
                _("The e-mail address of %(name)s is changed; they are told at both addresses.")
                % {"name": person.name},
            )
            return redirect("members:person", pk=person.pk)
    return render(request, "members/actions/person_email.html", {"person": person, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def person_account(request, pk):
    """Switch the account off (when on) or on again (when off), with a reason."""
    person = person_for(request, pk, perm="members.manage_accounts")
    form = AccountSwitchForm(posted(request))
    switch_on = not person.is_active
    if request.method == "POST" and form.is_valid():
        try:
            services.account_switch(
                person=person,
                active=switch_on,
                reason=form.cleaned_data["reason"],
                by=request.user,
            )
        except ValidationError as error:
            form_errors(form, error)
        else:
            done = (
                _("The account of %(name)s is on again.")
                if switch_on
                else _("The account of %(name)s is switched off.")
            )
            messages.success(request, done % {"name": person.name})
            return redirect("members:person", pk=person.pk)
    return render(
        request,
        "members/actions/person_account.html",
        {"person": person, "form": form, "switch_on": switch_on},
    )
