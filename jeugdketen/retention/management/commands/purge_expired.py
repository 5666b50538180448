from django.core.management.base import BaseCommand

from jeugdketen.auditlog.services import CLI
from jeugdketen.retention.services import purge_expired
from jeugdketen.retention.tasks import ensure_purge_scheduled


class Command(BaseCommand):
    help = "Remove closed cases whose retention period (Jeugdwet art. 7.3.8: 20 years) has ended, and log it."

    def handle(self, *args, **options):
        removed = purge_expired(access_point=CLI)
        self.stdout.write(f"{removed} cases removed.")
        if ensure_purge_scheduled():
            self.stdout.write("The daily purge is queued on the task worker.")
