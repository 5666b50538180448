from django.apps import AppConfig


class RetentionConfig(AppConfig):
    name = "jeugdketen.retention"
    label = "retention"
    verbose_name = "Bewaartermijnen"
