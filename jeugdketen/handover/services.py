"""The handover of a pupil: started and written by the sending school, handed over warm or koud,
read by the receiving school once the pupil is enrolled there, copied to the parents who may add
their view. Each operation takes the acting user, checks the policy and ``rules``, and logs in the
access log in the same transaction."""

from __future__ import annotations

from datetime import date
from functools import partial

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from jeugdketen.access.categories import Category
from jeugdketen.access.exceptions import NotAllowed, NotFoundOrForbidden
from jeugdketen.auditlog.services import AccessPoint, Event, audited_atomic, log_access, log_refusal
from jeugdketen.intake.services import no_markup
from jeugdketen.organisations.models import Organisation
from jeugdketen.schoolsupport import rules as support_rules
from jeugdketen.schoolsupport.models import OPP
from jeugdketen.youth.models import Youth

from . import law, rules
from .models import Handover, Method, Transfer

TEXT_MAX = 10_000
REPORT_FIELDS = ("learning", "support", "wellbeing", "attendance")
# Which sectors a transfer goes from and to.
SECTORS: dict[str, tuple[set[str], set[str]]] = {
    Transfer.PO_VO: ({"po", "sbo", "so"}, {"vo"}),
    Transfer.VO_VO: ({"vo"}, {"vo"}),
    Transfer.VO_MBO: ({"vo"}, {"mbo"}),
    Transfer.PO_PO: ({"po", "sbo", "so"}, {"po", "sbo", "so"}),
}


def _log(actor, handover: Handover, grant, event: str, access_point: AccessPoint, description: str) -> None:
    log_access(
        user=actor,
        youth=handover.youth_id,
        event=event,
        grant=grant,
        object_type=rules.OBJECT_TYPE,
        object_ids=[handover.pk],
        categories=[Category.SCHOOL_SUPPORT],
        access_point=access_point,
        description=description,
    )


def _sender(actor, youth: Youth, access_point: AccessPoint):
    """The sending school's professional, acting on a pupil enrolled at their school today."""
    from jeugdketen.access import policy

    professional = policy.professional_of(actor)
    if professional is None or professional.organisation.kind != Organisation.Kind.SCHOOL:
        support_rules.refuse(actor, youth, access_point, "overdracht")
    sa, grant = support_rules.school_change(
        actor,
        youth,
        professional.organisation,
        rules.SCHOOL_FUNCTIONS,
        access_point,
        _("Een overdracht maken de leerkracht of mentor, de intern begeleider en de schoolleider."),
    )
    return sa.professional, grant


def _check_to_school(transfer: str, from_school: Organisation, to_school: Organisation | None) -> None:
    if to_school is None:
        return
    if to_school.kind != Organisation.Kind.SCHOOL:
        raise ValidationError({"to_school": _("Kies een school.")})
    if to_school.pk == from_school.pk:
        raise ValidationError({"to_school": _("Kies de school waar de leerling naartoe gaat, niet de eigen school.")})
    _from, to = SECTORS[transfer]
    if from_school.sector not in _from or to_school.sector not in to:
        raise ValidationError(
            {"to_school": _("%(school)s past niet bij deze overgang (%(transfer)s).")
             % {"school": to_school.name, "transfer": Transfer(transfer).label}}
        )  # fmt: skip


@audited_atomic
def handover_start(
    *,
    actor,
    youth: Youth,
    transfer: str,
    method: str,
    school_year: int,
    access_point: AccessPoint,
    to_school: Organisation | None = None,
) -> Handover:
    """The sending school starts the handover of a pupil for a year transition. The receiving
    school may still be unknown (the pupil then shows on the "alle leerlingen in beeld" list)."""
    professional, grant = _sender(actor, youth, access_point)
    school = professional.organisation
    if transfer not in Transfer.values:
        raise ValidationError({"transfer": _("Kies de overgang.")})
    if method not in Method.values:
        raise ValidationError({"method": _("Kies warm of koud.")})
    current = law.school_year_of(timezone.localdate())
    if school_year not in (current, current + 1):
        raise ValidationError(
            {"school_year": _("Kies dit schooljaar of het volgende (%(a)s of %(b)s).")
             % {"a": law.school_year_label(current), "b": law.school_year_label(current + 1)}}
        )  # fmt: skip
    if transfer == Transfer.SCHOOL_YEAR:
        to_school = school
    else:
        _check_to_school(transfer, school, to_school)
    if Handover.objects.filter(youth=youth, from_school=school, school_year=school_year).exists():
        raise ValidationError(
            {"school_year": _("Voor deze leerling is er al een overdracht naar schooljaar %(year)s.")
             % {"year": law.school_year_label(school_year)}}
        )  # fmt: skip
    try:
        with transaction.atomic():
            handover = Handover.objects.create(
                youth=youth, from_school=school, to_school=to_school, transfer=transfer, method=method,
                school_year=school_year, created_by=professional,
                opp=OPP.objects.filter(youth=youth, school=school, status=OPP.Status.FINAL).first(),
            )  # fmt: skip
    except IntegrityError:  # started twice at once
        raise ValidationError(
            {"school_year": _("Voor deze leerling is er al een overdracht naar schooljaar %(year)s.")
             % {"year": law.school_year_label(school_year)}}
        ) from None  # fmt: skip
    _log(actor, handover, grant, Event.CREATE, access_point, f"overdracht gestart ({handover.get_transfer_display()})")
    return handover


