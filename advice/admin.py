"""The technical administration shows the topics of advice only: dossiers, drafts, advice and
answers are council business (not for the administrator). The secretary keeps the topics on
the portal itself (advice:topics)."""

from django.contrib import admin

from advice.models import Topic


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["name", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["name"]

    def has_delete_permission(self, request, obj=None):
        # Dossiers keep their topic; a topic no longer used is marked "not in use".
        return False
