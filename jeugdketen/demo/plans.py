"""Demo Plannen van Aanpak: Noah's (school and youth care together, one agreement overdue, one
evaluation held and one missed, his mother agreed) and Lisa's (near its end evaluation)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.utils import timezone

from jeugdketen.plans.models import Agreement, Approval, Evaluation, Goal, Plan, PlanVersion
from jeugdketen.plans.services import snapshot


def _at(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(11, 0)))


def _version(plan: Plan, user, change: str, day: date) -> None:
    plan.version = (plan.versions.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    plan.updated_at, plan.updated_by = _at(day), user
    plan.save()
    PlanVersion.objects.create(
        plan=plan, number=plan.version, snapshot=snapshot(plan), change=change, created_at=_at(day),
        created_by=user, created_by_name=user.get_full_name(),
    )  # fmt: skip


def load_demo_plans(*, today: date, cases: dict, pros: dict) -> int:
    noah = cases["jansen_noah"]
    jeroen = pros["jeroen"]
    start = today - timedelta(days=70)
    plan = Plan.objects.create(case=noah, created_at=_at(start), updated_by=jeroen.user)
    _version(plan, jeroen.user, "plan gestart", start)
    school = Goal.objects.create(plan=plan, order=10, text="Noah gaat weer elke dag naar school, ook op maandag.")
    belly = Goal.objects.create(plan=plan, order=20, text="Noah weet wat hij kan doen als hij buikpijn krijgt.")
    _version(plan, jeroen.user, "doelen vastgesteld met Noah en zijn moeder", start + timedelta(days=2))
    carer = noah.youth.carer_relations.select_related("carer").first().carer
    rows = [
        (school, "professional", pros["sanne"], None, "Elke ochtend een kort check-in gesprek met Noah", 30, "gedaan"),
        (school, "professional", pros["lotte"], None, "Verzuimgesprek met Noah en moeder (MAS)", 40, "gedaan"),
        (belly, "professional", pros["jolien"], None, "Consult jeugdverpleegkundige over de buikpijn", -5, "open"),
        (belly, "ouder", None, carer, "Huisarts bellen voor een afspraak", 20, "open"),
        (school, "jeugdige", None, None, "Zelf aangeven als het in de klas te veel wordt", 30, "open"),
        (school, "professional", pros["ilse"], None, "Handelingsplan bijstellen na de evaluatie", 25, "open"),
    ]
    for goal, kind, pro, owner_carer, what, due_in, status in rows:
        Agreement.objects.create(
            plan=plan, goal=goal, what=what, owner_kind=kind, owner_professional=pro, owner_carer=owner_carer,
            due_on=today + timedelta(days=due_in) if due_in < 0 or status == "open" else start + timedelta(days=due_in),
            status=status, done_on=start + timedelta(days=due_in - 2) if status == "gedaan" else None,
            created_at=_at(start + timedelta(days=3)),
        )  # fmt: skip
    _version(plan, jeroen.user, "afspraken gemaakt", start + timedelta(days=3))
    Evaluation.objects.create(
        plan=plan, planned_on=start + timedelta(days=42), held_on=start + timedelta(days=42),
        outcome="Noah gaat vaker naar school; de buikpijn is minder maar nog niet weg.", contacts_confirmed=True,
    )  # fmt: skip
    Evaluation.objects.create(plan=plan, planned_on=today - timedelta(days=3))
    Evaluation.objects.create(plan=plan, planned_on=today + timedelta(days=40))
    _version(plan, jeroen.user, "evaluatie gehouden; volgende evaluaties gepland", start + timedelta(days=42))
    if carer.user_id:
        Approval.objects.create(
            plan=plan, version=plan.version, user=carer.user, name=carer.full_name, role="ouder", agrees=True,
            comment="Fijn dat school en de GGD meedenken.", created_at=_at(start + timedelta(days=43)),
        )  # fmt: skip

    lisa = cases["lisa"]
    gerrit = pros["gerrit"]
    start = today - timedelta(days=150)
    plan = Plan.objects.create(case=lisa, created_at=_at(start), updated_by=gerrit.user)
    _version(plan, gerrit.user, "plan gestart", start)
    goal = Goal.objects.create(plan=plan, order=10, text="Ik voel me beter en weet bij wie ik terecht kan.")
    Agreement.objects.create(
        plan=plan, goal=goal, what="Wekelijks gesprek met de jongerenwerker", owner_kind="professional",
        owner_professional=gerrit, due_on=today + timedelta(days=7),
    )  # fmt: skip
    Evaluation.objects.create(
        plan=plan, planned_on=today - timedelta(days=60), held_on=today - timedelta(days=60),
        outcome="Lisa gaat met plezier naar de gesprekken; thuis is het rustiger.", contacts_confirmed=True,
    )  # fmt: skip
    _version(plan, gerrit.user, "doel, afspraak en evaluatie", today - timedelta(days=60))
    return 2
