"""Correction and erasure by the privacy officer, and the pages: each rule from both sides."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError

from jeugdketen.access.exceptions import NotFoundOrForbidden
from jeugdketen.auditlog.models import AccessLogEntry
from jeugdketen.auditlog.services import AccessPoint, Channel
from jeugdketen.subjectrights import services
from jeugdketen.verwijsindex.models import Signal
from jeugdketen.youth.models import CarerRelation, Enrolment, Youth
from tests.factories import (
    CarerFactory,
    MunicipalityFactory,
    OrganisationFactory,
    SchoolFactory,
    UserFactory,
    YouthFactory,
    case_with,
    professional,
)

pytestmark = pytest.mark.django_db
WEB = AccessPoint(Channel.WEB, "127.0.0.1")


class Office:
    def __init__(self):
        self.municipality = MunicipalityFactory()
        self.gemeente = OrganisationFactory(kind="gemeente", municipality=self.municipality)
        self.officer = professional("privacy_officer", organisation=self.gemeente)
        self.youth = YouthFactory(first_name="Mila", last_name="Jansen", bsn="123456782", municipality=self.municipality,
                                  date_of_birth=date(2015, 3, 1))  # fmt: skip
        self.other = YouthFactory(first_name="Bo", municipality=self.municipality)


@pytest.fixture
def office(db):
    return Office()


def test_the_officer_corrects_identity_data_with_a_reason_and_it_is_logged(office):
    services.subject_correct(actor=office.officer.user, youth=office.youth, reason="Verzoek moeder, 3-12.",
                             access_point=WEB, first_name="Milla", date_of_birth=date(2015, 3, 2))  # fmt: skip
    office.youth.refresh_from_db()
    assert (office.youth.first_name, office.youth.date_of_birth) == ("Milla", date(2015, 3, 2))
    entry = AccessLogEntry.objects.get(event="update", object_type="betrokkene")
    assert entry.reason == "Verzoek moeder, 3-12." and "voornaam, geboortedatum" in entry.description
    assert entry.ground == "privacy"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"first_name": " "}, "first_name"),
        ({"bsn": "123456789"}, "bsn"),
        ({"date_of_birth": date(2099, 1, 1)}, "date_of_birth"),
    ],
)
def test_a_bad_correction_names_the_field_and_changes_nothing(office, change, field):
    with pytest.raises(ValidationError) as excinfo:
        services.subject_correct(actor=office.officer.user, youth=office.youth, reason="x", access_point=WEB, **change)
    assert field in excinfo.value.message_dict
    office.youth.refresh_from_db()
    assert office.youth.first_name == "Mila" and office.youth.bsn == "123456782"


def test_a_correction_needs_a_reason_and_a_change(office):
    with pytest.raises(ValidationError) as excinfo:
        services.subject_correct(
            actor=office.officer.user, youth=office.youth, reason="", access_point=WEB, first_name="X"
        )
    assert "reason" in excinfo.value.message_dict
    with pytest.raises(ValidationError):
        services.subject_correct(
            actor=office.officer.user, youth=office.youth, reason="x", access_point=WEB, first_name="Mila"
        )


def test_another_bsn_of_another_youth_is_refused(office):
    office.other.bsn = "111222333"
    office.other.save()
    with pytest.raises(ValidationError) as excinfo:
        services.subject_correct(
            actor=office.officer.user, youth=office.youth, reason="x", access_point=WEB, bsn="111222333"
        )
    assert "andere jeugdige" in excinfo.value.message_dict["bsn"][0]


@pytest.mark.parametrize("who", ["consulent", "elsewhere", "parent"])
def test_only_the_officer_of_the_municipality_corrects_or_erases(office, who):
    user = {
        "consulent": lambda: professional("jeugdconsulent", organisation=office.gemeente).user,
        "elsewhere": lambda: (
            professional(
                "privacy_officer",
                organisation=OrganisationFactory(kind="gemeente", municipality=MunicipalityFactory(cbs_code="0166")),
            ).user
        ),
        "parent": lambda: UserFactory(),
    }[who]()
    with pytest.raises(NotFoundOrForbidden):
        services.subject_correct(actor=user, youth=office.youth, reason="x", access_point=WEB, first_name="X")
    with pytest.raises(NotFoundOrForbidden):
        services.subject_erase(actor=user, youth=office.youth, reason="x", access_point=WEB)
    assert Youth.objects.filter(pk=office.youth.pk).exists()


def test_erasure_removes_the_youth_and_all_that_hangs_on_them_but_keeps_the_log(office):
    carer = CarerFactory()
    CarerRelation.objects.create(youth=office.youth, carer=carer)
    school = SchoolFactory(municipality=office.municipality)
    Enrolment.objects.create(youth=office.youth, school=school, start=date(2020, 8, 20), end=date(2024, 7, 31))
    office.youth.user = UserFactory()
    office.youth.save()
    account = office.youth.user_id
    other_relation = CarerRelation.objects.create(youth=office.other, carer=carer)
    AccessLogEntry.objects.create(youth=office.youth, event="read", user_name="x", categories=[], object_type="x",
                                  object_ids=[], channel="web")  # fmt: skip
    youth_id = office.youth.pk
    count = services.subject_erase(actor=office.officer.user, youth=office.youth, reason="Verzoek jeugdige (17).",
                                   access_point=WEB)  # fmt: skip
    assert count == 3  # the youth, the carer relation, the enrolment
    assert not Youth.objects.filter(pk=youth_id).exists()
    assert not Enrolment.objects.filter(youth_id=youth_id).exists()
    assert CarerRelation.objects.filter(pk=other_relation.pk).exists()  # the other child's
    from django.contrib.auth import get_user_model

    assert not get_user_model().objects.filter(pk=account).exists()
    assert AccessLogEntry.objects.filter(youth_id=youth_id, event="read").exists()
    entry = AccessLogEntry.objects.get(youth_id=youth_id, event="delete")
    assert entry.reason == "Verzoek jeugdige (17)." and "gewist (AVG art. 17)" in entry.description


def test_what_the_law_keeps_blocks_the_erasure(office):
    consulent = professional("jeugdconsulent", organisation=office.gemeente)
    case_with(office.youth, consulent, "jeugdconsulent")
    school = SchoolFactory(municipality=office.municipality)
    Enrolment.objects.create(youth=office.youth, school=school, start=date.today() - timedelta(days=30))
    ib = professional("intern_begeleider", organisation=school)
    Signal.objects.create(youth=office.youth, professional=ib, organisation=school, function=ib.functions.first(),
                          phone="1", ends_on=date.today() + timedelta(days=300))  # fmt: skip
    blockers = services.erasure_blockers(office.youth)
    assert len(blockers) == 3
    assert any("Jeugdwet (art. 7.3.8)" in b for b in blockers)
    with pytest.raises(ValidationError):
        services.subject_erase(actor=office.officer.user, youth=office.youth, reason="Verzoek.", access_point=WEB)
    assert Youth.objects.filter(pk=office.youth.pk).exists()


def test_the_pages(client, office):
    client.force_login(office.officer.user)
    assert "Mila Jansen" in client.get("/privacy/verzoeken/?q=123456782").content.decode()
    assert "Mila Jansen" in client.get("/privacy/verzoeken/?q=mila").content.decode()
    page = client.get(f"/privacy/verzoeken/{office.youth.pk}/").content.decode()
    assert "Alles downloaden (PDF)" in page
    response = client.get(f"/privacy/verzoeken/{office.youth.pk}/inzage.json")
    assert response.status_code == 200 and response.json()["betreft"]["naam"] == "Mila Jansen"
    response = client.get(f"/privacy/verzoeken/{office.youth.pk}/inzage.pdf")
    assert response.content.startswith(b"%PDF-")
    assert client.get(f"/privacy/verzoeken/{office.youth.pk}/inzage.xml").status_code == 404
    data = {"first_name": "Mila", "last_name": "Jansen", "date_of_birth": "2015-03-01", "bsn": "123456782",
            "reason": ""}  # fmt: skip
    response = client.post(f"/privacy/verzoeken/{office.youth.pk}/corrigeren/", data)
    assert response.status_code == 422 and "Reden en verzoeker: Vul in op wiens verzoek" in response.content.decode()
    data.update(reason="Verzoek vader.", name_prefix="van")
    assert client.post(f"/privacy/verzoeken/{office.youth.pk}/corrigeren/", data).status_code == 302
    response = client.post(f"/privacy/verzoeken/{office.youth.pk}/wissen/", {"reason": "Verzoek."})
    assert response.status_code == 422 and "Bevestig dat u alles wilt wissen." in response.content.decode()
    response = client.post(f"/privacy/verzoeken/{office.youth.pk}/wissen/", {"reason": "Verzoek.", "confirm": "on"})
    assert response.status_code == 302 and not Youth.objects.filter(pk=office.youth.pk).exists()


def test_the_pages_are_for_the_privacy_officer(client, office):
    client.force_login(professional("jeugdconsulent", organisation=office.gemeente).user)
    assert client.get("/privacy/verzoeken/").status_code == 403
    assert client.get(f"/privacy/verzoeken/{office.youth.pk}/inzage.json").status_code == 404


def test_the_api(office):
    from tests.api.conftest import token_client

    api = token_client(office.officer.user)
    data = api.get(f"/api/v1/subject-access/{office.youth.pk}/").json()
    assert data["betreft"]["naam"] == "Mila Jansen" and data["grondslag"] == "AVG art. 15 (recht op inzage)"
    response = api.post(f"/api/v1/subject-access/{office.youth.pk}/correct/", {"first_name": "Milla"}, format="json")
    assert response.status_code == 400 and "reason" in response.json()
    response = api.post(f"/api/v1/subject-access/{office.youth.pk}/correct/", {"first_name": "Milla", "reason": "x"},
                        format="json")  # fmt: skip
    assert response.json()["naam"] == "Milla Jansen"
    assert api.post(f"/api/v1/subject-access/{office.youth.pk}/erase/", {"reason": "x"}, format="json").json() == {
        "erased": 1
    }
    other = token_client(professional("jeugdconsulent", organisation=office.gemeente).user)
    assert other.get(f"/api/v1/subject-access/{office.other.pk}/").status_code == 404


def test_records_from_before_the_youth_was_linked_are_exported_and_erased(office):
    from jeugdketen.intake.models import HelpRequest
    from jeugdketen.retention.models import DestructionRequest
    from tests.factories import HelpRequestFactory

    online = HelpRequestFactory(municipality=office.municipality, youth=None, first_name="Mila", last_name="jansen",
                                date_of_birth=office.youth.date_of_birth)  # fmt: skip
    someone_else = HelpRequestFactory(municipality=office.municipality, youth=None, first_name="Mila",
                                      last_name="Jansen", date_of_birth=date(2016, 1, 1))  # fmt: skip
    decision = DestructionRequest.objects.create(
        case_reference="C-1", case_id_value=1, youth_id_value=office.youth.pk,
        municipality_id_value=office.municipality.pk, requested_by=UserFactory(), requested_by_name="Moeder",
        role="ouder",
    )  # fmt: skip
    export = services.subject_export(actor=office.officer.user, youth=office.youth, access_point=WEB, fmt="json")
    exported = {(p.model, r["id"]) for p in export.parts for r in p.records}
    assert ("intake.helprequest", online.pk) in exported and ("intake.helprequest", someone_else.pk) not in exported
    assert ("retention.destructionrequest", decision.pk) in exported
    services.subject_erase(actor=office.officer.user, youth=office.youth, reason="Verzoek.", access_point=WEB)
    assert (
        not HelpRequest.objects.filter(pk=online.pk).exists()
        and HelpRequest.objects.filter(pk=someone_else.pk).exists()
    )
    assert DestructionRequest.objects.filter(pk=decision.pk).exists()  # kept, as the log is


def test_erasure_closes_the_login_when_a_destruction_request_still_names_it(office):
    from django.contrib.auth import get_user_model

    from jeugdketen.retention.models import DestructionRequest

    office.youth.user = UserFactory(first_name="Mila")
    office.youth.save()
    DestructionRequest.objects.create(
        case_reference="C-1", case_id_value=1, youth_id_value=office.youth.pk,
        municipality_id_value=office.municipality.pk, requested_by=office.youth.user, requested_by_name="Mila",
        role="jeugdige",
    )  # fmt: skip
    account = office.youth.user_id
    services.subject_erase(actor=office.officer.user, youth=office.youth, reason="Verzoek.", access_point=WEB)
    user = get_user_model().objects.get(pk=account)
    assert not user.is_active and user.first_name == "" and not user.has_usable_password()


def test_every_page_of_a_request_is_logged(client, office):
    client.force_login(office.officer.user)
    client.get("/privacy/verzoeken/?q=mila")
    assert AccessLogEntry.objects.filter(youth_id=office.youth.pk, event="search").exists()
    for path in ("", "corrigeren/", "wissen/"):
        before = AccessLogEntry.objects.filter(youth_id=office.youth.pk, event="read").count()
        client.get(f"/privacy/verzoeken/{office.youth.pk}/{path}")
        assert AccessLogEntry.objects.filter(youth_id=office.youth.pk, event="read").count() == before + 1
