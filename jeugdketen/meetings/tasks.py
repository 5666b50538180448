"""Background work of the meetings app, on the database task queue."""

from django_tasks import task

from . import services


@task()
def send_feedback_notices(meeting_id: int) -> int:
    """E-mail the notices of a closed meeting's terugkoppeling (no child data in them)."""
    return services.feedback_notices_send(meeting_id=meeting_id)
