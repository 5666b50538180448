"""Absence delivered by a school: the Dutch report with line numbers for every malformed row,
nothing stored on a failing import, the same file twice stored once, and the meldingen found."""

import time
from contextlib import nullcontext
from datetime import date
from decimal import Decimal
from unittest.mock import patch

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import ProtectedError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jeugdketen.access.exceptions import NotAllowed, NotFoundOrForbidden
from jeugdketen.auditlog.models import AccessLogEntry
from jeugdketen.auditlog.services import CLI
from jeugdketen.leerplicht import csvfiles, services
from jeugdketen.leerplicht.csvfiles import MAX_PROBLEMS_LISTED, ImportRefused
from jeugdketen.leerplicht.models import Absence, Delivery, Melding
from jeugdketen.youth.models import Youth
from tests.factories import EnrolmentFactory, SchoolFactory, YouthFactory, professional

from .conftest import TODAY, bsn, pupil

pytestmark = pytest.mark.django_db


def csv(*lines: str, header: str = "bsn;datum;soort;lesuren") -> bytes:
    return "\n".join([header, *lines]).encode()


def deliver(ib, data: bytes, **kwargs):
    return services.absence_import(
        actor=ib.user, data=data, filename="verzuim.csv", access_point=CLI, today=TODAY, **kwargs
    )


def refused(ib, data: bytes) -> list[str]:
    with pytest.raises(ImportRefused) as error:
        deliver(ib, data)
    assert Absence.objects.count() == 0 and Delivery.objects.count() == 0  # nothing stored
    return error.value.report.lines()


FOUR_DAYS = [f"{bsn(1)};{day}-11-2026;ongeoorloofd;4" for day in (9, 10, 11, 12)]


def test_16_hours_become_a_melding_with_its_term(ib, school):
    youth = pupil(school, 1)
    result = deliver(ib, csv(*FOUR_DAYS))
    assert (result.delivery.rows, result.delivery.created, result.meldingen) == (4, 4, 1)
    melding = Melding.objects.get()
    assert (melding.youth, melding.kind, melding.reached_on) == (youth, Melding.Kind.RELATIEF, date(2026, 11, 12))
    assert melding.hours == 16 and melding.status == Melding.Status.FOUND
    assert melding.due_on == date(2026, 11, 19)  # Thursday + 5 working days
    logged = AccessLogEntry.objects.filter(youth=youth).values_list("event", "categories", "ground")
    assert ("update", ["leerplicht"], "school") in logged and ("create", ["leerplicht"], "school") in logged


def test_15_hours_are_not(ib, school):
    pupil(school, 1)
    deliver(ib, csv(*FOUR_DAYS[:3], f"{bsn(1)};12-11-2026;ongeoorloofd;3"))
    assert not Melding.objects.exists()


def test_the_same_file_twice_is_stored_once(ib, school):
    pupil(school, 1)
    data = csv(*FOUR_DAYS)
    deliver(ib, data)
    again = deliver(ib, data).delivery
    assert (again.created, again.updated, again.unchanged, again.findings) == (0, 0, 4, 0)
    assert Absence.objects.count() == 4 and Melding.objects.count() == 1
    assert Delivery.objects.filter(sha256=again.sha256).count() == 2


def test_a_correction_replaces_the_hours_and_the_melding_lapses(ib, school):
    pupil(school, 1)
    deliver(ib, csv(*FOUR_DAYS))
    result = deliver(ib, csv(f"{bsn(1)};12-11-2026;ongeoorloofd;1")).delivery
    assert (result.created, result.updated) == (0, 1)
    assert Absence.objects.get(day=date(2026, 11, 12)).hours == Decimal(1)
    assert Melding.objects.get().status == Melding.Status.LAPSED
    deliver(ib, csv(f"{bsn(1)};12-11-2026;ongeoorloofd;4"))  # and back: found again
    assert Melding.objects.get().status == Melding.Status.FOUND


