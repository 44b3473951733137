"""The people pages: who is who, a person's page, and the secretary's actions on terms, offices
and board positions; the confidentiality declaration and the term schedule (rooster van
aftreden). Thin: each action checks a permission, calls a service in members.services and
redirects; a refusal of the service is shown on the form, in Dutch, and nothing is saved.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from members import composition, services
from members.access import (
    board_position_for,
    explain_refusals,
    office_for,
    person_for,
    require_perm,
    term_for,
)
from members.forms import (
    AppointForm,
    BoardPositionGrantForm,
    DeclarationSignForm,
    EndPeriodForm,
    EndTermForm,
    InviteForm,
    OfficeGrantForm,
    PersonForm,
    ReappointForm,
)
from members.models import CouncilRules, DeclarationText, Term
from members.people import Standing, people_overview


def posted(request):
    """The submitted data of a POST (also when empty, so a form shows what is missing)."""
    return request.POST if request.method == "POST" else None


def form_errors(form, error, field=None):
    """Show a service's ValidationError on the form: on `field`, on the field it names, or on
    the form as a whole."""
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else field, errors)
    else:
        form.add_error(field, error)


# --- Lists and pages ---------------------------------------------------------------------------


@explain_refusals
@login_required
@require_GET
def people(request):
    """Current, coming and former members, the staff secretary and the board. Board users see
    the current members' names and roles only."""
    require_perm(request, "members.view_people")
    today = timezone.localdate()
    full = request.user.has_perm("members.view_people_details")
    rules = CouncilRules.objects.in_force(today)
    overview = people_overview(user=request.user, today=today, full=full)
    return render(
        request,
        "members/people.html",
        {"overview": overview, "full": full, "rules": rules, "today": today},
    )


@explain_refusals
@login_required
@require_GET
def person(request, pk):
    person = person_for(request, pk)
    today = timezone.localdate()
    user = request.user
    standing = Standing(person, today)
    context = {
        "person": person,
        "standing": standing,
        "today": today,
        "can_manage": user.has_perm("members.manage_people"),
        "show_contact": user.has_perm("members.view_contact_details", person),
        "show_personal": user.has_perm("members.view_personal_details", person),
        "can_edit": user.has_perm("members.change_personal_details", person),
        "show_declarations": user.has_perm("members.view_declarations", person),
        "is_self": person.pk == user.pk,
    }
    if context["show_declarations"]:
        context["declarations"] = list(person.declarations.select_related("text"))
    if context["can_manage"]:
        rules = CouncilRules.objects.in_force(today)
        context["rules"] = rules
        context["can_appoint"] = not standing.terms
        context["can_reappoint"] = standing.reappointable(rules.max_terms)
        context["invitation"] = person.invitations.order_by("-created_at").first()
    return render(request, "members/person.html", context)


@explain_refusals
@login_required
@require_http_methods(["GET", "POST"])
def person_add(request):
    """Add a person: make the account and send the invitation, then go on to their page to
    appoint them or give them an office or a board position."""
    require_perm(request, "members.manage_people")
    form = InviteForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            person = services.person_invite(**form.cleaned_data, by=request.user)
        except ValidationError as error:
            form_errors(form, error)
        else:
            messages.success(
                request,
                _(
                    "%(name)s is added and invited: the e-mail with the link went to %(email)s. "
                    "You can now appoint them for a term, or give them an office or a board "
                    "position."
                )
                % {"name": person.name, "email": person.email},
            )
            return redirect("members:person", pk=person.pk)
    return render(request, "members/person_add.html", {"form": form})