def _draft(actor, handover_id: int, access_point: AccessPoint):
    handover = (
        Handover.objects.select_for_update(of=("self",))
        .select_related("youth", "from_school")
        .filter(pk=handover_id)
        .first()
    )
    if handover is None:
        raise NotFoundOrForbidden
    professional, grant = _sender(actor, handover.youth, access_point)
    if professional.organisation_id != handover.from_school_id:
        support_rules.refuse(actor, handover.youth, access_point, "overdracht van een andere school")
    if handover.is_done:
        raise ValidationError(_("Deze overdracht is al overgedragen en wordt niet meer gewijzigd."))
    return handover, professional, grant


def _text(value, name: str, label: str) -> str:
    value = (value or "").strip()
    if len(value) > TEXT_MAX:
        raise ValidationError(
            {name: _("%(label)s is te lang (hoogstens %(n)d tekens).") % {"label": label, "n": TEXT_MAX}}
        )
    no_markup(value, name, label)
    return value


@audited_atomic
def handover_update(*, actor, handover_id: int, access_point: AccessPoint, **fields) -> Handover:
    """The sending school writes the report and, for a warm handover, records the conversation.
    Only the named fields change; a draft only."""
    handover, professional, grant = _draft(actor, handover_id, access_point)
    allowed = {*REPORT_FIELDS, "schooladvies", "schooladvies_on", "to_school", "method", "conversation_on",
               "conversation_with", "conversation_notes"}  # fmt: skip
    unknown = set(fields) - allowed
    if unknown:
        raise ValueError(f"unknown fields: {sorted(unknown)}")
    today = timezone.localdate()
    for name in (*REPORT_FIELDS, "conversation_notes", "conversation_with"):
        if name in fields:
            label = str(Handover._meta.get_field(name).verbose_name).capitalize()
            value = _text(fields[name], name, label)
            if name == "conversation_with" and len(value) > 300:
                raise ValidationError({name: _("Dit veld is te lang (hoogstens 300 tekens).")})
            setattr(handover, name, value)
    if "schooladvies" in fields:
        advice = fields["schooladvies"] or ""
        if advice and handover.transfer != Transfer.PO_VO:
            raise ValidationError({"schooladvies": _("Een schooladvies hoort bij de overgang van po naar vo.")})
        if advice and advice not in law.Schooladvies.values:
            raise ValidationError({"schooladvies": _("Kies een schooladvies uit de lijst.")})
        handover.schooladvies = advice
    if "schooladvies_on" in fields:
        day = fields["schooladvies_on"]
        if day is not None and day > today:
            raise ValidationError({"schooladvies_on": _("De datum van het schooladvies ligt in de toekomst.")})
        handover.schooladvies_on = day
    if "conversation_on" in fields:
        day = fields["conversation_on"]
        if day is not None and day > today:
            raise ValidationError({"conversation_on": _("De datum van het gesprek ligt in de toekomst.")})
        handover.conversation_on = day
        handover.conversation_by = professional if day else None
    if "method" in fields:
        if fields["method"] not in Method.values:
            raise ValidationError({"method": _("Kies warm of koud.")})
        handover.method = fields["method"]
    if "to_school" in fields and handover.changes_school:
        _check_to_school(handover.transfer, handover.from_school, fields["to_school"])
        handover.to_school = fields["to_school"]
    handover.save()
    _log(actor, handover, grant, Event.UPDATE, access_point, "overdracht bijgewerkt")
    return handover


