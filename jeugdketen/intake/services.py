"""The toegang's operations: registering a help request (by the toegang, a professional on behalf
of a family, or the family itself), establishing the youth, triage with the checklist, the
decision (refer, waiting list, safety, close), the Awb term's suspension, contacts with waiting
families, assignment to a jeugdconsulent, and the referral's status at the receiving organisation.

Each takes the acting user (None only for the public form), asks the policy and writes the access
log in the same transaction; the case history gets a journal entry for every step."""

from __future__ import annotations

import json
import re
import uuid
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from jeugdketen.access import consent, policy
from jeugdketen.access.categories import Action, Category, Ground
from jeugdketen.access.exceptions import NotAllowed, NotFoundOrForbidden
from jeugdketen.auditlog.services import AccessPoint, Event, audited_atomic, log_access, log_refusal
from jeugdketen.cases.models import Case, Involvement, JournalEntry
from jeugdketen.organisations.models import Function, Municipality, Organisation, Professional
from jeugdketen.youth.models import Enrolment, Youth, age_on
from jeugdketen.youth.validators import normalise_bsn, validate_bsn

from . import deadlines

if TYPE_CHECKING:
    from jeugdketen.socialmap.models import Service
from .models import (
    Answer,
    Checklist,
    ChecklistVersion,
    Contact,
    Decision,
    Flag,
    HelpRequest,
    Question,
    Referral,
    Suspension,
    Triage,
)

SAMEN_DOEN = "samen_doen"
JEUGDCONSULENT = "jeugdconsulent"
TEAMLEIDER = "manager"
# Functions that register a help request on behalf of a family (school, JGZ, ...). The toegang
# itself registers what comes in by phone or at the desk.
REFERRER_FUNCTIONS = frozenset(
    {"leerkracht", "intern_begeleider", "schoolleider", "jeugdverpleegkundige", "jeugdarts", "leerplicht",
     "coordinator_swv", "ambulant_begeleider", "orthopedagoog", "lichte_jeugdhulp"}
)  # fmt: skip
# Organisations a request can be referred to: voorliggende voorzieningen, the GGD, youth care.
REFERRAL_KINDS = (
    Organisation.Kind.VOORLIGGENDE_VOORZIENING,
    Organisation.Kind.GGD,
    Organisation.Kind.JEUGDHULPAANBIEDER,
)
QUESTION_MAX_LENGTH = 4000
TEXT_ANSWER_MAX_LENGTH = 2000
_MARKUP = re.compile(r"<\s*/?\s*[a-zA-Z!][^>]*>")


def no_markup(value: str, field_name: str, label: str) -> None:
    """Free text is plain text: HTML or script in it is refused with a message naming the field."""
    if value and _MARKUP.search(value):
        raise ValidationError(
            {field_name: _("%(label)s bevat HTML- of scriptcode. Schrijf gewone tekst.") % {"label": label}}
        )


# --- who is who at the toegang ------------------------------------------------------------------


def toegang_functions(actor, municipality_id: int) -> dict[str, Function]:
    """The intake functions the actor holds at the gemeente of ``municipality_id``."""
    professional = policy.professional_of(actor)
    if (
        professional is None
        or professional.organisation.kind != Organisation.Kind.GEMEENTE
        or professional.organisation.municipality_id != municipality_id
    ):
        return {}
    return {f.code: f for f in professional.functions.all() if f.code in policy.INTAKE_CATEGORIES}


def _toegang_grant(actor, request: HelpRequest, category: Category, *, change: bool = False) -> policy.Grant | None:
    """The grant the actor reads or changes a request on. The request is the toegang's own file (the
    aanvraag it decides on): whoever works at that municipality's toegang reads it in the categories
    of their function, and Samen Doen changes it while it is open. Others — a jeugdconsulent
    involved in the case after assignment — through their access to the youth."""
    functions = toegang_functions(actor, request.municipality_id)
    for code, function in functions.items():
        if category in policy.categories_for(code, Ground.INTAKE) and (
            not change or (code in policy.INTAKE_CHANGE_FUNCTIONS and request.is_open)
        ):
            return policy.Grant(category, Ground.INTAKE, function, request.municipality.name, change)
    if request.youth_id is not None:
        return policy.access_for(actor, request.youth).grant(category, Action.CHANGE if change else Action.READ)
    return None


def _require(
    actor, request: HelpRequest, access_point: AccessPoint, category: Category = Category.YOUTH_CARE, *, change=True
) -> policy.Grant:
    grant = _toegang_grant(actor, request, category, change=change)
    if grant is not None:
        return grant
    seen = _toegang_grant(actor, request, Category.IDENTITY)
    log_refusal(
        user=actor,
        youth=request.youth_id,
        object_type="helprequest",
        access_point=access_point,
        description=f"hulpvraag {request.reference}",
    )
    if seen is None:
        raise NotFoundOrForbidden
    raise NotAllowed(_("Alleen een medewerker van Samen Doen kan dit doen."))


def _log(actor, request: HelpRequest, grant, event, access_point, description, categories=(Category.YOUTH_CARE,)):
    log_access(
        user=actor,
        youth=request.youth_id,
        event=event,
        grant=grant,
        object_type="helprequest",
        object_ids=[request.pk],
        categories=list(categories),
        access_point=access_point,
        description=description,
    )


def _history(request: HelpRequest, author: Professional, function: Function, title: str, text: str, category=None):
    """A step in the case history (the case's journal)."""
    if request.case_id is None:
        return
    JournalEntry.objects.create(
        case=request.case,
        author=author,
        author_function=function,
        category=category or Category.YOUTH_CARE,
        title=title[:200],
        text=text,
    )


def _set_reference(request: HelpRequest) -> None:
    request.reference = f"HV-{request.received_on:%Y}-{request.pk:05d}"
    request.save(update_fields=["reference"])


