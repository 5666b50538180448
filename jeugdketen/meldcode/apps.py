from django.apps import AppConfig


class MeldcodeConfig(AppConfig):
    name = "jeugdketen.meldcode"
    label = "meldcode"
    verbose_name = "Meldcode huiselijk geweld en kindermishandeling"
