"""Alle leerlingen in beeld: the school's list, and the risk pupils for leerplicht."""

from datetime import timedelta

import pytest

from jeugdketen.auditlog.models import AccessLogEntry
from jeugdketen.handover import selectors, services
from jeugdketen.leerplicht.models import LeerplichtCase
from jeugdketen.schoolsupport.models import SupportPlan
from tests.factories import EnrolmentFactory, MunicipalityFactory, YouthFactory, case_with, involve, professional

from .conftest import WEB, years_ago

pytestmark = pytest.mark.django_db


def _rows(schools, who=None, year=None):
    rows = selectors.in_view(actor=(who or schools.ib).user, school_year=year or schools.next_year, access_point=WEB)
    return {row.youth.first_name: row.reasons for row in rows}


def _pupil(schools, name, group, school=None):
    youth = YouthFactory(first_name=name, date_of_birth=years_ago(10), municipality=schools.municipality)
    EnrolmentFactory(youth=youth, school=school or schools.po, group=group, start=schools.today - timedelta(days=400))
    return youth


def test_a_pupil_in_groep_8_without_a_receiving_school_is_on_the_list(schools):
    _pupil(schools, "Mila", "groep 6")
    assert _rows(schools) == {"Sem": ["geen_school"]}


def test_a_receiving_school_takes_the_pupil_off_the_no_school_list(schools):
    services.handover_start(actor=schools.ib.user, youth=schools.pupil, transfer="po_vo", method="koud",
                            school_year=schools.next_year, to_school=schools.vo, access_point=WEB)  # fmt: skip
    assert _rows(schools) == {}


def test_an_enrolment_at_another_school_from_next_year_also_counts_as_placed(schools):
    schools.enrol_at_vo()
    assert _rows(schools) == {}


def test_pupils_with_support_or_a_case_with_the_school_need_a_handover(schools):
    supported = _pupil(schools, "Jesse", "groep 5")
    SupportPlan.objects.create(youth=supported, school=schools.po, title="Rekenen", approach="Extra instructie",
                               starts_on=schools.today, ends_on=schools.today, evaluate_on=schools.today,
                               created_by=schools.ib)  # fmt: skip
    in_case = _pupil(schools, "Noah", "groep 6")
    case = case_with(in_case, professional("jeugdconsulent", organisation=schools.gemeente), "jeugdconsulent")
    involve(case, schools.ib, "intern_begeleider")
    without_school = _pupil(schools, "Finn", "groep 4")
    case_with(without_school, professional("jeugdconsulent", organisation=schools.gemeente), "jeugdconsulent")
    rows = _rows(schools)
    assert rows["Jesse"] == ["ondersteuning"] and rows["Noah"] == ["casus"]
    assert "Finn" not in rows  # a case the school is not part of stays out of sight
    # A year handover that was handed over takes the pupil off the list.
    handover = services.handover_start(actor=schools.ib.user, youth=supported, transfer="schooljaar", method="warm",
                                       school_year=schools.next_year, access_point=WEB)  # fmt: skip
    services.handover_update(actor=schools.ib.user, handover_id=handover.pk, access_point=WEB,
                             conversation_on=schools.today, conversation_with="Meester Tim")  # fmt: skip
    services.handover_complete(actor=schools.ib.user, handover_id=handover.pk, access_point=WEB)
    assert "Jesse" not in _rows(schools)


def test_the_list_is_the_schools_own_and_is_logged(schools):
    _pupil(schools, "Lieke", "6A", school=schools.vo)
    assert _rows(schools, who=schools.vo_ib) == {"Lieke": ["geen_school"]}
    assert "Lieke" not in _rows(schools)
    assert selectors.in_view(actor=schools.consulent.user, school_year=schools.next_year, access_point=WEB) == []
    entry = AccessLogEntry.objects.filter(description="alle leerlingen in beeld").latest("pk")
    assert entry.youth_id == schools.pupil.pk and entry.ground == "school"


def test_the_no_school_reason_is_for_the_coming_transition_only(schools):
    assert _rows(schools, year=schools.next_year - 1) == {}


def test_the_consulent_sees_the_risk_pupils_of_their_municipality(schools):
    in_case = _pupil(schools, "Thijs", "3A", school=schools.vo)
    LeerplichtCase.objects.create(youth=in_case, municipality=schools.municipality, consulent=schools.consulent,
                                  reference="LP-1")  # fmt: skip
    elsewhere = YouthFactory(first_name="Nina", municipality=MunicipalityFactory(cbs_code="0175", name="Ommen"))
    EnrolmentFactory(youth=elsewhere, school=schools.po, group="groep 8", start=schools.today - timedelta(days=400))
    rows = selectors.leerplicht_risks(actor=schools.consulent.user, school_year=schools.next_year, access_point=WEB)
    assert {row.youth.first_name: row.reasons for row in rows} == {"Sem": ["geen_school"], "Thijs": ["leerplicht"]}
    entry = AccessLogEntry.objects.filter(description="risicoleerlingen overgang").latest("pk")
    assert entry.ground == "leerplicht" and entry.categories == ["identity", "leerplicht"]


def test_only_the_consulent_sees_the_risk_list(schools):
    from jeugdketen.access.exceptions import NotFoundOrForbidden

    for who in (schools.ib, professional("jeugdconsulent", organisation=schools.gemeente)):
        with pytest.raises(NotFoundOrForbidden):
            selectors.leerplicht_risks(actor=who.user, school_year=schools.next_year, access_point=WEB)


def test_the_list_reads_in_a_fixed_number_of_queries(schools, django_assert_max_num_queries):
    for i in range(20):
        _pupil(schools, f"Kind{i}", "groep 8")
    with django_assert_max_num_queries(12):
        assert len(_rows(schools)) == 21


def test_a_handover_within_the_school_does_not_place_a_leaving_pupil(schools):
    services.handover_start(actor=schools.ib.user, youth=schools.pupil, transfer="schooljaar", method="warm",
                            school_year=schools.next_year, access_point=WEB)  # fmt: skip
    assert _rows(schools) == {"Sem": ["geen_school"]}
