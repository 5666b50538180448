"""Changes to the Plan van Aanpak. Every change names the version it was made on: when someone else
saved in between, the change is refused with what they changed (optimistic locking), never
silently overwritten. Every accepted change raises the version and stores a snapshot, so the plan
as it stood on any date can be shown. Each function takes the acting user, asks the policy and
writes the access log in the same transaction."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from jeugdketen.access import policy
from jeugdketen.access.categories import Category, Ground
from jeugdketen.access.exceptions import NotAllowed, NotFoundOrForbidden
from jeugdketen.auditlog.services import AccessPoint, Event, audited_atomic, log_access, log_refusal
from jeugdketen.cases.models import Case
from jeugdketen.intake.services import no_markup
from jeugdketen.organisations.models import Professional
from jeugdketen.youth.models import Carer

from .models import Agreement, Approval, Evaluation, Goal, Message, Plan, PlanVersion

OBJECT_TYPE = "plan"
FAMILY_GROUNDS = frozenset({Ground.PARENT_WITH_GEZAG, Ground.YOUTH_SELF})


class PlanConflict(ValidationError):
    """The plan changed since the version the user worked on. ``changes`` says what changed."""

    def __init__(self, changes: list[str], current_version: int):
        self.changes = changes
        self.current_version = current_version
        super().__init__(
            {
                None: _(
                    "Iemand anders heeft het plan intussen gewijzigd (nu versie %(v)s). Uw wijziging is niet "
                    "opgeslagen; bekijk wat er veranderde en probeer het opnieuw."
                )
                % {"v": current_version}
            }
        )


# --- access -----------------------------------------------------------------------------------------


@dataclass
class PlanAccess:
    """What the actor may do with one case's plan, and the grant to log it on."""

    access: policy.YouthAccess
    grant: policy.Grant
    professional: Professional | None
    access_case: Case

    @property
    def is_regisseur(self) -> bool:
        return self.professional is not None and self.access_case.casusregisseur_id == self.professional.pk

    @property
    def involvement(self):
        return self.access.involvement_in(self.access_case.pk, Category.PLAN)

    @property
    def is_family(self) -> bool:
        return self.grant.ground in FAMILY_GROUNDS


def may_read_plan(access: policy.YouthAccess, case: Case) -> bool:
    """Whether the access covers this case's plan (the same rule as ``plan_access``, without
    logging): for showing a link."""
    grant = access.grant(Category.PLAN)
    if case.pk not in access.case_ids or grant is None:
        return False
    return grant.ground != Ground.CASE_INVOLVEMENT or access.involvement_in(case.pk, Category.PLAN) is not None


def plan_access(actor, case: Case, access_point: AccessPoint) -> PlanAccess:
    """Who reads the plan: those involved in the case in a function that reads the plan, emergency
    access, and the parents with gezag and the youth (by age). Otherwise 404, logged."""
    access = policy.access_for(actor, case.youth)
    grant = access.grant(Category.PLAN)
    involvement = access.involvement_in(case.pk, Category.PLAN)
    if not may_read_plan(access, case):  # also: involved in another case of the youth, not this one
        log_refusal(user=actor, youth=case.youth, object_type=OBJECT_TYPE, access_point=access_point)
        raise NotFoundOrForbidden
    if involvement is not None:
        grant = policy.Grant(Category.PLAN, Ground.CASE_INVOLVEMENT, involvement.function, case.reference, True)
    return PlanAccess(access, grant, policy.professional_of(actor), case)


def _refuse(actor, case: Case, access_point: AccessPoint, message: str, description: str) -> None:
    log_refusal(
        user=actor, youth=case.youth, object_type=OBJECT_TYPE, access_point=access_point, description=description
    )
    raise NotAllowed(message)


def _require_regisseur(actor, case: Case, access_point: AccessPoint) -> PlanAccess:
    pa = plan_access(actor, case, access_point)
    if not (pa.is_regisseur and pa.involvement is not None):
        _refuse(actor, case, access_point, _("Alleen de casusregisseur wijzigt dit deel van het plan."), "plan")
    return pa


# --- versions ---------------------------------------------------------------------------------------


