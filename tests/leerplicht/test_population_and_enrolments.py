"""The leerplicht administration around the absence: the consulent's population register import,
the schools' enrolments, the list of absolute verzuim and the vrijstellingen and startkwalificaties
that take a youth off it."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError

from jeugdketen.access.exceptions import NotAllowed, NotFoundOrForbidden
from jeugdketen.auditlog.models import AccessLogEntry
from jeugdketen.auditlog.services import CLI
from jeugdketen.leerplicht import law, selectors, services
from jeugdketen.leerplicht.csvfiles import ImportRefused
from jeugdketen.leerplicht.models import Delivery, Exemption, Resident, Startkwalificatie
from jeugdketen.youth.models import Enrolment, Youth
from tests.factories import EnrolmentFactory, MunicipalityFactory, OrganisationFactory, YouthFactory, professional

from .conftest import TODAY, bsn

pytestmark = pytest.mark.django_db

POPULATION = (
    "bsn;geslachtsnaam;voorvoegsel;voornamen;geboortedatum;geslacht;straat;huisnummer;postcode;woonplaats;"
    "datum_vestiging;datum_vertrek"
)
ENROLMENTS = "bsn;achternaam;voorvoegsel;voornaam;geboortedatum;gemeentecode;groep;ingeschreven_vanaf;uitgeschreven_per"
# What a school sends for a pupil the app does not know yet.
NEW_PUPIL = dict(achternaam="Smit", voornaam="Daan", geboortedatum="05-09-2015", gemeentecode="148")


def csv(header: str, *lines: str) -> bytes:
    return "\n".join([header, *lines]).encode()


def registered(n: int, **values: str) -> str:
    """A line of the population register extract for the youth with ``bsn(n)``."""
    row = dict(
        bsn=bsn(n),
        geslachtsnaam="Berg",
        voorvoegsel="van den",
        voornamen="Sanne Maria",
        geboortedatum="10-03-2016",
        geslacht="V",
        straat="Kerkstraat",
        huisnummer="12",
        postcode="7721 ab",
        woonplaats="Dalfsen",
        datum_vestiging="10-03-2016",
        datum_vertrek="",
    )
    return ";".join({**row, **values}.values())


def enrolled(n: int, **values: str) -> str:
    """A line of a school's enrolment file for the pupil with ``bsn(n)``."""
    row = dict(
        bsn=bsn(n),
        achternaam="",
        voorvoegsel="",
        voornaam="",
        geboortedatum="",
        gemeentecode="",
        groep="groep 7",
        ingeschreven_vanaf="20-08-2024",
        uitgeschreven_per="",
    )
    return ";".join({**row, **values}.values())


def import_population(consulent, *lines: str) -> Delivery:
    return services.population_import(
        actor=consulent.user, data=csv(POPULATION, *lines), filename="bevolking.csv", access_point=CLI, today=TODAY
    )


def import_enrolments(ib, *lines: str) -> Delivery:
    return services.enrolment_import(
        actor=ib.user, data=csv(ENROLMENTS, *lines), filename="inschrijvingen.csv", access_point=CLI, today=TODAY
    )


def refused(do, *args) -> list[str]:
    """The report of an import that must store nothing."""
    youths, enrolments, residents = Youth.objects.count(), Enrolment.objects.count(), Resident.objects.count()
    with pytest.raises(ImportRefused) as error:
        do(*args)
    assert (Youth.objects.count(), Enrolment.objects.count(), Resident.objects.count()) == (
        youths,
        enrolments,
        residents,
    )
    assert not Delivery.objects.exists()
    return error.value.report.lines()


def counts(delivery: Delivery) -> tuple[int, int, int]:
    return delivery.created, delivery.updated, delivery.unchanged


def zwolle():
    return MunicipalityFactory(cbs_code="0193", name="Zwolle")


# --- the population register -------------------------------------------------------------------


