from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "jeugdketen.accounts"
    label = "accounts"
