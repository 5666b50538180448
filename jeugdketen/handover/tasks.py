"""Background work of the handover: thin wrappers around services."""

from django_tasks import task


@task()
def notify_parents(handover_id: int) -> int:
    """Tell the parents that the onderwijskundig rapport is ready to read."""
    from .services import parents_notify

    return parents_notify(handover_id=handover_id)