def test_the_population_import_adds_youths_with_their_address(consulent):
    delivery = import_population(consulent, registered(1), registered(2, voornamen="Tim", geslacht="m", voorvoegsel=""))
    assert (delivery.kind, delivery.organisation, delivery.rows) == (
        Delivery.Kind.POPULATION,
        consulent.organisation,
        2,
    )
    assert counts(delivery) == (2, 0, 0)
    youth = Youth.objects.get(bsn=bsn(1))
    assert (youth.first_name, youth.name_prefix, youth.last_name) == ("Sanne", "van den", "Berg")
    assert (youth.date_of_birth, youth.gender, youth.municipality.cbs_code) == (date(2016, 3, 10), "v", "0148")
    residence = Resident.objects.get(youth=youth)
    assert (residence.street, residence.postcode, residence.city) == ("Kerkstraat 12", "7721AB", "Dalfsen")
    assert (residence.since, residence.until, residence.delivery) == (date(2016, 3, 10), None, delivery)
    assert Youth.objects.get(bsn=bsn(2)).gender == "m"


def test_the_same_population_file_twice_changes_nothing(consulent):
    import_population(consulent, registered(1), registered(2))
    again = import_population(consulent, registered(1), registered(2))
    assert counts(again) == (0, 0, 2)
    assert (Youth.objects.count(), Resident.objects.count(), Delivery.objects.count()) == (2, 2, 2)


def test_a_known_youth_follows_the_register(consulent):
    """A youth a school delivered first takes the register's names; the address is added."""
    youth = YouthFactory(bsn=bsn(1), first_name="Sanna", last_name="Berg")
    delivery = import_population(consulent, registered(1))
    youth.refresh_from_db()
    assert counts(delivery) == (0, 1, 0)
    assert (youth.first_name, youth.name_prefix, youth.date_of_birth) == ("Sanne", "van den", date(2016, 3, 10))
    assert Resident.objects.get().youth == youth


def test_a_changed_address_updates_the_residence(consulent):
    import_population(consulent, registered(1), registered(2))
    delivery = import_population(consulent, registered(1, straat="Molenweg", huisnummer="3a"), registered(2))
    residence = Resident.objects.get(youth__bsn=bsn(1))
    assert (residence.street, residence.delivery) == ("Molenweg 3a", delivery)
    assert Resident.objects.count() == 2


def test_a_changed_address_counts_as_updated(consulent):
    """A file of two lines, one with a new address: one updated, one unchanged."""
    import_population(consulent, registered(1), registered(2))
    delivery = import_population(consulent, registered(1, straat="Molenweg"), registered(2))
    assert counts(delivery) == (0, 1, 1)


def test_a_departure_in_the_past_ends_the_residence(consulent):
    import_population(consulent, registered(1))
    import_population(consulent, registered(1, datum_vertrek="01-11-2026"))
    residence = Resident.objects.get()
    assert residence.until == date(2026, 11, 1)
    assert not Resident.objects.current(TODAY).exists()
    assert Youth.objects.get().municipality.cbs_code == "0148"  # until the new municipality's register says so
    assert listed() == ({}, {})  # but no longer Dalfsen's absolute verzuim


