"""Background work of the beleidssignalen: thin wrappers around services."""

from django_tasks import task


@task()
def notify_answered(signal_ids: list[int]) -> int:
    """Tell each professional that their beleidssignaal was answered."""
    from .services import answered_notify

    return answered_notify(signal_ids=signal_ids)
