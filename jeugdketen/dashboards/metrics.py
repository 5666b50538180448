"""What the dashboards show: each metric, where its facts come from, and for which scopes.

Facts are read from the domain tables per scope, as tuples without names: a date, a dimension
(a phase, a destination, a kind) and the youth's id (to count children, not events). ``compute``
turns them into ``Figure`` rows per period."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .models import Scope

G, SWV, SCHOOL = Scope.GEMEENTE, Scope.SWV, Scope.SCHOOL
# The Awb's term for a decision on an aanvraag when no other term is set (Awb art. 4:13 lid 2).
AWB_TERM = timedelta(weeks=8)


@dataclass
class Metric:
    key: str
    title: str
    description: str
    kind: str  # "events", "now", "term", "waiting_time", "monthly_snapshot"
    scopes: frozenset
    facts: Callable
    dimension_label: str = ""
    dimensions: list = field(default_factory=list)  # (value, label) in display order; others sorted after
    trend: bool = False


def _schools(scope: str, scope_id: int):
    """The schools of a scope: the school itself, or the schools of a samenwerkingsverband."""
    from jeugdketen.schoolsupport.models import SupportProfile

    if scope == SCHOOL:
        return [scope_id]
    return SupportProfile.objects.filter(samenwerkingsverband_id=scope_id).values("school_id")


# --- gemeente --------------------------------------------------------------------------------------


def waiting_list(scope, scope_id, since: date) -> Iterable[tuple]:
    """(youth, on the list from, off the list on or None) for the requests of the municipality."""
    from jeugdketen.intake.models import HelpRequest

    rows = (
        HelpRequest.objects.filter(municipality_id=scope_id, waiting_since__isnull=False)
        .filter(Q(assigned_on__isnull=True) | Q(assigned_on__gte=since))
        .values_list("youth_id", "pk", "waiting_since", "assigned_on", "closed_on", "decided_on", "status")
    )
    for youth_id, pk, start, assigned, closed, decided, status in rows:
        end = assigned or closed or (None if status == HelpRequest.Status.WAITING else decided)
        yield (youth_id or f"r{pk}", start, end)


def waiting_time(scope, scope_id, since: date) -> Iterable[tuple]:
    from jeugdketen.intake.models import HelpRequest

    rows = HelpRequest.objects.filter(
        municipality_id=scope_id, waiting_since__isnull=False, assigned_on__gte=since
    ).values_list("assigned_on", "youth_id", "pk", "waiting_since")
    for assigned, youth_id, pk, start in rows:
        yield (assigned, youth_id or f"r{pk}", max(0, (assigned - start).days))


def decisions_in_term(scope, scope_id, since: date) -> Iterable[tuple]:
    from jeugdketen.investigation.models import Investigation

    rows = Investigation.objects.filter(case__youth__municipality_id=scope_id, decided_on__gte=since).values_list(
        "decided_on", "case__youth_id", "decide_by", "started_on"
    )
    for decided, youth_id, decide_by, started in rows:
        yield (decided, youth_id, decided <= (decide_by or started + AWB_TERM))


def cases_by_phase(scope, scope_id, since: date) -> Iterable[tuple]:
    from jeugdketen.cases.models import Case

    return Case.objects.filter(youth__municipality_id=scope_id, status__in=Case.OPEN_STATUSES).values_list(
        "status", "youth_id"
    )


DURATIONS = [
    ("0-3", _("Korter dan 3 maanden")),
    ("3-6", _("3 tot 6 maanden")),
    ("6-12", _("6 tot 12 maanden")),
    ("12+", _("Een jaar of langer")),
]


def cases_by_duration(scope, scope_id, since: date, today: date | None = None) -> Iterable[tuple]:
    from django.utils import timezone

    from jeugdketen.cases.models import Case

    today = today or timezone.localdate()
    for opened, youth_id in Case.objects.filter(
        youth__municipality_id=scope_id, status__in=Case.OPEN_STATUSES
    ).values_list("opened_on", "youth_id"):
        days = (today - opened).days
        bucket = "0-3" if days < 91 else "3-6" if days < 182 else "6-12" if days < 365 else "12+"
        yield (bucket, youth_id)


def stagnation(scope, scope_id, since: date) -> Iterable[tuple]:
    from jeugdketen.signals.models import Signal

    return Signal.objects.filter(case__youth__municipality_id=scope_id, raised_on__gte=since).values_list(
        "raised_on", "kind", "case__youth_id"
    )


def referrals(scope, scope_id, since: date) -> Iterable[tuple]:
    from jeugdketen.intake.models import Referral

    for sent_at, org, youth_id, pk in Referral.objects.filter(
        request__municipality_id=scope_id, sent_at__date__gte=since
    ).values_list("sent_at", "organisation__name", "request__youth_id", "request_id"):
        yield (sent_at.date(), org, youth_id or f"r{pk}")


def _meldingen(filters: Q, since: date) -> Iterable[tuple]:
    from jeugdketen.leerplicht.models import Melding

    return (
        Melding.objects.filter(filters, reached_on__gte=since)
        .exclude(status__in=(Melding.Status.LAPSED, Melding.Status.FOUND))
        .values_list("reached_on", "kind", "youth_id")
    )


def meldingen(scope, scope_id, since: date) -> Iterable[tuple]:
    if scope == G:
        return _meldingen(Q(youth__municipality_id=scope_id), since)
    return _meldingen(Q(school_id__in=_schools(scope, scope_id)), since)


def leerplicht_steps(scope, scope_id, since: date) -> Iterable[tuple]:
    from jeugdketen.leerplicht.models import CaseStep, HaltReferral

    yield from (
        (on, "halt", youth_id)
        for on, youth_id in HaltReferral.objects.filter(
            case__municipality_id=scope_id, referred_on__gte=since
        ).values_list("referred_on", "youth_id")
    )
    yield from (
        (on, "proces_verbaal", youth_id)
        for on, youth_id in CaseStep.objects.filter(
            case__municipality_id=scope_id, kind=CaseStep.Kind.PROCES_VERBAAL, occurred_on__gte=since
        ).values_list("occurred_on", "case__youth_id")
    )


def handovers(scope, scope_id, since: date) -> Iterable[tuple]:
    from jeugdketen.handover.models import Handover

    handovers = Handover.objects.filter(status=Handover.Status.HANDED_OVER, handed_over_on__gte=since)
    if scope == G:
        handovers = handovers.filter(youth__municipality_id=scope_id)
    else:
        handovers = handovers.filter(from_school_id__in=_schools(scope, scope_id))
    return handovers.values_list("handed_over_on", "method", "youth_id")


def swv_requests(scope, scope_id, since: date) -> Iterable[tuple]:
    from jeugdketen.schoolsupport.models import SWVRequest

    for submitted, outcome, youth_id in SWVRequest.objects.filter(swv_id=scope_id, submitted_on__gte=since).values_list(
        "submitted_on", "outcome", "youth_id"
    ):
        yield (submitted, outcome or "open", youth_id)


def school_support(scope, scope_id, since: date) -> Iterable[tuple]:
    from jeugdketen.schoolsupport.models import OPP, PupilSignal, SupportPlan

    yield from (
        (on, "signaal", y)
        for on, y in PupilSignal.objects.filter(school_id=scope_id, observed_on__gte=since).values_list(
            "observed_on", "youth_id"
        )
    )
    yield from (
        (on, "handelingsplan", y)
        for on, y in SupportPlan.objects.filter(school_id=scope_id, starts_on__gte=since).values_list(
            "starts_on", "youth_id"
        )
    )
    yield from (
        (on, "opp", y)
        for on, y in OPP.objects.filter(school_id=scope_id, enrolled_on__gte=since).values_list(
            "enrolled_on", "youth_id"
        )
    )


def _choices(model_path: str, attr: str) -> list:
    from django.apps import apps

    app, model = model_path.split(".")
    return list(getattr(apps.get_model(app, model), attr).choices)


METRICS: list[Metric] = [
    Metric("waiting_list", _("Wachtlijst jeugdconsulenten"),
           _("Kinderen op de wachtlijst aan het eind van elke maand; bij een periode: aan het eind ervan."),
           "monthly_snapshot", frozenset({G}), waiting_list, trend=True),
    Metric("waiting_time", _("Wachttijd tot toewijzing"),
           _("Dagen tussen plaatsing op de wachtlijst en toewijzing aan een jeugdconsulent, voor wie in de "
             "periode werd toegewezen."),
           "waiting_time", frozenset({G}), waiting_time),
    Metric("decisions_in_term", _("Besluiten binnen de termijn"),
           _("Besluiten van jeugdconsulenten in de periode, en hoeveel binnen de beslistermijn (Awb 4:13: "
             "uiterlijk 8 weken, tenzij anders vastgelegd)."),
           "term", frozenset({G}), decisions_in_term),
    Metric("cases_by_phase", _("Casussen per fase (nu)"), _("Open casussen op de dag van berekenen."),
           "now", frozenset({G}), cases_by_phase, _("Fase"),
           dimensions=[("aangemeld", _("Aangemeld")), ("onderzoek", _("In onderzoek")),
                       ("uitvoering", _("In uitvoering")), ("evaluatie", _("Evaluatie"))]),
    Metric("cases_by_duration", _("Looptijd van open casussen (nu)"), _("Sinds het openen van de casus."),
           "now", frozenset({G}), cases_by_duration, _("Looptijd"), dimensions=DURATIONS),
    Metric("stagnation", _("Stagnatiesignalen"), _("Signalen van stagnatie in casussen, naar soort."),
           "events", frozenset({G}), stagnation, _("Soort"),
           dimensions=[("afspraak_verlopen", _("Afspraak over de datum")),
                       ("evaluatie_gemist", _("Evaluatiemoment gemist")),
                       ("casus_stil", _("Geen activiteit in de casus")), ("nazorg", _("Nazorgmoment bereikt"))]),
    Metric("referrals", _("Verwijzingen naar bestemming"),
           _("Doorverwijzingen door de toegang naar voorliggende voorzieningen, de GGD en jeugdhulp."),
           "events", frozenset({G}), referrals, _("Bestemming")),
    Metric("meldingen", _("Verzuimmeldingen"), _("Meldingen die de school verstuurde, naar soort."),
           "events", frozenset({G, SWV, SCHOOL}), meldingen, _("Soort"), trend=True,
           dimensions=[("relatief", _("Relatief verzuim (16 uur in 4 weken)")),
                       ("langdurig", _("Langdurig relatief verzuim")), ("luxe", _("Luxe verzuim")),
                       ("mazl_frequent", _("M@ZL: vaak ziek")), ("mazl_lang", _("M@ZL: lang ziek"))]),
    Metric("leerplicht_steps", _("Halt en proces-verbaal"), _("Verwijzingen naar Halt en processen-verbaal."),
           "events", frozenset({G}), leerplicht_steps, _("Soort"),
           dimensions=[("halt", _("Verwijzing naar Halt")), ("proces_verbaal", _("Proces-verbaal"))]),
    Metric("handovers", _("Overdrachten gedaan"), _("Overdrachten naar een andere school of schooljaar."),
           "events", frozenset({G, SWV, SCHOOL}), handovers, _("Soort"),
           dimensions=[("warm", _("Warm")), ("koud", _("Koud"))]),
    Metric("swv_requests", _("Aanvragen bij het samenwerkingsverband"), _("Ingediende aanvragen, naar besluit."),
           "events", frozenset({SWV}), swv_requests, _("Besluit"),
           dimensions=[("arrangement", _("Arrangement toegekend")), ("tlv", _("TLV afgegeven")),
                       ("afgewezen", _("Afgewezen")), ("open", _("Nog geen besluit"))]),
    Metric("school_support", _("Ondersteuning op school"), _("Signalen, handelingsplannen en OPP's."),
           "events", frozenset({SCHOOL}), school_support, _("Soort"),
           dimensions=[("signaal", _("Signalen")), ("handelingsplan", _("Handelingsplannen")),
                       ("opp", _("OPP's"))]),
]  # fmt: skip

BY_KEY = {m.key: m for m in METRICS}


def for_scope(scope: str) -> list[Metric]:
    return [m for m in METRICS if scope in m.scopes]