def missing(handover: Handover) -> dict[str, str]:
    """What a handover still needs before it can be handed over, per field."""
    errors: dict[str, str] = {}
    if handover.changes_school and handover.to_school_id is None:
        errors["to_school"] = _("Kies de school waar de leerling naartoe gaat.")
    if handover.changes_school or handover.method == Method.KOUD:
        labels = {"learning": _("de leerresultaten en ontwikkeling"), "support": _("de ondersteuning"),
                  "wellbeing": _("de sociaal-emotionele ontwikkeling en werkhouding")}  # fmt: skip
        for name, label in labels.items():
            if not getattr(handover, name).strip():
                errors[name] = _("Vul %(what)s in: dat hoort in het onderwijskundig rapport.") % {"what": label}
    if handover.transfer == Transfer.PO_VO:
        if not handover.schooladvies:
            errors["schooladvies"] = _("Vul het schooladvies in: dat hoort bij de overgang naar het vo.")
        if handover.schooladvies_on is None:
            errors["schooladvies_on"] = _("Vul in wanneer het schooladvies is gegeven.")
        elif handover.schooladvies_on > law.schooladvies_deadline(handover.school_year):
            errors["schooladvies_on"] = _(
                "Het definitieve schooladvies wordt vóór 24 maart gegeven (WPO art. 42); deze datum ligt later."
            )
    if handover.method == Method.WARM:
        if handover.conversation_on is None:
            errors["conversation_on"] = _("Vul de datum van het gesprek met de ontvangende school in.")
        if not handover.conversation_with.strip():
            errors["conversation_with"] = _("Vul in met wie van de ontvangende school u sprak.")
    return errors


@audited_atomic
def handover_complete(*, actor, handover_id: int, access_point: AccessPoint) -> Handover:
    """Hand over: the report (and the conversation, when warm) is complete. From now on the
    receiving school reads it once the pupil is enrolled there, and the parents get their copy."""
    handover, professional, grant = _draft(actor, handover_id, access_point)
    errors = missing(handover)
    if errors:
        raise ValidationError(errors)
    if handover.opp_id is None:
        handover.opp = OPP.objects.filter(
            youth=handover.youth_id, school=handover.from_school_id, status=OPP.Status.FINAL
        ).first()
    handover.status = Handover.Status.HANDED_OVER
    handover.handed_over_on = timezone.localdate()
    handover.handed_over_by = professional
    handover.save()
    _log(actor, handover, grant, Event.UPDATE, access_point,
         f"overdracht {handover.get_method_display().split(':')[0].lower()} overgedragen")  # fmt: skip
    from .tasks import notify_parents

    transaction.on_commit(partial(notify_parents.enqueue, handover.pk))
    return handover


@audited_atomic
def handover_parents_view(*, actor, handover_id: int, text: str, access_point: AccessPoint) -> Handover:
    """A parent with gezag adds their view to the report (their copy, WPO art. 42)."""
    from jeugdketen.access.categories import Ground

    handover = Handover.objects.select_for_update(of=("self",)).select_related("youth").filter(pk=handover_id).first()
    grant = rules.family_grant(actor, handover) if handover else None
    if grant is None:
        if handover is not None:
            log_refusal(user=actor, youth=handover.youth, object_type=rules.OBJECT_TYPE, access_point=access_point)
        raise NotFoundOrForbidden
    if grant.ground != Ground.PARENT_WITH_GEZAG:
        raise NotAllowed(_("Een reactie op het rapport geven de ouders met gezag."))
    text = _text(text, "parents_view", _("Uw reactie"))
    if not text:
        raise ValidationError({"parents_view": _("Vul uw reactie in.")})
    handover.parents_view = text
    handover.parents_view_on = timezone.localdate()
    handover.parents_view_by = actor.get_full_name() or actor.username
    handover.save(update_fields=["parents_view", "parents_view_on", "parents_view_by"])
    _log(actor, handover, grant, Event.UPDATE, access_point, "reactie van de ouders op het onderwijskundig rapport")
    return handover


def parents_notify(*, handover_id: int, today: date | None = None) -> int:
    """Mail the carers with gezag (child under 16) that the report is ready to read in Mijn gezin;
    nothing about the child in the mail. The number of mails."""
    from django.conf import settings
    from django.core.mail import EmailMessage, get_connection
    from django.urls import reverse

    from jeugdketen.access.policy import PARENT_ACCESS_UNTIL_AGE
    from jeugdketen.youth.models import CarerRelation

    handover = Handover.objects.select_related("youth").filter(pk=handover_id, status="overgedragen").first()
    if handover is None or handover.youth.age(today or timezone.localdate()) >= PARENT_ACCESS_UNTIL_AGE:
        return 0
    link = settings.SITE_URL.rstrip("/") + reverse("portal:home")
    messages = [
        EmailMessage(
            subject=_("Jeugdketen: het onderwijskundig rapport van uw kind"),
            body=_(
                "De school heeft het onderwijskundig rapport van uw kind overgedragen. U kunt uw kopie lezen "
                "en uw reactie toevoegen in Mijn gezin: %(link)s"
            )
            % {"link": link},
            to=[relation.carer.email],
        )
        for relation in CarerRelation.objects.filter(youth=handover.youth, has_gezag=True).select_related("carer")
        if relation.carer.email
    ]
    if messages:
        get_connection().send_messages(messages)
    return len(messages)
