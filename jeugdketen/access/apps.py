from django.apps import AppConfig


class AccessConfig(AppConfig):
    name = "jeugdketen.access"
    label = "access"