def test_malformed_population_rows_give_a_dutch_report_and_store_nothing(consulent):
    lines = refused(
        import_population,
        consulent,
        registered(1, geboortedatum="31-02-2016"),  # line 2
        registered(2, bsn="123456789"),  # line 3
        registered(3, straat=""),  # line 4
        registered(4, geslacht="Q"),  # line 5
        registered(5),  # line 6: fine
        registered(5, straat="Molenweg"),  # line 7: the same BSN and datum_vestiging
        registered(6, geboortedatum="01-01-2027"),  # line 8: not born yet
        registered(7, datum_vestiging="01-06-2020", datum_vertrek="01-05-2020"),  # line 9
        registered(8, datum_vestiging="2020-13-01"),  # line 10
    )
    assert lines == [
        "Regel 2, kolom 'geboortedatum': '31-02-2016' is geen geldige datum (gebruik dd-mm-jjjj).",
        "Regel 3, kolom 'bsn': '123456789' is geen geldig BSN (9 cijfers, elfproef).",
        "Regel 4, kolom 'straat': dit veld is leeg.",
        "Regel 5, kolom 'geslacht': 'Q' is geen geslacht (M, V of O).",
        "Regel 7: dubbel: hetzelfde BSN en dezelfde datum van vestiging als regel 6.",
        "Regel 8, kolom 'geboortedatum': de geboortedatum ligt in de toekomst.",
        "Regel 9, kolom 'datum_vertrek': de datum van vertrek ligt vóór de datum van vestiging.",
        "Regel 10, kolom 'datum_vestiging': '2020-13-01' is geen geldige datum (gebruik dd-mm-jjjj).",
    ]
    header = POPULATION.replace("postcode;", "")
    with pytest.raises(ImportRefused) as error:
        services.population_import(actor=consulent.user, data=csv(header, "x"), access_point=CLI, today=TODAY)
    assert error.value.report.lines() == ["Regel 1: de kolom 'postcode' ontbreekt in de kopregel."]


def test_only_a_consulent_leerplicht_imports_the_population(ib):
    with pytest.raises(NotFoundOrForbidden):
        import_population(ib, registered(1))
    assert not Youth.objects.exists() and not Delivery.objects.exists()


def test_the_population_import_logs_the_changed_youths(consulent):
    first = import_population(consulent, registered(1), registered(2))
    import_population(consulent, registered(1), registered(2))  # nothing changed: nothing logged
    third = import_population(consulent, registered(1), registered(2, straat="Molenweg"))
    logged = AccessLogEntry.objects.filter(description__startswith="Bevolkingsgegevens ingelezen").order_by("id")
    assert [(e.youth.bsn, e.event, e.categories, e.ground, e.object_ids) for e in logged] == [
        (bsn(1), "update", ["identity", "leerplicht"], "leerplicht", [f"delivery:{first.pk}"]),
        (bsn(2), "update", ["identity", "leerplicht"], "leerplicht", [f"delivery:{first.pk}"]),
        (bsn(2), "update", ["identity", "leerplicht"], "leerplicht", [f"delivery:{third.pk}"]),
    ]
    assert logged[0].description == "Bevolkingsgegevens ingelezen (bevolking.csv)"


# --- enrolments ------------------------------------------------------------------------------------


def test_a_known_pupil_is_enrolled_at_the_ibers_school(ib, school):
    youth = YouthFactory(bsn=bsn(1), date_of_birth=date(2016, 3, 10))
    delivery = import_enrolments(ib, enrolled(1, geboortedatum="10-03-2016"))
    assert (delivery.kind, delivery.organisation, delivery.rows, counts(delivery)) == (
        Delivery.Kind.ENROLMENT,
        school,
        1,
        (1, 0, 0),
    )
    enrolment = Enrolment.objects.get()
    assert (enrolment.youth, enrolment.school, enrolment.start, enrolment.end, enrolment.group) == (
        youth,
        school,
        date(2024, 8, 20),
        None,
        "groep 7",
    )


def test_an_unknown_pupil_needs_name_birth_date_and_municipality(ib, school):
    lines = refused(import_enrolments, ib, enrolled(1, voornaam="Daan"))
    assert lines == [
        "Regel 2, kolom 'achternaam': de leerling is nog niet bekend: vul ook dit veld in.",
        "Regel 2, kolom 'geboortedatum': de leerling is nog niet bekend: vul ook dit veld in.",
        "Regel 2, kolom 'gemeentecode': de leerling is nog niet bekend: vul ook dit veld in.",
    ]
    assert refused(import_enrolments, ib, enrolled(1, **{**NEW_PUPIL, "voornaam": ""})) == [
        "Regel 2, kolom 'voornaam': de leerling is nog niet bekend: vul ook dit veld in."
    ]
    import_enrolments(ib, enrolled(1, **NEW_PUPIL))
    youth = Enrolment.objects.get(school=school).youth
    assert (youth.bsn, youth.first_name, youth.last_name, youth.date_of_birth) == (
        bsn(1),
        "Daan",
        "Smit",
        date(2015, 9, 5),
    )
    assert youth.municipality.cbs_code == "0148"


