"""Enrolments are the school's own administration: only its staff add or end them, and an
ended enrolment ends the school's access."""

from datetime import date

import pytest
from django.utils import timezone

from jeugdketen.access import policy
from jeugdketen.access.exceptions import NotAllowed
from jeugdketen.auditlog.models import AccessLogEntry
from jeugdketen.auditlog.services import CLI
from jeugdketen.youth import services
from tests.factories import EnrolmentFactory, SchoolFactory, YouthFactory, case_with, involve, professional

pytestmark = pytest.mark.django_db


def test_an_involved_professional_cannot_enrol_a_child_at_a_school():
    youth = YouthFactory()
    agent = professional("politie")
    involve(case_with(youth, professional("jeugdconsulent"), "jeugdconsulent"), agent, "politie")
    with pytest.raises(NotAllowed):
        services.enrolment_add(
            actor=agent.user, youth=youth, school=SchoolFactory(), start=date(2025, 8, 25), access_point=CLI
        )
    assert not youth.enrolments.exists()


def test_the_school_ends_an_enrolment_and_its_access_ends(client):
    school = SchoolFactory()
    enrolment = EnrolmentFactory(school=school)
    ib = professional("intern_begeleider", organisation=school)
    client.force_login(ib.user)
    form = client.get(f"/jeugdigen/{enrolment.youth_id}/inschrijving/{enrolment.pk}/uitschrijven/")
    assert form.status_code == 200
    assert AccessLogEntry.objects.filter(user_id=ib.user_id, description="wijzigformulier geopend").exists()
    today = timezone.localdate().isoformat()
    response = client.post(f"/jeugdigen/{enrolment.youth_id}/inschrijving/{enrolment.pk}/uitschrijven/", {"end": today})
    assert response.status_code == 302
    assert not policy.access_for(ib.user, enrolment.youth)
    assert AccessLogEntry.objects.filter(user_id=ib.user_id, object_type="enrolment", event="update").exists()


def test_another_school_cannot_end_the_enrolment(client):
    enrolment = EnrolmentFactory()
    other = professional("intern_begeleider", organisation=SchoolFactory())
    involve(case_with(enrolment.youth, professional("jeugdconsulent"), "jeugdconsulent"), other, "intern_begeleider")
    client.force_login(other.user)
    url = f"/jeugdigen/{enrolment.youth_id}/inschrijving/{enrolment.pk}/uitschrijven/"
    assert client.post(url, {"end": timezone.localdate().isoformat()}).status_code == 403
    enrolment.refresh_from_db()
    assert enrolment.end is None


def test_a_parent_opening_a_change_form_is_refused_and_logged(client):
    from tests.factories import parent_of

    youth = YouthFactory()
    carer = parent_of(youth)
    client.force_login(carer.user)
    assert client.get(f"/jeugdigen/{youth.pk}/wijzigen/").status_code == 403
    assert AccessLogEntry.objects.filter(event="refused", user_id=carer.user_id, youth_id=youth.pk).exists()
