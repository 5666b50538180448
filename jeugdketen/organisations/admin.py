from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils import timezone

from jeugdketen.access.exceptions import NotAllowed
from jeugdketen.auditlog.services import AccessPoint, Channel

from . import services
from .models import Function, Municipality, Organisation, Professional, RoleDescription, Task


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ["name", "cbs_code"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "sector", "brin", "municipality", "city"]
    list_filter = ["kind", "sector", "municipality"]
    search_fields = ["name", "brin", "city"]


@admin.register(Professional)
class ProfessionalAdmin(admin.ModelAdmin):
    list_display = ["__str__", "organisation", "job_title", "phone", "email"]
    list_filter = ["organisation", "functions"]
    search_fields = ["user__first_name", "user__last_name", "user__username", "organisation__name"]
    filter_horizontal = ["functions"]
    autocomplete_fields = ["user", "organisation"]
    # Leaving goes through the service, so the involvements end with it (and are logged).
    readonly_fields = ["left_on"]
    actions = ["leave_today"]

    @admin.action(description="Vertrek per vandaag vastleggen (betrokkenheden eindigen)", permissions=["change"])
    def leave_today(self, request, queryset):
        for professional in queryset.select_related("user"):
            try:
                ended = services.professional_leave(
                    actor=request.user,
                    professional=professional,
                    left_on=timezone.localdate(),
                    access_point=AccessPoint.from_request(request, Channel.ADMIN),
                )
            except ValidationError as exc:
                self.message_user(request, f"{professional}: {' '.join(exc.messages)}", messages.ERROR)
            except NotAllowed as exc:
                self.message_user(request, f"{professional}: {exc.message}", messages.ERROR)
            else:
                self.message_user(request, f"{professional}: vertrek vastgelegd, {ended} betrokkenheden beëindigd.")


@admin.register(Function)
class FunctionAdmin(admin.ModelAdmin):
    list_display = ["name", "code"]
    readonly_fields = ["code"]


class TaskInline(admin.TabularInline):
    model = Task
    extra = 0


@admin.register(RoleDescription)
class RoleDescriptionAdmin(admin.ModelAdmin):
    list_display = ["title", "source", "section"]
    inlines = [TaskInline]