def snapshot(plan: Plan) -> dict:
    """The plan as data: what a version stores and what a conflict is compared on."""
    return {
        "goals": [{"id": g.pk, "text": g.text, "status": g.status} for g in plan.goals.all()],
        "agreements": [
            {
                "id": a.pk,
                "what": a.what,
                "owner": a.owner_name,
                "due_on": a.due_on.isoformat(),
                "status": a.status,
                "done_on": a.done_on.isoformat() if a.done_on else None,
                "note": a.note,
            }
            for a in plan.agreements.select_related("owner_professional__user", "owner_carer")
        ],
        "evaluations": [
            {
                "id": e.pk,
                "planned_on": e.planned_on.isoformat(),
                "held_on": e.held_on.isoformat() if e.held_on else None,
                "outcome": e.outcome,
            }
            for e in plan.evaluations.all()
        ],
        "end_evaluation": plan.end_evaluation,
        "end_evaluated_on": plan.end_evaluated_on.isoformat() if plan.end_evaluated_on else None,
        "nazorg_on": plan.nazorg_on.isoformat() if plan.nazorg_on else None,
    }


def differences(before: dict, after: dict) -> list[str]:
    """What changed between two snapshots, in Dutch sentences."""
    lines: list[str] = []
    labels = {"goals": _("Doel"), "agreements": _("Afspraak"), "evaluations": _("Evaluatie")}
    titles = {"goals": "text", "agreements": "what", "evaluations": "planned_on"}
    for part, label in labels.items():
        old = {item["id"]: item for item in before.get(part, [])}
        new = {item["id"]: item for item in after.get(part, [])}
        for pk in new.keys() - old.keys():
            lines.append(_("%(label)s toegevoegd: %(title)s") % {"label": label, "title": new[pk][titles[part]]})
        for pk in old.keys() - new.keys():
            lines.append(_("%(label)s verwijderd: %(title)s") % {"label": label, "title": old[pk][titles[part]]})
        for pk in new.keys() & old.keys():
            changed = [k for k in new[pk] if new[pk][k] != old[pk].get(k)]
            if changed:
                details = ", ".join(f"{k}: {old[pk].get(k) or '—'} → {new[pk][k] or '—'}" for k in changed)
                lines.append(
                    _("%(label)s gewijzigd: %(title)s (%(details)s)")
                    % {"label": label, "title": new[pk][titles[part]], "details": details}
                )
    for key, label in (
        ("end_evaluation", _("Eindevaluatie")),
        ("end_evaluated_on", _("Datum eindevaluatie")),
        ("nazorg_on", _("Nazorgmoment")),
    ):
        if before.get(key) != after.get(key):
            lines.append(_("%(label)s gewijzigd") % {"label": label})
    return lines


def _claim(plan: Plan, expected_version: int | None, actor) -> None:
    """Take the next version, only if nobody saved since ``expected_version`` (one UPDATE with the
    version in its WHERE: two saves of the same version cannot both succeed)."""
    if expected_version is None:
        raise ValidationError({None: _("Het plan is zonder versienummer verstuurd; laad de pagina opnieuw.")})
    updated = Plan.objects.filter(pk=plan.pk, version=expected_version).update(
        version=F("version") + 1, updated_at=timezone.now(), updated_by=actor
    )
    if not updated:
        plan.refresh_from_db()
        old = PlanVersion.objects.filter(plan=plan, number=expected_version).first()
        changes = differences(old.snapshot if old else {}, snapshot(plan))
        raise PlanConflict(changes, plan.version)
    plan.refresh_from_db()


def _record(plan: Plan, actor, change: str) -> PlanVersion:
    return PlanVersion.objects.create(
        plan=plan,
        number=plan.version,
        snapshot=snapshot(plan),
        change=change[:300],
        created_by=actor,
        created_by_name=(actor.get_full_name() or actor.username) if actor else "",
    )


def _log(actor, pa: PlanAccess, event: str, access_point: AccessPoint, description: str, ids=()) -> None:
    log_access(
        user=actor,
        youth=pa.access_case.youth,
        event=event,
        grant=pa.grant,
        object_type=OBJECT_TYPE,
        object_ids=[f"plan:{pa.access_case.plan.pk}", *ids],
        categories=[Category.PLAN],
        access_point=access_point,
        description=description,
    )


def _text(value: str, field: str, label: str, required: bool = True, max_length: int = 2000) -> str:
    value = (value or "").strip()
    if required and not value:
        raise ValidationError({field: _("Vul %(label)s in.") % {"label": label.lower()}})
    if len(value) > max_length:
        raise ValidationError({field: _("Te lang: ten hoogste %(n)s tekens.") % {"n": max_length}})
    no_markup(value, field, label)
    return value


# --- the plan ---------------------------------------------------------------------------------------


