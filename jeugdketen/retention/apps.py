from django.apps import AppConfig


class RetentionConfig(AppConfig):
    name = "jeugdketen.retention"
    label = "retention"
    verbose_name = "Bewaartermijnen"

    def ready(self) -> None:
        from jeugdketen.core.scheduling import connect_after_migrate

        from .tasks import ensure_purge_scheduled

        # After every migrate the daily purge is queued if it is not (see core/scheduling.py).
        connect_after_migrate(self, ensure_purge_scheduled, what="retention purge")
