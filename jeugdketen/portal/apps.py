from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "jeugdketen.portal"
    label = "portal"
    verbose_name = "Portaal voor ouders en jeugdigen"
