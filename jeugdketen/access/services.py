"""Emergency access ("break the glass") and its review."""

from __future__ import annotations

from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from jeugdketen.auditlog.services import AccessPoint, Event, audited_atomic, log_access, log_refusal
from jeugdketen.youth.models import Youth
from jeugdketen.youth.validators import normalise_bsn

from . import policy
from .categories import Category, Ground
from .exceptions import NotAllowed
from .models import EmergencyAccess

# A reason must say something: at least this many characters.
MIN_REASON_LENGTH = 20


@audited_atomic
def emergency_access_take(
    *, actor, bsn: str, date_of_birth: date, reason: str, access_point: AccessPoint
) -> EmergencyAccess:
    """Take read access to a youth one has no relationship with, for an emergency. The youth must
    be identified exactly (BSN and date of birth); the reason is mandatory and the grant is flagged
    for review by the privacy officer."""
    professional = policy.professional_of(actor)
    if professional is None or not policy.functions_for_involvement(professional):
        raise NotAllowed(_("Uw functie geeft geen recht op noodtoegang."))
    reason = reason.strip()
    if len(reason) < MIN_REASON_LENGTH:
        raise ValidationError(
            {"reason": _("Beschrijf de reden voor de noodtoegang in minstens %(n)d tekens.") % {"n": MIN_REASON_LENGTH}}
        )
    youth = Youth.objects.filter(bsn=normalise_bsn(bsn), date_of_birth=date_of_birth).first()
    if youth is None:
        probed = Youth.objects.filter(bsn=normalise_bsn(bsn)).first()
        if probed is not None:  # the right BSN with another date of birth: record the attempt
            log_refusal(
                user=actor,
                youth=probed,
                object_type="emergency_access",
                access_point=access_point,
                description="noodtoegang: BSN en geboortedatum komen niet overeen",
            )
        raise ValidationError({"bsn": _("Er is geen jeugdige met dit BSN en deze geboortedatum.")})
    now = timezone.now()
    grant = EmergencyAccess.objects.create(
        professional=professional,
        youth=youth,
        reason=reason,
        started_at=now,
        expires_at=now + timedelta(hours=settings.EMERGENCY_ACCESS_HOURS),
    )
    function = policy.functions_for_involvement(professional)[0]
    log_access(
        user=actor,
        youth=youth,
        event=Event.EMERGENCY,
        grant=policy.Grant(Category.IDENTITY, Ground.EMERGENCY, function, reason[:200]),
        object_type="emergency_access",
        object_ids=[grant.pk],
        access_point=access_point,
        reason=reason,
        description=_("noodtoegang tot %(until)s")
        % {"until": timezone.localtime(grant.expires_at).strftime("%d-%m-%Y %H:%M")},
    )
    from .tasks import notify_privacy_officers

    transaction.on_commit(lambda: notify_privacy_officers.enqueue(grant.pk))
    return grant


@audited_atomic
def emergency_access_review(
    *, actor, emergency: EmergencyAccess, justified: bool, note: str, access_point: AccessPoint
) -> EmergencyAccess:
    if policy.privacy_officer_municipality(actor) != emergency.youth.municipality_id:
        raise NotAllowed(_("Alleen de privacy officer van de woongemeente beoordeelt deze noodtoegang."))
    if emergency.reviewed_at is not None:
        raise ValidationError({"note": _("Deze noodtoegang is al beoordeeld.")})
    note = note.strip()
    if not justified and not note:
        raise ValidationError({"note": _("Licht toe waarom de noodtoegang niet terecht was.")})
    emergency.review_justified = justified
    emergency.review_note = note
    emergency.reviewed_by = actor
    emergency.reviewed_at = timezone.now()
    if not justified:
        emergency.expires_at = min(emergency.expires_at, emergency.reviewed_at)
    emergency.save()
    log_access(
        user=actor,
        youth=emergency.youth_id,
        event=Event.UPDATE,
        grant=policy.privacy_officer_grant(actor),
        object_type="emergency_access",
        object_ids=[emergency.pk],
        access_point=access_point,
        description="noodtoegang beoordeeld: " + ("terecht" if justified else "niet terecht, ingetrokken"),
    )
    return emergency


