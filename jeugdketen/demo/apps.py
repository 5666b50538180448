from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "jeugdketen.demo"
    label = "demo"
