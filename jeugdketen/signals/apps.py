from django.apps import AppConfig


class SignalsConfig(AppConfig):
    name = "jeugdketen.signals"
    label = "signals"
    verbose_name = "Signalen bij stagnatie"

    def ready(self) -> None:
        from jeugdketen.core.scheduling import connect_after_migrate

        from .scheduling import ensure_sweep_scheduled

        # After every migrate the daily sweep is queued if it is not (see core/scheduling.py).
        connect_after_migrate(self, ensure_sweep_scheduled, what="stagnation sweep")
