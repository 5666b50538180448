from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SubjectRightsConfig(AppConfig):
    name = "jeugdketen.subjectrights"
    label = "subjectrights"
    verbose_name = _("Rechten van betrokkenen (AVG)")
