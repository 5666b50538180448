from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "jeugdketen.core"
    label = "core"

    def ready(self):
        from . import lookups  # noqa: F401  (registers ``field__any``)
