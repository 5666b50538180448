from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "jeugdketen.cases"
    label = "cases"
