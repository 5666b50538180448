"""The rights of the youth as data subject, carried out by the privacy officer of the youth's
municipality: access to everything the app holds (AVG art. 15), correction (art. 16) and erasure
of what the law allows (art. 17). Each step is logged in the access log with its reason."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime

from django.core import serializers
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.db.models import ProtectedError
from django.utils import timezone
from django.utils.translation import gettext as _

from jeugdketen.access import policy
from jeugdketen.access.categories import Category
from jeugdketen.access.exceptions import NotFoundOrForbidden
from jeugdketen.auditlog.models import AccessLogEntry
from jeugdketen.auditlog.services import AccessPoint, Event, audited_atomic, log_access, log_refusal
from jeugdketen.youth.models import Youth
from jeugdketen.youth.validators import bsn_is_valid, normalise_bsn

from . import walk

OBJECT_TYPE = "betrokkene"
REASON_MAX = 300
CORRECTABLE = ("first_name", "name_prefix", "last_name", "date_of_birth", "gender", "bsn")


def officer_grant(actor, youth: Youth, access_point: AccessPoint) -> policy.Grant:
    """The privacy officer of the youth's municipality; anyone else 404 (logged)."""
    if policy.privacy_officer_municipality(actor) != youth.municipality_id:
        log_refusal(user=actor, youth=youth, object_type=OBJECT_TYPE, access_point=access_point)
        raise NotFoundOrForbidden
    return policy.privacy_officer_grant(actor)


def log_read(actor, youth: Youth, access_point: AccessPoint, description: str) -> None:
    """A page of the request shows the youth (identity, and what kinds of records exist)."""
    log_access(
        user=actor, youth=youth, event=Event.READ, grant=policy.privacy_officer_grant(actor), object_type=OBJECT_TYPE,
        object_ids=[youth.pk], categories=[Category.IDENTITY], access_point=access_point, description=description,
    )  # fmt: skip


def log_found(actor, youths, access_point: AccessPoint) -> None:
    """The youths a privacy officer's search showed: one SEARCH entry each."""
    from jeugdketen.auditlog.services import log_each

    grant = policy.privacy_officer_grant(actor)
    log_each([(y.pk, y.pk, grant) for y in youths], user=actor, event=Event.SEARCH, object_type=OBJECT_TYPE,
             access_point=access_point, description="verzoek van een betrokkene: zoeken")  # fmt: skip


@dataclass
class Part:
    """The records of one model: its Dutch name and each record's fields."""

    label: str
    model: str
    records: list[dict] = field(default_factory=list)


@dataclass
class Export:
    youth: Youth
    parts: list[Part]
    access_log: list[dict]
    made_at: datetime
    made_by: str
    for_subject: bool = False

    def as_json(self) -> str:
        return json.dumps(
            {
                "betreft": {
                    "id": self.youth.pk,
                    "naam": self.youth.full_name,
                    "geboortedatum": self.youth.date_of_birth,
                },
                "gemaakt_op": self.made_at,
                "gemaakt_door": self.made_by,
                "grondslag": "AVG art. 15 (recht op inzage)",
                "niet_opgenomen": (
                    "politiegegevens en gegevens uit de meldcode (UAVG art. 41; de privacy officer weegt "
                    "per verzoek of die worden verstrekt)"
                    if self.for_subject
                    else ""
                ),
                "gegevens": [{"model": p.model, "naam": p.label, "records": p.records} for p in self.parts],
                "toegangslog": self.access_log,
            },
            cls=DjangoJSONEncoder,
            ensure_ascii=False,
            indent=2,
        )

    @property
    def record_count(self) -> int:
        return sum(len(p.records) for p in self.parts)


def _record(obj) -> dict:
    [data] = serializers.serialize("python", [obj])
    fields = {}
    for name, value in data["fields"].items():
        field_ = obj._meta.get_field(name)
        if isinstance(field_, models.ForeignKey) and value is not None:
            target = getattr(obj, name, None)
            value = {"id": value, "omschrijving": str(target)} if target is not None else value
        fields[name] = value
    fields.update(walk.m2m_values(obj))
    return {"id": obj.pk, **fields}


def _log_entries(youth: Youth, *, for_subject: bool = False) -> list[dict]:
    from jeugdketen.access.policy import POLICE_FUNCTION

    entries = AccessLogEntry.objects.filter(youth_id=youth.pk)
    if for_subject:  # as the parents' view of the log: without the police's access (UAVG art. 41)
        entries = entries.exclude(function_code=POLICE_FUNCTION)
    return [
        {
            "wanneer": e.timestamp, "gebeurtenis": e.get_event_display(), "wie": e.user_name,
            "organisatie": e.organisation_name, "functie": e.function_name, "grond": e.get_ground_display(),
            "categorieën": e.categories, "wat": e.object_type, "omschrijving": e.description, "reden": e.reason,
            "kanaal": e.get_channel_display(),
        }
        for e in entries.order_by("timestamp", "pk")
    ]  # fmt: skip