@pytest.mark.parametrize(
    "line, problem",
    [
        (
            enrolled(2, **{**NEW_PUPIL, "gemeentecode": "9999"}),
            "Regel 2, kolom 'gemeentecode': '9999' is geen bekende CBS-gemeentecode.",
        ),
        (
            enrolled(1, geboortedatum="11-03-2016"),
            "Regel 2, kolom 'geboortedatum': dit BSN hoort bij een jeugdige met een andere geboortedatum.",
        ),
        (
            enrolled(1, ingeschreven_vanaf="20-08-2024", uitgeschreven_per="19-08-2024"),
            "Regel 2, kolom 'uitgeschreven_per': de datum van uitschrijving ligt vóór de datum van inschrijving.",
        ),
        (
            enrolled(2, **{**NEW_PUPIL, "geboortedatum": "01-01-2027"}),
            "Regel 2, kolom 'geboortedatum': de geboortedatum ligt in de toekomst.",
        ),
    ],
    ids=["unknown gemeentecode", "another birth date", "uitschrijving before inschrijving", "not born yet"],
)
def test_a_wrong_enrolment_is_refused(ib, school, line, problem):
    YouthFactory(bsn=bsn(1), date_of_birth=date(2016, 3, 10))
    assert refused(import_enrolments, ib, line) == [problem]


def test_the_same_enrolment_file_twice_changes_nothing(ib, school):
    YouthFactory(bsn=bsn(1))
    import_enrolments(ib, enrolled(1), enrolled(2, **NEW_PUPIL))
    again = import_enrolments(ib, enrolled(1), enrolled(2, **NEW_PUPIL))
    assert counts(again) == (0, 0, 2)
    assert (Enrolment.objects.count(), Youth.objects.count(), Delivery.objects.count()) == (2, 2, 2)


def test_a_changed_uitschrijving_updates_the_enrolment(ib, school):
    YouthFactory(bsn=bsn(1))
    import_enrolments(ib, enrolled(1))
    delivery = import_enrolments(ib, enrolled(1, uitgeschreven_per="01-12-2026"))
    assert counts(delivery) == (0, 1, 0)
    assert Enrolment.objects.get().end == date(2026, 12, 1)


def test_only_the_ib_or_schoolleider_delivers_enrolments(school, consulent):
    YouthFactory(bsn=bsn(1))
    with pytest.raises(NotAllowed) as error:
        import_enrolments(professional("leerkracht", organisation=school), enrolled(1))
    assert str(error.value) == "Verzuim aanleveren en melden doen de intern begeleider en de schoolleider."
    with pytest.raises(NotFoundOrForbidden):
        import_enrolments(consulent, enrolled(1))
    assert not Enrolment.objects.exists()


# --- absolute verzuim ------------------------------------------------------------------------------


def living_here(first_name: str, born: date, *, since=date(2016, 6, 1), until=None, **kwargs) -> Youth:
    youth = YouthFactory(first_name=first_name, date_of_birth=born, **kwargs)
    Resident.objects.create(
        youth=youth,
        municipality=youth.municipality,
        street="Kerkstraat 12",
        postcode="7721AB",
        city=youth.municipality.name,
        since=since,
        until=until,
    )
    return youth


def listed(today: date = TODAY) -> tuple[dict[str, law.Duty], dict[str, law.Duty]]:
    """Dalfsen's lists (absolute verzuim, coming) as first name: duty."""
    absolute, coming = selectors.absolute_verzuim(MunicipalityFactory(), today=today)
    return {r.youth.first_name: r.duty for r in absolute}, {r.youth.first_name: r.duty for r in coming}


