"""Run the stagnation sweep now, and make sure the worker's daily sweep is queued."""

from datetime import date

from django.core.management.base import BaseCommand, CommandError

from jeugdketen.signals import scheduling, services


class Command(BaseCommand):
    help = "Signaleer stagnatie in de plannen van aanpak nu, en zet de dagelijkse controle in de wachtrij."

    def add_arguments(self, parser):
        parser.add_argument("--today", help="Doe alsof het deze datum is (JJJJ-MM-DD); voor tests en de demo.")
        parser.add_argument(
            "--schedule-only", action="store_true", help="Alleen de dagelijkse controle in de wachtrij zetten."
        )

    def handle(self, *args, today=None, schedule_only=False, **options):
        if not schedule_only:
            try:
                day = date.fromisoformat(today) if today else None
            except ValueError as exc:
                raise CommandError(f"--today: {exc}") from exc
            result = services.stagnation_sweep(today=day)
            self.stdout.write(
                f"{result.today}: {result.total_raised} nieuwe signalen {result.raised}, "
                f"{result.total_resolved} opgelost {result.resolved}"
            )
        queued = scheduling.ensure_sweep_scheduled()
        when = scheduling.next_sweep_at()
        self.stdout.write(
            f"Dagelijkse controle in de wachtrij gezet ({when:%Y-%m-%d %H:%M})."
            if queued
            else "De dagelijkse controle stond al in de wachtrij."
        )