@audited_atomic
def plan_start(*, actor, case: Case, access_point: AccessPoint) -> Plan:
    """The casusregisseur starts the case's plan (version 1, empty). Starting twice returns it."""
    pa = _require_regisseur(actor, case, access_point)
    if not case.is_open:
        raise ValidationError({None: _("Een gesloten casus krijgt geen nieuw plan.")})
    plan, created = Plan.objects.get_or_create(case=case, defaults={"updated_by": actor})
    if created:
        _record(plan, actor, "plan gestart")
        _log(actor, pa, Event.CREATE, access_point, "plan van aanpak gestart")
    return plan


@audited_atomic
def goal_add(*, actor, plan: Plan, expected_version: int, text: str, access_point: AccessPoint) -> Goal:
    pa = _require_regisseur(actor, plan.case, access_point)
    text = _text(text, "text", _("Het doel"))
    _claim(plan, expected_version, actor)
    last = plan.goals.order_by("-order").values_list("order", flat=True).first() or 0
    goal = Goal.objects.create(plan=plan, text=text, order=last + 10)
    _record(plan, actor, f"doel toegevoegd: {text}")
    _log(actor, pa, Event.CREATE, access_point, "doel toegevoegd", [f"goal:{goal.pk}"])
    return goal


@audited_atomic
def goal_update(
    *, actor, plan: Plan, goal: Goal, expected_version: int, access_point: AccessPoint, status: str
) -> Goal:
    pa = _require_regisseur(actor, plan.case, access_point)
    if goal.plan_id != plan.pk:
        raise NotFoundOrForbidden
    if status not in Goal.Status.values:
        raise ValidationError({"status": _("Kies de status van het doel.")})
    _claim(plan, expected_version, actor)
    goal.status = status
    goal.save(update_fields=["status"])
    _record(plan, actor, f"doel {goal.get_status_display().lower()}: {goal.text}")
    _log(actor, pa, Event.UPDATE, access_point, "doel bijgewerkt", [f"goal:{goal.pk}"])
    return goal


def _owner(plan: Plan, owner_kind: str, owner_professional: Professional | None, owner_carer: Carer | None):
    if owner_kind == Agreement.Owner.PROFESSIONAL:
        if owner_professional is None:
            raise ValidationError({"owner_professional": _("Kies de professional die de afspraak uitvoert.")})
        involved = plan.case.involvements.active().filter(professional=owner_professional).exists()
        if not involved:
            raise ValidationError(
                {"owner_professional": _("%(name)s is niet betrokken bij deze casus.") % {"name": owner_professional}}
            )
        return owner_professional, None
    if owner_kind == Agreement.Owner.PARENT:
        if owner_carer is not None and not plan.case.youth.carer_relations.filter(carer=owner_carer).exists():
            raise ValidationError({"owner_carer": _("Kies een ouder of verzorger van de jeugdige.")})
        return None, owner_carer
    if owner_kind == Agreement.Owner.YOUTH:
        return None, None
    raise ValidationError({"owner_kind": _("Kies wie de afspraak uitvoert.")})


@audited_atomic
def agreement_add(
    *,
    actor,
    plan: Plan,
    expected_version: int,
    what: str,
    owner_kind: str,
    due_on: date | None,
    access_point: AccessPoint,
    owner_professional: Professional | None = None,
    owner_carer: Carer | None = None,
    goal: Goal | None = None,
    source: str = "",
) -> Agreement:
    """The casusregisseur adds an agreement for anyone involved (a professional, a parent, the
    youth); another involved professional adds one for themselves."""
    pa = plan_access(actor, plan.case, access_point)
    if pa.involvement is None:
        _refuse(actor, plan.case, access_point, _("Alleen betrokken professionals maken afspraken."), "afspraak")
    if not pa.is_regisseur and not (
        owner_kind == Agreement.Owner.PROFESSIONAL and owner_professional == pa.professional
    ):
        _refuse(
            actor,
            plan.case,
            access_point,
            _("U kunt een afspraak voor uzelf maken; afspraken voor anderen maakt de casusregisseur."),
            "afspraak voor een ander",
        )
    what = _text(what, "what", _("Wat er wordt gedaan"))
    if due_on is None:
        raise ValidationError({"due_on": _("Vul in wanneer de afspraak klaar moet zijn.")})
    if due_on < timezone.localdate() - timedelta(days=365):
        raise ValidationError({"due_on": _("De datum ligt te ver in het verleden.")})
    if goal is not None and goal.plan_id != plan.pk:
        raise ValidationError({"goal": _("Kies een doel van dit plan.")})
    owner_professional, owner_carer = _owner(plan, owner_kind, owner_professional, owner_carer)
    _claim(plan, expected_version, actor)
    agreement = Agreement.objects.create(
        plan=plan,
        goal=goal,
        what=what,
        owner_kind=owner_kind,
        owner_professional=owner_professional,
        owner_carer=owner_carer,
        due_on=due_on,
        source=source[:200],
    )
    _record(plan, actor, f"afspraak toegevoegd: {what}")
    _log(actor, pa, Event.CREATE, access_point, "afspraak toegevoegd", [f"agreement:{agreement.pk}"])
    return agreement


