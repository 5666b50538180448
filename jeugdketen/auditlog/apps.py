from django.apps import AppConfig


class AuditlogConfig(AppConfig):
    name = "jeugdketen.auditlog"
    label = "auditlog"
