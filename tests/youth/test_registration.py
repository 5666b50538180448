"""Registering a youth: the registrant's relationship is created with it, a likely existing youth
is found first, and nothing is half-saved."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from jeugdketen.access import policy
from jeugdketen.access.exceptions import NotAllowed, NotFoundOrForbidden
from jeugdketen.auditlog.models import AccessLogEntry
from jeugdketen.auditlog.services import CLI
from jeugdketen.cases.models import Case
from jeugdketen.youth import services
from jeugdketen.youth.models import Enrolment, Youth
from tests.factories import MunicipalityFactory, SchoolFactory, YouthFactory, professional

pytestmark = pytest.mark.django_db


def register(actor, link, **kwargs):
    data = {
        "first_name": "Noah",
        "last_name": "Jansen",
        "date_of_birth": date(2016, 3, 4),
        "municipality": MunicipalityFactory(),
        "bsn": "",
        **kwargs,
    }
    return services.youth_register(actor=actor.user, access_point=CLI, link=link, **data)


def test_a_consulent_registers_a_youth_with_a_case_they_hold():
    consulent = professional("jeugdconsulent")
    youth = register(consulent, services.Link(case_subject="Zorgen thuis"))
    case = Case.objects.get(youth=youth)
    assert case.casusregisseur == consulent
    assert case.reference.endswith(f"{case.pk:05d}")
    assert policy.access_for(consulent.user, youth).can("youthcare")
    assert AccessLogEntry.objects.filter(youth_id=youth.pk, event="create", object_type="youth").exists()


def test_a_teacher_registers_a_pupil_by_enrolling_at_their_own_school():
    school = SchoolFactory()
    teacher = professional("leerkracht", organisation=school)
    youth = register(teacher, services.Link(school=school, group="groep 3", start=date(2025, 8, 25)))
    assert Enrolment.objects.get(youth=youth).school == school


def test_enrolling_at_another_school_is_refused_and_nothing_is_saved():
    teacher = professional("leerkracht", organisation=SchoolFactory())
    with pytest.raises(ValidationError) as error:
        register(teacher, services.Link(school=SchoolFactory(), start=date(2025, 8, 25)))
    assert error.value.message_dict == {"school": ["U kunt alleen inschrijven op de school waar u werkt."]}
    assert not Youth.objects.exists()


def test_an_invalid_bsn_saves_nothing():
    consulent = professional("jeugdconsulent")
    with pytest.raises(ValidationError) as error:
        register(consulent, services.Link(case_subject="Zorgen"), bsn="123456789")
    assert "bsn" in error.value.message_dict
    assert not Youth.objects.exists()
    assert not Case.objects.exists()


@pytest.mark.parametrize("code", ["manager", "privacy_officer"])
def test_functions_without_casework_cannot_register(code):
    with pytest.raises(NotAllowed):
        register(professional(code), services.Link(case_subject="Zorgen"))


def test_same_bsn_is_a_likely_match():
    existing = YouthFactory(first_name="Noah", last_name="de Vries", bsn="111222333")
    matches = services.likely_matches(
        first_name="N.", last_name="Vries", date_of_birth=date(2010, 1, 1), bsn="111222333"
    )
    assert matches == [existing]


def test_a_close_name_with_the_same_birth_date_is_a_likely_match():
    existing = YouthFactory(first_name="Mohammed", last_name="El Amrani", date_of_birth=date(2014, 6, 1))
    YouthFactory(first_name="Mohammed", last_name="El Amrani", date_of_birth=date(2014, 6, 2))
    YouthFactory(first_name="Sara", last_name="Bakker", date_of_birth=date(2014, 6, 1))
    matches = services.likely_matches(first_name="Mohamed", last_name="El Amrani", date_of_birth=date(2014, 6, 1))
    assert matches == [existing]


def test_linking_to_the_existing_youth_adds_the_relationship_not_a_duplicate():
    existing = YouthFactory(first_name="Noah", last_name="Jansen", date_of_birth=date(2016, 3, 4), bsn="111222333")
    consulent = professional("jeugdconsulent")
    youth = register(consulent, services.Link(case_subject="Zorgen"), existing=existing, bsn="111222333")
    assert youth == existing
    assert Youth.objects.count() == 1
    assert policy.access_for(consulent.user, existing)


def test_a_second_youth_with_the_same_bsn_is_refused_by_the_database_rule():
    YouthFactory(bsn="111222333")
    with pytest.raises(ValidationError) as error:
        register(professional("jeugdconsulent"), services.Link(case_subject="Zorgen"), bsn="111222333")
    assert "Er is al een jeugdige met dit BSN." in error.value.messages


def test_linking_to_a_youth_whose_case_one_is_in_opens_no_second_case():
    consulent = professional("jeugdconsulent")
    youth = register(consulent, services.Link(case_subject="Zorgen"))
    register(consulent, services.Link(case_subject="Nog eens"), existing=youth)
    assert Case.objects.filter(youth=youth).count() == 1


def test_the_registration_page_does_not_reveal_a_youth_the_user_cannot_see(client):
    YouthFactory(first_name="Noor", last_name="Visser", date_of_birth=date(2016, 3, 4))
    agent = professional("politie")
    client.force_login(agent.user)
    data = {
        "first_name": "X",
        "last_name": "Visser",
        "date_of_birth": "2016-03-04",
        "municipality": MunicipalityFactory().pk,
        "link": "case",
        "case_subject": "Zorgen",
    }
    page = client.post("/jeugdigen/registreren/", data)
    assert "Is dit dezelfde jeugdige?" in page.text
    assert "Noor" not in page.text
    assert "die u niet kunt inzien" in page.text


def test_linking_to_a_youth_without_bsn_and_birth_date_or_a_ground_is_refused_and_logged():
    hidden = YouthFactory(first_name="Noor", last_name="Visser", date_of_birth=date(2016, 3, 4), bsn="111222333")
    agent = professional("politie")
    with pytest.raises(NotFoundOrForbidden):
        register(agent, services.Link(case_subject="Zorgen"), existing=hidden, last_name="Visser")
    assert not Case.objects.filter(youth=hidden).exists()
    assert AccessLogEntry.objects.filter(event="refused", user_id=agent.user_id, youth_id=hidden.pk).exists()
    # with the BSN and date of birth the professional identifies the youth exactly: linking is allowed
    register(agent, services.Link(case_subject="Zorgen"), existing=hidden, last_name="Visser", bsn="111222333")
    assert Case.objects.filter(youth=hidden).exists()


def test_a_birth_date_in_the_future_is_refused_whatever_the_channel():
    from datetime import timedelta

    from django.utils import timezone

    with pytest.raises(ValidationError) as error:
        register(
            professional("jeugdconsulent"),
            services.Link(case_subject="Zorgen"),
            date_of_birth=timezone.localdate() + timedelta(days=1),
        )
    assert error.value.message_dict == {"date_of_birth": ["De geboortedatum ligt in de toekomst."]}