@audited_atomic
def agreement_update(
    *,
    actor,
    plan: Plan,
    agreement: Agreement,
    expected_version: int,
    access_point: AccessPoint,
    status: str | None = None,
    note: str | None = None,
    due_on: date | None = None,
) -> Agreement:
    """The owner of an agreement (or the casusregisseur) marks it done, cancels it, moves its date
    or adds a note."""
    pa = plan_access(actor, plan.case, access_point)
    if agreement.plan_id != plan.pk:
        raise NotFoundOrForbidden
    own = pa.professional is not None and agreement.owner_professional_id == pa.professional.pk
    if pa.involvement is None or not (own or pa.is_regisseur):
        _refuse(
            actor,
            plan.case,
            access_point,
            _("Alleen wie de afspraak uitvoert of de casusregisseur werkt haar bij."),
            "afspraak van een ander",
        )
    changes = []
    if status is not None and status != agreement.status:
        if status not in Agreement.Status.values:
            raise ValidationError({"status": _("Kies de status van de afspraak.")})
        agreement.status = status
        agreement.done_on = timezone.localdate() if status == Agreement.Status.DONE else None
        changes.append(agreement.get_status_display().lower())
    if note is not None:
        agreement.note = _text(note, "note", _("De toelichting"), required=False)
        changes.append("toelichting")
    if due_on is not None and due_on != agreement.due_on:
        agreement.due_on = due_on
        changes.append(f"datum {due_on:%d-%m-%Y}")
    if not changes:
        raise ValidationError({"status": _("Er is niets gewijzigd.")})
    _claim(plan, expected_version, actor)
    agreement.full_clean()
    agreement.save()
    _record(plan, actor, f"afspraak bijgewerkt ({', '.join(changes)}): {agreement.what}")
    _log(actor, pa, Event.UPDATE, access_point, "afspraak bijgewerkt", [f"agreement:{agreement.pk}"])
    return agreement


@audited_atomic
def evaluation_add(
    *, actor, plan: Plan, expected_version: int, planned_on: date | None, access_point: AccessPoint
) -> Evaluation:
    pa = _require_regisseur(actor, plan.case, access_point)
    if planned_on is None:
        raise ValidationError({"planned_on": _("Vul de datum van het evaluatiemoment in.")})
    _claim(plan, expected_version, actor)
    evaluation = Evaluation.objects.create(plan=plan, planned_on=planned_on)
    _record(plan, actor, f"evaluatiemoment gepland op {planned_on:%d-%m-%Y}")
    _log(actor, pa, Event.CREATE, access_point, "evaluatiemoment gepland", [f"evaluation:{evaluation.pk}"])
    return evaluation


@audited_atomic
def evaluation_record(
    *,
    actor,
    plan: Plan,
    evaluation: Evaluation,
    expected_version: int,
    held_on: date | None,
    outcome: str,
    contacts_confirmed: bool,
    access_point: AccessPoint,
) -> Evaluation:
    """The casusregisseur records an evaluation, and confirms the list of who is involved (with
    their phone and e-mail) is still right."""
    pa = _require_regisseur(actor, plan.case, access_point)
    if evaluation.plan_id != plan.pk:
        raise NotFoundOrForbidden
    errors = {}
    if held_on is None or held_on > timezone.localdate():
        errors["held_on"] = _("Vul de datum in waarop de evaluatie is gehouden (niet in de toekomst).")
    try:
        outcome = _text(outcome, "outcome", _("De uitkomst"))
    except ValidationError as exc:
        errors.update({k: v[0] for k, v in exc.message_dict.items()})
    if not contacts_confirmed:
        errors["contacts_confirmed"] = _(
            "Controleer bij elke evaluatie wie er betrokken is en of telefoon en e-mail kloppen, en vink dit aan."
        )
    if errors:
        raise ValidationError(errors)
    _claim(plan, expected_version, actor)
    evaluation.held_on, evaluation.outcome, evaluation.contacts_confirmed = held_on, outcome, True
    evaluation.save()
    _record(plan, actor, f"evaluatie gehouden op {held_on:%d-%m-%Y}")
    _log(actor, pa, Event.UPDATE, access_point, "evaluatie vastgelegd", [f"evaluation:{evaluation.pk}"])
    return evaluation


