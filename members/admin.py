"""The technical administration. Terms, offices, positions and declarations change only through
members.services (which check the council's rules), so here they are read-only. It shows no
confidential content: no personal details beyond name and address, and no library documents."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

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


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    form = UserChangeForm
    add_form = UserCreationForm
    ordering = ["name", "email"]
    list_display = ["email", "name", "preferred_language", "is_active", "is_staff"]
    list_filter = ["is_active", "is_staff", "is_superuser", "preferred_language"]
    search_fields = ["email", "name"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        # Phone, neighbourhood, expertise and relation to WIJ (whether someone is a client) are
        # for the secretary and the person only: they keep them on the person's page.
        (_("Person"), {"fields": ["name", "preferred_language"]}),
        (_("Access"), {"fields": ["is_active", "is_staff", "is_superuser"]}),
        (_("Dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (None, {"classes": ["wide"], "fields": ["email", "name", "password1", "password2"]})
    ]
    readonly_fields = ["last_login", "date_joined"]
    inlines = [TermInline, OfficeInline, BoardPositionInline, DeclarationInline]


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
