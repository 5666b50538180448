"""On PostgreSQL the database itself refuses UPDATE and DELETE on the access log, so not even
raw SQL or a bug can rewrite history (NEN 7513: the log is append-only). TRUNCATE is left to the
owner for test-database teardown; production roles should not hold it."""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION auditlog_refuse_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'access log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER auditlog_append_only
    BEFORE UPDATE OR DELETE ON auditlog_accesslogentry
    FOR EACH ROW EXECUTE FUNCTION auditlog_refuse_change();
"""

DROP = """
DROP TRIGGER IF EXISTS auditlog_append_only ON auditlog_accesslogentry;
DROP FUNCTION IF EXISTS auditlog_refuse_change();
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE, params=None)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP, params=None)


class Migration(migrations.Migration):
    dependencies = [("auditlog", "0001_initial")]
    operations = [migrations.RunPython(forwards, backwards)]
