"""Emergency access ("break the glass"): exact identification, a mandatory reason, read-only,
time-limited, logged, and reviewed by the privacy officer, who is told by mail."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone

from jeugdketen.access import policy, services
from jeugdketen.access.exceptions import NotAllowed
from jeugdketen.auditlog.models import AccessLogEntry
from jeugdketen.auditlog.services import CLI
from tests.factories import YouthFactory, professional

pytestmark = pytest.mark.django_db
REASON = "Melding politie: kind alleen thuis aangetroffen, casusregisseur onbereikbaar."


@pytest.fixture
def youth():
    return YouthFactory(bsn="111222333")


def take(pro, youth, **kwargs):
    data = {"bsn": youth.bsn, "date_of_birth": youth.date_of_birth, "reason": REASON, **kwargs}
    return services.emergency_access_take(actor=pro.user, access_point=CLI, **data)


def test_emergency_access_grants_read_only_for_a_limited_time_and_is_logged(youth):
    agent = professional("politie")
    grant = take(agent, youth)
    access = policy.access_for(agent.user, youth)
    assert access.can("police") and not access.can("police", "change")
    assert grant.expires_at - grant.started_at == timedelta(hours=24)
    entry = AccessLogEntry.objects.get(event="emergency")
    assert (entry.ground, entry.reason, entry.function_code) == ("emergency", REASON, "politie")


def test_identification_must_be_exact(youth):
    with pytest.raises(ValidationError) as error:
        take(professional("politie"), youth, date_of_birth=youth.date_of_birth + timedelta(days=1))
    assert error.value.message_dict == {"bsn": ["Er is geen jeugdige met dit BSN en deze geboortedatum."]}


def test_a_reason_is_mandatory(youth):
    with pytest.raises(ValidationError) as error:
        take(professional("politie"), youth, reason="nodig")
    assert "reason" in error.value.message_dict


@pytest.mark.django_db(transaction=True)
def test_the_privacy_officer_is_told_by_mail_without_the_childs_name():
    """Through the real database queue: the worker runs what the commit enqueued."""
    from jeugdketen.organisations.services import load_reference_data

    load_reference_data()  # transactional tests start from flushed tables
    youth = YouthFactory(bsn="111222333")
    officer = professional("privacy_officer")
    take(professional("politie"), youth)
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    [message] = mail.outbox
    assert message.to == [officer.email]
    assert message.subject == "Jeugdketen: noodtoegang te beoordelen"
    assert youth.first_name not in message.body and youth.bsn not in message.body


def test_review_by_the_privacy_officer_and_withdrawal_when_not_justified(youth):
    agent = professional("politie")
    grant = take(agent, youth)
    with pytest.raises(NotAllowed):
        services.emergency_access_review(actor=agent.user, emergency=grant, justified=True, note="", access_point=CLI)
    officer = professional("privacy_officer")
    with pytest.raises(ValidationError):
        services.emergency_access_review(
            actor=officer.user, emergency=grant, justified=False, note="", access_point=CLI
        )
    services.emergency_access_review(
        actor=officer.user, emergency=grant, justified=False, note="Geen acute situatie.", access_point=CLI
    )
    assert not policy.access_for(agent.user, youth)
    assert grant.reviewed_at <= timezone.now()


def test_parents_cannot_take_emergency_access(youth):
    from tests.factories import parent_of

    carer = parent_of(YouthFactory())
    with pytest.raises(NotAllowed):
        services.emergency_access_take(
            actor=carer.user, bsn=youth.bsn, date_of_birth=youth.date_of_birth, reason=REASON, access_point=CLI
        )


def test_probing_a_bsn_with_a_wrong_birth_date_is_recorded_against_that_youth(youth):
    agent = professional("politie")
    with pytest.raises(ValidationError):
        take(agent, youth, date_of_birth=youth.date_of_birth + timedelta(days=3))
    assert AccessLogEntry.objects.filter(event="refused", user_id=agent.user_id, youth_id=youth.pk).exists()


def test_the_review_is_logged_and_only_the_officer_of_the_youths_municipality_reviews(youth):
    from tests.factories import MunicipalityFactory, OrganisationFactory

    grant = take(professional("politie"), youth)
    elsewhere = professional(
        "privacy_officer",
        organisation=OrganisationFactory(municipality=MunicipalityFactory(cbs_code="0193", name="Zwolle")),
    )
    with pytest.raises(NotAllowed):
        services.emergency_access_review(
            actor=elsewhere.user, emergency=grant, justified=True, note="", access_point=CLI
        )
    officer = professional("privacy_officer")
    services.emergency_access_review(actor=officer.user, emergency=grant, justified=True, note="", access_point=CLI)
    entry = AccessLogEntry.objects.get(user_id=officer.user_id, object_type="emergency_access")
    assert (entry.event, entry.youth_id, entry.ground) == ("update", youth.pk, "privacy")
