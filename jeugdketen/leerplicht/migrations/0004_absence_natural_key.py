"""The absence table with its natural key as primary key and without database foreign keys
(``models.Absence``). Django cannot turn an existing table's primary key into a composite one, so
the rows move to a new table, which then takes the old one's name."""

import django.db.models.deletion
from django.db import migrations, models


def _fields():
    return [
        (
            "pk",
            models.CompositePrimaryKey(
                "youth_id", "school_id", "day", "kind", blank=True, editable=False, primary_key=True, serialize=False
            ),
        ),
        ("day", models.DateField(verbose_name="datum")),
        (
            "kind",
            models.CharField(
                choices=[
                    ("ongeoorloofd", "Ongeoorloofd"),
                    ("te_laat", "Te laat"),
                    ("ziek", "Ziek"),
                    ("verlof", "Geoorloofd verlof"),
                    ("schorsing", "Schorsing"),
                ],
                max_length=12,
                verbose_name="soort",
            ),
        ),
        ("hours", models.DecimalField(decimal_places=2, max_digits=4, verbose_name="lesuren")),
        (
            "delivery",
            models.ForeignKey(
                db_constraint=False,
                db_index=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="leerplicht.delivery",
            ),
        ),
        (
            "school",
            models.ForeignKey(
                db_constraint=False,
                db_index=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="organisations.organisation",
            ),
        ),
        (
            "youth",
            models.ForeignKey(
                db_constraint=False,
                db_index=False,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="youth.youth",
            ),
        ),
    ]


COLUMNS = "youth_id, school_id, day, kind, hours, delivery_id"


class Migration(migrations.Migration):
    dependencies = [
        ("leerplicht", "0003_mazl_jeugdarts"),
        ("organisations", "0003_municipality_holiday_region"),
        ("youth", "0001_initial"),
    ]

    operations = [
        migrations.CreateModel(
            name="AbsenceByKey",
            fields=_fields(),
            options={"verbose_name": "verzuim", "verbose_name_plural": "verzuim", "ordering": ["-day"]},
        ),
        migrations.RunSQL(
            f"INSERT INTO leerplicht_absencebykey ({COLUMNS}) SELECT {COLUMNS} FROM leerplicht_absence",
            f"INSERT INTO leerplicht_absence ({COLUMNS}) SELECT {COLUMNS} FROM leerplicht_absencebykey",
        ),
        migrations.DeleteModel(name="Absence"),
        migrations.RenameModel(old_name="AbsenceByKey", new_name="Absence"),
        migrations.AlterField(
            model_name="absence",
            name="delivery",
            field=models.ForeignKey(
                db_constraint=False,
                db_index=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="absences",
                to="leerplicht.delivery",
            ),
        ),
        migrations.AlterField(
            model_name="absence",
            name="school",
            field=models.ForeignKey(
                db_constraint=False,
                db_index=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="absences",
                to="organisations.organisation",
            ),
        ),
        migrations.AlterField(
            model_name="absence",
            name="youth",
            field=models.ForeignKey(
                db_constraint=False,
                db_index=False,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="absences",
                to="youth.youth",
            ),
        ),
        migrations.AddConstraint(
            model_name="absence",
            constraint=models.CheckConstraint(
                condition=models.Q(("hours__gt", 0), ("hours__lte", 24)),
                name="absence_hours_positive",
                violation_error_message="Het aantal lesuren ligt tussen 0 en 24.",
            ),
        ),
    ]
