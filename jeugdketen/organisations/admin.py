from django.contrib import admin

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
