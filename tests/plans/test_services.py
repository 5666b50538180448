"""The Plan van Aanpak through its services: who may read and change what, optimistic locking,
versions and the plan as it stood on a date."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from jeugdketen.access.exceptions import NotAllowed, NotFoundOrForbidden
from jeugdketen.auditlog.models import AccessLogEntry
from jeugdketen.auditlog.services import AccessPoint
from jeugdketen.plans import selectors, services
from jeugdketen.plans.models import Agreement, Plan
from tests.factories import YouthFactory, case_with, involve, parent_of, professional

pytestmark = pytest.mark.django_db
WEB = AccessPoint("web", "127.0.0.1")


class World:
    def __init__(self):
        self.youth = YouthFactory(first_name="Noah")
        self.regisseur = professional("jeugdconsulent")
        self.case = case_with(self.youth, self.regisseur, "jeugdconsulent", status="uitvoering")
        self.teacher = professional("leerkracht")
        involve(self.case, self.teacher, "leerkracht")
        self.parent = parent_of(self.youth)
        self.plan = services.plan_start(actor=self.regisseur.user, case=self.case, access_point=WEB)

    def v(self) -> int:
        self.plan.refresh_from_db()
        return self.plan.version


@pytest.fixture
def world():
    return World()


def test_the_casusregisseur_writes_goals_and_agreements_for_anyone_involved(world):
    goal = services.goal_add(
        actor=world.regisseur.user, plan=world.plan, expected_version=world.v(), text="Noah gaat weer elke dag naar school.",
        access_point=WEB,
    )  # fmt: skip
    due = timezone.localdate() + timedelta(days=14)
    for kind, extra in (
        ("professional", {"owner_professional": world.teacher}),
        ("ouder", {"owner_carer": world.parent}),
        ("jeugdige", {}),
    ):
        services.agreement_add(
            actor=world.regisseur.user, plan=world.plan, expected_version=world.v(), what=f"Stap van {kind}",
            owner_kind=kind, due_on=due, goal=goal, access_point=WEB, **extra,
        )  # fmt: skip
    assert world.v() == 5
    assert [a.owner_name for a in world.plan.agreements.all()] == [
        world.teacher.name,
        world.parent.full_name,
        "De jeugdige",
    ]


def test_an_involved_professional_updates_their_own_agreement_only(world):
    due = timezone.localdate() + timedelta(days=7)
    own = services.agreement_add(
        actor=world.regisseur.user, plan=world.plan, expected_version=world.v(), what="Observatie in de klas",
        owner_kind="professional", owner_professional=world.teacher, due_on=due, access_point=WEB,
    )  # fmt: skip
    other = services.agreement_add(
        actor=world.regisseur.user, plan=world.plan, expected_version=world.v(), what="Huisbezoek",
        owner_kind="professional", owner_professional=world.regisseur, due_on=due, access_point=WEB,
    )  # fmt: skip
    services.agreement_update(
        actor=world.teacher.user, plan=world.plan, agreement=own, expected_version=world.v(), status="gedaan",
        access_point=WEB,
    )  # fmt: skip
    own.refresh_from_db()
    assert (own.status, own.done_on) == ("gedaan", timezone.localdate())
    with pytest.raises(NotAllowed):
        services.agreement_update(
            actor=world.teacher.user, plan=world.plan, agreement=other, expected_version=world.v(), status="gedaan",
            access_point=WEB,
        )  # fmt: skip
    with pytest.raises(NotAllowed):
        services.goal_add(
            actor=world.teacher.user, plan=world.plan, expected_version=world.v(), text="x", access_point=WEB
        )
    with pytest.raises(NotAllowed):  # an agreement for someone else is the casusregisseur's
        services.agreement_add(
            actor=world.teacher.user, plan=world.plan, expected_version=world.v(), what="x", owner_kind="jeugdige",
            due_on=due, access_point=WEB,
        )  # fmt: skip


def test_two_saves_on_the_same_version_the_second_is_refused_with_the_difference(world):
    version = world.v()
    services.goal_add(
        actor=world.regisseur.user, plan=world.plan, expected_version=version, text="Rust in huis", access_point=WEB
    )
    with pytest.raises(services.PlanConflict) as excinfo:
        services.goal_add(
            actor=world.regisseur.user, plan=world.plan, expected_version=version, text="Naar school", access_point=WEB
        )
    assert excinfo.value.changes == ["Doel toegevoegd: Rust in huis"]
    assert excinfo.value.current_version == version + 1
    assert list(world.plan.goals.values_list("text", flat=True)) == ["Rust in huis"]  # nothing overwritten


def test_every_change_is_a_version_and_the_plan_of_a_date_can_be_shown(world):
    services.goal_add(
        actor=world.regisseur.user, plan=world.plan, expected_version=world.v(), text="Doel A", access_point=WEB
    )
    first = world.plan.versions.get(number=2)
    yesterday = timezone.now() - timedelta(days=1)
    type(first).objects.filter(pk=first.pk).update(created_at=yesterday)
    type(first).objects.filter(plan=world.plan, number=1).update(created_at=yesterday - timedelta(days=1))
    services.goal_add(
        actor=world.regisseur.user, plan=world.plan, expected_version=world.v(), text="Doel B", access_point=WEB
    )
    then = selectors.plan_view(
        actor=world.regisseur.user, case_id=world.case.pk, access_point=WEB, as_of=timezone.localtime(yesterday).date()
    )
    assert then.as_of_version.number == 2
    assert [g["text"] for g in then.as_of_version.snapshot["goals"]] == ["Doel A"]
    now = selectors.plan_view(actor=world.regisseur.user, case_id=world.case.pk, access_point=WEB)
    assert [g.text for g in now.goals] == ["Doel A", "Doel B"]
    assert [v.number for v in now.versions] == [3, 2, 1]


def test_an_evaluation_confirms_the_contacts(world):
    evaluation = services.evaluation_add(
        actor=world.regisseur.user, plan=world.plan, expected_version=world.v(), planned_on=timezone.localdate(),
        access_point=WEB,
    )  # fmt: skip
    with pytest.raises(ValidationError) as excinfo:
        services.evaluation_record(
            actor=world.regisseur.user, plan=world.plan, evaluation=evaluation, expected_version=world.v(),
            held_on=timezone.localdate(), outcome="Gaat beter.", contacts_confirmed=False, access_point=WEB,
        )  # fmt: skip
    assert "contacts_confirmed" in excinfo.value.message_dict
    services.evaluation_record(
        actor=world.regisseur.user, plan=world.plan, evaluation=evaluation, expected_version=world.v(),
        held_on=timezone.localdate(), outcome="Gaat beter.", contacts_confirmed=True, access_point=WEB,
    )  # fmt: skip
    evaluation.refresh_from_db()
    assert evaluation.contacts_confirmed and evaluation.held_on == timezone.localdate()


def test_end_evaluation_with_a_nazorg_moment(world):
    today = timezone.localdate()
    with pytest.raises(ValidationError) as excinfo:
        services.end_evaluation_set(
            actor=world.regisseur.user, plan=world.plan, expected_version=world.v(), text="Klaar.", evaluated_on=today,
            nazorg_on=today, access_point=WEB,
        )  # fmt: skip
    assert "nazorg_on" in excinfo.value.message_dict
    services.end_evaluation_set(
        actor=world.regisseur.user, plan=world.plan, expected_version=world.v(), text="Doelen behaald.",
        evaluated_on=today, nazorg_on=today + timedelta(days=90), access_point=WEB,
    )  # fmt: skip
    world.plan.refresh_from_db()
    assert world.plan.nazorg_on == today + timedelta(days=90)


def test_parents_read_the_plan_and_agree_to_it(world):
    view = selectors.plan_view(actor=world.parent.user, case_id=world.case.pk, access_point=WEB)
    assert view.pa.is_family and not view.may_edit
    with pytest.raises(ValidationError):  # not agreeing needs a reason
        services.approval_add(
            actor=world.parent.user, plan=world.plan, version=world.v(), agrees=False, comment="", access_point=WEB
        )
    approval = services.approval_add(
        actor=world.parent.user, plan=world.plan, version=world.v(), agrees=True, comment="", access_point=WEB
    )
    assert (approval.role, approval.version) == ("ouder", world.v())
    with pytest.raises(NotAllowed):
        services.goal_add(
            actor=world.parent.user, plan=world.plan, expected_version=world.v(), text="x", access_point=WEB
        )
    with pytest.raises(NotAllowed):
        services.approval_add(
            actor=world.teacher.user, plan=world.plan, version=world.v(), agrees=True, comment="", access_point=WEB
        )


def test_agreeing_to_an_outdated_version_is_refused(world):
    version = world.v()
    services.goal_add(
        actor=world.regisseur.user, plan=world.plan, expected_version=version, text="Nieuw doel", access_point=WEB
    )
    with pytest.raises(services.PlanConflict):
        services.approval_add(
            actor=world.parent.user, plan=world.plan, version=version, agrees=True, comment="", access_point=WEB
        )


@pytest.mark.parametrize("code", ["politie", "manager"])
def test_functions_without_the_plan_category_do_not_see_it(world, code):
    pro = professional(code)
    involve(world.case, pro, code)
    with pytest.raises(NotFoundOrForbidden):
        selectors.plan_view(actor=pro.user, case_id=world.case.pk, access_point=WEB)
    assert AccessLogEntry.objects.filter(user_id=pro.user.pk, event="refused", object_type="plan").exists()


def test_involved_in_another_case_of_the_youth_is_not_enough(world):
    other = professional("jeugdverpleegkundige")
    involve(case_with(world.youth, professional("jeugdconsulent"), "jeugdconsulent"), other, "jeugdverpleegkundige")
    with pytest.raises(NotFoundOrForbidden):
        selectors.plan_view(actor=other.user, case_id=world.case.pk, access_point=WEB)


def test_an_unrelated_professional_and_a_parent_of_16_see_nothing(world):
    with pytest.raises(NotFoundOrForbidden):
        selectors.plan_view(actor=professional("jeugdconsulent").user, case_id=world.case.pk, access_point=WEB)
    older = YouthFactory(date_of_birth=timezone.localdate().replace(year=timezone.localdate().year - 17))
    parent = parent_of(older)
    case = case_with(older, world.regisseur, "jeugdconsulent")
    with pytest.raises(NotFoundOrForbidden):
        selectors.plan_view(actor=parent.user, case_id=case.pk, access_point=WEB)


def test_reads_and_changes_are_logged_in_the_plan_category(world):
    selectors.plan_view(actor=world.teacher.user, case_id=world.case.pk, access_point=WEB)
    entry = AccessLogEntry.objects.filter(user_id=world.teacher.user.pk, object_type="plan").get()
    assert (entry.event, entry.categories, entry.function_code) == ("read", ["plan"], "leerkracht")


def test_bad_input_names_the_field_and_saves_nothing(world):
    version = world.v()
    with pytest.raises(ValidationError) as excinfo:
        services.agreement_add(
            actor=world.regisseur.user, plan=world.plan, expected_version=version, what="<script>x</script>",
            owner_kind="professional", owner_professional=None, due_on=None, access_point=WEB,
        )  # fmt: skip
    assert "what" in excinfo.value.message_dict
    assert world.v() == version and not Agreement.objects.exists()
    assert Plan.objects.count() == 1


def test_the_family_asks_the_casusregisseur_and_gets_an_answer(world, django_capture_on_commit_callbacks):
    from django.core import mail

    from jeugdketen.plans.tasks import notify_regisseur

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        message = services.message_add(
            actor=world.parent.user, plan=world.plan, text="Kan school ook bij het gesprek zijn?", access_point=WEB
        )
    assert len(callbacks) == 1
    notify_regisseur.call(world.case.pk, world.regisseur.email)  # what the worker runs
    [sent] = mail.outbox
    assert world.case.reference in sent.subject and "school" not in sent.body  # no content in mail
    assert world.v() == 1  # a message is not a change of the plan
    with pytest.raises(NotAllowed):
        services.message_add(actor=world.teacher.user, plan=world.plan, text="x", access_point=WEB)
    with pytest.raises(NotAllowed):
        services.message_answer(
            actor=world.teacher.user, plan=world.plan, message=message, answer="Ja", access_point=WEB
        )
    services.message_answer(
        actor=world.regisseur.user,
        plan=world.plan,
        message=message,
        answer="Ja, ik nodig de mentor uit.",
        access_point=WEB,
    )
    message.refresh_from_db()
    assert message.answered_by_name == world.regisseur.name
    view = selectors.plan_view(actor=world.teacher.user, case_id=world.case.pk, access_point=WEB)
    assert view.messages == []  # the family's messages are between them and the casusregisseur


def test_a_case_with_a_plan_closes_only_after_the_end_evaluation(world):
    from jeugdketen.cases.services import case_update

    with pytest.raises(ValidationError) as excinfo:
        case_update(actor=world.regisseur.user, case=world.case, status="afgesloten", access_point=WEB)
    assert "eindevaluatie" in excinfo.value.message_dict["status"][0]
    services.end_evaluation_set(
        actor=world.regisseur.user, plan=world.plan, expected_version=world.v(), text="Doelen behaald.",
        evaluated_on=timezone.localdate(), access_point=WEB,
    )  # fmt: skip
    world.case.refresh_from_db()
    case_update(actor=world.regisseur.user, case=world.case, status="afgesloten", access_point=WEB)
    world.case.refresh_from_db()
    assert world.case.status == "afgesloten"
