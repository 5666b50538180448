from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DashboardsConfig(AppConfig):
    name = "jeugdketen.dashboards"
    label = "dashboards"
    verbose_name = _("Stuurinformatie")

    def ready(self) -> None:
        from jeugdketen.core import scheduling

        from .tasks import ensure_daily_compute

        scheduling.connect_after_migrate(self, ensure_daily_compute, what="dashboard figures")
