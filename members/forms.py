from django import forms
from django.conf import settings
from django.contrib.auth import forms as auth_forms
from django.utils.translation import gettext_lazy as _

from members.models import User


class UserCreationForm(auth_forms.UserCreationForm):
    class Meta:
        model = User
        fields = ("email", "name")


class UserChangeForm(auth_forms.UserChangeForm):
    class Meta:
        model = User
        fields = "__all__"


class InviteForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=150)
    email = forms.EmailField(
        label=_("E-mail address"),
        help_text=_("The invitation goes to this address; it is also the login."),
    )
    preferred_language = forms.ChoiceField(
        label=_("Language of the e-mails and the portal"),
        choices=settings.LANGUAGES,
        initial=settings.LANGUAGE_CODE,
    )


class FirstPasswordForm(auth_forms.SetPasswordForm):
    """Choose a first password; Django's password rules apply (at least 10 characters, not a
    common password, not only digits, not like your name or address)."""
