"""Raising, handling, grouping and answering beleidssignalen: each rule from both sides."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from jeugdketen.access.exceptions import NotAllowed, NotFoundOrForbidden
from jeugdketen.auditlog.models import AccessLogEntry
from jeugdketen.policysignals import selectors, services
from jeugdketen.policysignals.models import Group, PolicySignal
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _raise(who, **kwargs):
    values = dict(
        title="Wachttijd ambulante hulp",
        description="Gezinnen wachten na de beschikking vaak drie maanden op ambulante hulp.",
        theme="wachttijd",
        domain="jeugdhulp",
    )
    values.update(kwargs)
    return services.policy_signal_raise(actor=who.user, **values)


def test_any_professional_raises_a_signal_for_their_organisation_and_gemeente(setting):
    raised = _raise(setting.teacher)
    signal = raised.signal
    assert (signal.raised_by, signal.organisation, signal.municipality) == (
        setting.teacher, setting.school, setting.municipality
    )  # fmt: skip
    assert signal.status == "nieuw" and raised.removed == []
    assert not AccessLogEntry.objects.exists()  # no child data, nothing to log


def test_someone_who_is_no_professional_raises_no_signal(setting):
    with pytest.raises(NotAllowed):
        services.policy_signal_raise(actor=UserFactory(), title="x", description="y", theme="overig", domain="beide")


def test_identifying_details_are_stripped_before_storing(setting):
    raised = _raise(
        setting.teacher,
        description="Leerling met BSN 123456782, geboren 12-03-2015, mail ouder@example.nl: wachtlijst.",
        suggestion="Bel 06-12345678.",
    )
    signal = PolicySignal.objects.get()
    assert "123456782" not in signal.description and "12-03-2015" not in signal.description
    assert "ouder@example.nl" not in signal.description and "06-12345678" not in signal.suggestion
    assert raised.removed == ["email", "bsn", "date", "phone"] and signal.scrubbed == raised.removed


@pytest.mark.parametrize("field", ["title", "description", "suggestion"])
def test_a_childs_name_is_refused_naming_the_field_and_nothing_is_saved(setting, field):
    with pytest.raises(ValidationError) as excinfo:
        _raise(setting.teacher, **{field: "Het gaat om Noah Jansen uit groep 6 en anderen."})
    assert "lijkt de naam van een kind te bevatten (Noah Jansen)" in excinfo.value.message_dict[field][0]
    assert not PolicySignal.objects.exists()


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"title": ""}, "title", "Vul onderwerp in."),
        ({"description": " "}, "description", "Vul wat ziet u in."),
        ({"theme": "x"}, "theme", "Kies een thema."),
        ({"domain": ""}, "domain", "Kies het domein."),
        ({"description": "<script>x</script>"}, "description", "HTML- of scriptcode"),
        ({"title": "x" * 201}, "title", "te lang"),
    ],
)
def test_bad_input_names_the_field(setting, change, field, message):
    with pytest.raises(ValidationError) as excinfo:
        _raise(setting.teacher, **change)
    assert message in excinfo.value.message_dict[field][0]


def test_the_gemeente_manager_handles_every_signal_of_the_municipality(setting):
    school_signal = _raise(setting.teacher).signal
    gemeente_signal = _raise(setting.consulent).signal
    assert set(selectors.to_review(setting.teamleider.user)) == {school_signal, gemeente_signal}
    assert list(selectors.to_review(setting.ommen_teamleider.user)) == []
    with pytest.raises(NotFoundOrForbidden):
        services.policy_signal_answer(actor=setting.ommen_teamleider.user, signal_id=school_signal.pk, answer="x")


def test_a_schoolleider_handles_the_signals_of_their_own_school_only(setting):
    school_signal = _raise(setting.teacher).signal
    _raise(setting.consulent)
    assert list(selectors.to_review(setting.schoolleider.user)) == [school_signal]
    assert list(selectors.to_review(setting.other_schoolleider.user)) == []
    assert list(selectors.to_review(setting.teacher.user)) == []


def test_the_raiser_reads_but_does_not_answer_their_own_signal(setting):
    signal = _raise(setting.teacher).signal
    assert selectors.signal_get(setting.teacher.user, signal.pk) == signal
    with pytest.raises(NotAllowed):
        services.policy_signal_answer(actor=setting.teacher.user, signal_id=signal.pk, answer="Zelf opgelost.")
    with pytest.raises(NotFoundOrForbidden):
        selectors.signal_get(setting.consulent.user, signal.pk)


def test_an_answer_closes_the_signal_and_the_raiser_is_told(setting, django_capture_on_commit_callbacks):
    signal = _raise(setting.teacher).signal
    with django_capture_on_commit_callbacks(execute=True):
        services.policy_signal_answer(actor=setting.schoolleider.user, signal_id=signal.pk, answer="We bespreken het.")
    signal.refresh_from_db()
    assert (signal.status, signal.answered_by) == ("beantwoord", setting.schoolleider)
    assert services.answered_notify(signal_ids=[signal.pk]) == 1
    assert mail.outbox[-1].to == [setting.teacher.email] and "beantwoord" in mail.outbox[-1].subject


def test_signals_about_the_same_thing_are_grouped_and_answered_together(setting):
    first = _raise(setting.teacher).signal
    second = _raise(setting.consulent, title="Wachten op hulp na beschikking").signal
    group = services.policy_signal_group(actor=setting.teamleider.user, signal_id=first.pk, new_title="Wachttijden")
    services.policy_signal_group(actor=setting.teamleider.user, signal_id=second.pk, group_id=group.pk)
    assert set(group.signals.all()) == {first, second}
    services.group_answer(actor=setting.teamleider.user, group_id=group.pk, answer="Extra inkoop vanaf maart.")
    for signal in (first, second):
        signal.refresh_from_db()
        assert signal.status == "beantwoord" and signal.current_answer == "Extra inkoop vanaf maart."


def test_only_a_gemeente_manager_answers_a_group_and_groups_stay_in_their_municipality(setting):
    signal = _raise(setting.teacher).signal
    group = services.policy_signal_group(actor=setting.teamleider.user, signal_id=signal.pk, new_title="Wachttijden")
    with pytest.raises(NotAllowed):
        services.group_answer(actor=setting.schoolleider.user, group_id=group.pk, answer="x")
    with pytest.raises(NotFoundOrForbidden):
        services.group_answer(actor=setting.ommen_teamleider.user, group_id=group.pk, answer="x")
    ommen_group = Group.objects.create(
        municipality=setting.ommen_teamleider.organisation.municipality,
        title="Ommen",
        created_by=setting.ommen_teamleider,
    )
    with pytest.raises(ValidationError) as excinfo:
        services.policy_signal_group(actor=setting.teamleider.user, signal_id=signal.pk, group_id=ommen_group.pk)
    assert "group" in excinfo.value.message_dict
    with pytest.raises(ValidationError):
        services.policy_signal_group(actor=setting.teamleider.user, signal_id=signal.pk)


def test_a_managers_answer_and_group_subject_stay_free_of_child_identity(setting):
    signal = _raise(setting.teacher).signal
    with pytest.raises(ValidationError) as excinfo:
        services.policy_signal_answer(actor=setting.teamleider.user, signal_id=signal.pk, answer="Bel Noah Jansen.")
    assert "Noah Jansen" in excinfo.value.message_dict["answer"][0]
    with pytest.raises(ValidationError) as excinfo:
        services.policy_signal_group(actor=setting.teamleider.user, signal_id=signal.pk, new_title="Noah Jansen")
    assert "new_title" in excinfo.value.message_dict
    services.policy_signal_answer(actor=setting.teamleider.user, signal_id=signal.pk, answer="Bel mij: 06-12345678.")
    signal.refresh_from_db()
    assert "06-12345678" not in signal.answer