# What the copy for the youth or the parents leaves out, as the portal does (docs/privacy.md):
# police information (UAVG art. 41) and the meldcode's record of a safety concern. The privacy
# officer weighs per request whether to release those; the full export keeps them.
WITHHELD_CATEGORIES = {str(Category.POLICE), str(Category.SAFETY)}
WITHHELD_APPS = {"meldcode"}


def _withheld(obj) -> bool:
    from jeugdketen.access.policy import POLICE_FUNCTION

    meta = obj._meta
    if meta.app_label in WITHHELD_APPS:
        return True
    if getattr(obj, "category", None) in WITHHELD_CATEGORIES:
        return True
    function = getattr(obj, "function", None)
    return meta.label_lower == "verwijsindex.signal" and function is not None and function.code == POLICE_FUNCTION


def collect(youth: Youth, *, for_subject: bool = False) -> list[Part]:
    parts = []
    for model, objs in walk.records_of(youth).items():
        meta = model._meta
        if for_subject:
            objs = [o for o in objs if not _withheld(o)]
        if objs:
            parts.append(Part(str(meta.verbose_name_plural).capitalize(), meta.label_lower, [_record(o) for o in objs]))
    return parts


@audited_atomic
def subject_export(*, actor, youth: Youth, access_point: AccessPoint, fmt: str, for_subject: bool = False) -> Export:
    """Everything the app holds about the youth, with the access log (AVG art. 15); with
    ``for_subject`` the copy for the youth or the parents, without police and meldcode data. The
    export is logged (before the log is read, so it lists itself)."""
    grant = officer_grant(actor, youth, access_point)
    what = "de kopie voor de betrokkene" if for_subject else "alles over de jeugdige"
    log_access(
        user=actor, youth=youth, event=Event.EXPORT, grant=grant, object_type=OBJECT_TYPE, object_ids=[youth.pk],
        categories=list(Category), access_point=access_point,
        description=f"inzageverzoek (AVG art. 15): {what} als {fmt.upper()}",
    )  # fmt: skip
    return Export(
        youth, collect(youth, for_subject=for_subject), _log_entries(youth, for_subject=for_subject), timezone.now(),
        actor.get_full_name() or actor.username, for_subject,
    )  # fmt: skip


@audited_atomic
def subject_correct(*, actor, youth: Youth, reason: str, access_point: AccessPoint, **changes) -> Youth:
    """Correct the youth's identity data on their (or their parents') request (AVG art. 16)."""
    grant = officer_grant(actor, youth, access_point)
    reason = (reason or "").strip()
    errors: dict[str, str] = {}
    if not reason:
        errors["reason"] = _("Vul in op wiens verzoek en waarom u corrigeert.")
    elif len(reason) > REASON_MAX:
        errors["reason"] = _("De reden is te lang (hoogstens %(n)d tekens).") % {"n": REASON_MAX}
    unknown = set(changes) - set(CORRECTABLE)
    if unknown:
        raise ValueError(f"not correctable: {sorted(unknown)}")
    for name in ("first_name", "last_name"):
        if name in changes and not (changes[name] or "").strip():
            errors[name] = _("Vul de %(label)s in.") % {"label": Youth._meta.get_field(name).verbose_name}
    if "date_of_birth" in changes:
        born = changes["date_of_birth"]
        if born is None or born > timezone.localdate():
            errors["date_of_birth"] = _("Vul een geboortedatum in die niet in de toekomst ligt.")
    if changes.get("bsn"):
        changes["bsn"] = normalise_bsn(changes["bsn"])
        if not bsn_is_valid(changes["bsn"]):
            errors["bsn"] = _("Dit is geen geldig BSN: een BSN heeft 9 cijfers en voldoet aan de elfproef.")
        elif Youth.objects.with_bsn([changes["bsn"]]).exclude(pk=youth.pk).exists():
            errors["bsn"] = _("Dit BSN hoort al bij een andere jeugdige.")
    if errors:
        raise ValidationError(errors)
    changed = []
    for name, value in changes.items():
        value = value.strip() if isinstance(value, str) else value
        if getattr(youth, name) != value:
            setattr(youth, name, value)
            changed.append(str(Youth._meta.get_field(name).verbose_name))
    if not changed:
        raise ValidationError(_("Er is niets veranderd."))
    youth.save()
    log_access(
        user=actor, youth=youth, event=Event.UPDATE, grant=grant, object_type=OBJECT_TYPE, object_ids=[youth.pk],
        categories=[Category.IDENTITY], access_point=access_point, reason=reason,
        description=f"gecorrigeerd (AVG art. 16): {', '.join(changed)}"[:300],
    )  # fmt: skip
    return youth