# --- registering a request ------------------------------------------------------------------------


@dataclass
class RequestData:
    """What a help request holds, from whichever channel it comes."""

    municipality: Municipality
    question: str
    first_name: str
    last_name: str
    date_of_birth: date
    requester_kind: str
    requester_name: str
    name_prefix: str = ""
    bsn: str = ""
    urgency: str = HelpRequest.Urgency.NORMAL
    requester_phone: str = ""
    requester_email: str = ""
    consent_by: str = ""
    consent_on: date | None = None
    labels: dict = field(default_factory=dict)


def _clean(data: RequestData, today: date) -> None:
    errors: dict[str, str] = {}
    for name, label in (
        ("question", _("De hulpvraag")),
        ("first_name", _("De voornaam van de jeugdige")),
        ("last_name", _("De achternaam van de jeugdige")),
        ("requester_name", _("Uw naam")),
    ):
        value = getattr(data, name).strip()
        setattr(data, name, value)
        if not value:
            errors[name] = _("Vul %(label)s in.") % {"label": label.lower()}
    for name, label in (
        ("question", _("De hulpvraag")),
        ("first_name", _("De voornaam")),
        ("name_prefix", _("Het tussenvoegsel")),
        ("last_name", _("De achternaam")),
        ("requester_name", _("De naam van de aanmelder")),
        ("requester_phone", _("Het telefoonnummer")),
    ):
        try:
            no_markup(getattr(data, name), name, label)
        except ValidationError as exc:
            errors.setdefault(name, exc.message_dict[name][0])
    if len(data.question) > QUESTION_MAX_LENGTH:
        errors["question"] = _("De hulpvraag is te lang: gebruik ten hoogste %(n)s tekens.") % {
            "n": QUESTION_MAX_LENGTH
        }
    if data.date_of_birth > today:
        errors["date_of_birth"] = _("De geboortedatum ligt in de toekomst.")
    elif age_on(data.date_of_birth, today) >= 23:
        errors["date_of_birth"] = _("Samen Doen helpt jeugdigen tot 23 jaar; deze geboortedatum is van een volwassene.")
    if data.bsn:
        try:
            data.bsn = normalise_bsn(data.bsn)
            validate_bsn(data.bsn)
        except ValidationError as exc:
            errors["bsn"] = exc.messages[0]
    if not (data.requester_phone.strip() or data.requester_email.strip()):
        errors["requester_phone"] = _("Vul een telefoonnummer of e-mailadres in, zodat we contact kunnen opnemen.")
    if data.urgency not in HelpRequest.Urgency.values:
        errors["urgency"] = _("Kies hoe dringend de vraag is.")
    if data.requester_kind not in HelpRequest.Requester.values:
        errors["requester_kind"] = _("Kies wie de aanmelding doet.")
    if errors:
        raise ValidationError(errors)


def _auto_link(request: HelpRequest) -> None:
    """A youth identified exactly (the same BSN and date of birth) is linked at once; anything less
    is left to the toegang, which sees the candidates when it establishes the youth."""
    if request.bsn:
        request.youth = Youth.objects.filter(bsn=request.bsn, date_of_birth=request.date_of_birth).first()


def _create(data: RequestData, *, source: str, registered_by=None, referrer=None) -> HelpRequest:
    request = HelpRequest(
        reference=f"tmp-{uuid.uuid4().hex[:16]}",
        municipality=data.municipality,
        source=source,
        question=data.question,
        urgency=data.urgency,
        first_name=data.first_name,
        name_prefix=data.name_prefix.strip(),
        last_name=data.last_name,
        date_of_birth=data.date_of_birth,
        bsn=data.bsn,
        requester_kind=data.requester_kind,
        requester_name=data.requester_name,
        requester_phone=data.requester_phone.strip(),
        requester_email=data.requester_email.strip(),
        consent_by=data.consent_by,
        consent_on=data.consent_on,
        registered_by=registered_by,
        referrer=referrer,
    )
    _auto_link(request)
    request.full_clean(exclude=["reference"])
    request.save()
    _set_reference(request)
    return request


@audited_atomic
def request_submit_public(*, data: RequestData, access_point: AccessPoint, youth_agrees: bool = False) -> HelpRequest:
    """A parent (or the youth) asks for help through the public form. The parent of a youth of 12
    or older confirms the youth agrees to the registration; from 16 the youth decides alone."""
    today = timezone.localdate()
    _clean(data, today)
    age = age_on(data.date_of_birth, today)
    if data.requester_kind == HelpRequest.Requester.YOUTH:
        data.consent_by = consent.YOUTH
    elif data.requester_kind == HelpRequest.Requester.PARENT:
        if age >= consent.YOUTH_CONSENTS_FROM_AGE and not youth_agrees:
            raise ValidationError(
                {
                    "youth_agrees": _(
                        "Uw kind is %(age)s jaar: vanaf 12 jaar moet uw kind het eens zijn met de aanmelding."
                    )
                    % {"age": age}
                }
            )
        data.consent_by = consent.PARENTS_AND_YOUTH if youth_agrees else consent.PARENTS
    else:
        raise ValidationError({"requester_kind": _("Kies of u de ouder of verzorger bent, of de jeugdige zelf.")})
    data.consent_on = today
    request = _create(data, source=HelpRequest.Source.ONLINE)
    log_access(
        user=None,
        youth=request.youth_id,
        event=Event.CREATE,
        grant=None,
        object_type="helprequest",
        object_ids=[request.pk],
        categories=[Category.IDENTITY, Category.YOUTH_CARE],
        access_point=access_point,
        description=f"hulpvraag {request.reference} aangemeld via het online formulier",
    )
    return request


