"""The volunteer allowance: the secretary sets the rates and keeps the year's tax-free limits,
looks at a member's statement for a period (with warnings, never a cap), approves and prints it.
A member reads and prints their own approved statements, and sees the months not approved yet
as a provisional statement."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from wijraad.access import allowed, require
from wijraad.forms import error_messages, form_errors, form_page, posted
from year import services
from year.access import approved_statement_for
from year.allowance import provisional_statement, statement_for
from year.forms import AllowanceRatesForm, StatementForm, TaxFreeLimitForm
from year.models import AllowanceRates, AllowanceStatement, TaxFreeLimit


@login_required
@require_GET
def allowance(request):
    require(request, "year.manage_allowance")
    return render(
        request,
        "year/allowance.html",
        {
            "rates": AllowanceRates.objects.all(),
            "limits": TaxFreeLimit.objects.all(),
            "statements": AllowanceStatement.objects.select_related("person"),
        },
    )


def _settings_form(request, form_class, *, title, service):
    require(request, "year.manage_allowance")
    form = form_class(posted(request))
    if form.is_valid():
        try:
            service(**form.cleaned_data, by=request.user)
        except ValidationError as error:
            form_errors(form, error)
        else:
            return redirect("year:allowance")
    return form_page(request, form, title=title, back=reverse("year:allowance"))


@login_required
@require_http_methods(["GET", "POST"])
def rates_set(request):
    return _settings_form(
        request,
        AllowanceRatesForm,
        title=_("Set the allowance rates"),
        service=services.allowance_rates_set,
    )


@login_required
@require_http_methods(["GET", "POST"])
def limit_set(request):
    return _settings_form(
        request,
        TaxFreeLimitForm,
        title=_("Tax-free limits of a year"),
        service=services.tax_free_limit_set,
    )


@login_required
@require_http_methods(["GET", "POST"])
def statement_new(request):
    """GET with a member and a period: the statement as it would be; POST: approve it."""
    require(request, "year.manage_allowance")
    form = StatementForm(request.POST if request.method == "POST" else (request.GET or None))
    statement = None
    if form.is_valid():
        data = form.cleaned_data
        if request.method == "POST":
            try:
                approved = services.statement_approve(
                    person=data["person"],
                    period_start=data["period_start"],
                    period_end=data["period_end"],
                    by=request.user,
                )
            except ValidationError as error:
                error_messages(request, error)
            else:
                messages.success(request, _("The statement is approved."))
                return redirect("year:statement", pk=approved.pk)
        statement = statement_for(data["person"], data["period_start"], data["period_end"])
    status = 400 if request.method == "POST" or (form.is_bound and not form.is_valid()) else 200
    return render(
        request,
        "year/statement_new.html",
        {"form": form, "statement": statement, "query": request.GET.urlencode()},
        status=status,
    )


@login_required
@require_GET
def statement(request, pk):
    """An approved statement with its lines, as it prints: the member's own, or the secretary's."""
    approved = approved_statement_for(request, pk)
    return render(
        request,
        "year/statement.html",
        {
            "statement": approved,
            "lines": approved.lines.select_related("meeting"),
            "can_manage": allowed(request.user, "year.manage_allowance"),
        },
    )


@login_required
@require_GET
def my_allowance(request):
    """A member's own statements, newest first, and the months not approved yet."""
    require(request, "year.view_own_allowance")
    statements = list(
        AllowanceStatement.objects.filter(person=request.user).order_by("-period_start")
    )
    provisional = provisional_statement(request.user, statements, timezone.localdate())
    return render(
        request,
        "year/my_allowance.html",
        {
            "statements": statements,
            "provisional": provisional,
            "provisional_last_month": provisional
            and provisional.period_end - datetime.timedelta(days=1),
        },
    )
