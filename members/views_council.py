"""The confidentiality declaration (geheimhoudingsverklaring) and the term schedule (rooster van
aftreden)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from members import composition, services
from members.access import explain_refusals, require_perm
from members.forms import DeclarationSignForm
from members.models import CouncilRules, DeclarationText, Term
from members.views_people import form_errors, posted


@login_required
@require_http_methods(["GET", "POST"])
def declaration(request):
    """The text in force, its version, and — for an appointed member who has not signed — the
    confirmation to sign it. Everyone logged in may read it; signing is for the appointed."""
    user = request.user
    text = DeclarationText.objects.in_force()
    may_sign = user.has_perm("members.sign_declaration")
    form = DeclarationSignForm(posted(request)) if may_sign and text else None
    if request.method == "POST":
        require_perm(request, "members.sign_declaration")
        if form is not None and form.is_valid():
            try:
                services.declaration_sign(person=user, version=text.version)
            except ValidationError as error:
                form_errors(form, error)
            else:
                messages.success(
                    request,
                    _(
                        "Thank you for signing the confidentiality declaration. You can now see "
                        "the council's meetings and documents."
                    ),
                )
                return redirect("dashboard")
    signatures = list(user.declarations.select_related("text"))
    return render(
        request,
        "members/declaration.html",
        {"text": text, "form": form, "signatures": signatures},
    )


@explain_refusals
@login_required
@require_GET
def term_schedule(request):
    """Per year from this year on: whose term ends, how many seats fall free, and the warnings
    about continuity and strength."""
    require_perm(request, "members.view_term_schedule")
    today = timezone.localdate()
    rules = CouncilRules.objects.in_force(today)
    seated = Term.objects.active_on(today).count()
    under_strength = composition.under_strength_warning(seated=seated, rules=rules)
    return render(
        request,
        "members/term_schedule.html",
        {
            "years": composition.term_schedule(today=today),
            "rules": rules,
            "seated": seated,
            "free_seats": max(rules.max_seats - seated, 0),
            "under_strength": under_strength,
            "today": today,
            "can_manage": request.user.has_perm("members.manage_people"),
        },
    )