@audited_atomic
def request_register(
    *, actor, data: RequestData, source: str, access_point: AccessPoint, youth: Youth | None = None
) -> HelpRequest:
    """The toegang registers a request that came in by phone or at the desk; another professional
    (school, JGZ, ...) registers one on behalf of a family, with the consent the youth's age asks."""
    professional = policy.professional_of(actor)
    if professional is None:
        raise NotAllowed(_("Alleen professionals kunnen een hulpvraag registreren."))
    today = timezone.localdate()
    if youth is not None:
        access = policy.access_for(actor, youth)
        if not access.can(Category.IDENTITY):
            log_refusal(user=actor, youth=youth, object_type="helprequest", access_point=access_point)
            raise NotFoundOrForbidden
        data.first_name, data.name_prefix, data.last_name = youth.first_name, youth.name_prefix, youth.last_name
        data.date_of_birth, data.bsn = youth.date_of_birth, youth.bsn
    _clean(data, today)
    toegang = toegang_functions(actor, data.municipality.pk)
    codes = policy.function_codes(professional)
    if SAMEN_DOEN in toegang:
        if source not in (HelpRequest.Source.PHONE, HelpRequest.Source.DESK, HelpRequest.Source.PROFESSIONAL):
            raise ValidationError({"source": _("Kies hoe de hulpvraag binnenkwam.")})
        function, referrer = toegang[SAMEN_DOEN], None
    elif codes & REFERRER_FUNCTIONS:
        source, referrer = HelpRequest.Source.PROFESSIONAL, professional
        function = next(f for f in professional.functions.all() if f.code in REFERRER_FUNCTIONS)
        age = age_on(data.date_of_birth, today)
        if not data.consent_by:
            raise ValidationError(
                {
                    "consent_by": _(
                        "Vul in wie toestemming gaf voor de aanmelding: dat is nodig als u namens het gezin aanmeldt."
                    )
                }
            )
        consent.validate_recorded(data.consent_by, data.consent_on, age=age, today=today)
    else:
        raise NotAllowed(_("Uw functie kan geen hulpvraag bij Samen Doen registreren."))
    request = _create(data, source=source, registered_by=actor, referrer=referrer)
    if youth is not None:
        request.youth = youth
        request.save(update_fields=["youth"])
    grant = policy.Grant(Category.YOUTH_CARE, Ground.INTAKE, function, data.municipality.name, True)
    _log(
        actor,
        request,
        grant,
        Event.CREATE,
        access_point,
        f"hulpvraag {request.reference} geregistreerd ({request.get_source_display().lower()})",
        categories=(Category.IDENTITY, Category.YOUTH_CARE),
    )
    return request


# --- establishing the youth ----------------------------------------------------------------------


def youth_candidates(request: HelpRequest) -> list[Youth]:
    """Youths of the request's municipality who are probably the one the request is about: the same
    BSN, or the same date of birth with a close name."""
    from jeugdketen.youth.services import likely_matches

    return [
        y
        for y in likely_matches(
            first_name=request.first_name,
            name_prefix=request.name_prefix,
            last_name=request.last_name,
            date_of_birth=request.date_of_birth,
            bsn=request.bsn,
        )
        if y.municipality_id == request.municipality_id and (not request.bsn or not y.bsn or y.bsn == request.bsn)
    ]


def _samen_doen(actor, request: HelpRequest, access_point: AccessPoint) -> tuple[Professional, Function]:
    functions = toegang_functions(actor, request.municipality_id)
    if SAMEN_DOEN not in functions:
        _require(actor, request, access_point)  # 404 for outsiders, with the refusal logged
        log_refusal(user=actor, youth=request.youth_id, object_type="helprequest", access_point=access_point)
        raise NotAllowed(_("Alleen een medewerker van Samen Doen kan dit doen."))
    return policy.professional_of(actor), functions[SAMEN_DOEN]


@audited_atomic
def request_take_up(
    *, actor, request: HelpRequest, access_point: AccessPoint, youth: Youth | None = None, register_new: bool = False
) -> HelpRequest:
    """A Samen Doen medewerker takes a new request up: establishes the youth (the linked one, a
    candidate, or a new registration) and opens the case that holds the request's history, with
    the medewerker as casusregisseur until a jeugdconsulent takes over."""
    from jeugdketen.cases.services import case_open
    from jeugdketen.youth.services import Link, youth_register

    professional, function = _samen_doen(actor, request, access_point)
    if request.status != HelpRequest.Status.NEW:
        raise ValidationError({"youth": _("Deze hulpvraag is al in behandeling genomen.")})
    if request.youth_id is None:
        if youth is not None:
            if youth not in youth_candidates(request):
                log_refusal(user=actor, youth=youth, object_type="helprequest", access_point=access_point)
                raise ValidationError({"youth": _("Kies een van de gevonden jeugdigen.")})
            request.youth = youth
        elif register_new:
            request.youth = youth_register(
                actor=actor,
                access_point=access_point,
                first_name=request.first_name,
                name_prefix=request.name_prefix,
                last_name=request.last_name,
                date_of_birth=request.date_of_birth,
                bsn=request.bsn,
                municipality=request.municipality,
                link=Link(case_subject=f"Hulpvraag {request.reference}", function=function),
            )
            request.case = Case.objects.filter(youth=request.youth, casusregisseur=professional).order_by("-pk").first()
        else:
            raise ValidationError(
                {"youth": _("Kies de jeugdige uit de gevonden jeugdigen, of registreer een nieuwe jeugdige.")}
            )
    request.status = HelpRequest.Status.TRIAGE
    request.save(update_fields=["youth", "status", "case"])
    if request.case_id is None:
        request.case = case_open(
            actor=actor,
            youth=request.youth,
            subject=f"Hulpvraag {request.reference}",
            function=function,
            access_point=access_point,
        )
        request.save(update_fields=["case"])
    _history(
        request,
        professional,
        function,
        _("Hulpvraag %(ref)s in behandeling genomen") % {"ref": request.reference},
        _("Binnengekomen op %(date)s (%(source)s). De vraag: %(question)s")
        % {
            "date": f"{request.received_on:%d-%m-%Y}",
            "source": request.get_source_display().lower(),
            "question": request.question,
        },
    )
    grant = _require(actor, request, access_point)
    _log(actor, request, grant, Event.UPDATE, access_point, "in behandeling genomen, jeugdige vastgesteld")
    return request


