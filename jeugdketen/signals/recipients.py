"""Who receives a signal: the casusregisseur, and for an agreement the professional who owns it
(a parent's or the youth's agreement goes to the casusregisseur only) — each only while they
still have access to the case's plan. The inbox, its count, the e-mail and the actions all use
these filters, so who is told and who may see it cannot drift apart.

Access follows the policy's table (``policy.FUNCTION_CATEGORIES``): an active involvement in the
case, in a function that reads the plan and that the professional still holds, while the case is
open — and, like the policy, only while the family does not withhold the plan from the
professional's organisation (``consents.withholds``, the query form of ``consents.withheld``). The
one addition is nazorg: it falls after the case closed, when the policy gives nobody a
ground any more, so a nazorg signal goes to the casusregisseur whose involvement in the closed
case has not been ended. (A nazorg ground in ``access.policy`` would need identity as well as the
plan, a change right for the nazorg contact, and a window as long as the signal lives; until then
the rule stays this narrow and lives here.)
"""

from __future__ import annotations

from datetime import date

from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery

from jeugdketen.access import consents, policy
from jeugdketen.access.categories import Category
from jeugdketen.cases.models import Case, Involvement
from jeugdketen.organisations.models import Professional
from jeugdketen.plans.models import Agreement

from .models import Signal

PLAN_FUNCTION_CODES = tuple(
    sorted(code for code, categories in policy.FUNCTION_CATEGORIES.items() if Category.PLAN in categories)
)


def plan_involvements(today: date) -> QuerySet[Involvement]:
    """Involvements that let a professional read a case's plan on ``today``: active, in a function
    that reads the plan, a function the professional still holds, and the family does not withhold
    the plan from the professional's organisation."""
    held = Professional.functions.through.objects.filter(
        professional_id=OuterRef("professional_id"), function_id=OuterRef("function_id")
    )
    withheld = consents.withholds(
        Category.PLAN,
        youth=OuterRef("case__youth_id"),
        organisation=OuterRef("professional__organisation_id"),
        today=today,
    )
    return (
        Involvement.objects.active(today).filter(function__code__in=PLAN_FUNCTION_CODES).filter(Exists(held), ~withheld)
    )


def case_state_q() -> Q:
    """A stagnation signal counts while its case is open; a nazorg signal on the closed case."""
    nazorg = Q(kind=Signal.Kind.NAZORG_DUE)
    return (nazorg & Q(case__status=Case.Status.AFGESLOTEN)) | (~nazorg & Q(case__status__in=Case.OPEN_STATUSES))


def addressed_to(user, today: date, *, open_only: bool = False) -> QuerySet[Signal]:
    """The signals addressed to ``user`` that ``user`` may still see (with ``open_only``, the
    unresolved ones). Built to start from the user's few cases and agreements — a UNION of the
    signals of the cases they hold and of the agreements they own — so it stays fast however many
    signals the region has."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return Signal.objects.none()
    professional = Subquery(Professional.objects.filter(user=user).order_by().values("pk")[:1])
    signals = Signal.objects.filter(resolved_at__isnull=True) if open_only else Signal.objects.all()
    as_regisseur = signals.filter(case__casusregisseur_id=professional).order_by().values("pk")
    as_owner = (
        signals.filter(
            agreement__owner_kind=Agreement.Owner.PROFESSIONAL, agreement__owner_professional_id=professional
        )
        .order_by()
        .values("pk")
    )
    mine = plan_involvements(today).filter(professional_id=professional).order_by().values("case_id")
    return signals.filter(pk__in=as_regisseur.union(as_owner), case_id__in=mine).filter(case_state_q())


def recipients(signals: list[Signal], today: date) -> dict[int, list[Involvement]]:
    """Per signal, the involvements (with professional, user and function) of those it goes to,
    in one query. ``signals`` need ``case`` and ``agreement`` loaded."""
    wanted: dict[int, list[int]] = {}
    for signal in signals:
        people = [signal.case.casusregisseur_id]
        agreement = signal.agreement
        if agreement is not None and agreement.owner_kind == Agreement.Owner.PROFESSIONAL:
            people.append(agreement.owner_professional_id)
        wanted[signal.pk] = list(dict.fromkeys(p for p in people if p is not None))
    ids = {p for people in wanted.values() for p in people}
    if not ids:
        return {signal.pk: [] for signal in signals}
    involvements: dict[tuple[int, int], Involvement] = {}
    for inv in (
        plan_involvements(today)
        .filter(
            case_id__in={s.case_id for s in signals},
            professional_id__in=ids,
            professional__user__is_active=True,
        )
        .select_related("function", "professional__user", "professional__organisation")
        .order_by("since", "pk")
    ):
        involvements.setdefault((inv.case_id, inv.professional_id), inv)
    result = {}
    for signal in signals:
        case_counts = (signal.kind == Signal.Kind.NAZORG_DUE) == (signal.case.status == Case.Status.AFGESLOTEN)
        found = [involvements.get((signal.case_id, p)) for p in wanted[signal.pk]] if case_counts else []
        result[signal.pk] = [inv for inv in found if inv is not None]
    return result
