"""The open invitations, sending one again, and the link in the invitation e-mail. A new person is
invited where they are added (members.views.membership.person_add)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from members import services
from members.access import person_for
from members.forms import FirstPasswordForm
from members.models import Invitation, User
from wijraad.access import require


@login_required
def invitations(request):
    """People the secretary may see who were invited and have not set a password yet, with their
    latest invitation."""
    require(request, "members.invite_people")
    people = (
        User.objects.visible_to(request.user)
        .filter(invitations__isnull=False, password__startswith="!")
        .distinct()
        .prefetch_related(
            Prefetch(
                "invitations",
                queryset=Invitation.objects.order_by("-created_at"),
                to_attr="invitations_newest_first",
            )
        )
        .order_by("name")
    )
    rows = [
        {"person": person, "invitation": person.invitations_newest_first[0]} for person in people
    ]
    return render(request, "members/invitations.html", {"rows": rows})


@login_required
@require_POST
def invitation_resend(request, pk):
    # Someone the user may not see answers 404 before anything else, like an unknown id.
    person = person_for(request, pk, perm="members.invite_people")
    try:
        services.invitation_send(person=person, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("A new invitation went to %(email)s. The earlier link no longer works.")
            % {"email": person.email},
        )
    return redirect("members:invitations")


@never_cache  # the page of a personal link, opened before logging in
@require_http_methods(["GET", "POST"])
def invitation_accept(request, token):
    """The link in the invitation e-mail: choose a first password."""
    try:
        invitation = services.invitation_for_token(token)
    except ValidationError as error:
        return render(
            request, "members/invitation_refused.html", {"reason": error.messages[0]}, status=410
        )
    form = FirstPasswordForm(invitation.person, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.invitation_accept(token=token, password=form.cleaned_data["new_password1"])
        except ValidationError as error:
            return render(
                request,
                "members/invitation_refused.html",
                {"reason": error.messages[0]},
                status=410,
            )
        messages.success(
            request, _("Your password is set. Log in with your e-mail address and new password.")
        )
        return redirect("account_login")
    return render(
        request, "members/invitation_accept.html", {"form": form, "person": invitation.person}
    )
