"""Changes to a youth's identity data. Every function takes the acting user, asks the policy
and writes the access log in the same transaction."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from jeugdketen.access import policy
from jeugdketen.access.categories import Action, Category
from jeugdketen.access.exceptions import NotAllowed, NotFoundOrForbidden
from jeugdketen.auditlog.services import AccessPoint, Event, audited_atomic, log_access, log_each, log_refusal
from jeugdketen.organisations.models import Function, Municipality, Organisation

from .models import Carer, CarerRelation, Enrolment, Youth
from .validators import normalise_bsn

# Two names count as "close" from this similarity (difflib ratio), with the same date of birth.
NAME_SIMILARITY_THRESHOLD = 0.8


def _name_key(first_name: str, name_prefix: str, last_name: str) -> str:
    return " ".join(p for p in (first_name, name_prefix, last_name) if p).casefold().strip()


def likely_matches(*, first_name: str, name_prefix: str = "", last_name: str, date_of_birth: date, bsn: str = ""):
    """Youths that are probably the same person: the same BSN, or the same date of birth with a
    close name. Returned before registering, so the user links rather than duplicates."""
    bsn = normalise_bsn(bsn) if bsn else ""
    matches: list[Youth] = []
    if bsn:
        matches.extend(Youth.objects.filter(bsn=bsn).select_related("municipality"))
    wanted = _name_key(first_name, name_prefix, last_name)
    for youth in Youth.objects.filter(date_of_birth=date_of_birth).select_related("municipality"):
        if youth in matches:
            continue
        candidate = _name_key(youth.first_name, youth.name_prefix, youth.last_name)
        same_last = youth.last_name.casefold() == last_name.casefold()
        if same_last or difflib.SequenceMatcher(None, wanted, candidate).ratio() >= NAME_SIMILARITY_THRESHOLD:
            matches.append(youth)
    return matches


@dataclass
class Matches:
    """What a registrant may learn about youths that are probably the one being registered.
    Only youths identified exactly (the same BSN and date of birth) or already visible to the
    registrant are shown and can be linked; other close matches are only counted, so the
    registration form cannot be used to look anyone up."""

    linkable: list[Youth]
    hidden: int = 0
    bsn_taken: bool = False  # the BSN belongs to a youth with another date of birth
    bsn: str = ""

    def __bool__(self) -> bool:
        return bool(self.linkable or self.hidden or self.bsn_taken)

    @property
    def bsn_match(self) -> bool:
        return any(youth.bsn and youth.bsn == self.bsn for youth in self.linkable)


def may_link(actor, youth: Youth, *, bsn: str, date_of_birth: date) -> bool:
    exact = bool(bsn) and youth.bsn == normalise_bsn(bsn) and youth.date_of_birth == date_of_birth
    return exact or bool(policy.access_for(actor, youth))


def registration_matches(
    *,
    actor,
    access_point: AccessPoint,
    first_name: str,
    name_prefix: str = "",
    last_name: str,
    date_of_birth: date,
    bsn: str = "",
) -> Matches:
    """The duplicate check before registering, for the page and the API alike. Every candidate
    looked at is logged as a search."""
    bsn = normalise_bsn(bsn) if bsn else ""
    candidates = likely_matches(
        first_name=first_name, name_prefix=name_prefix, last_name=last_name, date_of_birth=date_of_birth, bsn=bsn
    )
    matches = Matches(linkable=[], bsn=bsn)
    for youth in candidates:
        if bsn and youth.bsn == bsn and youth.date_of_birth != date_of_birth:
            matches.bsn_taken = True
        elif may_link(actor, youth, bsn=bsn, date_of_birth=date_of_birth):
            matches.linkable.append(youth)
        else:
            matches.hidden += 1
    log_each(
        ((youth.pk, youth.pk, None) for youth in candidates),
        user=actor,
        event=Event.SEARCH,
        object_type="youth",
        access_point=access_point,
        description="controle op dubbele registratie",
    )
    return matches


@dataclass(frozen=True)
class Link:
    """How the registering professional relates to the youth: an enrolment at their own school,
    or a case they open and hold."""

    school: Organisation | None = None
    group: str = ""
    start: date | None = None
    case_subject: str = ""
    function: Function | None = None


def _validate_link(professional, link: Link) -> None:
    if link.school is not None:
        if link.school != professional.organisation or not link.school.is_school:
            raise ValidationError({"school": _("U kunt alleen inschrijven op de school waar u werkt.")})
        if link.start is None:
            raise ValidationError({"start": _("Vul de datum van inschrijving in.")})
    elif not link.case_subject:
        raise ValidationError({"case_subject": _("Vul de aanleiding voor de casus in.")})


@audited_atomic
def youth_register(
    *,
    actor,
    access_point: AccessPoint,
    first_name: str,
    name_prefix: str = "",
    last_name: str,
    date_of_birth: date,
    municipality: Municipality,
    bsn: str = "",
    gender: str = "",
    link: Link,
    existing: Youth | None = None,
) -> Youth:
    """Register a youth together with the registrant's relationship to them. With ``existing``
    (a match the user confirmed) nothing new is created but the relationship."""
    from jeugdketen.cases.services import case_open

    professional = policy.professional_of(actor)
    if professional is None or not policy.may_register_youth(actor):
        raise NotAllowed(_("Uw functie kan geen jeugdigen registreren."))
    _validate_link(professional, link)
    if existing is not None and not may_link(actor, existing, bsn=bsn, date_of_birth=date_of_birth):
        log_refusal(
            user=actor,
            youth=existing,
            object_type="youth",
            access_point=access_point,
            description="koppelen zonder BSN en geboortedatum",
        )
        raise NotFoundOrForbidden
    if existing is None:
        youth = Youth(
            first_name=first_name.strip(),
            name_prefix=name_prefix.strip(),
            last_name=last_name.strip(),
            date_of_birth=date_of_birth,
            municipality=municipality,
            bsn=normalise_bsn(bsn) if bsn else "",
            gender=gender,
        )
        youth.full_clean()
        youth.save()
        event, description = Event.CREATE, "jeugdige geregistreerd"
    else:
        youth, event, description = existing, Event.UPDATE, "gekoppeld aan bestaande jeugdige"
    if link.school is not None:
        enrolment = Enrolment(youth=youth, school=link.school, start=link.start, group=link.group)
        enrolment.full_clean()
        enrolment.save()
        objects = [f"youth:{youth.pk}", f"enrolment:{enrolment.pk}"]
    else:
        from jeugdketen.cases.models import Case, Involvement

        # Linking to a youth whose open case one already holds or is in opens no second case.
        current = (
            Involvement.objects.active()
            .filter(professional=professional, case__youth=youth, case__status__in=Case.OPEN_STATUSES)
            .values_list("case_id", flat=True)
            .first()
            if existing is not None
            else None
        )
        if current is None:
            current = case_open(
                actor=actor,
                youth=youth,
                subject=link.case_subject,
                function=link.function,
                access_point=access_point,
                _registering=True,
            ).pk
        objects = [f"youth:{youth.pk}", f"case:{current}"]
    access = policy.access_for(actor, youth)
    log_access(
        user=actor,
        youth=youth,
        event=event,
        grant=access.grant(Category.IDENTITY),
        object_type="youth",
        object_ids=objects,
        categories=[Category.IDENTITY],
        access_point=access_point,
        description=description,
    )
    return youth


def _require_change(actor, youth: Youth, access_point: AccessPoint, object_type: str) -> policy.Grant:
    access = policy.access_for(actor, youth)
    if not access:
        log_refusal(user=actor, youth=youth, object_type=object_type, access_point=access_point)
        raise NotFoundOrForbidden
    grant = access.grant(Category.IDENTITY, Action.CHANGE)
    if grant is None:
        log_refusal(user=actor, youth=youth, object_type=object_type, access_point=access_point, description="wijzigen")
        raise NotAllowed(_("U mag de gegevens van deze jeugdige inzien, maar niet wijzigen."))
    return grant


IDENTITY_FIELDS = ("first_name", "name_prefix", "last_name", "date_of_birth", "bsn", "gender", "municipality")


@audited_atomic
def youth_update(*, actor, youth: Youth, access_point: AccessPoint, **changes) -> Youth:
    grant = _require_change(actor, youth, access_point, "youth")
    unknown = set(changes) - set(IDENTITY_FIELDS)
    if unknown:
        raise ValueError(f"unknown fields: {sorted(unknown)}")
    if changes.get("bsn"):
        changes["bsn"] = normalise_bsn(changes["bsn"])
    changed = [name for name, value in changes.items() if getattr(youth, name) != value]
    for name in changed:
        setattr(youth, name, changes[name])
    youth.full_clean()
    youth.save()
    log_access(
        user=actor,
        youth=youth,
        event=Event.UPDATE,
        grant=grant,
        object_type="youth",
        object_ids=[youth.pk],
        categories=[Category.IDENTITY],
        access_point=access_point,
        description="gewijzigd: " + ", ".join(str(Youth._meta.get_field(name).verbose_name) for name in changed)
        if changed
        else "niets gewijzigd",
    )
    return youth


def _require_own_school(actor, school: Organisation) -> None:
    """Enrolments are the school's own administration: only its staff add or end them (an
    enrolment gives every school function there access, so nobody else may create one)."""
    professional = policy.professional_of(actor)
    if professional is None or professional.organisation_id != school.pk:
        raise NotAllowed(_("Alleen de school zelf schrijft leerlingen in en uit."))


@audited_atomic
def enrolment_add(
    *, actor, youth: Youth, school: Organisation, start: date, group: str = "", access_point: AccessPoint
) -> Enrolment:
    grant = _require_change(actor, youth, access_point, "enrolment")
    _require_own_school(actor, school)
    if youth.enrolments.current(start).filter(school=school).exists():
        raise ValidationError({"start": _("De jeugdige staat op die datum al ingeschreven op deze school.")})
    enrolment = Enrolment(youth=youth, school=school, start=start, group=group)
    enrolment.full_clean()
    enrolment.save()
    log_access(
        user=actor,
        youth=youth,
        event=Event.CREATE,
        grant=grant,
        object_type="enrolment",
        object_ids=[enrolment.pk],
        categories=[Category.IDENTITY],
        access_point=access_point,
        description=f"ingeschreven op {school.name}",
    )
    return enrolment


@audited_atomic
def enrolment_end(*, actor, enrolment: Enrolment, end: date, access_point: AccessPoint) -> Enrolment:
    grant = _require_change(actor, enrolment.youth, access_point, "enrolment")
    _require_own_school(actor, enrolment.school)
    if enrolment.end is not None and enrolment.end <= end:
        raise ValidationError({"end": _("Deze inschrijving is al beëindigd.")})
    enrolment.end = end
    enrolment.full_clean()
    enrolment.save(update_fields=["end"])
    log_access(
        user=actor,
        youth=enrolment.youth,
        event=Event.UPDATE,
        grant=grant,
        object_type="enrolment",
        object_ids=[enrolment.pk],
        categories=[Category.IDENTITY],
        access_point=access_point,
        description=f"uitgeschreven per {end:%d-%m-%Y}",
    )
    return enrolment


@audited_atomic
def carer_add(
    *,
    actor,
    youth: Youth,
    access_point: AccessPoint,
    first_name: str,
    last_name: str,
    name_prefix: str = "",
    phone: str = "",
    email: str = "",
    kind: str = CarerRelation.Kind.PARENT,
    has_gezag: bool = True,
) -> CarerRelation:
    grant = _require_change(actor, youth, access_point, "carer")
    carer = Carer(first_name=first_name, name_prefix=name_prefix, last_name=last_name, phone=phone, email=email)
    carer.full_clean()
    carer.save()
    relation = CarerRelation(youth=youth, carer=carer, kind=kind, has_gezag=has_gezag)
    relation.full_clean()
    relation.save()
    log_access(
        user=actor,
        youth=youth,
        event=Event.CREATE,
        grant=grant,
        object_type="carer",
        object_ids=[carer.pk],
        categories=[Category.IDENTITY],
        access_point=access_point,
        description="ouder/verzorger toegevoegd",
    )
    return relation
