from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PolicySignalsConfig(AppConfig):
    name = "jeugdketen.policysignals"
    label = "policysignals"
    verbose_name = _("Beleidssignalen")
