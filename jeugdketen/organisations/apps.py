from django.apps import AppConfig


class OrganisationsConfig(AppConfig):
    name = "jeugdketen.organisations"
    label = "organisations"

    def ready(self) -> None:
        from jeugdketen.core.scheduling import connect_after_migrate

        from .tasks import ensure_departures_scheduled

        # After every migrate the daily closing of departed accounts is queued if it is not.
        connect_after_migrate(self, ensure_departures_scheduled, what="closing of departed accounts")
