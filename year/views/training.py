"""Training (scholing): the secretary records what members followed; the year's overview for
the secretary and the chair."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Sum
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from wijraad.access import allowed, require
from wijraad.forms import form_errors, form_page, posted
from year import services
from year.forms import TrainingForm
from year.models import Training


@login_required
@require_GET
def trainings(request):
    require(request, "year.view_training")
    try:
        year = int(request.GET.get("jaar", ""))
    except ValueError:
        year = timezone.localdate().year
    rows = Training.objects.filter(date__year=year).select_related("person")
    return render(
        request,
        "year/trainings.html",
        {
            "year": year,
            "trainings": rows,
            "total_hours": rows.aggregate(total=Sum("hours"))["total"] or 0,
            "can_add": allowed(request.user, "year.manage_training"),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def training_add(request):
    require(request, "year.manage_training")
    form = TrainingForm(posted(request))
    if form.is_valid():
        try:
            training = services.training_add(**form.cleaned_data, by=request.user)
        except ValidationError as error:
            form_errors(form, error)
        else:
            return redirect(reverse("year:trainings") + f"?jaar={training.date.year}")
    return form_page(request, form, title=_("Record a training"), back=reverse("year:trainings"))
