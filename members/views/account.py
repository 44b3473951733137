from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext as _

from members import services
from members.forms import MailPreferencesForm
from members.middleware import has_authenticator, mfa_required
from members.models import CouncilRules, MailPreference
from wijraad import deliveries
from wijraad.forms import form_errors, posted


@login_required
def account(request):
    """The person's own account: e-mail, password, two-step verification and sessions."""
    return render(
        request,
        "members/account.html",
        {"mfa_required": mfa_required(request.user), "has_mfa": has_authenticator(request.user)},
    )


@login_required
def mail_preferences(request):
    """The person's own choices: which e-mails, how often, and the reminder before a meeting."""
    rules = CouncilRules.objects.in_force()
    preference = MailPreference.objects.filter(user=request.user).first() or MailPreference(
        user=request.user
    )
    switchable = deliveries.switchable_kinds()
    initial = {
        "frequency": preference.frequency,
        "reminder_lead_hours": preference.reminder_lead_hours,
        "kinds_on": [info.kind for info in switchable if info.kind not in preference.kinds_off],
    }
    form = MailPreferencesForm(posted(request), initial=initial, kinds=switchable, rules=rules)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.mail_preferences_save(
                user=request.user,
                frequency=data["frequency"],
                kinds_on=data["kinds_on"],
                reminder_lead_hours=data["reminder_lead_hours"],
            )
        except ValidationError as error:
            form_errors(form, error)
        else:
            messages.success(request, _("Your e-mail choices are saved."))
            return redirect("members:mail_preferences")
    explanations = {info.kind: info.explanation for info in switchable}
    return render(
        request,
        "members/mail_preferences.html",
        {
            "form": form,
            "kind_choices": [
                (choice, explanations[choice.data["value"]])
                for choice in form["kinds_on"].subwidgets
            ],
            "always_on": [info for info in deliveries.listed_kinds() if info.always_on],
            "digest_hour": settings.DELIVERY_DIGEST_HOUR,
            "digest_weekday": WEEKDAYS[settings.DELIVERY_DIGEST_WEEKDAY % 7],
        },
    )
