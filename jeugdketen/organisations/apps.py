from django.apps import AppConfig


class OrganisationsConfig(AppConfig):
    name = "jeugdketen.organisations"
    label = "organisations"
