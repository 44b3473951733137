"""The bare Django view: URL resolving, a request and a response, nothing else."""

from django.http import HttpResponse
from django.urls import path


def bare(request):
    return HttpResponse("bare", content_type="text/plain")


urlpatterns = [path("", bare)]