def test_malformed_rows_give_a_dutch_report_with_line_numbers(ib, school):
    pupil(school, 1)
    lines = refused(
        ib,
        csv(
            f"{bsn(1)};31-02-2026;ongeoorloofd;2",  # line 2: no such date
            f"{bsn(999)};10-11-2026;ongeoorloofd;2",  # line 3: unknown pupil
            f"{bsn(1)};10-11-2026;ongeoorloofd;-2",  # line 4: negative hours
            f"{bsn(1)};11-11-2026;spijbelen;2",  # line 5: no such kind
            f"{bsn(1)};12-11-2026;ziek;2",  # line 6
            f"{bsn(1)};12-11-2026;ziek;3",  # line 7: duplicate of 6
            f"{bsn(1)};14-11-2026;ongeoorloofd;2",  # line 8: a Saturday
            f"{bsn(1)};04-11-2026;ongeoorloofd;2",  # line 9: the studiedag
            "123456789;10-11-2026;ziek;1",  # line 10: not a BSN
            f"{bsn(1)};23-11-2026;ziek;1",  # line 11: after today
        ),
    )
    assert lines == [
        "Regel 2, kolom 'datum': '31-02-2026' is geen geldige datum (gebruik dd-mm-jjjj).",
        "Regel 4, kolom 'lesuren': het aantal lesuren kan niet negatief zijn (-2).",
        "Regel 5, kolom 'soort': 'spijbelen' is geen soort verzuim; kies uit: geoorloofd, ongeoorloofd, schorsing, te laat, telaat, verlof, ziek.",
        "Regel 10, kolom 'bsn': '123456789' is geen geldig BSN (9 cijfers, elfproef).",
        f"Regel 3, kolom 'bsn': geen leerling van OBS De Vecht met BSN {bsn(999)}.",
        "Regel 7: dubbel: dezelfde leerling, datum en soort als regel 6.",
        "Regel 8, kolom 'datum': zaterdag 14 november 2026 is geen schooldag (weekend, vakantie of vrije dag).",
        "Regel 9, kolom 'datum': woensdag 4 november 2026 is geen schooldag (weekend, vakantie of vrije dag).",
        "Regel 11, kolom 'datum': 23-11-2026 ligt in de toekomst.",
    ]


def test_a_pupil_not_enrolled_on_the_day(ib, school):
    youth = pupil(school, 1)
    youth.enrolments.update(end=date(2026, 11, 10))
    lines = refused(ib, csv(f"{bsn(1)};10-11-2026;ziek;2"))
    assert lines == [
        f"Regel 2, kolom 'datum': de leerling met BSN {bsn(1)} stond op 10-11-2026 niet ingeschreven op OBS De Vecht."
    ]


def test_another_schools_pupil_is_unknown_here(ib, school):
    pupil(SchoolFactory(), 1)
    assert refused(ib, csv(FOUR_DAYS[0]))[0].startswith("Regel 2, kolom 'bsn': geen leerling van OBS De Vecht")


def test_wrong_encoding(ib, school):
    pupil(school, 1)
    data = b"bsn;datum;soort;lesuren\n" + f"{bsn(1)};10-11-2026;ongeoorloofd;2\n".encode()
    data += "# opmerking: Zoë\n".encode("cp1252")
    lines = refused(ib, data)
    assert lines[0].startswith("Regel 3: het bestand is niet in UTF-8 opgeslagen")
    assert refused(ib, "bsn;datum".encode("utf-16")) == [
        "Het bestand is in UTF-16 opgeslagen. Sla het op als 'CSV UTF-8'."
    ]


def test_a_file_of_0_rows(ib, school):
    assert refused(ib, b"") == ["Het bestand is leeg: er staat geen kopregel en geen verzuim in."]
    assert refused(ib, csv()) == ["Het bestand bevat alleen een kopregel: er staan geen gegevens in."]
    assert refused(ib, b"bsn;datum;lesuren\n1;2;3") == ["Regel 1: de kolom 'soort' ontbreekt in de kopregel."]


def test_excel_files_with_bom_comma_and_decimal_comma(ib, school):
    pupil(school, 1)
    data = "\ufeffBSN,Datum,Soort,Lesuren\n".encode() + f'{bsn(1)},2026-11-10,Te laat,"0,5"\n'.encode()
    result = deliver(ib, data)
    assert result.delivery.created == 1
    assert Absence.objects.get().hours == Decimal("0.5") and Absence.objects.get().kind == "te_laat"


def test_a_file_of_a_million_rows_with_one_bad_line_stores_nothing(ib, school):
    pupil(school, 1)
    good = f"{bsn(1)};10-11-2026;ziek;1\n".encode()
    data = b"bsn;datum;soort;lesuren\n" + good + f"{bsn(1)};11-11-2026;ziek;1\n".encode() * 999_998
    data += f"{bsn(1)};12-11-2026;ziek;-1\n".encode()
    started = time.perf_counter()
    lines = refused(ib, data)
    assert lines[:2] == [
        "Regel 1000001, kolom 'lesuren': het aantal lesuren kan niet negatief zijn (-1).",
        "Regel 4: dubbel: dezelfde leerling, datum en soort als regel 3.",
    ]
    assert len(lines) == MAX_PROBLEMS_LISTED + 1
    assert lines[-1] == f"En nog {999_998 - MAX_PROBLEMS_LISTED} andere problemen."
    print(f"a million rows refused in {time.perf_counter() - started:.1f} s")


