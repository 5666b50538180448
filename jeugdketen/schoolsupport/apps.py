from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SchoolSupportConfig(AppConfig):
    name = "jeugdketen.schoolsupport"
    label = "schoolsupport"
    verbose_name = _("Ondersteuning op school en passend onderwijs")
