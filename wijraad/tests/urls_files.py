"""A test-only URLconf that exercises the private-file helpers through HTTP."""

import uuid

import rules
from django import forms
from django.contrib.auth import get_user_model
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import path

from wijraad import urls as portal_urls
from wijraad.files import DOCUMENT_TYPES, check_upload, private_file_response, private_storage

if not rules.perm_exists("wijraad_tests.download"):
    rules.add_perm("wijraad_tests.download", rules.is_authenticated & rules.is_staff)


class UploadForm(forms.Form):
    file = forms.FileField()

    def clean_file(self):
        upload = self.cleaned_data["file"]
        check_upload(upload, allowed=DOCUMENT_TYPES)
        return upload


def upload(request):
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        return HttpResponse(" ".join(form.errors["file"]), status=400)
    name = private_storage().save(f"tests/{uuid.uuid4().hex}.pdf", form.cleaned_data["file"])
    return HttpResponse(name)


def download(request, pk, name):
    subject = get_object_or_404(get_user_model(), pk=pk)
    return private_file_response(
        request,
        subject=subject,
        name=name,
        download_name="Verslag vergadering.pdf",
        perm="wijraad_tests.download",
        public=request.GET.get("public") == "1",
    )


urlpatterns = [
    path("upload/", upload),
    path("download/<int:pk>/<path:name>", download),
    # The portal's own URLs, for the layout of the error pages.
    *portal_urls.urlpatterns,
]