# --- consent ---------------------------------------------------------------------------------------


def family_role(actor, youth: Youth) -> str | None:
    """'ouder' or 'jeugdige' when the actor decides about the youth's data (the dossier right: a
    parent with gezag while the child is under 16, the youth from 12), else None."""
    grant = policy.access_for(actor, youth).grant(Category.IDENTITY)
    if grant is None:
        return None
    return {Ground.PARENT_WITH_GEZAG: "ouder", Ground.YOUTH_SELF: "jeugdige"}.get(grant.ground)


def consent_recipients(youth: Youth):
    """The organisations the youth's data reaches through cooperation: those of the professionals
    involved in the youth's open cases, the school where the youth is enrolled today, the SWV of
    the youth's ambulant begeleider and the GGD consulted about the youth."""
    from jeugdketen.cases.models import Case, Involvement
    from jeugdketen.organisations.models import Organisation
    from jeugdketen.schoolsupport.models import ABAssignment, GGDConsultation
    from jeugdketen.youth.models import Enrolment

    involved = Involvement.objects.active().filter(case__youth=youth, case__status__in=Case.OPEN_STATUSES)
    schools = Enrolment.objects.current().filter(youth=youth).values("school_id")
    ab = ABAssignment.objects.active().filter(youth=youth).values("ab__organisation_id")
    ggd = GGDConsultation.objects.filter(youth=youth).values("ggd_id")
    return Organisation.objects.filter(
        Q(pk__in=involved.values("professional__organisation_id")) | Q(pk__in=schools) | Q(pk__in=ab) | Q(pk__in=ggd)
    ).order_by("name")


@audited_atomic
def consent_decide(
    *,
    actor,
    youth: Youth,
    organisation,
    decisions: dict[str, bool],
    access_point: AccessPoint,
    note: str = "",
) -> list:
    """A parent or the youth gives or withholds, per purpose, sharing with one organisation. The
    policy honours it at once (``consents.withheld``)."""
    from .consents import CONSENTABLE
    from .models import ConsentDecision

    role = family_role(actor, youth)
    if role is None:
        log_refusal(user=actor, youth=youth, object_type="consent", access_point=access_point)
        raise NotAllowed(_("Over het delen van deze gegevens beslissen de ouders met gezag en de jeugdige."))
    if not consent_recipients(youth).filter(pk=organisation.pk).exists():
        raise ValidationError({"organisation": _("Kies een organisatie die bij uw kind betrokken is.")})
    unknown = set(decisions) - {str(c) for c in CONSENTABLE}
    if unknown or not decisions:
        raise ValidationError({"decisions": _("Kies per soort gegevens of die gedeeld mag worden.")})
    current = consents_current(youth, organisation, role)
    made = []
    for category, allowed in decisions.items():
        if current.get(category, True) == allowed:
            continue  # unchanged
        made.append(
            ConsentDecision.objects.create(
                youth=youth,
                organisation=organisation,
                category=category,
                allowed=allowed,
                role=role,
                decided_by=actor,
                decided_by_name=actor.get_full_name() or actor.username,
                note=note[:300],
            )
        )
    if made:
        grant = policy.access_for(actor, youth).grant(Category.IDENTITY)
        log_access(
            user=actor,
            youth=youth,
            event=Event.UPDATE,
            grant=grant,
            object_type="consent",
            object_ids=[f"consent:{d.pk}" for d in made],
            categories=[Category(d.category) for d in made],
            access_point=access_point,
            description="; ".join(
                f"{Category(d.category).label} {'gedeeld' if d.allowed else 'niet meer gedeeld'} met {organisation.name}"
                for d in made
            )[:300],
        )
    return made


def consents_current(youth: Youth, organisation, role: str) -> dict[str, bool]:
    """The newest decision of ``role`` per purpose for the organisation (purposes without one: shared)."""
    from .models import ConsentDecision

    latest: dict[str, bool] = {}
    for category, allowed in (
        ConsentDecision.objects.filter(youth=youth, organisation=organisation, role=role)
        .order_by("-decided_at", "-id")
        .values_list("category", "allowed")
    ):
        latest.setdefault(category, allowed)
    return latest