def test_only_the_ib_or_schoolleider_delivers(school, consulent):
    teacher = professional("leerkracht", organisation=school)
    with pytest.raises(NotAllowed):
        deliver(teacher, csv(*FOUR_DAYS))
    with pytest.raises(NotFoundOrForbidden):
        deliver(consulent, csv(*FOUR_DAYS))
    pupil(school, 1)
    assert deliver(professional("schoolleider", organisation=school), csv(*FOUR_DAYS)).meldingen == 1


def test_api_rows(ib, school):
    pupil(school, 1)
    rows = [dict(bsn=bsn(1), datum=f"2026-11-{day:02d}", soort="ongeoorloofd", lesuren="4") for day in (9, 10, 11, 12)]
    assert services.absence_rows_import(actor=ib.user, rows=rows, access_point=CLI, today=TODAY).meldingen == 1
    with pytest.raises(ImportRefused) as error:
        services.absence_rows_import(actor=ib.user, rows=[{**rows[0], "lesuren": "x"}], access_point=CLI, today=TODAY)
    assert error.value.report.lines() == ["Regel 1, kolom 'lesuren': 'x' is geen aantal lesuren."]


def test_mazl_and_luxe_verzuim_are_found(ib, school):
    pupil(school, 1)
    pupil(school, 2)
    sick = [f"{bsn(1)};{d}-11-2026;ziek;6" for d in ("05", "06", "09", "10", "11", "12", "13")]
    before_holiday = [f"{bsn(2)};{d}-10-2026;ongeoorloofd;6" for d in ("08", "09")]
    deliver(ib, csv(*sick, *before_holiday))
    kinds = dict(Melding.objects.values_list("youth__bsn", "kind"))
    assert kinds == {bsn(1): Melding.Kind.MAZL_LONG, bsn(2): Melding.Kind.LUXE}


def test_a_melding_is_sent_once_by_its_own_school(ib, school):
    pupil(school, 1)
    deliver(ib, csv(*FOUR_DAYS))
    melding = Melding.objects.get()
    with pytest.raises(ValidationError) as error:
        services.melding_send(actor=ib.user, melding=melding, note="x" * 5001, access_point=CLI)
    assert error.value.message_dict == {"note": ["De toelichting is te lang (hoogstens 5000 tekens)."]}
    with pytest.raises(NotFoundOrForbidden):
        other = professional("intern_begeleider", organisation=SchoolFactory())
        services.melding_send(actor=other.user, melding=melding, access_point=CLI)
    services.melding_send(actor=ib.user, melding=melding, note="Ouders gebeld.", access_point=CLI)
    with pytest.raises(ValidationError) as error:
        services.melding_send(actor=ib.user, melding=melding, access_point=CLI)
    assert error.value.message_dict == {"status": ["Deze melding is al gemeld."]}
    melding.refresh_from_db()
    assert (melding.status, melding.school_note) == (Melding.Status.SENT, "Ouders gebeld.")


# --- the quick check and the line-by-line check ----------------------------------------------------


def test_a_file_the_quick_check_cannot_read_is_read_line_by_line(ib, school):
    """An empty line, quoted values or a pupil enrolled during the file's period: stored all the
    same, with the same counts."""
    youth = pupil(school, 1)
    late = YouthFactory(bsn=bsn(2))
    EnrolmentFactory(youth=late, school=school, start=date(2026, 11, 11))
    data = csv(FOUR_DAYS[0], "", f'"{bsn(1)}";10-11-2026;"ongeoorloofd";4', f"{bsn(2)};12-11-2026;ziek;6")
    result = deliver(ib, data)
    assert (result.delivery.rows, result.delivery.created) == (3, 3)
    assert set(Absence.objects.values_list("youth_id", "day")) == {
        (youth.pk, date(2026, 11, 9)),
        (youth.pk, date(2026, 11, 10)),
        (late.pk, date(2026, 11, 12)),
    }


def test_a_line_twice_is_reported_by_the_line_by_line_check(ib, school):
    pupil(school, 1)
    lines = refused(ib, csv(*FOUR_DAYS, FOUR_DAYS[1]))
    assert lines == ["Regel 6: dubbel: dezelfde leerling, datum en soort als regel 3."]
    # also when the line is already stored from an earlier delivery
    deliver(ib, csv(*FOUR_DAYS))
    with pytest.raises(ImportRefused):
        deliver(ib, csv(FOUR_DAYS[0], FOUR_DAYS[0]))
    assert Absence.objects.count() == 4