# --- the triage checklist ------------------------------------------------------------------------


def published_version(municipality_id: int) -> ChecklistVersion | None:
    return (
        ChecklistVersion.objects.filter(checklist__municipality_id=municipality_id, status="published")
        .prefetch_related("questions")
        .first()
    )


@audited_atomic
def triage_record(*, actor, request: HelpRequest, answers: dict, access_point: AccessPoint) -> Triage:
    """Record the answers to the current checklist. ``answers`` maps question id to the value."""
    professional, function = _samen_doen(actor, request, access_point)
    grant = _require(actor, request, access_point)
    if request.status not in (HelpRequest.Status.TRIAGE, HelpRequest.Status.WAITING):
        raise ValidationError({None: _("Neem de hulpvraag eerst in behandeling.")})
    version = published_version(request.municipality_id)
    if version is None:
        raise ValidationError(
            {None: _("Er is nog geen triagechecklist in gebruik. Vraag de teamleider er een te publiceren.")}
        )
    errors: dict[str, str] = {}
    rows = []
    flags: set[str] = set()
    for question in version.questions.all():
        key = f"q{question.pk}"
        value = str(answers.get(question.pk, answers.get(key, "")) or "").strip()
        if not value:
            if question.required:
                errors[key] = _("Beantwoord de vraag “%(q)s”.") % {"q": question.text}
            continue
        if question.kind == Question.Kind.TEXT:
            if len(value) > TEXT_ANSWER_MAX_LENGTH:
                errors[key] = _("Het antwoord is te lang: ten hoogste %(n)s tekens.") % {"n": TEXT_ANSWER_MAX_LENGTH}
            try:
                no_markup(value, key, _("Het antwoord"))
            except ValidationError:
                errors[key] = _("Het antwoord bevat HTML- of scriptcode. Schrijf gewone tekst.")
        elif value not in {o["value"] for o in question.options}:
            errors[key] = _("Kies een van de antwoorden bij “%(q)s”.") % {"q": question.text}
        flag = question.flag_for(value)
        if flag:
            flags.add(flag)
        rows.append((question, value))
    if errors:
        raise ValidationError(errors)
    triage = Triage.objects.create(request=request, version=version, performed_by=professional, flags=sorted(flags))
    Answer.objects.bulk_create([Answer(triage=triage, question=q, value=v) for q, v in rows])
    labels = ", ".join(Flag(f).label.lower() for f in sorted(flags)) or _("geen")
    _history(
        request,
        professional,
        function,
        _("Triage met de checklist (versie %(n)s)") % {"n": version.number},
        _("Signalen uit de triage: %(flags)s.") % {"flags": labels},
        category=Category.SAFETY if Flag.SAFETY in flags else Category.YOUTH_CARE,
    )
    categories = [Category.YOUTH_CARE] + ([Category.SAFETY] if Flag.SAFETY in flags else [])
    _log(actor, request, grant, Event.CREATE, access_point, f"triage (checklist versie {version.number})", categories)
    return triage


def recommendation(triage: Triage | None) -> str | None:
    """What the checklist's signals point to (the seeds' criteria): a safety concern skips the
    queue; a serious threat to development, complex family problems or psychological problems go
    to a jeugdconsulent; otherwise a voorliggende voorziening."""
    if triage is None:
        return None
    if Flag.SAFETY in triage.flags:
        return Decision.Kind.SAFETY
    if {Flag.DEVELOPMENT, Flag.COMPLEX, Flag.PSYCHOLOGICAL} & set(triage.flags):
        return Decision.Kind.WAITLIST
    return Decision.Kind.REFER


# --- the decision --------------------------------------------------------------------------------


@dataclass
class ReferralData:
    """Where to and what is shared. The toegang picks an offer (``service``) from the sociale kaart;
    the organisation follows from it. ``organisation`` alone is still accepted (the API, for an
    organisation whose offer is not on the map yet)."""

    organisation: Organisation | None
    items: list[str]
    consent_by: str
    consent_on: date | None
    service: Service | None = None


def _jeugdconsulent(municipality_id: int, consulent: Professional | None) -> Professional:
    if consulent is None:
        raise ValidationError({"consulent": _("Kies de jeugdconsulent.")})
    ok = (
        consulent.organisation.kind == Organisation.Kind.GEMEENTE
        and consulent.organisation.municipality_id == municipality_id
        and consulent.functions.filter(code=JEUGDCONSULENT).exists()
        and consulent.user.is_active
    )
    if not ok:
        raise ValidationError({"consulent": _("Kies een jeugdconsulent van deze gemeente.")})
    return consulent


def _shared_snapshot(request: HelpRequest, items: list[str], triage: Triage | None) -> dict[str, str]:
    shared: dict[str, str] = {}
    for item in items:
        if item == Referral.Item.QUESTION:
            shared[item] = request.question
        elif item == Referral.Item.CONTACT:
            contact = ", ".join(p for p in (request.requester_phone, request.requester_email) if p)
            shared[item] = f"{request.requester_name} ({request.get_requester_kind_display().lower()}), {contact}"
        elif item == Referral.Item.YOUTH:
            shared[item] = f"{request.given_name}, geboren {request.date_of_birth:%d-%m-%Y}"
        elif item == Referral.Item.TRIAGE:
            labels = ", ".join(Flag(f).label.lower() for f in triage.flags) if triage else ""
            shared[item] = labels or _("geen bijzondere signalen")
        elif item == Referral.Item.SCHOOL:
            enrolment = (
                Enrolment.objects.current().filter(youth_id=request.youth_id).select_related("school").first()
                if request.youth_id
                else None
            )
            shared[item] = f"{enrolment.school.name}, {enrolment.group}".rstrip(", ") if enrolment else _("onbekend")
    return shared