@audited_atomic
def end_evaluation_set(
    *,
    actor,
    plan: Plan,
    expected_version: int,
    text: str,
    evaluated_on: date | None,
    access_point: AccessPoint,
    nazorg_on: date | None = None,
) -> Plan:
    """The end evaluation; where agreed, a nazorg moment some months later."""
    pa = _require_regisseur(actor, plan.case, access_point)
    text = _text(text, "text", _("De eindevaluatie"), max_length=4000)
    if evaluated_on is None or evaluated_on > timezone.localdate():
        raise ValidationError({"evaluated_on": _("Vul de datum van de eindevaluatie in (niet in de toekomst).")})
    if nazorg_on is not None and nazorg_on <= evaluated_on:
        raise ValidationError({"nazorg_on": _("Het nazorgmoment ligt na de eindevaluatie.")})
    _claim(plan, expected_version, actor)
    plan.end_evaluation, plan.end_evaluated_on, plan.nazorg_on = text, evaluated_on, nazorg_on
    plan.save(update_fields=["end_evaluation", "end_evaluated_on", "nazorg_on"])
    _record(plan, actor, "eindevaluatie vastgelegd")
    _log(actor, pa, Event.UPDATE, access_point, "eindevaluatie vastgelegd")
    return plan


@audited_atomic
def approval_add(*, actor, plan: Plan, version: int, agrees: bool, comment: str, access_point: AccessPoint) -> Approval:
    """A parent with gezag or the youth agrees with the plan as it is now — or says what they miss."""
    pa = plan_access(actor, plan.case, access_point)
    if not pa.is_family:
        _refuse(
            actor, plan.case, access_point, _("Met het plan instemmen doen de ouders en de jeugdige."), "instemming"
        )
    comment = _text(comment, "comment", _("Uw toelichting"), required=not agrees)
    plan.refresh_from_db()
    if version != plan.version:
        old = PlanVersion.objects.filter(plan=plan, number=version).first()
        raise PlanConflict(differences(old.snapshot if old else {}, snapshot(plan)), plan.version)
    approval = Approval.objects.create(
        plan=plan,
        version=plan.version,
        user=actor,
        name=actor.get_full_name() or actor.username,
        role="ouder" if pa.grant.ground == Ground.PARENT_WITH_GEZAG else "jeugdige",
        agrees=agrees,
        comment=comment,
    )
    _log(actor, pa, Event.CREATE, access_point, "akkoord met het plan" if agrees else "niet akkoord met het plan")
    return approval


@audited_atomic
def message_add(*, actor, plan: Plan, text: str, access_point: AccessPoint) -> Message:
    """A parent or the youth adds their own view or a question for the casusregisseur. (Not a plan
    change: no new version.) The casusregisseur is told by e-mail, without the content."""
    pa = plan_access(actor, plan.case, access_point)
    if not pa.is_family:
        _refuse(
            actor,
            plan.case,
            access_point,
            _("Berichten aan de casusregisseur sturen de ouders en de jeugdige."),
            "bericht",
        )
    text = _text(text, "text", _("Uw bericht"), max_length=4000)
    message = Message.objects.create(
        plan=plan,
        author=actor,
        author_name=actor.get_full_name() or actor.username,
        role="ouder" if pa.grant.ground == Ground.PARENT_WITH_GEZAG else "jeugdige",
        text=text,
    )
    regisseur = plan.case.casusregisseur
    if regisseur is not None and regisseur.email:
        from .tasks import notify_regisseur

        transaction.on_commit(lambda: notify_regisseur.enqueue(plan.case_id, regisseur.email))
    _log(actor, pa, Event.CREATE, access_point, "bericht aan de casusregisseur", [f"message:{message.pk}"])
    return message


@audited_atomic
def message_answer(*, actor, plan: Plan, message: Message, answer: str, access_point: AccessPoint) -> Message:
    pa = _require_regisseur(actor, plan.case, access_point)
    if message.plan_id != plan.pk:
        raise NotFoundOrForbidden
    message.answer = _text(answer, "answer", _("Het antwoord"), max_length=4000)
    message.answered_by_name = pa.professional.name
    message.answered_at = timezone.now()
    message.save(update_fields=["answer", "answered_by_name", "answered_at"])
    _log(actor, pa, Event.UPDATE, access_point, "bericht beantwoord", [f"message:{message.pk}"])
    return message
