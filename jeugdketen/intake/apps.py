from django.apps import AppConfig


class IntakeConfig(AppConfig):
    name = "jeugdketen.intake"
    label = "intake"
    verbose_name = "Toegang (Samen Doen)"
