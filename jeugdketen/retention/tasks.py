"""The daily removal of what expired, on the database task queue."""

from django_tasks import task

from jeugdketen.auditlog.services import AccessPoint, Channel


@task()
def purge_expired_records() -> int:
    from .services import purge_expired

    return purge_expired(access_point=AccessPoint(Channel.TASK))
