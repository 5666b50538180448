from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SocialMapConfig(AppConfig):
    name = "jeugdketen.socialmap"
    label = "socialmap"
    verbose_name = _("Sociale kaart")

    def ready(self) -> None:
        from jeugdketen.core import scheduling

        from .tasks import ensure_reminders_scheduled

        scheduling.connect_after_migrate(self, ensure_reminders_scheduled, what="sociale-kaart reminders")