def test_a_resident_of_10_without_a_school_is_absolute_verzuim(db):
    youth = living_here("Sanne", date(2016, 3, 10))
    absolute, coming = selectors.absolute_verzuim(MunicipalityFactory(), today=TODAY)
    assert coming == []
    [row] = absolute
    assert (row.youth, row.duty, row.address) == (youth, law.Duty.LEERPLICHTIG, "Kerkstraat 12, Dalfsen")
    assert row.since == law.leerplicht_start(youth.date_of_birth) == date(2021, 4, 1)


def test_enrolled_exempt_and_departed_youths_are_not_absolute_verzuim(consulent, school):
    born = date(2016, 3, 10)
    living_here("Niemand", born)
    EnrolmentFactory(youth=living_here("Ingeschreven", born), school=school, start=date(2020, 8, 20))
    EnrolmentFactory(
        youth=living_here("Uitgeschreven", born), school=school, start=date(2020, 8, 20), end=TODAY
    )  # "uitgeschreven per" today: no longer enrolled
    exempt = living_here("Vrijgesteld", born)
    Exemption.objects.create(
        youth=exempt,
        municipality=exempt.municipality,
        article=Exemption.Article.ART_5C,
        grounds="School in Duitsland",
        notice_on=date(2026, 8, 1),
        start=date(2026, 8, 15),
        end=TODAY,
        recorded_by=consulent,
    )
    lapsed = living_here("Vrijstelling verlopen", born)
    Exemption.objects.create(
        youth=lapsed,
        municipality=lapsed.municipality,
        article=Exemption.Article.ART_5C,
        grounds="School in Duitsland",
        notice_on=date(2026, 8, 1),
        start=date(2026, 8, 15),
        end=TODAY - timedelta(days=1),
        recorded_by=consulent,
    )
    living_here("Verhuisd", born, until=TODAY)
    living_here("Verhuist morgen", born, until=TODAY + timedelta(days=1))
    absolute, _coming = listed()
    assert set(absolute) == {"Niemand", "Uitgeschreven", "Vrijstelling verlopen", "Verhuist morgen"}


def test_a_4_year_old_is_coming_until_a_school_enrols_them(school):
    youth = living_here("Noor", date(2022, 1, 15))  # 5 on 15 January 2027
    living_here("Later", date(2022, 6, 15))  # leerplichtig from 1 July 2027: beyond 6 months
    assert listed() == ({}, {"Noor": law.Duty.NOT_YET})
    _absolute, [row] = selectors.absolute_verzuim(MunicipalityFactory(), today=TODAY)
    assert row.since == law.leerplicht_start(youth.date_of_birth) == date(2027, 2, 1)
    EnrolmentFactory(youth=youth, school=school, start=date(2027, 1, 18))
    assert listed() == ({}, {})


def test_leerplicht_starting_tomorrow_is_coming_today_absolute(db):
    born = date(2021, 10, 15)
    start = law.leerplicht_start(born)
    living_here("Lotte", born)
    assert listed(start - timedelta(days=1)) == ({}, {"Lotte": law.Duty.NOT_YET})
    assert listed(start) == ({"Lotte": law.Duty.LEERPLICHTIG}, {})


def test_a_17_year_old_without_startkwalificatie_is_kwalificatieplichtig(consulent):
    youth = living_here("Bram", date(2009, 1, 1))
    assert listed() == ({"Bram": law.Duty.KWALIFICATIEPLICHTIG}, {})
    services.startkwalificatie_record(
        actor=consulent.user, youth=youth, level="mbo2", obtained_on=date(2026, 7, 1), access_point=CLI
    )
    assert listed() == ({}, {})


def test_kwalificatieplicht_ends_on_the_18th_birthday(db):
    born = date(2009, 1, 1)
    living_here("Bram", born)
    eighteen = law.birthday(born, 18)
    assert listed(eighteen - timedelta(days=1)) == ({"Bram": law.Duty.KWALIFICATIEPLICHTIG}, {})
    assert listed(eighteen) == ({}, {})


