"""An entry in the access log cannot be changed or deleted: not through the model, the queryset,
the admin, nor (on PostgreSQL) plain SQL."""

import pytest
from django.db import connection, transaction
from django.db.utils import DatabaseError

from jeugdketen.auditlog.models import AccessLogEntry, AppendOnlyError
from jeugdketen.auditlog.services import CLI, Event, log_access
from tests.factories import UserFactory, YouthFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def entry():
    return log_access(
        user=UserFactory(), youth=YouthFactory(), event=Event.READ, grant=None, object_type="dossier", access_point=CLI
    )


def test_saving_an_existing_entry_is_refused(entry):
    entry.description = "herschreven"
    with pytest.raises(AppendOnlyError):
        entry.save()
    assert AccessLogEntry.objects.get(pk=entry.pk).description == ""


def test_deleting_an_entry_is_refused(entry):
    with pytest.raises(AppendOnlyError):
        entry.delete()
    with pytest.raises(AppendOnlyError):
        AccessLogEntry.objects.filter(pk=entry.pk).delete()
    with pytest.raises(AppendOnlyError):
        AccessLogEntry.objects.filter(pk=entry.pk).update(description="weg")
    assert AccessLogEntry.objects.filter(pk=entry.pk).exists()


def test_admin_shows_entries_but_offers_no_change_or_delete(client, entry):
    admin = UserFactory(username="beheerder", is_staff=True, is_superuser=True)
    client.force_login(admin)
    assert client.get("/beheer/auditlog/accesslogentry/").status_code == 200
    page = client.get(f"/beheer/auditlog/accesslogentry/{entry.pk}/change/")
    assert page.status_code == 200
    assert b'name="_save"' not in page.content
    assert client.get(f"/beheer/auditlog/accesslogentry/{entry.pk}/delete/").status_code == 403
    assert client.get("/beheer/auditlog/accesslogentry/add/").status_code == 403
    response = client.post(
        "/beheer/auditlog/accesslogentry/", {"action": "delete_selected", "_selected_action": [entry.pk]}
    )
    assert response.status_code in (200, 302)
    assert AccessLogEntry.objects.filter(pk=entry.pk).exists()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the database trigger exists on PostgreSQL only")
def test_postgresql_refuses_update_and_delete_in_plain_sql(entry):
    for sql in (
        "UPDATE auditlog_accesslogentry SET description = 'x' WHERE id = %s",
        "DELETE FROM auditlog_accesslogentry WHERE id = %s",
    ):
        with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql, [entry.pk])
    assert AccessLogEntry.objects.filter(pk=entry.pk, description="").exists()
