from django.apps import AppConfig
from django.db.models.signals import post_migrate


class SignalsConfig(AppConfig):
    name = "jeugdketen.signals"
    label = "signals"
    verbose_name = "Signalen bij stagnatie"

    def ready(self) -> None:
        from .scheduling import schedule_after_migrate

        # After every migrate the daily sweep is queued if it is not (see scheduling.py).
        post_migrate.connect(schedule_after_migrate, sender=self, dispatch_uid="signals.schedule_sweep")
