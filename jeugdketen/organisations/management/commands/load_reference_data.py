from django.core.management.base import BaseCommand

from jeugdketen.organisations.services import load_reference_data


class Command(BaseCommand):
    help = "Load or refresh the functions and the 'Wie doet wat' task descriptions (idempotent)."

    def handle(self, *args, **options):
        counts = load_reference_data()
        self.stdout.write(
            f"{counts['functions']} functions, {counts['role_descriptions']} role descriptions, {counts['tasks']} tasks"
        )