def erasure_blockers(youth: Youth, today: date | None = None) -> list[str]:
    """Why the youth's data may not (yet) be erased, each with its ground; empty when it may."""
    from jeugdketen.cases.models import Case
    from jeugdketen.intake.models import HelpRequest
    from jeugdketen.leerplicht.models import LeerplichtCase
    from jeugdketen.verwijsindex.models import Signal
    from jeugdketen.youth.models import Enrolment

    today = today or timezone.localdate()
    blockers = []
    cases = Case.objects.filter(youth=youth).count()
    if cases:
        blockers.append(
            _("%(n)d casus(sen): het jeugdhulpdossier valt onder de bewaarplicht van de Jeugdwet (art. 7.3.8). "
              "Vernietiging op verzoek van de ouders of de jeugdige (art. 7.3.9) loopt per casus via "
              "“Vraag om vernietiging”.") % {"n": cases}
        )  # fmt: skip
    if HelpRequest.objects.filter(youth=youth, closed_on__isnull=True).exclude(status="afgesloten").exists():
        blockers.append(_("Een hulpvraag bij de toegang loopt nog: sluit die eerst af."))
    if Enrolment.objects.current(today).filter(youth=youth).exists():
        blockers.append(
            _("De jeugdige staat ingeschreven op een school, die de leerlingadministratie bijhoudt "
              "(wettelijke plicht, AVG art. 17 lid 3 sub b).")
        )  # fmt: skip
    if LeerplichtCase.objects.filter(youth=youth, status="open").exists():
        blockers.append(
            _("Er loopt een leerplichtzaak: de gemeente voert de Leerplichtwet uit (AVG art. 17 lid 3 sub b).")
        )
    if Signal.objects.active(today).filter(youth=youth).exists():
        blockers.append(
            _(
                "Er staat een actief signaal in de verwijsindex: dat vervalt volgens de Jeugdwet, of de "
                "professional trekt het in."
            )
        )
    return blockers


def _delete_all(records: dict[type, list]) -> int:
    """Delete the walked records, children before parents; a record still protected by another
    waits for the next pass."""
    pending = [(model, obj.pk) for model, objs in reversed(list(records.items())) for obj in reversed(objs)]
    deleted = 0
    for _pass in range(10):
        waiting = []
        for model, pk in pending:
            try:
                with transaction.atomic():
                    deleted += model._base_manager.filter(pk=pk).delete()[0]
            except ProtectedError:
                waiting.append((model, pk))
        if not waiting:
            return deleted
        pending = waiting
    raise RuntimeError(f"could not erase: {pending[:5]}")


def _account_remove(account) -> None:
    """Delete the youth's own login; when another record still names it (a destruction request
    the youth made), close it and strip it of everything that identifies them instead."""
    try:
        with transaction.atomic():
            account.delete()
    except ProtectedError:
        account.is_active = False
        account.username = f"gewist-{account.pk}"
        account.first_name = account.last_name = account.email = ""
        account.set_unusable_password()
        account.save()


@audited_atomic
def subject_erase(*, actor, youth: Youth, reason: str, access_point: AccessPoint) -> int:
    """Erase the youth and everything that hangs on them (AVG art. 17), when no law requires
    keeping it; the access log stays, with the erasure as its last entry."""
    grant = officer_grant(actor, youth, access_point)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Vul in op wiens verzoek en waarom u wist.")})
    if len(reason) > REASON_MAX:
        raise ValidationError({"reason": _("De reden is te lang (hoogstens %(n)d tekens).") % {"n": REASON_MAX}})
    blockers = erasure_blockers(youth)
    if blockers:
        raise ValidationError({"reason": blockers})
    youth_id, account = youth.pk, youth.user
    records = walk.records_of(youth, with_kept=False)
    count = sum(len(objs) for objs in records.values())
    _delete_all(records)
    if account is not None:  # the youth's own login goes with them
        _account_remove(account)
    log_access(
        user=actor, youth=youth_id, event=Event.DELETE, grant=grant, object_type=OBJECT_TYPE, object_ids=[youth_id],
        categories=list(Category), access_point=access_point, reason=reason,
        description=f"gewist (AVG art. 17): de jeugdige en {count - 1} gegevens die aan de jeugdige hingen",
    )  # fmt: skip
    return count