@audited_atomic
def decide(
    *,
    actor,
    request: HelpRequest,
    kind: str,
    motivation: str,
    access_point: AccessPoint,
    priority: int | None = None,
    referral: ReferralData | None = None,
    consulent: Professional | None = None,
) -> Decision:
    """Decide on a triaged request, with a motivation. A decision can be revisited while the request
    is in triage or on the waiting list; every decision stays in the history."""
    professional, function = _samen_doen(actor, request, access_point)
    grant = _require(actor, request, access_point)
    if request.status not in (HelpRequest.Status.TRIAGE, HelpRequest.Status.WAITING):
        raise ValidationError({"kind": _("Op deze hulpvraag kan nu geen besluit worden genomen.")})
    motivation = motivation.strip()
    errors = {}
    if kind not in Decision.Kind.values:
        errors["kind"] = _("Kies een besluit.")
    if not motivation:
        errors["motivation"] = _("Vul de motivering van het besluit in.")
    else:
        try:
            no_markup(motivation, "motivation", _("De motivering"))
        except ValidationError as exc:
            errors.update({k: v[0] for k, v in exc.message_dict.items()})
    if errors:
        raise ValidationError(errors)
    triage = request.triages.first()
    if triage is None and kind != Decision.Kind.CLOSE:
        raise ValidationError({"kind": _("Doe eerst de triage met de checklist.")})
    if triage is not None and triage.has_safety_concern and kind != Decision.Kind.SAFETY:
        raise ValidationError(
            {
                "kind": _(
                    "De triage wijst op zorg over de veiligheid: die slaat de wachtlijst over. Kies "
                    "“direct toewijzen en meldcode”, of pas de triage aan als de zorg er niet is."
                )
            }
        )
    today = timezone.localdate()
    decision = Decision(request=request, triage=triage, kind=kind, motivation=motivation, decided_by=professional)
    description = Decision.Kind(kind).label
    if kind == Decision.Kind.WAITLIST:
        if priority not in HelpRequest.Priority.values:
            raise ValidationError({"priority": _("Kies de prioriteit op de wachtlijst.")})
        decision.priority = priority
        if request.status != HelpRequest.Status.WAITING:
            request.waiting_since = today
        request.priority = priority
        request.status = HelpRequest.Status.WAITING
        decision.save()
    elif kind == Decision.Kind.REFER:
        if referral is not None and referral.service is not None:
            if referral.service.archived_on is not None:
                raise ValidationError({"service": _("Dit aanbod staat niet meer op de sociale kaart; kies een ander.")})
            referral.organisation = referral.service.organisation
        if referral is None or referral.organisation is None:
            raise ValidationError({"service": _("Kies het aanbod op de sociale kaart waarnaar u verwijst.")})
        if referral.organisation.kind not in REFERRAL_KINDS:
            field = "service" if referral.service is not None else "organisation"
            raise ValidationError({field: _("Kies een voorliggende voorziening, de GGD of een jeugdhulpaanbieder.")})
        items = [i for i in referral.items if i in Referral.Item.values]
        if not items:
            raise ValidationError({"items": _("Kies welke gegevens u deelt met de voorziening.")})
        age = request.youth.age(today)
        if referral.consent_by not in consent.LABELS or not consent.covers(referral.consent_by, age):
            raise ValidationError(
                {
                    "consent_by": _("Voor het delen is toestemming nodig van: %(who)s (de jeugdige is %(age)s jaar).")
                    % {"who": str(consent.LABELS[consent.consent_needed_from(age)]).lower(), "age": age}
                }
            )
        if referral.consent_on is None or referral.consent_on > today:
            raise ValidationError({"consent_on": _("Vul de datum van de toestemming in (niet in de toekomst).")})
        decision.save()
        Referral.objects.create(
            request=request,
            decision=decision,
            organisation=referral.organisation,
            service=referral.service,
            shared=_shared_snapshot(request, items, triage),
            consent_by=referral.consent_by,
            consent_on=referral.consent_on,
            status_changed_by=professional.name,
        )
        request.status = HelpRequest.Status.REFERRED
        request.priority = request.waiting_since = None
        target = (
            f"{referral.service.name}, {referral.organisation.name}" if referral.service else referral.organisation.name
        )
        description = f"{description}: {target}"
    elif kind == Decision.Kind.SAFETY:
        consulent = _jeugdconsulent(request.municipality_id, consulent)
        decision.priority = HelpRequest.Priority.HIGH
        decision.save()
        request.priority = HelpRequest.Priority.HIGH
        request.waiting_since = request.waiting_since or today
        _assign(actor, request, consulent, professional, function, access_point, keep_toegang=True)
        from jeugdketen.meldcode.services import meldcode_open

        meldcode_open(actor=actor, case=request.case, access_point=access_point, reason=motivation)
        description = f"{description}: {consulent.name}"
    else:  # close
        decision.save()
        request.status = HelpRequest.Status.CLOSED
        request.closed_on = today
        request.priority = request.waiting_since = None
        if request.case_id and request.case.is_open:
            Case.objects.filter(pk=request.case_id).update(
                status=Case.Status.AFGESLOTEN, closed_on=today, updated_at=timezone.now()
            )
    request.decided_on = today
    request.save()
    _history(
        request,
        professional,
        function,
        _("Besluit: %(kind)s") % {"kind": description},
        motivation,
        category=Category.SAFETY if kind == Decision.Kind.SAFETY else Category.YOUTH_CARE,
    )
    categories = [Category.YOUTH_CARE] + ([Category.SAFETY] if kind == Decision.Kind.SAFETY else [])
    _log(actor, request, grant, Event.CREATE, access_point, f"besluit: {description}"[:300], categories)
    return decision


