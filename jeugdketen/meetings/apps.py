from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "jeugdketen.meetings"
    label = "meetings"
    verbose_name = "MDO en breed overleg"
