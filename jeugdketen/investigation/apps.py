from django.apps import AppConfig


class InvestigationConfig(AppConfig):
    name = "jeugdketen.investigation"
    label = "investigation"
    verbose_name = "Onderzoek jeugdconsulent"
