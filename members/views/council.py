"""The council's dated rules: every record, side by side, and changed rules from a day on."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from members import services
from members.forms import CouncilRulesForm
from members.models import CouncilRules
from wijraad.access import allowed, require
from wijraad.forms import form_errors, posted


@login_required
@require_GET
def council_rules(request):
    """Every rules record, newest first, with the one in force today marked."""
    require(request, "members.view_council_rules")
    today = timezone.localdate()
    records = list(CouncilRules.objects.order_by("-valid_from"))
    in_force = next((r for r in records if r.valid_from <= today), None)
    fields = [CouncilRules._meta.get_field(name) for name in services.RULE_FIELDS]
    rows = [
        (field.verbose_name, [getattr(record, field.name) for record in records])
        for field in fields
    ]
    return render(
        request,
        "members/council_rules.html",
        {
            "records": records,
            "rows": rows,
            "in_force": in_force,
            "today": today,
            "can_add": allowed(request.user, "members.change_council_rules"),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def council_rules_add(request):
    """Changed rules from a day on; the form starts from the rules in force today."""
    require(request, "members.change_council_rules")
    current = CouncilRules.objects.in_force()
    initial = {name: getattr(current, name) for name in services.RULE_FIELDS}
    initial["note"] = ""
    form = CouncilRulesForm(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            rules = services.council_rules_add(
                valid_from=data.pop("valid_from"), by=request.user, **data
            )
        except ValidationError as error:
            form_errors(form, error)
        else:
            messages.success(
                request,
                _("The changed rules are saved; they apply from %(date)s.")
                % {"date": date_format(rules.valid_from, "j F Y")},
            )
            return redirect("members:council_rules")
    return render(request, "members/council_rules_add.html", {"form": form})