def test_a_youth_of_another_municipality_is_never_listed(db):
    living_here("Zwolse", date(2016, 3, 10), municipality=zwolle())
    living_here("Kleine Zwolse", date(2022, 1, 15), municipality=zwolle())
    assert listed() == ({}, {})
    assert [r.youth.first_name for r in selectors.absolute_verzuim(zwolle(), today=TODAY)[0]] == ["Zwolse"]


def test_the_consulent_overview_shows_and_logs_the_lists(consulent, ib):
    youth = living_here("Sanne", date(2016, 3, 10))
    overview = selectors.consulent_overview(actor=consulent.user, access_point=CLI, today=TODAY)
    assert [row.youth for row in overview.absolute] == [youth] and overview.coming == []
    entry = AccessLogEntry.objects.get(youth=youth)
    assert (entry.event, entry.object_ids, entry.categories) == ("list", ["absoluut-verzuim"], ["identity"])
    with pytest.raises(NotFoundOrForbidden):
        selectors.consulent_overview(actor=ib.user, access_point=CLI, today=TODAY)


# --- vrijstellingen and startkwalificaties -------------------------------------------------------


def exempt(consulent, youth, article: str, **kwargs) -> Exemption:
    values = dict(
        grounds="Volgt onderwijs bij een school in Duitsland.",
        notice_on=date(2026, 11, 2),
        start=TODAY,
        end=date(2027, 7, 31),
        statement_by="",
    )
    return services.exemption_record(
        actor=consulent.user, youth=youth, article=article, access_point=CLI, today=TODAY, **{**values, **kwargs}
    )


@pytest.mark.parametrize(
    "article, born, values",
    [
        ("5a", date(2016, 3, 10), dict(statement_by="  Dr. A. de Vries, kinderarts ")),
        # For a later school year the notice comes before 1 July (art. 6).
        ("5b", date(2016, 3, 10), dict(notice_on=date(2026, 6, 15), start=date(2026, 8, 1))),
        ("5c", date(2016, 3, 10), {}),
        ("15", date(2010, 6, 1), {}),  # 16 on 1 June 2026
    ],
)
def test_each_article_is_recorded(consulent, article, born, values):
    youth = YouthFactory(date_of_birth=born)
    exemption = exempt(consulent, youth, article, **values)
    assert (exemption.youth, exemption.article, exemption.start, exemption.end) == (
        youth,
        article,
        values.get("start", TODAY),
        date(2027, 7, 31),
    )
    assert (exemption.municipality, exemption.recorded_by) == (consulent.organisation.municipality, consulent)
    assert exemption.statement_by == values.get("statement_by", "").strip()
    entry = AccessLogEntry.objects.get(youth=youth)
    assert (entry.event, entry.object_ids, entry.categories) == (
        "create",
        [f"exemption:{exemption.pk}"],
        ["leerplicht"],
    )


@pytest.mark.parametrize(
    "article, born, values, field, message",
    [
        (
            "5a",
            date(2016, 3, 10),
            {},
            "statement_by",
            "Een vrijstelling op grond van art. 5 sub a vraagt een verklaring van een arts, psycholoog of "
            "orthopedagoog.",
        ),
        (
            "5b",
            date(2021, 10, 15),  # leerplichtig from Monday 2 November 2026
            dict(notice_on=date(2026, 10, 3), start=date(2026, 11, 2)),
            "notice_on",
            "De kennisgeving van richtingbezwaar moet uiterlijk een maand voordat de leerplicht begint "
            "(02-10-2026) binnen zijn (art. 6).",
        ),
        (
            "15",
            date(2010, 12, 1),
            {},
            "start",
            "Vrijstelling op grond van art. 15 kan vanaf de 16e verjaardag (01-12-2026).",
        ),
        ("5c", date(2016, 3, 10), dict(end=TODAY - timedelta(days=1)), "end", "De einddatum ligt vóór de begindatum."),
        (
            "5c",
            date(2016, 3, 10),
            dict(notice_on=TODAY + timedelta(days=1)),
            "notice_on",
            "De datum van de kennisgeving ligt in de toekomst.",
        ),
    ],
    ids=["5a without statement", "5b notice too late", "15 before 16", "end before start", "notice in the future"],
)
def test_an_exemption_against_the_law_is_refused(consulent, article, born, values, field, message):
    youth = YouthFactory(date_of_birth=born)
    with pytest.raises(ValidationError) as error:
        exempt(consulent, youth, article, **values)
    assert error.value.message_dict == {field: [message]}
    assert not Exemption.objects.exists()


