"""The people pages: who is who, a person's page, and the secretary's actions on terms, offices
and board positions; the confidentiality declaration and the term schedule (rooster van
aftreden). Thin: each action checks a permission, calls a service in members.services and
redirects; a refusal of the service is shown on the form, in Dutch, and nothing is saved.
"""

import csv

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Exists, OuterRef, Prefetch
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from members import composition, services
from members.access import (
    period_for,
    person_for,
    term_for,
)
from members.forms import (
    AppointForm,
    BoardPositionGrantForm,
    CorrectTermStartForm,
    DeclarationSignForm,
    DeclarationTextForm,
    EndPeriodForm,
    EndTermForm,
    InviteForm,
    OfficeGrantForm,
    PersonForm,
    ReappointForm,
    WithdrawTermForm,
)
from members.models import (
    ConfidentialityDeclaration,
    CouncilRules,
    DeclarationText,
    Office,
    Term,
    User,
)
from members.people import Standing, address_list, people_overview
from wijraad.access import allowed, require
from wijraad.forms import form_errors, posted

# --- Lists and pages ---------------------------------------------------------------------------


FORMER_PER_PAGE = 25


@login_required
@require_GET
def people(request):
    """Current, coming and former members, the staff secretary and the board. Board users see
    the current members' names and roles only."""
    require(request, "members.view_people")
    today = timezone.localdate()
    full = allowed(request.user, "members.view_people_details")
    rules = CouncilRules.objects.in_force(today)
    overview = people_overview(user=request.user, today=today, full=full)
    # Ten years of former members would bury the council of today: they come a page at a time.
    former = Paginator(overview.former, FORMER_PER_PAGE).get_page(request.GET.get("former"))
    return render(
        request,
        "members/people.html",
        {
            "overview": overview,
            "former": former,
            "full": full,
            "rules": rules,
            "today": today,
            "can_manage": allowed(request.user, "members.manage_people"),
            "can_see_term_schedule": allowed(request.user, "members.view_term_schedule"),
            "can_see_declarations": allowed(request.user, "members.view_declarations"),
            "can_see_signatures": allowed(request.user, "members.view_signatures"),
            "can_see_council_rules": allowed(request.user, "members.view_council_rules"),
            "can_see_addresses": allowed(request.user, "members.view_address_list"),
            "can_see_history": allowed(request.user, "members.view_history"),
        },
    )


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
        "can_manage": allowed(user, "members.manage_people"),
        "can_see_people": allowed(user, "members.view_people_details"),
        "show_contact": allowed(user, "members.view_contact_details", person),
        "show_personal": allowed(user, "members.view_personal_details", person),
        "can_edit": allowed(user, "members.change_personal_details", person),
        "show_declarations": allowed(user, "members.view_declarations", person),
        "is_self": person.pk == user.pk,
    }
    if context["show_declarations"]:
        context["declarations"] = list(person.declarations.select_related("text"))
    if context["can_manage"]:
        rules = CouncilRules.objects.in_force(today)
        context["rules"] = rules
        context["can_appoint"] = not standing.terms
        context["can_reappoint"] = standing.reappointable(rules.max_terms)
        context["at_max_terms"] = standing.at_max_terms(rules.max_terms)
        context["invitation"] = person.invitations.order_by("-created_at").first()
        context["withdrawals"] = list(person.term_withdrawals.all())
        context["can_manage_account"] = allowed(user, "members.manage_accounts")
        context["account_changes"] = list(person.account_changes.all())
    return render(request, "members/person.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def person_add(request):
    """Add a person: make the account and send the invitation, then go on to their page to
    appoint them or give them an office or a board position. The one way to invite someone (the
    invitations page links here too)."""
    require(request, "members.manage_people")
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


@login_required
@require_http_methods(["GET", "POST"])
def person_appoint(request, pk):
    person = person_for(request, pk, perm="members.manage_people")
    form = AppointForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.term_appoint(person=person, start=form.cleaned_data["start"], by=request.user)
        except ValidationError as error:
            form_errors(form, error)
        else:
            messages.success(
                request,
                _(
                    "%(name)s is appointed. Remember to ask them to sign the confidentiality "
                    "declaration."
                )
                % {"name": person.name},
            )
            return redirect("members:person", pk=person.pk)
    return render(
        request,
        "members/actions/appoint.html",
        {
            "person": person,
            "form": form,
            "today": timezone.localdate(),
            "rules": CouncilRules.objects.in_force(),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def person_reappoint(request, pk):
    person = person_for(request, pk, perm="members.manage_people")
    previous = Term.objects.filter(person=person).order_by("-start").first()
    initial = {}
    if previous is not None:
        initial["start"] = max(previous.end, timezone.localdate())
    form = ReappointForm(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.term_reappoint(
                person=person, start=form.cleaned_data["start"], by=request.user
            )
        except ValidationError as error:
            form_errors(form, error)
        else:
            messages.success(request, _("%(name)s is reappointed.") % {"name": person.name})
            return redirect("members:person", pk=person.pk)
    return render(
        request,
        "members/actions/reappoint.html",
        {
            "person": person,
            "form": form,
            "today": timezone.localdate(),
            "rules": CouncilRules.objects.in_force(),
            "previous": previous,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def term_end(request, pk):
    term = term_for(request, pk)
    form = EndTermForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.term_end_early(
                term=term,
                on=form.cleaned_data["on"],
                reason=form.cleaned_data["reason"],
                by=request.user,
            )
        except ValidationError as error:
            form_errors(form, error)
        else:
            messages.success(
                request, _("The term of %(name)s is ended early.") % {"name": term.person.name}
            )
            return redirect("members:person", pk=term.person.pk)
    return render(
        request,
        "members/actions/term_end.html",
        {"person": term.person, "form": form, "today": timezone.localdate(), "term": term},
    )


@login_required
@require_http_methods(["GET", "POST"])
def term_withdraw(request, pk):
    """Withdraw a term appointed by mistake, with the reason (members.services.term_withdraw)."""
    term = term_for(request, pk)
    form = WithdrawTermForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.term_withdraw(term=term, reason=form.cleaned_data["reason"], by=request.user)
        except ValidationError as error:
            form_errors(form, error)
        else:
            messages.success(
                request,
                _("The appointment of %(name)s is withdrawn; it does not count as a term.")
                % {"name": term.person.name},
            )
            return redirect("members:person", pk=term.person.pk)
    return render(
        request,
        "members/actions/term_withdraw.html",
        {"person": term.person, "form": form, "term": term},
    )


@login_required
@require_http_methods(["GET", "POST"])
def term_correct(request, pk):
    """Correct the first day of a term that has not begun (members.services.term_start_correct)."""
    term = term_for(request, pk)
    form = CorrectTermStartForm(posted(request), initial={"start": term.start})
    if request.method == "POST" and form.is_valid():
        try:
            services.term_start_correct(
                term=term, start=form.cleaned_data["start"], by=request.user
            )
        except ValidationError as error:
            form_errors(form, error)
        else:
            messages.success(
                request,
                _("The first day of the term of %(name)s is corrected.")
                % {"name": term.person.name},
            )
            return redirect("members:person", pk=term.person.pk)
    return render(
        request,
        "members/actions/term_correct.html",
        {"person": term.person, "form": form, "term": term},
    )


@login_required
@require_http_methods(["GET", "POST"])
def office_grant(request, pk):
    person = person_for(request, pk, perm="members.manage_people")
    form = OfficeGrantForm(posted(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.office_grant(
                person=person,
                office=data["office"],
                start=data["start"],
                end=data["end"],
                by=request.user,
            )
        except ValidationError as error:
            form_errors(form, error)
        else:
            messages.success(
                request, _("The office of %(name)s is recorded.") % {"name": person.name}
            )
            return redirect("members:person", pk=person.pk)
    return render(
        request,
        "members/actions/office_grant.html",
        {"person": person, "form": form, "today": timezone.localdate()},
    )


@login_required
@require_http_methods(["GET", "POST"])
def board_position_grant(request, pk):
    person = person_for(request, pk, perm="members.manage_people")
    form = BoardPositionGrantForm(posted(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.board_position_grant(
                person=person,
                kind=data["kind"],
                start=data["start"],
                end=data["end"],
                by=request.user,
            )
        except ValidationError as error:
            form_errors(form, error)
        else:
            messages.success(
                request, _("The board position of %(name)s is recorded.") % {"name": person.name}
            )
            return redirect("members:person", pk=person.pk)
    return render(
        request,
        "members/actions/board_position_grant.html",
        {"person": person, "form": form, "today": timezone.localdate()},
    )


@login_required
@require_http_methods(["GET", "POST"])
def period_end(request, pk, model):
    """End an office or a board position (`model`) early."""
    period = period_for(request, model, pk)
    if isinstance(period, Office):
        success = _("The office is ended.")
        title = _("End the office of %(name)s: %(office)s") % {
            "name": period.person.name,
            "office": period.get_role_display().lower(),
        }
    else:
        success = _("The board position is ended.")
        title = _("End the board position of %(name)s: %(position)s") % {
            "name": period.person.name,
            "position": period.get_kind_display().lower(),
        }
    form = EndPeriodForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.period_end(period=period, on=form.cleaned_data["on"], by=request.user)
        except ValidationError as error:
            form_errors(form, error)
        else:
            messages.success(request, success)
            return redirect("members:person", pk=period.person.pk)
    return render(
        request,
        "members/actions/period_end.html",
        {
            "person": period.person,
            "form": form,
            "today": timezone.localdate(),
            "title": title,
            "period": period,
        },
    )


# --- The confidentiality declaration and the term schedule (rooster van aftreden) -------------


@login_required
@require_http_methods(["GET", "POST"])
def declaration(request):
    """The text in force, its version, and — for an appointed member who has not signed — the
    confirmation to sign it. Everyone logged in may read it; signing is for the appointed."""
    user = request.user
    text = DeclarationText.objects.in_force()
    may_sign = allowed(user, "members.sign_declaration")
    form = DeclarationSignForm(posted(request)) if may_sign and text else None
    if request.method == "POST":
        require(request, "members.sign_declaration")
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
        {
            "text": text,
            "form": form,
            "signatures": signatures,
            "can_see_signatures": allowed(user, "members.view_signatures"),
        },
    )


@login_required
@require_GET
def signatures(request):
    """Who signs the declaration (a term today or to come, the staff secretary), which version
    each signed and when, and whether that signature counts today; and every version of the
    text."""
    require(request, "members.view_signatures")
    today = timezone.localdate()
    people = (
        User.objects.signing(today)
        .annotate(
            signed_now=Exists(
                ConfidentialityDeclaration.objects.valid_on(today).filter(person=OuterRef("pk"))
            )
        )
        .prefetch_related(
            Prefetch(
                "declarations",
                queryset=ConfidentialityDeclaration.objects.select_related("text").order_by(
                    "-signed_at"
                ),
            )
        )
        .order_by("name", "pk")
    )
    texts = DeclarationText.objects.annotate(signature_count=Count("signatures"))
    people = list(people)
    return render(
        request,
        "members/signatures.html",
        {
            "people": people,
            "unsigned_count": sum(1 for person in people if not person.signed_now),
            "texts": list(texts),
            "in_force": DeclarationText.objects.in_force(today),
            "today": today,
            "can_enter_text": allowed(request.user, "members.enter_declaration_text"),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def declaration_text_add(request):
    """The secretary enters a new text of the declaration, from a day on (today or later)."""
    require(request, "members.enter_declaration_text")
    form = DeclarationTextForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            text = services.declaration_text_add(**form.cleaned_data, by=request.user)
        except ValidationError as error:
            form_errors(form, error)
        else:
            messages.success(
                request,
                _("Version %(version)s is saved; it is in force from %(date)s.")
                % {"version": text.version, "date": date_format(text.in_force_from, "j F Y")},
            )
            return redirect("members:signatures")
    return render(request, "members/declaration_text_add.html", {"form": form})


@login_required
@require_GET
def term_schedule(request):
    """Per year from this year on: whose term ends, how many seats fall free, and the warnings
    about continuity and strength."""
    require(request, "members.view_term_schedule")
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
            "can_manage": allowed(request.user, "members.manage_people"),
        },
    )


# --- The address list -------------------------------------------------------------------------

# A spreadsheet reads a cell starting with one of these as a formula (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _csv_cell(value):
    value = str(value)
    return "'" + value if value.startswith(_FORMULA_START) else value


@login_required
@require_GET
def addresses(request):
    """Name, role, e-mail and phone of everyone with a place in or around the council today
    whose contact details the user may see; printable."""
    require(request, "members.view_address_list")
    today = timezone.localdate()
    return render(
        request,
        "members/addresses.html",
        {"rows": address_list(user=request.user, today=today), "today": today},
    )


@login_required
@require_GET
def addresses_csv(request):
    """The address list as a CSV file (semicolons, as Dutch spreadsheets expect)."""
    require(request, "members.view_address_list")
    today = timezone.localdate()
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="adressenlijst-wij-raad-{today.isoformat()}.csv"'
    )
    response.write("\ufeff")  # a byte-order mark, so spreadsheets read UTF-8
    writer = csv.writer(response, delimiter=";")
    writer.writerow([_("Name"), _("Role"), _("E-mail address"), _("Phone number")])
    for standing in address_list(user=request.user, today=today):
        person = standing.person
        writer.writerow(
            _csv_cell(value)
            for value in (
                person.name,
                ", ".join(str(label) for label in standing.role_labels),
                person.email,
                person.phone,
            )
        )
    return response
