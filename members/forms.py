from django import forms
from django.conf import settings
from django.contrib.auth import forms as auth_forms
from django.core.validators import RegexValidator
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from members.models import (
    BoardPositionKind,
    CouncilRules,
    Document,
    OfficeRole,
    RelationToWij,
    User,
)
from wijraad.forms import DateInput, PortalForm, PortalModelForm, SingleLineTextMixin
from wijraad.models import MailFrequency


class UserCreationForm(SingleLineTextMixin, forms.ModelForm):
    """A new account in the admin, without a password: the person sets one through the
    "send a password-reset e-mail" action (or the secretary invites them)."""

    class Meta:
        model = User
        fields = ("email", "name")

    def save(self, commit=True):
        user = super().save(commit=False)
        user.set_unusable_password()
        if commit:
            user.save()
        return user


class UserChangeForm(SingleLineTextMixin, forms.ModelForm):
    """An account in the admin: no password field (passwords are set by the person only)."""

    class Meta:
        model = User
        fields = ("email", "name", "preferred_language", "is_active", "is_staff", "is_superuser")


def date_field(label, *, required=True, help_text="", initial=None):
    return forms.DateField(
        label=label,
        required=required,
        help_text=help_text,
        initial=initial,
        widget=DateInput(),
        input_formats=["%Y-%m-%d", "%d-%m-%Y"],
    )


phone_validator = RegexValidator(
    r"^\+?[0-9 ()\-]{6,20}$",
    _("Enter a phone number of digits, e.g. 050 123 4567 or +31 6 12345678."),
)

PRIVATE_HELP = _("Only the secretary and the person see this.")


class PersonDetailsFields(PortalForm):
    """What the council may know about a person besides name and address; all optional."""

    phone = forms.CharField(
        label=_("Phone number"),
        max_length=30,
        required=False,
        validators=[phone_validator],
        help_text=_("Members of the council see it, the board does not."),
    )
    neighbourhood = forms.CharField(
        label=_("Neighbourhood or village"),
        max_length=100,
        required=False,
        help_text=format_lazy(
            "{} {}",
            _("Where in the municipality of Groningen the person lives, e.g. Beijum."),
            PRIVATE_HELP,
        ),
    )
    expertise = forms.CharField(
        label=_("Areas of expertise"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=format_lazy(
            "{} {}",
            _("What the person knows about, e.g. care, education, debts, youth."),
            PRIVATE_HELP,
        ),
    )
    relation_to_wij = forms.ChoiceField(
        label=_("Relation to WIJ"),
        choices=RelationToWij.choices,
        initial=RelationToWij.UNKNOWN,
        required=False,
        help_text=format_lazy(
            "{} {}", _("For example whether the person is a client of WIJ themself."), PRIVATE_HELP
        ),
    )

    def clean_relation_to_wij(self):
        return self.cleaned_data.get("relation_to_wij") or RelationToWij.UNKNOWN


class InviteForm(PersonDetailsFields):
    """Add a person: the account and the invitation e-mail, with the optional details."""

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

    field_order = [
        "name",
        "email",
        "preferred_language",
        "phone",
        "neighbourhood",
        "expertise",
        "relation_to_wij",
    ]


class PersonForm(PersonDetailsFields):
    """Change a person's name and details (the e-mail address is changed on the account page)."""

    name = forms.CharField(label=_("Name"), max_length=150)

    field_order = ["name", "phone", "neighbourhood", "expertise", "relation_to_wij"]

    @classmethod
    def for_person(cls, person, data=None):
        initial = {
            field: getattr(person, field)
            for field in ("name", "phone", "neighbourhood", "expertise", "relation_to_wij")
        }
        return cls(data, initial=initial)


class EmailChangeForm(PortalForm):
    email = forms.EmailField(
        label=_("New e-mail address"),
        help_text=_(
            "This is also the login. The person gets a message at the old and at the new address."
        ),
    )


class AccountSwitchForm(PortalForm):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=300,
        help_text=_("Kept in the history. For example: left the council, or a lost phone."),
    )


class FirstPasswordForm(auth_forms.SetPasswordForm):
    """Choose a first password; Django's password rules apply (at least 10 characters, not a
    common password, not only digits, not like your name or address)."""


# --- Terms, offices and board positions ----------------------------------------------------------


class AppointForm(forms.Form):
    start = date_field(
        _("First day of the term"),
        help_text=_("The term runs for three years from this day."),
        initial=timezone.localdate,
    )


class ReappointForm(forms.Form):
    start = date_field(
        _("First day of the new term"),
        help_text=_("Usually the day after the last day of the previous term."),
    )


class EndTermForm(PortalForm):
    on = date_field(
        _("First day without a seat"),
        help_text=_(
            "From this day the person is no longer a member (their last day is the day before)."
        ),
        initial=timezone.localdate,
    )
    reason = forms.CharField(
        label=_("Reason"),
        max_length=300,
        help_text=_("For example: moved out of Groningen, or stepped down for personal reasons."),
    )


class WithdrawTermForm(PortalForm):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=300,
        help_text=_("For example: entered for the wrong person, or the candidate withdrew."),
    )