@explain_refusals
@login_required
@require_http_methods(["GET", "POST"])
def person_edit(request, pk):
    person = person_for(request, pk, perm="members.change_personal_details")
    form = PersonForm.for_person(person, posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.person_update(person=person, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form_errors(form, error)
        else:
            messages.success(request, _("The details are saved."))
            return redirect("members:person", pk=person.pk)
    return render(request, "members/person_edit.html", {"person": person, "form": form})


# --- The secretary's actions -------------------------------------------------------------------


def _action(request, *, person, form, template, run, success, **context):
    """GET: the form. POST: run the service; on a refusal show its message on the form."""
    if request.method == "POST" and form.is_valid():
        try:
            run(form.cleaned_data)
        except ValidationError as error:
            form_errors(form, error)
        else:
            messages.success(request, success)
            return redirect("members:person", pk=person.pk)
    context.update({"person": person, "form": form, "today": timezone.localdate()})
    return render(request, template, context)


@explain_refusals
@login_required
@require_http_methods(["GET", "POST"])
def person_appoint(request, pk):
    person = person_for(request, pk, perm="members.manage_people")
    rules = CouncilRules.objects.in_force()
    return _action(
        request,
        person=person,
        form=AppointForm(posted(request)),
        template="members/actions/appoint.html",
        run=lambda data: services.term_appoint(person=person, start=data["start"], by=request.user),
        success=_(
            "%(name)s is appointed. Remember to ask them to sign the confidentiality declaration."
        )
        % {"name": person.name},
        rules=rules,
    )


@explain_refusals
@login_required
@require_http_methods(["GET", "POST"])
def person_reappoint(request, pk):
    person = person_for(request, pk, perm="members.manage_people")
    rules = CouncilRules.objects.in_force()
    previous = Term.objects.filter(person=person).order_by("-start").first()
    initial = {}
    if previous is not None:
        initial["start"] = max(previous.end, timezone.localdate())
    return _action(
        request,
        person=person,
        form=ReappointForm(posted(request), initial=initial),
        template="members/actions/reappoint.html",
        run=lambda data: services.term_reappoint(
            person=person, start=data["start"], by=request.user
        ),
        success=_("%(name)s is reappointed.") % {"name": person.name},
        rules=rules,
        previous=previous,
    )


@explain_refusals
@login_required
@require_http_methods(["GET", "POST"])
def term_end(request, pk):
    term = term_for(request, pk)
    return _action(
        request,
        person=term.person,
        form=EndTermForm(posted(request)),
        template="members/actions/term_end.html",
        run=lambda data: services.term_end_early(
            term=term, on=data["on"], reason=data["reason"], by=request.user
        ),
        success=_("The term of %(name)s is ended early.") % {"name": term.person.name},
        term=term,
    )


@explain_refusals
@login_required
@require_http_methods(["GET", "POST"])
def office_grant(request, pk):
    person = person_for(request, pk, perm="members.manage_people")
    return _action(
        request,
        person=person,
        form=OfficeGrantForm(posted(request)),
        template="members/actions/office_grant.html",
        run=lambda data: services.office_grant(
            person=person,
            office=data["office"],
            start=data["start"],
            end=data["end"],
            by=request.user,
        ),
        success=_("The office of %(name)s is recorded.") % {"name": person.name},
    )


@explain_refusals
@login_required
@require_http_methods(["GET", "POST"])
def office_end(request, pk):
    office = office_for(request, pk)
    return _action(
        request,
        person=office.person,
        form=EndPeriodForm(posted(request)),
        template="members/actions/period_end.html",
        run=lambda data: services.office_end(office_holding=office, on=data["on"], by=request.user),
        success=_("The office is ended."),
        title=_("End the office of %(name)s: %(office)s")
        % {"name": office.person.name, "office": office.get_role_display().lower()},
        period=office,
    )


@explain_refusals
@login_required
@require_http_methods(["GET", "POST"])
def board_position_grant(request, pk):
    person = person_for(request, pk, perm="members.manage_people")
    return _action(
        request,
        person=person,
        form=BoardPositionGrantForm(posted(request)),
        template="members/actions/board_position_grant.html",
        run=lambda data: services.board_position_grant(
            person=person,
            kind=data["kind"],
            start=data["start"],
            end=data["end"],
            by=request.user,
        ),
        success=_("The board position of %(name)s is recorded.") % {"name": person.name},
    )


@explain_refusals
@login_required
@require_http_methods(["GET", "POST"])
def board_position_end(request, pk):
    position = board_position_for(request, pk)
    return _action(
        request,
        person=position.person,
        form=EndPeriodForm(posted(request)),
        template="members/actions/period_end.html",
        run=lambda data: services.board_position_end(
            position=position, on=data["on"], by=request.user
        ),
        success=_("The board position is ended."),
        title=_("End the board position of %(name)s: %(position)s")
        % {"name": position.person.name, "position": position.get_kind_display().lower()},
        period=position,
    )


# --- The confidentiality declaration and the term schedule (rooster van aftreden) -------------


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
