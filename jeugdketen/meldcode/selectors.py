"""Reads of the meldcode that pages and the API share. Each one asks the policy (permissions.py)
and writes the access log in the safety category."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Max, Q

from jeugdketen.access import policy
from jeugdketen.access.categories import Category, Ground
from jeugdketen.access.exceptions import NotFoundOrForbidden
from jeugdketen.access.models import EmergencyAccess
from jeugdketen.auditlog.services import AccessPoint, Event, log_access, log_each
from jeugdketen.cases.models import Case, Involvement

from . import permissions
from .models import Decision, StepRecord, Track, Weighing
from .steps import STEPS, Advice, StepDefinition

TRACK_RELATED = ("case__youth__municipality", "opened_by__user", "opened_by_function")


@dataclass
class StepView:
    definition: StepDefinition
    record: StepRecord | None
    is_current: bool

    @property
    def number(self) -> int:
        return self.definition.number


@dataclass
class TrackView:
    track: Track
    access: policy.YouthAccess
    steps: list[StepView]
    weighing: Weighing | None
    decision: Decision | None
    may_write: bool  # the policy lets the actor write this case's meldcode

    @property
    def can_write(self) -> bool:
        """Forms are shown: the actor may write and the meldcode is still open."""
        return self.may_write and self.track.is_open

    @property
    def case(self) -> Case:
        return self.track.case

    @property
    def youth(self):
        return self.track.case.youth

    @property
    def grant(self) -> policy.Grant | None:
        return self.access.grant(Category.SAFETY)

    @property
    def next_step(self) -> int | None:
        """The step at turn, or None when all five are recorded or the meldcode is closed."""
        return next((s.number for s in self.steps if s.is_current), None)

    @property
    def advice(self) -> Advice | None:
        return self.weighing.advice if self.weighing else None


def _log_read(actor, case: Case, access: policy.YouthAccess, tracks: list[Track], access_point, description: str):
    log_access(
        user=actor,
        youth=case.youth,
        event=Event.READ,
        grant=access.grant(Category.SAFETY),
        object_type=permissions.OBJECT_TYPE,
        object_ids=[t.pk for t in tracks],
        categories=[Category.SAFETY],
        access_point=access_point,
        description=description,
    )


def track_detail(*, actor, track_id: int, access_point: AccessPoint) -> TrackView:
    """One meldcode with all its steps, the afwegingskader and the decision; 404 for whoever may
    not read it (a refusal is logged)."""
    track = (
        Track.objects.select_related(*TRACK_RELATED, "closed_by__user", "closed_by_function", "weighing", "decision")
        .filter(pk=track_id)
        .first()
    )
    if track is None:
        raise NotFoundOrForbidden
    access = permissions.read_access(actor, track.case, access_point, by_track=True)
    records = {
        r.number: r
        for r in track.steps.select_related("by__user", "by__organisation", "by_function").order_by("number")
    }
    done = max(records, default=0)
    steps = [
        StepView(definition, records.get(definition.number), track.is_open and definition.number == done + 1)
        for definition in STEPS
    ]
    _log_read(actor, track.case, access, [track], access_point, f"meldcode {track.pk} in casus {track.case.reference}")
    return TrackView(
        track=track,
        access=access,
        steps=steps,
        weighing=getattr(track, "weighing", None),  # loaded with the track; None when not recorded yet
        decision=getattr(track, "decision", None),
        may_write=permissions.may_write(access, track.case),
    )


@dataclass
class CaseMeldcode:
    case: Case
    access: policy.YouthAccess
    tracks: list[Track] = field(default_factory=list)
    can_write: bool = False

    @property
    def can_open(self) -> bool:
        return self.can_write and not any(t.is_open for t in self.tracks)


def _with_progress(tracks):
    return tracks.select_related(*TRACK_RELATED).annotate(steps_done=Max("steps__number")).order_by("-opened_on", "-id")


def case_meldcode(*, actor, case_id: int, access_point: AccessPoint) -> CaseMeldcode:
    """The meldcode tracks of a case, for its own page: 404 without a relationship to the case, 403
    for those who see the case but not its safety data (both logged)."""
    case = Case.objects.select_related("youth__municipality").filter(pk=case_id).first()
    if case is None:
        raise NotFoundOrForbidden
    access = permissions.read_access(actor, case, access_point, by_track=False)
    tracks = list(_with_progress(Track.objects.filter(case=case)))
    _log_read(actor, case, access, tracks, access_point, f"meldcode van casus {case.reference}")
    return CaseMeldcode(case, access, tracks, case.is_open and permissions.may_write(access, case))


def tracks_for_case(
    *, actor, case: Case, access_point: AccessPoint, access: policy.YouthAccess | None = None
) -> list[Track] | None:
    """The case's meldcode tracks for a block on the case page. ``None`` (no block, and no refusal
    logged: they did not ask for it) for whoever may not read safety data; ``[]`` when none has
    been started. Pass the ``access`` the page already has."""
    access = access if access is not None else policy.access_for(actor, case.youth)
    if case.pk not in access.case_ids or not access.can(Category.SAFETY):
        return None
    tracks = list(_with_progress(Track.objects.filter(case=case)))
    if tracks:
        _log_read(actor, case, access, tracks, access_point, f"meldcode van casus {case.reference}")
    return tracks


def open_tracks(*, actor, access_point: AccessPoint) -> list[Track]:
    """The open meldcode tracks the actor may see: in the open cases they are involved in as
    medewerker Samen Doen or jeugdconsulent, and of youths they have emergency access to in such a
    function. Each youth shown is logged as a list view of safety data."""
    professional = policy.professional_of(actor)
    codes = policy.function_codes(professional) & permissions.SAFETY_FUNCTIONS
    if not codes:
        return []
    involvements = Involvement.objects.active().filter(
        professional=professional, function__code__in=codes, case__status__in=Case.OPEN_STATUSES
    )
    emergency = EmergencyAccess.objects.active().filter(professional=professional).values("youth_id")
    tracks = list(
        _with_progress(
            Track.objects.filter(status=Track.Status.OPEN).filter(
                Q(case__in=involvements.values("case_id")) | Q(case__youth__in=emergency)
            )
        )
    )
    if tracks:
        functions = {
            inv.case_id: inv.function
            for inv in involvements.filter(case__in=[t.case_id for t in tracks]).select_related("function")
        }
        emergency_function = next(f for f in professional.functions.all() if f.code in codes)
        log_each(
            (
                (
                    track.case.youth_id,
                    track.pk,
                    policy.Grant(
                        Category.SAFETY,
                        Ground.CASE_INVOLVEMENT if track.case_id in functions else Ground.EMERGENCY,
                        functions.get(track.case_id, emergency_function),
                        track.case.reference,
                    ),
                )
                for track in tracks
            ),
            user=actor,
            event=Event.LIST,
            object_type=permissions.OBJECT_TYPE,
            access_point=access_point,
            description="Meldcode-overzicht",
            categories=[Category.SAFETY],
        )
    return tracks
