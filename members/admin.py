"""The technical administration. Terms, offices, positions and declarations change only through
members.services (which check the council's rules), so here they are read-only. It shows no
confidential content: no personal details beyond name and address, and no library documents.

Nobody's account can be taken over from here: no two-step verification secrets (allauth's
authenticator admin is removed), no password field or "set password" page (only an action that
e-mails the person a reset link, to their own address), and every change to an account is a
security event (wijraad.security)."""

from allauth.account.admin import EmailAddressAdmin as AllauthEmailAddressAdmin
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from auditlog.admin import LogEntryAdmin as AuditlogLogEntryAdmin
from auditlog.models import LogEntry
from django.contrib import admin, messages
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from members.adapters import ResetPasswordForm
from members.forms import UserChangeForm, UserCreationForm
from members.models import (
    BoardPosition,
    ConfidentialityDeclaration,
    CouncilRules,
    DeclarationText,
    Office,
    Term,
    User,
)
from wijraad.security import log_event


class ReadOnlyMixin:
    """View only: the services are the one way to change these records."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class TermInline(ReadOnlyMixin, admin.TabularInline):
    model = Term
    fields = ["ordinal", "start", "end", "planned_end", "end_reason"]
    extra = 0


class OfficeInline(ReadOnlyMixin, admin.TabularInline):
    model = Office
    fields = ["role", "start", "end"]
    extra = 0


class BoardPositionInline(ReadOnlyMixin, admin.TabularInline):
    model = BoardPosition
    fields = ["kind", "start", "end"]
    extra = 0


class DeclarationInline(ReadOnlyMixin, admin.TabularInline):
    model = ConfidentialityDeclaration
    fields = ["text", "signed_at"]
    extra = 0


# The secrets of two-step verification are nobody's business in the admin.
admin.site.unregister(Authenticator)


class SecurityLoggedAdmin:
    """Every account change made in the admin is a security event, by whom and of what; the
    values themselves are not logged."""

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        log_event(
            "admin_account_changed" if change else "admin_account_added",
            request=request,
            user=request.user,
            model=obj._meta.label_lower,
            object_id=obj.pk,
            fields=sorted(form.changed_data),
        )

    def delete_model(self, request, obj):
        object_id = obj.pk
        super().delete_model(request, obj)
        log_event(
            "admin_account_deleted",
            request=request,
            user=request.user,
            model=obj._meta.label_lower,
            object_id=object_id,
        )

    def delete_queryset(self, request, queryset):
        deleted = [(obj._meta.label_lower, obj.pk) for obj in queryset]
        super().delete_queryset(request, queryset)
        for model, object_id in deleted:
            log_event(
                "admin_account_deleted",
                request=request,
                user=request.user,
                model=model,
                object_id=object_id,
            )


@admin.register(User)
class UserAdmin(SecurityLoggedAdmin, admin.ModelAdmin):
    form = UserChangeForm
    add_form = UserCreationForm
    ordering = ["name", "email"]
    list_display = ["email", "name", "preferred_language", "is_active", "is_staff"]
    list_filter = ["is_active", "is_staff", "is_superuser", "preferred_language"]
    search_fields = ["email", "name"]
    actions = ["send_password_reset"]
    fieldsets = [
        # The address changes only by the person, confirmed from the new address (allauth).
        (None, {"fields": ["email"]}),
        # Phone, neighbourhood, expertise and relation to WIJ (whether someone is a client) are
        # for the secretary and the person only: they keep them on the person's page.
        (_("Person"), {"fields": ["name", "preferred_language"]}),
        (_("Access"), {"fields": ["is_active", "is_staff", "is_superuser"]}),
        (_("Dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [(None, {"classes": ["wide"], "fields": ["email", "name"]})]
    readonly_fields = ["email", "last_login", "date_joined"]
    inlines = [TermInline, OfficeInline, BoardPositionInline, DeclarationInline]

    def get_fieldsets(self, request, obj=None):
        return self.add_fieldsets if obj is None else self.fieldsets

    def get_readonly_fields(self, request, obj=None):
        return [] if obj is None else self.readonly_fields

    def get_inlines(self, request, obj):
        return [] if obj is None else self.inlines

    def get_form(self, request, obj=None, **kwargs):
        if obj is None:
            kwargs["form"] = self.add_form
        return super().get_form(request, obj, **kwargs)

    @admin.action(description=_("Send a password-reset e-mail"))
    def send_password_reset(self, request, queryset):
        """E-mail each selected person a link to choose a new password, at their own address
        and in their own language; the administrator never sets or sees a password."""
        sent = 0
        for person in queryset.filter(is_active=True):
            form = ResetPasswordForm(data={"email": person.email})
            if not form.is_valid():
                continue
            with translation.override(person.preferred_language):
                form.save(request)
            sent += 1
            log_event(
                "admin_password_reset_sent",
                request=request,
                user=request.user,
                model=person._meta.label_lower,
                object_id=person.pk,
            )
        self.message_user(
            request,
            ngettext(
                "A password-reset e-mail was sent to %(count)d person.",
                "A password-reset e-mail was sent to %(count)d people.",
                sent,
            )
            % {"count": sent},
            messages.SUCCESS,
        )


# allauth's e-mail addresses: kept, and every change is a security event too.
admin.site.unregister(EmailAddress)


@admin.register(EmailAddress)
class EmailAddressAdmin(SecurityLoggedAdmin, AllauthEmailAddressAdmin):
    def make_verified(self, request, queryset):
        for address in queryset.filter(verified=False):
            log_event(
                "admin_account_changed",
                request=request,
                user=request.user,
                model=address._meta.label_lower,
                object_id=address.pk,
                fields=["verified"],
            )
        return super().make_verified(request, queryset)

    make_verified.short_description = AllauthEmailAddressAdmin.make_verified.short_description


# The audit log, searched by the actor's name and address: auditlog's own admin searches
# first_name and last_name, which this user model does not have (a server error on every search).
admin.site.unregister(LogEntry)


@admin.register(LogEntry)
class LogEntryAdmin(AuditlogLogEntryAdmin):
    search_fields = ["timestamp", "object_repr", "changes", "actor__name", "actor__email"]


@admin.register(Term)
class TermAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ["person", "ordinal", "start", "end", "planned_end"]
    list_filter = ["ordinal"]
    date_hierarchy = "start"
    search_fields = ["person__name"]
    list_select_related = ["person"]


@admin.register(Office)
class OfficeAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ["person", "role", "start", "end"]
    list_filter = ["role"]
    search_fields = ["person__name"]
    list_select_related = ["person"]


@admin.register(BoardPosition)
class BoardPositionAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ["person", "kind", "start", "end"]
    list_filter = ["kind"]
    search_fields = ["person__name"]
    list_select_related = ["person"]


@admin.register(ConfidentialityDeclaration)
class ConfidentialityDeclarationAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ["person", "text", "signed_at"]
    list_filter = ["text"]
    search_fields = ["person__name"]
    list_select_related = ["person"]


@admin.register(DeclarationText)
class DeclarationTextAdmin(admin.ModelAdmin):
    """A new version may be added; a version someone signed is never changed or removed."""

    list_display = ["version", "in_force_from"]

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.signatures.exists():
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(CouncilRules)
class CouncilRulesAdmin(admin.ModelAdmin):
    """The numbers of the rules. Add a record from a date rather than rewriting history."""

    list_display = ["valid_from", "term_length_years", "max_terms", "max_seats", "min_members"]

    def has_delete_permission(self, request, obj=None):
        return False
