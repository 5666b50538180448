"""Background work of the signals app, on the database task queue. Thin wrappers around services."""

from django_tasks import task

from . import notify, scheduling, services


@task()
def sweep_stagnation() -> dict:
    """The daily sweep: first queue tomorrow's (so a failing sweep still has a next run), then sweep."""
    scheduling.ensure_sweep_scheduled()
    return services.stagnation_sweep().as_dict()


@task()
def notify_signals(signal_ids: list[int]) -> int:
    """Mail the recipients of new signals: the case reference and the kind, never child data."""
    return notify.signals_notify(signal_ids=signal_ids)