SCHOOL_DAYS = [f"{day:02d}-11-2026" for day in (9, 10, 11, 12, 13, 16, 17, 18, 19, 20)]


def _outcome(ib, data: bytes, *, quick: bool):
    """What delivering ``data`` leads to, undone afterwards: the rows stored, the delivery's counts
    and the meldingen; or the report of a refusal."""
    with transaction.atomic():
        with patch.object(services, "_quick_check", side_effect=services._Unchecked) if not quick else nullcontext():
            try:
                result = deliver(ib, data)
            except ImportRefused as error:
                outcome = ("refused", error.report.lines())
            else:
                d = result.delivery
                outcome = (
                    "stored",
                    (d.rows, d.created, d.updated, d.unchanged, d.findings),
                    sorted(Absence.objects.values_list("youth__bsn", "day", "kind", "hours")),
                    sorted(Melding.objects.values_list("youth__bsn", "kind", "reached_on", "hours", "status")),
                )
        transaction.set_rollback(True)
    return outcome


line = st.tuples(
    st.sampled_from([bsn(1), bsn(1), bsn(2), bsn(3), bsn(9), "12345678", ""]),
    st.sampled_from([*SCHOOL_DAYS, *SCHOOL_DAYS, "04-11-2026", "14-11-2026", "27-11-2026", "31-11-2026", "2026-11-12"]),
    st.sampled_from(["ongeoorloofd", "ongeoorloofd", "te laat", "ziek", "Verlof", "schorsing", "spijbelen"]),
    st.sampled_from(["4", "4", "5", "2,5", "0.75", "6", "0", "-1", "13", "1,125", "veel"]),
).map(";".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(earlier=st.lists(line, max_size=6), lines=st.lists(line, min_size=1, max_size=14))
def test_the_quick_check_agrees_with_the_line_by_line_check(ib, school, earlier, lines):
    """Any file, on top of any earlier delivery: the quick check stores exactly what the check line
    by line stores, or leaves the refusal to it."""
    if not Youth.objects.exists():
        pupil(school, 1)
        pupil(school, 2, date_of_birth=date(2010, 1, 5))
        EnrolmentFactory(youth=YouthFactory(bsn=bsn(3)), school=school, start=date(2026, 11, 11))
    with transaction.atomic():
        try:
            deliver(ib, csv(*earlier))
        except ImportRefused:
            pass
        data = csv(*lines)
        assert _outcome(ib, data, quick=True) == _outcome(ib, data, quick=False)
        transaction.set_rollback(True)


def test_columns_of_a_plain_file():
    text = "BSN;Datum;Soort;Lesuren;Klas\r\n123;09-11-2026;ziek;6;3a\r\n456;10-11-2026;te laat;0,5;3b\r\n"
    bsns, days, kinds, hours = csvfiles.columns(text, services.ABSENCE_COLUMNS)
    assert (bsns, days, kinds) == (["123", "456"], ["09-11-2026", "10-11-2026"], ["ziek", "te laat"])
    assert [h.strip() for h in hours] == ["6", "0,5"]  # the values as they are; the checks strip them
    assert csvfiles.columns("lesuren,soort,datum,bsn\n1,ziek,09-11-2026,123\n", services.ABSENCE_COLUMNS) == (
        ["123"],
        ["09-11-2026"],
        ["ziek"],
        ["1"],
    )


@pytest.mark.parametrize(
    "text",
    [
        "bsn;datum;soort;lesuren\n",  # no data lines
        "bsn;datum;soort;lesuren\n1;2;3;4\n\n5;6;7;8\n",  # an empty line
        "bsn;datum;soort;lesuren\n1;2;3\n",  # a value short
        "bsn;datum;soort;lesuren\n1;2;3;4;5\n",  # a value more than the header
        'bsn;datum;soort;lesuren\n"1";2;3;4\n',  # quoting
    ],
)
def test_columns_leaves_what_is_not_a_plain_table_to_the_line_by_line_reading(text):
    assert csvfiles.columns(text, services.ABSENCE_COLUMNS) is None


def test_a_youths_absence_goes_with_the_youth_and_a_school_with_absence_stays(ib, school):
    youth = pupil(school, 1)
    pupil(school, 2)
    deliver(ib, csv(*FOUR_DAYS, f"{bsn(2)};09-11-2026;ziek;6"))
    with pytest.raises(ProtectedError):
        school.delete()
    youth.delete()
    assert list(Absence.objects.values_list("youth__bsn", flat=True)) == [bsn(2)]