# --- the waiting list ----------------------------------------------------------------------------


def _assign(actor, request, consulent, by: Professional, by_function: Function, access_point, *, keep_toegang: bool):
    """Make the consulent casusregisseur of the request's case and start the investigation. Without
    ``keep_toegang`` the toegang's involvement ends: its part is done (need to know)."""
    from jeugdketen.investigation.services import investigation_start

    case = request.case
    consulent_function = Function.objects.get(code=JEUGDCONSULENT)
    today = timezone.localdate()
    if not case.involvements.active().filter(professional=consulent, function=consulent_function).exists():
        Involvement.objects.create(case=case, professional=consulent, function=consulent_function, since=today)
    case.casusregisseur = consulent
    case.status = Case.Status.ONDERZOEK
    case.save(update_fields=["casusregisseur", "status", "updated_at"])
    if not keep_toegang:
        case.involvements.active().filter(function__code=SAMEN_DOEN).exclude(professional=consulent).update(until=today)
    request.status = HelpRequest.Status.ASSIGNED
    request.assigned_to = consulent
    request.assigned_on = today
    term = request_term(request, today)
    investigation_start(
        case=case,
        consulent=consulent,
        decide_by=term.deadline,
        started_on=today,
        actor=actor,
        access_point=access_point,
    )
    _history(
        request,
        by,
        by_function,
        _("Toegewezen aan jeugdconsulent %(name)s") % {"name": consulent.name},
        _("%(name)s is casusregisseur en start het onderzoek. Beslistermijn: %(deadline)s.")
        % {"name": consulent.name, "deadline": f"{term.deadline:%d-%m-%Y}"},
    )


@audited_atomic
def assign(*, actor, request: HelpRequest, consulent: Professional | None, access_point: AccessPoint) -> HelpRequest:
    """The teamleider assigns a waiting request to a jeugdconsulent of the municipality."""
    functions = toegang_functions(actor, request.municipality_id)
    if TEAMLEIDER not in functions:
        _require(actor, request, access_point, change=False)
        log_refusal(user=actor, youth=request.youth_id, object_type="helprequest", access_point=access_point)
        raise NotAllowed(_("Alleen de teamleider wijst hulpvragen toe aan jeugdconsulenten."))
    grant = _require(actor, request, access_point, change=False)
    if request.status != HelpRequest.Status.WAITING:
        raise ValidationError({"consulent": _("Deze hulpvraag staat niet (meer) op de wachtlijst.")})
    consulent = _jeugdconsulent(request.municipality_id, consulent)
    _assign(
        actor,
        request,
        consulent,
        policy.professional_of(actor),
        functions[TEAMLEIDER],
        access_point,
        keep_toegang=False,
    )
    request.save()
    _log(actor, request, grant, Event.UPDATE, access_point, f"toegewezen aan {consulent.name}")
    return request


def request_term(request: HelpRequest, today: date) -> deadlines.Term:
    """The Awb decision term of a request (uses prefetched suspensions when there are)."""
    periods = [deadlines.Period(s.started_on, s.ended_on) for s in request.suspensions.all()]
    return deadlines.decision_term(request.received_on, periods, today=today)


@audited_atomic
def suspension_start(
    *, actor, request: HelpRequest, reason: str, access_point: AccessPoint, started_on: date | None = None
) -> Suspension:
    """Stop the clock: the toegang asked the requester for information it needs to decide."""
    professional, function = _samen_doen(actor, request, access_point)
    grant = _require(actor, request, access_point)
    today = timezone.localdate()
    started_on = started_on or today
    reason = reason.strip()
    if not request.is_open:
        raise ValidationError({"reason": _("De beslistermijn loopt alleen zolang de hulpvraag open is.")})
    if not reason:
        raise ValidationError({"reason": _("Vul in om welke informatie u heeft gevraagd.")})
    no_markup(reason, "reason", _("De gevraagde informatie"))
    if started_on > today or started_on < request.received_on:
        raise ValidationError({"started_on": _("De datum ligt tussen de aanvraag en vandaag.")})
    if request.suspensions.filter(ended_on__isnull=True).exists():
        raise ValidationError({"reason": _("De beslistermijn is al opgeschort.")})
    suspension = Suspension.objects.create(request=request, started_on=started_on, reason=reason, created_by=actor)
    _history(
        request,
        professional,
        function,
        _("Beslistermijn opgeschort"),
        _("Informatie gevraagd op %(date)s: %(reason)s") % {"date": f"{started_on:%d-%m-%Y}", "reason": reason},
    )
    _log(actor, request, grant, Event.UPDATE, access_point, "beslistermijn opgeschort")
    return suspension


@audited_atomic
def suspension_end(
    *, actor, request: HelpRequest, access_point: AccessPoint, ended_on: date | None = None
) -> Suspension:
    """The information came in: the clock runs again."""
    professional, function = _samen_doen(actor, request, access_point)
    grant = _require(actor, request, access_point)
    suspension = request.suspensions.filter(ended_on__isnull=True).first()
    if suspension is None:
        raise ValidationError({"ended_on": _("De beslistermijn is niet opgeschort.")})
    ended_on = ended_on or timezone.localdate()
    if ended_on < suspension.started_on or ended_on > timezone.localdate():
        raise ValidationError({"ended_on": _("De datum ligt tussen de opschorting en vandaag.")})
    suspension.ended_on = ended_on
    suspension.save(update_fields=["ended_on"])
    term = request_term(request, timezone.localdate())
    _history(
        request,
        professional,
        function,
        _("Beslistermijn loopt weer"),
        _("Informatie ontvangen op %(date)s. Nieuwe uiterste beslisdatum: %(deadline)s.")
        % {"date": f"{ended_on:%d-%m-%Y}", "deadline": f"{term.deadline:%d-%m-%Y}"},
    )
    _log(actor, request, grant, Event.UPDATE, access_point, "beslistermijn hervat")
    return suspension


