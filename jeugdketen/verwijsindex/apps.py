from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VerwijsindexConfig(AppConfig):
    name = "jeugdketen.verwijsindex"
    label = "verwijsindex"
    verbose_name = _("Verwijsindex")

    def ready(self) -> None:
        from jeugdketen.core import scheduling

        from .tasks import ensure_expiry_scheduled

        scheduling.connect_after_migrate(self, ensure_expiry_scheduled, what="verwijsindex expiry")
