"""The leerplicht pages through HTTP: the school uploads absence and sends the melding, the
consulent receives it and sees the absolute verzuim list; a failing upload shows the report and
stores nothing; each page answers 404 to whoever has no relation, and logs what it shows."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from jeugdketen.auditlog.models import AccessLogEntry
from jeugdketen.leerplicht.models import Absence, Melding
from tests.factories import SchoolFactory, YouthFactory, professional

from .conftest import bsn, pupil

pytestmark = pytest.mark.django_db
OVERVIEW = reverse("leerplicht:overview")
FOUR_DAYS = "bsn;datum;soort;lesuren\n" + "".join(f"{bsn(1)};{d}-11-2026;ongeoorloofd;4\n" for d in (9, 10, 11, 12))
# Pinned: session, user, professional and its functions (twice: the menu and the page); the two lists,
# the leave requests and the deliveries; the pupils of the leave form; the access log's insert; the
# session save.
SCHOOL_PAGE_QUERIES = 13


def login(client, pro):
    client.force_login(pro.user)
    return client


def upload(client, url, prefix, content: str | bytes, name="verzuim.csv"):
    data = content.encode() if isinstance(content, str) else content
    return client.post(url, {f"{prefix}-file": SimpleUploadedFile(name, data, content_type="text/csv")})


def test_the_school_uploads_absence_and_sends_the_melding(client, ib, school, consulent):
    youth = pupil(school, 1)
    login(client, ib)
    response = upload(client, reverse("leerplicht:absence_upload"), "verzuim", FOUR_DAYS)
    assert response.status_code == 302
    page = client.get(OVERVIEW)
    text = page.content.decode()
    assert "Het bestand is ingelezen: 4 regels, 4 nieuw, 0 gewijzigd, 0 ongewijzigd. Nieuwe meldingen: 1." in text
    assert youth.full_name in text and "Relatief verzuim: 16 uur in 4 schoolweken" in text
    melding = Melding.objects.get()
    detail = client.get(reverse("leerplicht:melding", args=[melding.pk]))
    assert "Melding versturen" in detail.content.decode()
    assert "maandag 9 november 2026" in detail.content.decode()
    response = client.post(reverse("leerplicht:melding", args=[melding.pk]), {"note": "Ouders gebeld op 13 november."})
    assert response.status_code == 302
    melding.refresh_from_db()
    assert melding.status == Melding.Status.SENT and melding.sent_by == ib

    login(client, consulent)
    text = client.get(OVERVIEW).content.decode()
    assert "Ontvangen meldingen" in text and youth.full_name in text
    detail = client.get(reverse("leerplicht:melding", args=[melding.pk])).content.decode()
    assert "Ouders gebeld op 13 november." in detail and "Melding versturen" not in detail
    assert AccessLogEntry.objects.filter(youth=youth, event="read", user=consulent.user).exists()


def test_a_failing_upload_shows_the_report_and_stores_nothing(client, ib, school):
    pupil(school, 1)
    login(client, ib)
    response = upload(
        client, reverse("leerplicht:absence_upload"), "verzuim", FOUR_DAYS + f"{bsn(1)};31-02-2026;ziek;1\n"
    )
    assert response.status_code == 422
    text = response.content.decode()
    assert "Het bestand is niet ingelezen: er is niets opgeslagen" in text
    assert (
        "Regel 6, kolom &#x27;datum&#x27;: &#x27;31-02-2026&#x27; is geen geldige datum (gebruik dd-mm-jjjj)." in text
    )
    assert not Absence.objects.exists()


def test_an_upload_without_a_file_names_the_field(client, ib, school):
    login(client, ib)
    response = client.post(reverse("leerplicht:absence_upload"), {})
    assert response.status_code == 422
    assert "Bestand (CSV): Dit veld is vereist." in response.content.decode()


def test_a_teacher_sees_the_list_but_does_not_upload_or_send(client, ib, school):
    pupil(school, 1)
    login(client, ib)
    upload(client, reverse("leerplicht:absence_upload"), "verzuim", FOUR_DAYS)
    teacher = professional("leerkracht", organisation=school)
    login(client, teacher)
    text = client.get(OVERVIEW).content.decode()
    assert "Relatief verzuim" in text and "Verzuim inlezen" not in text
    melding = Melding.objects.get()
    assert "Melding versturen" not in client.get(reverse("leerplicht:melding", args=[melding.pk])).content.decode()
    assert client.post(reverse("leerplicht:melding", args=[melding.pk]), {"note": ""}).status_code == 403
    assert upload(client, reverse("leerplicht:absence_upload"), "verzuim", FOUR_DAYS).status_code == 403


def test_another_school_and_an_unsent_melding_for_the_consulent_are_404(client, ib, school, consulent):
    pupil(school, 1)
    login(client, ib)
    upload(client, reverse("leerplicht:absence_upload"), "verzuim", FOUR_DAYS)
    melding = Melding.objects.get()
    url = reverse("leerplicht:melding", args=[melding.pk])
    login(client, professional("intern_begeleider", organisation=SchoolFactory()))
    assert client.get(url).status_code == 404
    login(client, consulent)  # not sent yet: the school's own
    assert client.get(url).status_code == 404
    assert AccessLogEntry.objects.filter(youth=melding.youth, event="refused").count() == 2
    login(client, professional("jeugdconsulent", organisation=consulent.organisation))
    assert client.get(OVERVIEW).status_code == 404


def test_the_consulent_sees_absolute_verzuim_and_the_coming_four_year_olds(client, consulent):
    ten = YouthFactory(first_name="Daan", date_of_birth=date(2016, 5, 1))
    four = YouthFactory(first_name="Fenna", date_of_birth=date(2022, 1, 15))
    login(client, consulent)
    text = client.get(OVERVIEW).content.decode()
    assert "Daan Jansen" in text and "Fenna Jansen" in text
    assert "1 februari 2027" in text  # Fenna, 5 on 15 January: leerplichtig from Monday 1 February
    logged = set(AccessLogEntry.objects.filter(user=consulent.user, event="list").values_list("youth_id", flat=True))
    assert logged == {ten.pk, four.pk}


def test_the_consulent_imports_the_population_register(client, consulent):
    login(client, consulent)
    content = (
        "bsn;geslachtsnaam;voorvoegsel;voornamen;geboortedatum;geslacht;straat;huisnummer;postcode;woonplaats;datum_vestiging\n"
        f"{bsn(5)};Vries;de;Anna Maria;12-03-2015;V;Kerkstraat;4;7721 AB;Dalfsen;01-01-2020\n"
    )
    response = upload(client, reverse("leerplicht:population_upload"), "bevolking", content, "brp.csv")
    assert response.status_code == 302
    text = client.get(OVERVIEW).content.decode()
    assert "Anna de Vries" in text and "Kerkstraat 4, Dalfsen" in text


def test_the_school_page_takes_the_same_queries_for_1_or_10_meldingen(client, ib, school, django_assert_num_queries):
    login(client, ib)
    for n in (1, 10):
        lines = []
        for i in range(n):
            pupil(school, 100 * n + i)
            lines += [f"{bsn(100 * n + i)};{d}-11-2026;ongeoorloofd;4" for d in (9, 10, 11, 12)]
        upload(client, reverse("leerplicht:absence_upload"), "verzuim", "bsn;datum;soort;lesuren\n" + "\n".join(lines))
        client.get(OVERVIEW)  # the message is shown once
        with django_assert_num_queries(SCHOOL_PAGE_QUERIES):
            client.get(OVERVIEW)


def test_the_school_uploads_enrolments(client, ib, school):
    login(client, ib)
    content = (
        "bsn;achternaam;voorvoegsel;voornaam;geboortedatum;gemeentecode;groep;ingeschreven_vanaf\n"
        f"{bsn(7)};Vries;de;Sem;12-03-2016;0148;groep 5;20-08-2026\n"
    )
    response = upload(client, reverse("leerplicht:enrolment_upload"), "inschrijvingen", content, "inschrijvingen.csv")
    assert response.status_code == 302
    assert "1 regels, 1 nieuw, 0 gewijzigd, 0 ongewijzigd" in client.get(OVERVIEW).content.decode()
    assert school.enrolments.get().youth.full_name == "Sem de Vries"
    refused = upload(client, reverse("leerplicht:enrolment_upload"), "inschrijvingen", "bsn;groep\n1;2\n")
    assert refused.status_code == 422
    assert "Regel 1: de kolom &#x27;ingeschreven_vanaf&#x27; ontbreekt in de kopregel." in refused.content.decode()


def test_the_school_removes_a_row_delivered_by_mistake_and_the_melding_lapses(client, ib, school, consulent):
    youth = pupil(school, 1)
    login(client, ib)
    upload(client, reverse("leerplicht:absence_upload"), "verzuim", FOUR_DAYS)
    melding = Melding.objects.get()
    url = reverse("leerplicht:melding_absence_remove", args=[melding.pk])
    assert "Een regel verwijderen" in client.get(reverse("leerplicht:melding", args=[melding.pk])).content.decode()
    # without a reason: the page again, naming the field, nothing removed
    response = client.post(url, {"verwijderen-row": "2026-11-10|ongeoorloofd", "verwijderen-reason": ""})
    assert response.status_code == 422 and "Reden" in response.content.decode()
    assert Absence.objects.count() == 4
    response = client.post(
        url, {"verwijderen-row": "2026-11-10|ongeoorloofd", "verwijderen-reason": "Was die dag op schoolreis."}
    )
    assert response.status_code == 302
    assert not Absence.objects.filter(day=date(2026, 11, 10)).exists() and Absence.objects.count() == 3
    melding.refresh_from_db()
    assert melding.status == Melding.Status.LAPSED  # 12 hours left: the case is gone
    entry = AccessLogEntry.objects.get(youth=youth, event="delete")
    assert (entry.reason, entry.user_id, entry.categories) == ("Was die dag op schoolreis.", ib.user_id, ["leerplicht"])

    # the consulent reads a melding, but does not remove the school's registration
    other = pupil(school, 2)
    upload(client, reverse("leerplicht:absence_upload"), "verzuim", FOUR_DAYS.replace(bsn(1), bsn(2)))
    sent = Melding.objects.get(youth=other)
    client.post(reverse("leerplicht:melding", args=[sent.pk]), {"note": ""})
    login(client, consulent)
    assert "Een regel verwijderen" not in client.get(reverse("leerplicht:melding", args=[sent.pk])).content.decode()
    response = client.post(
        reverse("leerplicht:melding_absence_remove", args=[sent.pk]),
        {"verwijderen-row": "2026-11-10|ongeoorloofd", "verwijderen-reason": "Niet zo."},
    )
    assert response.status_code == 404 and Absence.objects.filter(youth=other).count() == 4


def test_a_teacher_may_not_remove_absence(client, ib, school):
    pupil(school, 1)
    login(client, ib)
    upload(client, reverse("leerplicht:absence_upload"), "verzuim", FOUR_DAYS)
    melding = Melding.objects.get()
    login(client, professional("leerkracht", organisation=school))
    response = client.post(
        reverse("leerplicht:melding_absence_remove", args=[melding.pk]),
        {"verwijderen-row": "2026-11-10|ongeoorloofd", "verwijderen-reason": "Vergissing."},
    )
    assert response.status_code == 403 and Absence.objects.count() == 4