@audited_atomic
def contact_record(
    *, actor, request: HelpRequest, channel: str, note: str, access_point: AccessPoint, on: date | None = None
) -> Contact:
    """Record contact with a (waiting) family: by the toegang, a jeugdconsulent or the teamleider."""
    grant = _require(actor, request, access_point, change=False)
    functions = toegang_functions(actor, request.municipality_id)
    professional = policy.professional_of(actor)
    note = note.strip()
    on = on or timezone.localdate()
    errors = {}
    if channel not in Contact.Channel.values:
        errors["channel"] = _("Kies hoe het contact was.")
    if not note:
        errors["note"] = _("Vul in wat er is besproken.")
    if on > timezone.localdate():
        errors["on"] = _("De datum van het contact ligt in de toekomst.")
    if errors:
        raise ValidationError(errors)
    no_markup(note, "note", _("Wat er is besproken"))
    contact = Contact.objects.create(request=request, on=on, channel=channel, note=note, by=professional)
    function = next(iter(functions.values()), None) or grant.function
    _history(
        request,
        professional,
        function,
        _("Contact met het gezin (%(channel)s)") % {"channel": contact.get_channel_display().lower()},
        note,
    )
    _log(actor, request, grant, Event.CREATE, access_point, "contact met het gezin vastgelegd")
    return contact


# --- the referral at the receiving organisation ---------------------------------------------------

REFERRAL_TRANSITIONS = {
    Referral.Status.SENT: {Referral.Status.ACCEPTED, Referral.Status.DECLINED},
    Referral.Status.ACCEPTED: {Referral.Status.DONE, Referral.Status.DECLINED},
}


def referral_grant(actor, referral: Referral) -> policy.Grant | None:
    """A professional of the receiving organisation reads what was shared with it — that only."""
    professional = policy.professional_of(actor)
    if professional is None or professional.organisation_id != referral.organisation_id:
        return None
    function = next(iter(professional.functions.all()), None)
    return policy.Grant(Category.YOUTH_CARE, Ground.REFERRAL, function, referral.organisation.name)


@audited_atomic
def referral_update(*, actor, referral: Referral, status: str, access_point: AccessPoint, note: str = "") -> Referral:
    """The receiving organisation accepts, declines or completes a referral. A declined referral
    goes back to the toegang for a new decision; a completed one closes the request and its case."""
    grant = referral_grant(actor, referral)
    request = referral.request
    if grant is None:
        log_refusal(user=actor, youth=request.youth_id, object_type="referral", access_point=access_point)
        raise NotFoundOrForbidden
    note = note.strip()
    if status not in REFERRAL_TRANSITIONS.get(referral.status, set()):
        raise ValidationError({"status": _("Deze status kan nu niet worden gekozen.")})
    if status == Referral.Status.DECLINED and not note:
        raise ValidationError({"note": _("Vul in waarom de verwijzing niet wordt aangenomen.")})
    no_markup(note, "note", _("De toelichting"))
    referral.status = status
    referral.status_note = note
    referral.status_changed_at = timezone.now()
    referral.status_changed_by = policy.professional_of(actor).name
    referral.save()
    today = timezone.localdate()
    if status == Referral.Status.DECLINED:
        request.status = HelpRequest.Status.TRIAGE
        request.save(update_fields=["status"])
    elif status == Referral.Status.DONE:
        request.status = HelpRequest.Status.CLOSED
        request.closed_on = today
        request.save(update_fields=["status", "closed_on"])
        if request.case_id:
            Case.objects.filter(pk=request.case_id, status__in=Case.OPEN_STATUSES).update(
                status=Case.Status.AFGESLOTEN, closed_on=today, updated_at=timezone.now()
            )
    if grant.function is not None:
        _history(
            request,
            policy.professional_of(actor),
            grant.function,
            _("Verwijzing naar %(org)s: %(status)s")
            % {"org": referral.organisation.name, "status": referral.get_status_display().lower()},
            note or _("Bijgewerkt door %(name)s.") % {"name": referral.status_changed_by},
        )
    log_access(
        user=actor,
        youth=request.youth_id,
        event=Event.UPDATE,
        grant=grant,
        object_type="referral",
        object_ids=[referral.pk],
        categories=[Category.YOUTH_CARE],
        access_point=access_point,
        description=f"verwijzing {referral.get_status_display().lower()}",
    )
    return referral


# --- keeping the checklist (the teamleider) -------------------------------------------------------


def _require_manager(actor, municipality: Municipality) -> None:
    if TEAMLEIDER not in toegang_functions(actor, municipality.pk):
        raise NotAllowed(_("Alleen de teamleider van de gemeente beheert de triagechecklist."))


def checklist_for(municipality: Municipality) -> Checklist:
    return Checklist.objects.get_or_create(municipality=municipality)[0]