def test_a_richtingbezwaar_a_month_before_leerplicht_is_in_time(consulent):
    youth = YouthFactory(date_of_birth=date(2021, 10, 15))
    assert law.leerplicht_start(youth.date_of_birth) == date(2026, 11, 2)
    exempt(consulent, youth, "5b", notice_on=date(2026, 10, 2), start=date(2026, 11, 2))
    assert Exemption.objects.get().article == Exemption.Article.ART_5B


def test_a_richtingbezwaar_for_a_later_school_year_after_1_july_is_refused(consulent):
    """Art. 6 lid 1 (law.RICHTINGBEZWAAR_NOTICE_MONTHS): for a later school year before 1 July."""
    youth = YouthFactory(date_of_birth=date(2016, 3, 10))  # leerplichtig since 1 April 2021
    with pytest.raises(ValidationError) as error:
        exempt(consulent, youth, "5b", notice_on=date(2026, 11, 2), start=TODAY)  # school year 2026/27
    assert set(error.value.message_dict) == {"notice_on"}


def test_a_consulent_of_another_municipality_may_not_record(db):
    other = professional(
        "leerplicht", organisation=OrganisationFactory(name="Gemeente Zwolle", kind="gemeente", municipality=zwolle())
    )
    youth = YouthFactory()  # lives in Dalfsen
    with pytest.raises(NotFoundOrForbidden):
        exempt(other, youth, "5c")
    with pytest.raises(NotFoundOrForbidden):
        services.startkwalificatie_record(
            actor=other.user, youth=youth, level="havo", obtained_on=date(2026, 7, 1), access_point=CLI
        )
    assert not Exemption.objects.exists() and not Startkwalificatie.objects.exists()


def test_a_vrijstelling_takes_the_youth_off_the_absolute_verzuim_list(consulent):
    youth = living_here("Sanne", date(2016, 3, 10))
    assert "Sanne" in listed()[0]
    exempt(consulent, youth, "5c")
    assert listed() == ({}, {})
    assert "Sanne" in listed(date(2027, 8, 1))[0]  # and is back once it ends


def test_a_startkwalificatie_is_recorded_once_and_updated(consulent):
    youth = YouthFactory(date_of_birth=date(2008, 4, 1))
    first = services.startkwalificatie_record(
        actor=consulent.user, youth=youth, level="mbo2", obtained_on=date(2026, 7, 1), access_point=CLI
    )
    second = services.startkwalificatie_record(
        actor=consulent.user, youth=youth, level="havo", obtained_on=date(2026, 7, 10), access_point=CLI
    )
    diploma = Startkwalificatie.objects.get()
    assert first.pk == second.pk == diploma.pk
    assert (diploma.youth, diploma.level, diploma.obtained_on, diploma.recorded_by) == (
        youth,
        "havo",
        date(2026, 7, 10),
        consulent,
    )
    logged = AccessLogEntry.objects.filter(youth=youth).values_list("event", "object_ids")
    assert list(logged) == [("update", [f"startkwalificatie:{diploma.pk}"])] * 2
    with pytest.raises(ValidationError) as error:
        services.startkwalificatie_record(
            actor=consulent.user, youth=youth, level="vmbo", obtained_on=date(2026, 7, 1), access_point=CLI
        )
    assert error.value.message_dict == {"level": ["Kies het diploma."]}
