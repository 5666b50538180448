"""Changes to cases: open, involve, journal, status. Each takes the acting user, asks the policy,
and writes the access log in the same transaction."""

from __future__ import annotations

import uuid
from datetime import date

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from jeugdketen.access import policy
from jeugdketen.access.categories import Action, Category, Ground
from jeugdketen.access.exceptions import NotAllowed, NotFoundOrForbidden
from jeugdketen.auditlog.services import AccessPoint, Event, audited_atomic, log_access, log_refusal
from jeugdketen.organisations.models import Function, Professional
from jeugdketen.youth.models import Youth

from .models import Case, Involvement, JournalEntry

# "Not given" for partial updates, so that leaving a field out differs from clearing it.
UNSET = object()


def _access_or_404(actor, youth: Youth, access_point: AccessPoint, object_type: str) -> policy.YouthAccess:
    access = policy.access_for(actor, youth)
    if not access:
        log_refusal(user=actor, youth=youth, object_type=object_type, access_point=access_point)
        raise NotFoundOrForbidden
    return access


def _require_regisseur(actor, case: Case, access_point: AccessPoint) -> policy.YouthAccess:
    access = _access_or_404(actor, case.youth, access_point, "case")
    if case.pk not in access.case_ids:
        log_refusal(user=actor, youth=case.youth, object_type="case", access_point=access_point)
        raise NotFoundOrForbidden
    professional = policy.professional_of(actor)
    if professional is None or case.casusregisseur_id != professional.pk:
        log_refusal(
            user=actor,
            youth=case.youth,
            object_type="case",
            access_point=access_point,
            description="alleen de casusregisseur",
        )
        raise NotAllowed(_("Alleen de casusregisseur kan dit doen."))
    return access


def _refuse_departing(professional: Professional, field: str) -> None:
    """Someone whose departure is recorded is not newly involved, nor made casusregisseur: on their
    last day the case would lose them again."""
    if professional.left_on is not None:
        raise ValidationError(
            {
                field: _("%(name)s gaat per %(date)s uit dienst; betrek een collega.")
                % {"name": professional.name, "date": f"{professional.left_on:%d-%m-%Y}"}
            }
        )


def _function_of(professional: Professional, function: Function | None) -> Function:
    held = policy.functions_for_involvement(professional)
    if function is None:
        if len(held) != 1:
            raise ValidationError({"function": _("Kies de functie waarin u betrokken bent.")})
        return held[0]
    if function not in held:
        raise ValidationError(
            {
                "function": _("%(name)s heeft de functie %(function)s niet.")
                % {"name": professional.name, "function": function.name}
            }
        )
    return function


@audited_atomic
def case_open(
    *,
    actor,
    youth: Youth,
    subject: str,
    access_point: AccessPoint,
    function: Function | None = None,
    _registering: bool = False,
) -> Case:
    """Open a case about a youth; the actor becomes casusregisseur and is involved in ``function``."""
    professional = policy.professional_of(actor)
    if professional is None:
        raise NotAllowed(_("Alleen professionals kunnen een casus openen."))
    if not _registering:
        access = _access_or_404(actor, youth, access_point, "case")
        if access.grant(Category.IDENTITY, Action.CHANGE) is None:
            log_refusal(
                user=actor,
                youth=youth,
                object_type="case",
                access_point=access_point,
                description="casus openen zonder relatie",
            )
            raise NotAllowed(_("Een casus opent u vanuit uw eigen relatie met de jeugdige, niet met noodtoegang."))
    function = _function_of(professional, function)
    subject = subject.strip()
    if not subject:
        raise ValidationError({"subject": _("Vul de aanleiding voor de casus in.")})
    case = Case.objects.create(
        reference=f"tmp-{uuid.uuid4().hex[:16]}",  # replaced by the real reference below
        youth=youth,
        subject=subject,
        casusregisseur=professional,
        created_by=actor,
    )
    case.reference = f"{case.opened_on:%Y}-{case.pk:05d}"
    case.save(update_fields=["reference"])
    Involvement.objects.create(case=case, professional=professional, function=function)
    grant = policy.Grant(Category.IDENTITY, Ground.CASE_INVOLVEMENT, function, case.reference, True)
    log_access(
        user=actor,
        youth=youth,
        event=Event.CREATE,
        grant=grant,
        object_type="case",
        object_ids=[case.pk],
        categories=[Category.IDENTITY],
        access_point=access_point,
        description=f"casus {case.reference} geopend",
    )
    return case


@audited_atomic
def case_update(
    *,
    actor,
    case: Case,
    access_point: AccessPoint,
    status: str | None = None,
    next_date: date | object | None = UNSET,
    next_date_label: str | object = UNSET,
) -> Case:
    access = _require_regisseur(actor, case, access_point)
    changes = []
    if status is not None and status != case.status:
        if status not in Case.Status.values:
            raise ValidationError({"status": _("Kies een geldige status.")})
        plan = getattr(case, "plan", None) if status == Case.Status.AFGESLOTEN else None
        if plan is not None and not plan.end_evaluation:
            raise ValidationError(
                {"status": _("Sluit de casus af met de eindevaluatie in het plan van aanpak; die ontbreekt nog.")}
            )
        case.status = status
        case.closed_on = timezone.localdate() if status == Case.Status.AFGESLOTEN else None
        changes.append(f"status: {case.get_status_display()}")
    if next_date is not UNSET:
        case.next_date = next_date
        changes.append("volgende datum")
    if next_date_label is not UNSET:
        case.next_date_label = (next_date_label or "").strip()
        changes.append("wat er dan gebeurt")
    case.full_clean()
    case.save()
    log_access(
        user=actor,
        youth=case.youth,
        event=Event.UPDATE,
        grant=access.grant(Category.IDENTITY, Action.CHANGE),
        object_type="case",
        object_ids=[case.pk],
        categories=[Category.IDENTITY],
        access_point=access_point,
        description="; ".join(changes) or "niets gewijzigd",
    )
    return case


