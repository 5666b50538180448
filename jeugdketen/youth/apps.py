from django.apps import AppConfig


class YouthConfig(AppConfig):
    name = "jeugdketen.youth"
    label = "youth"
