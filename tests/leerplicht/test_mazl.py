"""M@ZL: the school sends worrying sickness absence to a jeugdarts of its GGD, who reads it and
gives the school an advice; the consulent leerplicht never sees it. Each rule from both sides."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from jeugdketen.access.exceptions import NotFoundOrForbidden
from jeugdketen.auditlog.models import AccessLogEntry
from jeugdketen.auditlog.services import CLI
from jeugdketen.leerplicht import selectors, services
from jeugdketen.leerplicht.models import Melding
from tests.factories import OrganisationFactory, professional

from .conftest import TODAY, pupil

pytestmark = pytest.mark.django_db


@pytest.fixture
def ggd(db):
    return OrganisationFactory(name="GGD IJsselland", kind="ggd")


@pytest.fixture
def doctor(ggd):
    return professional("jeugdarts", organisation=ggd)


@pytest.fixture
def mazl(ib, school):
    youth = pupil(school, 1)
    rows = [
        {"bsn": youth.bsn, "datum": f"{d:02d}-11-2026", "soort": "ziek", "lesuren": "5"}
        for d in (9, 10, 11, 12, 13, 16, 17)
    ]
    services.absence_rows_import(actor=ib.user, rows=rows, access_point=CLI, today=TODAY)
    return Melding.objects.get(kind=Melding.Kind.MAZL_LONG)


def test_the_school_sends_mazl_to_a_jeugdarts_of_its_ggd(mazl, ib, doctor, ggd):
    nurse = professional("jeugdverpleegkundige", organisation=ggd)
    assert selectors.jeugdartsen_for(mazl.school) == [doctor]
    with pytest.raises(ValidationError) as error:
        services.melding_send(actor=ib.user, melding=mazl, access_point=CLI)
    assert "jeugdarts" in error.value.message_dict
    with pytest.raises(ValidationError):
        services.melding_send(actor=ib.user, melding=mazl, jeugdarts=nurse, access_point=CLI)
    services.melding_send(actor=ib.user, melding=mazl, jeugdarts=doctor, access_point=CLI)
    mazl.refresh_from_db()
    assert mazl.status == Melding.Status.SENT and mazl.jeugdarts == doctor


def test_the_jeugdarts_reads_and_advises_the_consulent_never_sees_it(mazl, ib, doctor, consulent, ggd):
    services.melding_send(actor=ib.user, melding=mazl, jeugdarts=doctor, access_point=CLI)
    overview = selectors.jeugdarts_overview(actor=doctor.user, access_point=CLI)
    assert overview["open"] == [mazl]
    detail = selectors.melding_detail(actor=doctor.user, melding_id=mazl.pk, access_point=CLI)
    assert detail.can_advise and len(detail.absences) == 7
    other_doctor = professional("jeugdarts", organisation=ggd)
    for who in (other_doctor, consulent):
        with pytest.raises(NotFoundOrForbidden):
            selectors.melding_detail(actor=who.user, melding_id=mazl.pk, access_point=CLI)
        with pytest.raises(NotFoundOrForbidden):
            services.mazl_advise(actor=who.user, melding=mazl, advice="x", access_point=CLI)
    assert mazl.pk not in [m.pk for m in selectors.consulent_overview(actor=consulent.user, access_point=CLI).received]
    with pytest.raises(ValidationError) as error:
        services.mazl_advise(actor=doctor.user, melding=mazl, advice=" ", access_point=CLI)
    assert "advice" in error.value.message_dict
    services.mazl_advise(actor=doctor.user, melding=mazl, advice="Halve dagen naar school; gym niet.", access_point=CLI)
    mazl.refresh_from_db()
    assert mazl.status == Melding.Status.CLOSED and mazl.advice.startswith("Halve dagen")
    with pytest.raises(ValidationError):
        services.mazl_advise(actor=doctor.user, melding=mazl, advice="Nog eens.", access_point=CLI)
    # The school reads the advice on its melding.
    assert selectors.melding_detail(actor=ib.user, melding_id=mazl.pk, access_point=CLI).melding.advice
    assert AccessLogEntry.objects.filter(youth=mazl.youth, user=doctor.user, event="update").exists()
    assert AccessLogEntry.objects.filter(youth=mazl.youth, user=other_doctor.user, event="refused").exists()
    # The jeugdarts reads and advises on the ground of the school's M@ZL melding, not a consultation
    # with consent.
    grounds = set(AccessLogEntry.objects.filter(user=doctor.user).values_list("ground", flat=True))
    assert grounds == {"mazl"}


def test_the_pages_of_the_school_and_the_jeugdarts(client, mazl, ib, doctor):
    client.force_login(ib.user)
    url = reverse("leerplicht:melding", args=[mazl.pk])
    page = client.get(url).content.decode()
    assert "Melden bij de jeugdarts" in page and doctor.name in page
    assert client.post(url, {"note": "Ouders weten ervan."}).status_code == 422
    assert client.post(url, {"jeugdarts": doctor.pk, "note": "Ouders weten ervan."}).status_code == 302
    client.force_login(doctor.user)
    overview = client.get(reverse("leerplicht:overview")).content.decode()
    assert "Ziekteverzuim (M@ZL)" in overview and mazl.youth.full_name in overview
    assert client.post(url, {"advice": ""}).status_code == 422
    assert client.post(url, {"advice": "Spreekuur gehad; rustig opbouwen."}).status_code == 302
    client.force_login(ib.user)
    assert "Spreekuur gehad; rustig opbouwen." in client.get(url).content.decode()
