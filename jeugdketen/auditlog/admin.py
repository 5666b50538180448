from django.contrib import admin

from .models import AccessLogEntry


@admin.register(AccessLogEntry)
class AccessLogEntryAdmin(admin.ModelAdmin):
    """View only: the access log is append-only, also for superusers."""

    list_display = [
        "timestamp",
        "event",
        "user_name",
        "organisation_name",
        "function_name",
        "youth_id",
        "ground",
        "object_type",
        "channel",
    ]
    list_filter = ["event", "ground", "channel"]
    search_fields = ["user_name", "organisation_name", "=youth__id"]
    date_hierarchy = "timestamp"
    show_full_result_count = False

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