@audited_atomic
def checklist_draft(*, actor, municipality: Municipality) -> ChecklistVersion:
    """The draft version to edit: the existing one, or a new copy of the version in use."""
    _require_manager(actor, municipality)
    checklist = checklist_for(municipality)
    draft = checklist.versions.filter(status=ChecklistVersion.Status.DRAFT).first()
    if draft is not None:
        return draft
    current = checklist.versions.filter(status=ChecklistVersion.Status.PUBLISHED).first()
    number = (checklist.versions.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    draft = ChecklistVersion.objects.create(checklist=checklist, number=number, created_by=actor)
    if current is not None:
        Question.objects.bulk_create(
            [
                Question(
                    version=draft,
                    order=q.order,
                    theme=q.theme,
                    text=q.text,
                    help_text=q.help_text,
                    kind=q.kind,
                    required=q.required,
                    options=q.options,
                )
                for q in current.questions.all()
            ]
        )
    return draft


def _require_draft(actor, version: ChecklistVersion) -> None:
    _require_manager(actor, version.checklist.municipality)
    if not version.is_draft:
        raise ValidationError({None: _("Een gepubliceerde versie verandert niet meer: maak een nieuwe versie.")})


YES_NO_VALUES = (("ja", "Ja"), ("nee", "Nee"))


def _options(kind: str, options: list[dict]) -> list[dict]:
    """Normalise answer options: yes/no always has 'ja' and 'nee'; a choice needs two or more."""
    if kind == Question.Kind.TEXT:
        return []
    flags = set(Flag.values) | {""}
    if kind == Question.Kind.YES_NO:
        given = {o.get("value"): o.get("flag", "") for o in options}
        result = [{"value": v, "label": label, "flag": given.get(v, "")} for v, label in YES_NO_VALUES]
    else:
        result, seen = [], set()
        for o in options:
            label = (o.get("label") or "").strip()
            if not label:
                continue
            value = re.sub(r"[^a-z0-9]+", "-", label.casefold()).strip("-")[:40] or f"optie-{len(result) + 1}"
            if value in seen:
                raise ValidationError({"options": _("Elk antwoord komt één keer voor.")})
            seen.add(value)
            result.append({"value": value, "label": label[:100], "flag": o.get("flag", "")})
        if len(result) < 2:
            raise ValidationError({"options": _("Een keuzevraag heeft minstens twee antwoorden.")})
    if any(o["flag"] not in flags for o in result):
        raise ValidationError({"options": _("Kies een bestaand signaal.")})
    return result


@audited_atomic
def question_save(
    *,
    actor,
    version: ChecklistVersion,
    text: str,
    kind: str,
    options: list[dict],
    question: Question | None = None,
    theme: str = "",
    help_text: str = "",
    required: bool = True,
) -> Question:
    _require_draft(actor, version)
    text = text.strip()
    if not text:
        raise ValidationError({"text": _("Vul de vraag in.")})
    if kind not in Question.Kind.values:
        raise ValidationError({"kind": _("Kies de soort antwoord.")})
    for value, name, label in (
        (text, "text", _("De vraag")),
        (help_text, "help_text", _("De toelichting")),
        (theme, "theme", _("Het thema")),
    ):
        no_markup(value, name, label)
    if question is None:
        last = version.questions.order_by("-order").values_list("order", flat=True).first()
        question = Question(version=version, order=(last or 0) + 10)
    elif question.version_id != version.pk:
        raise NotFoundOrForbidden
    question.text, question.kind, question.theme = text, kind, theme.strip()
    question.help_text, question.required = help_text.strip(), required
    question.options = _options(kind, options)
    question.full_clean()
    question.save()
    return question


@audited_atomic
def question_delete(*, actor, question: Question) -> None:
    _require_draft(actor, question.version)
    question.delete()


@audited_atomic
def question_move(*, actor, question: Question, up: bool) -> None:
    _require_draft(actor, question.version)
    questions = list(question.version.questions.all())
    index = questions.index(question)
    other = index - 1 if up else index + 1
    if 0 <= other < len(questions):
        questions[index], questions[other] = questions[other], questions[index]
        for order, q in enumerate(questions, start=1):
            q.order = order * 10
        Question.objects.bulk_update(questions, ["order"])


@audited_atomic
def checklist_publish(*, actor, version: ChecklistVersion, note: str) -> ChecklistVersion:
    """Publish the draft: from now on triage uses it; the previous version is kept (retired)."""
    _require_draft(actor, version)
    note = note.strip()
    if not note:
        raise ValidationError({"note": _("Beschrijf kort wat er in deze versie is veranderd.")})
    no_markup(note, "note", _("De beschrijving"))
    if not version.questions.exists():
        raise ValidationError({"note": _("Een checklist zonder vragen kan niet worden gepubliceerd.")})
    version.checklist.versions.filter(status=ChecklistVersion.Status.PUBLISHED).update(
        status=ChecklistVersion.Status.RETIRED
    )
    version.status = ChecklistVersion.Status.PUBLISHED
    version.note = note
    version.published_by = actor
    version.published_at = timezone.now()
    version.save()
    return version


DEFAULT_CHECKLIST = Path(__file__).parent / "data" / "default_checklist.json"


@audited_atomic
def checklist_install_default(municipality: Municipality) -> ChecklistVersion:
    """Publish the default checklist (data/default_checklist.json) as version 1 of a municipality
    that has none yet. For a new municipality and the demo; afterwards the teamleider keeps it."""
    checklist = checklist_for(municipality)
    existing = checklist.versions.filter(status=ChecklistVersion.Status.PUBLISHED).first()
    if existing is not None:
        return existing
    spec = json.loads(DEFAULT_CHECKLIST.read_text(encoding="utf-8"))
    checklist.name = spec["name"]
    checklist.save(update_fields=["name"])
    version = ChecklistVersion.objects.create(
        checklist=checklist,
        number=(checklist.versions.order_by("-number").values_list("number", flat=True).first() or 0) + 1,
        status=ChecklistVersion.Status.PUBLISHED,
        note=spec["note"],
        published_at=timezone.now(),
    )
    for order, q in enumerate(spec["questions"], start=1):
        Question.objects.create(
            version=version,
            order=order * 10,
            theme=q.get("theme", ""),
            text=q["text"],
            help_text=q.get("help_text", ""),
            kind=q["kind"],
            required=q.get("required", True),
            options=_options(q["kind"], q.get("options", [])),
        )
    return version