class CorrectTermStartForm(forms.Form):
    start = date_field(
        _("Correct first day of the term"),
        help_text=_("Today or later. The last day moves with it."),
    )


class EndPeriodForm(forms.Form):
    on = date_field(
        _("First day without this position"),
        help_text=_("The last day is the day before."),
        initial=timezone.localdate,
    )


class OfficeGrantForm(forms.Form):
    office = forms.ChoiceField(label=_("Office"), choices=OfficeRole.choices)
    start = date_field(_("First day"), initial=timezone.localdate)
    end = date_field(
        _("First day without the office"),
        required=False,
        help_text=_("Leave empty when the end is not known yet."),
    )


class BoardPositionGrantForm(forms.Form):
    kind = forms.ChoiceField(label=_("Position"), choices=BoardPositionKind.choices)
    start = date_field(_("First day"), initial=timezone.localdate)
    end = date_field(
        _("First day without the position"),
        required=False,
        help_text=_("Leave empty when the end is not known yet."),
    )


class DeclarationSignForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("I have read the confidentiality declaration and I will keep to it."),
        error_messages={"required": _("Tick the box to show that you agree.")},
    )


class DeclarationTextForm(PortalForm):
    """A new text of the confidentiality declaration (members.services.declaration_text_add)."""

    version = forms.CharField(
        label=_("Version"),
        max_length=20,
        help_text=_("A short name that is not used yet, e.g. 2027-1."),
    )
    body = forms.CharField(label=_("Text"), widget=forms.Textarea(attrs={"rows": 12}))
    in_force_from = date_field(
        _("In force from"),
        help_text=_("Today or later."),
        initial=timezone.localdate,
    )
    everyone_signs_again = forms.BooleanField(
        label=_("Everyone signs again"),
        required=False,
        help_text=_(
            "From the day this text is in force, members see nothing confidential until they "
            "have signed it. Leave it off for a small change that does not need a new signature."
        ),
    )


class CouncilRulesForm(PortalModelForm):
    """Changed council rules from a day on (members.services.council_rules_add)."""

    class Meta:
        model = CouncilRules
        fields = [
            "valid_from",
            "term_length_years",
            "max_terms",
            "max_seats",
            "min_members",
            "min_council_meetings",
            "min_consultations",
            "advice_deadline_weeks",
            "answer_deadline_weeks",
            "agenda_lead_days",
            "reminder_lead_days",
            "reminder_lead_min_hours",
            "reminder_lead_max_hours",
            "agenda_late_warning_days",
            "term_ending_warning_months",
            "continuity_warning_numerator",
            "continuity_warning_denominator",
            "applicant_retention_weeks",
            "applicant_retention_consent_months",
            "signal_contact_retention_months",
            "signal_anonymise_after_months",
            "note",
        ]
        widgets = {"valid_from": DateInput(), "note": forms.Textarea(attrs={"rows": 3})}
        help_texts = {"valid_from": _("Today or later.")}

    def validate_unique(self):
        """The service says it in words of its own (rules from that day exist)."""


# --- Documents -----------------------------------------------------------------------------------


class DocumentForm(PortalModelForm):
    """Add a document. The file is checked by the service (members.services.document_add)."""

    upload = forms.FileField(
        label=_("File"),
        help_text=_("A PDF or an office document (Word, Excel, PowerPoint, OpenDocument)."),
    )

    class Meta:
        model = Document
        fields = ["title", "description", "category", "visibility"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "visibility": _(
                "Public: everyone, also without logging in. Council and board: members, the "
                "secretary and the board of WIJ. Council: members and the secretary. "
                "Restricted: the chair and the secretary."
            )
        }


class DocumentEditForm(PortalModelForm):
    class Meta:
        model = Document
        fields = ["title", "description", "category", "visibility"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}
        help_texts = DocumentForm.Meta.help_texts


class MailPreferencesForm(PortalForm):
    """A person's own e-mail choices (members.services.mail_preferences_save). The kinds that
    may be switched off are check boxes, checked when the person gets them."""

    frequency = forms.ChoiceField(
        label=_("How often do you get e-mails that are not urgent?"),
        choices=MailFrequency.choices,
        widget=forms.RadioSelect,
        help_text=_(
            "Urgent e-mails, such as a reminder or a cancelled meeting, always come at once."
        ),
    )
    reminder_lead_hours = forms.IntegerField(
        label=_("How many hours before a meeting do you want the reminder?"),
        required=False,
        min_value=1,
    )
    kinds_on = forms.MultipleChoiceField(
        label=_("E-mails you get"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, kinds, rules, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kinds_on"].choices = [(info.kind, info.label) for info in kinds]
        self.fields["reminder_lead_hours"].help_text = _(
            "From %(low)s to %(high)s hours (%(days)s days). Empty: %(default)s days before, "
            "as for everyone."
        ) % {
            "low": rules.reminder_lead_min_hours,
            "high": rules.reminder_lead_max_hours,
            "days": f"{rules.reminder_lead_max_hours / 24:g}",
            "default": rules.reminder_lead_days,
        }
