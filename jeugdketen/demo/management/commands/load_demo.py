from django.core.management.base import BaseCommand

from jeugdketen.demo.services import DEMO_PASSWORD, load_demo


class Command(BaseCommand):
    help = "Load the fictional demo municipality 'Dalfsen (demo)' (does nothing when it is already loaded)."

    def handle(self, *args, **options):
        counts = load_demo()
        if not counts:
            self.stdout.write("Demo municipality already loaded.")
            return
        self.stdout.write(
            "Demo loaded: "
            + ", ".join(f"{n} {k}" for k, n in counts.items())
            + f". Every demo login uses the password {DEMO_PASSWORD}."
        )
