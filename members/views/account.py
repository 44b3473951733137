from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from members.middleware import has_authenticator, mfa_required


@login_required
def account(request):
    """The person's own account: e-mail, password, two-step verification and sessions."""
    return render(
        request,
        "members/account.html",
        {"mfa_required": mfa_required(request.user), "has_mfa": has_authenticator(request.user)},
    )
