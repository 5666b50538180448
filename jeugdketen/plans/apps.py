from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "jeugdketen.plans"
    label = "plans"
    verbose_name = "Plan van Aanpak"