@audited_atomic
def involvement_add(
    *,
    actor,
    case: Case,
    professional: Professional,
    function: Function | None,
    access_point: AccessPoint,
    note: str = "",
    since: date | None = None,
) -> Involvement:
    """The casusregisseur involves another professional, in a function that person holds."""
    access = _require_regisseur(actor, case, access_point)
    _refuse_departing(professional, "professional")
    function = _function_of(professional, function)
    if case.involvements.active().filter(professional=professional, function=function).exists():
        raise ValidationError(
            {"professional": _("%(name)s is al betrokken in deze functie.") % {"name": professional.name}}
        )
    involvement = Involvement(
        case=case, professional=professional, function=function, note=note.strip(), since=since or timezone.localdate()
    )
    involvement.full_clean()
    involvement.save()
    log_access(
        user=actor,
        youth=case.youth,
        event=Event.CREATE,
        grant=access.grant(Category.IDENTITY, Action.CHANGE),
        object_type="involvement",
        object_ids=[involvement.pk],
        categories=[Category.IDENTITY],
        access_point=access_point,
        description=f"{professional.name} betrokken als {function.name}",
    )
    return involvement


@audited_atomic
def involvement_end(
    *, actor, involvement: Involvement, access_point: AccessPoint, until: date | None = None
) -> Involvement:
    """End an involvement: by the casusregisseur, or by the professional themselves."""
    case = involvement.case
    professional = policy.professional_of(actor)
    if professional is not None and involvement.professional_id == professional.pk:
        access = _access_or_404(actor, case.youth, access_point, "involvement")
    else:
        access = _require_regisseur(actor, case, access_point)
    if case.casusregisseur_id == involvement.professional_id and case.is_open:
        raise ValidationError({"professional": _("Draag eerst de casusregie over voordat de casusregisseur stopt.")})
    involvement.until = until or timezone.localdate()
    involvement.full_clean()
    involvement.save(update_fields=["until"])
    log_access(
        user=actor,
        youth=case.youth,
        event=Event.UPDATE,
        grant=access.grant(Category.IDENTITY),
        object_type="involvement",
        object_ids=[involvement.pk],
        categories=[Category.IDENTITY],
        access_point=access_point,
        description=f"betrokkenheid {involvement.professional.name} beëindigd",
    )
    return involvement


@audited_atomic
def casusregisseur_transfer(*, actor, case: Case, to: Professional, access_point: AccessPoint) -> Case:
    access = _require_regisseur(actor, case, access_point)
    _refuse_departing(to, "casusregisseur")
    if not case.involvements.active().filter(professional=to).exists():
        raise ValidationError({"casusregisseur": _("De nieuwe casusregisseur moet eerst betrokken zijn bij de casus.")})
    case.casusregisseur = to
    case.save(update_fields=["casusregisseur", "updated_at"])
    log_access(
        user=actor,
        youth=case.youth,
        event=Event.UPDATE,
        grant=access.grant(Category.IDENTITY, Action.CHANGE),
        object_type="case",
        object_ids=[case.pk],
        categories=[Category.IDENTITY],
        access_point=access_point,
        description=f"casusregie overgedragen aan {to.name}",
    )
    return case


@audited_atomic
def journal_entry_add(
    *,
    actor,
    case: Case,
    category: str,
    title: str,
    text: str,
    access_point: AccessPoint,
    occurred_on: date | None = None,
) -> JournalEntry:
    """An involved professional writes in the journal, in a category their function in this case
    may change."""
    access = _access_or_404(actor, case.youth, access_point, "journal_entry")
    involvement = access.involvement_in(case.pk)
    if involvement is None:
        log_refusal(
            user=actor,
            youth=case.youth,
            object_type="journal_entry",
            access_point=access_point,
            description="schrijven zonder betrokkenheid",
        )
        if case.pk not in access.case_ids:
            raise NotFoundOrForbidden
        raise NotAllowed(_("Alleen betrokken professionals schrijven in het journaal."))
    if category in access.writable_categories(case.pk):
        involvement = access.involvement_in(case.pk, category)
    else:
        log_refusal(
            user=actor,
            youth=case.youth,
            object_type="journal_entry",
            access_point=access_point,
            description="schrijven in een categorie buiten de functie",
        )
        raise ValidationError(
            {
                "category": _("Als %(function)s kunt u niet schrijven in de categorie %(category)s.")
                % {
                    "function": involvement.function.name,
                    "category": Category(category).label if category in Category.values else category,
                }
            }
        )
    entry = JournalEntry(
        case=case,
        author=involvement.professional,
        author_function=involvement.function,
        category=category,
        title=title.strip(),
        text=text.strip(),
        occurred_on=occurred_on or timezone.localdate(),
    )
    entry.full_clean()
    entry.save()
    grant = policy.Grant(Category(category), Ground.CASE_INVOLVEMENT, involvement.function, case.reference, True)
    log_access(
        user=actor,
        youth=case.youth,
        event=Event.CREATE,
        grant=grant,
        object_type="journal_entry",
        object_ids=[entry.pk],
        categories=[category],
        access_point=access_point,
        description=f"journaalregel ({entry.get_category_display().lower()})",
    )
    return entry
