from django.core.management.base import BaseCommand

from jeugdketen.dashboards.compute import compute_all


class Command(BaseCommand):
    help = "Recompute the figures of every dashboard (the worker does this every night)."

    def handle(self, *args, **options):
        count = compute_all()
        self.stdout.write(f"Dashboards berekend: {count} scopes.")
