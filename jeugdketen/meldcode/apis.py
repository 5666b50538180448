"""API views of this app. ``ROUTES`` is registered by jeugdketen/api/urls.py: (prefix, viewset, basename).

The meldcode through the API: the same services and selectors as the pages, so the same policy,
the same access log (channel "api") and the same Dutch messages per field."""

from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from jeugdketen.access.exceptions import NotFoundOrForbidden
from jeugdketen.cases.models import Case
from jeugdketen.core.apis import api_access_point, errors, parse_id, query_int

from . import selectors, services
from .models import Decision, StepRecord, Track, Weighing
from .steps import QUESTION_NUMBERS, STEP_COUNT


class MeldcodeAdviceSerializer(serializers.Serializer):
    suspicion = serializers.BooleanField(help_text="Vraag 1: is er een vermoeden?")
    report = serializers.BooleanField(help_text="Advies: melden bij Veilig Thuis is noodzakelijk.")
    help_possible = serializers.BooleanField(help_text="Advies: hulp bieden of organiseren is (ook) mogelijk.")
    summary = serializers.CharField()


class MeldcodeStepRecordSerializer(serializers.ModelSerializer):
    by_name = serializers.CharField(source="by.name")
    by_function = serializers.CharField(source="by_function.code")
    by_function_name = serializers.CharField(source="by_function.name")

    class Meta:
        model = StepRecord
        fields = ["id", "number", "done_on", "by", "by_name", "by_function", "by_function_name", "notes", "held"]


class MeldcodeQuestionSerializer(serializers.Serializer):
    number = serializers.IntegerField()
    question = serializers.CharField()
    answer = serializers.BooleanField(allow_null=True)
    motivation = serializers.CharField(allow_blank=True)


class MeldcodeWeighingSerializer(serializers.ModelSerializer):
    questions = MeldcodeQuestionSerializer(source="question_rows", many=True)
    advice = MeldcodeAdviceSerializer()

    class Meta:
        model = Weighing
        fields = ["questions", "advice"]


class MeldcodeDecisionSerializer(serializers.ModelSerializer):
    deviates = serializers.BooleanField(help_text="Het besluit wijkt af van het advies van het afwegingskader.")

    class Meta:
        model = Decision
        fields = [
            "report",
            "reported_on",
            "report_what",
            "report_motivation",
            "help_possible",
            "help_motivation",
            "advice_report",
            "advice_help",
            "deviates",
            "deviation_motivation",
        ]


class MeldcodeTrackSummarySerializer(serializers.ModelSerializer):
    # A plain string: as a choice field its enum would collide with the case's "status" enum in the
    # schema until ENUM_NAME_OVERRIDES (a setting) names it.
    status = serializers.CharField(read_only=True, help_text="open (lopend) of gesloten")
    case_reference = serializers.CharField(source="case.reference")
    youth = serializers.IntegerField(source="case.youth_id")
    youth_name = serializers.CharField(source="case.youth.full_name")
    opened_by_name = serializers.CharField(source="opened_by.name")
    opened_by_function = serializers.CharField(source="opened_by_function.code")

    class Meta:
        model = Track
        fields = [
            "id",
            "case",
            "case_reference",
            "youth",
            "youth_name",
            "reason",
            "status",
            "opened_on",
            "opened_by",
            "opened_by_name",
            "opened_by_function",
            "closed_on",
            "close_motivation",
        ]


class MeldcodeTrackSerializer(MeldcodeTrackSummarySerializer):
    steps = MeldcodeStepRecordSerializer(many=True, source="step_records")
    next_step = serializers.IntegerField(
        allow_null=True,
        help_text="De stap die aan de beurt is; leeg als alles is vastgelegd of de meldcode is afgesloten.",
    )
    weighing = MeldcodeWeighingSerializer(allow_null=True)
    decision = MeldcodeDecisionSerializer(allow_null=True)

    class Meta(MeldcodeTrackSummarySerializer.Meta):
        fields = [*MeldcodeTrackSummarySerializer.Meta.fields, "next_step", "steps", "weighing", "decision"]


def _detail_data(view: selectors.TrackView) -> dict:
    track = view.track
    track.step_records = [s.record for s in view.steps if s.record]
    track.next_step = view.next_step
    return MeldcodeTrackSerializer(track).data


# Input ------------------------------------------------------------------------------------------

ID = {"min_value": 1, "max_value": 2**63 - 1}


class MeldcodeTrackOpenSerializer(serializers.Serializer):
    case = serializers.IntegerField(**ID)
    reason = serializers.CharField(allow_blank=True, help_text="De zorg over de veiligheid.")


class MeldcodeStepCreateSerializer(serializers.Serializer):
    number = serializers.IntegerField(
        min_value=1, max_value=STEP_COUNT, help_text="Stap 1, 2 of 3 (4: weighing, 5: decision)."
    )
    done_on = serializers.DateField(required=False, allow_null=True, default=None)
    notes = serializers.CharField(allow_blank=True, required=False, default="")
    held = serializers.BooleanField(
        required=False, allow_null=True, default=None, help_text="Alleen stap 3: is het gesprek gevoerd?"
    )


def _weighing_input_fields() -> dict:
    fields = {"done_on": serializers.DateField(required=False, allow_null=True, default=None)}
    for n in QUESTION_NUMBERS:
        fields[f"answer_{n}"] = serializers.BooleanField(required=False, allow_null=True, default=None)
        fields[f"motivation_{n}"] = serializers.CharField(required=False, allow_blank=True, default="")
    fields["notes"] = serializers.CharField(required=False, allow_blank=True, default="")
    return fields


MeldcodeWeighingCreateSerializer = type(
    "MeldcodeWeighingCreateSerializer", (serializers.Serializer,), _weighing_input_fields()
)


class MeldcodeDecisionCreateSerializer(serializers.Serializer):
    done_on = serializers.DateField(required=False, allow_null=True, default=None)
    report = serializers.BooleanField(required=False, allow_null=True, default=None)
    reported_on = serializers.DateField(required=False, allow_null=True, default=None)
    report_what = serializers.CharField(required=False, allow_blank=True, default="")
    report_motivation = serializers.CharField(required=False, allow_blank=True, default="")
    help_possible = serializers.BooleanField(required=False, allow_null=True, default=None)
    help_motivation = serializers.CharField(required=False, allow_blank=True, default="")
    deviation_motivation = serializers.CharField(required=False, allow_blank=True, default="")


class MeldcodeCloseSerializer(serializers.Serializer):
    motivation = serializers.CharField(required=False, allow_blank=True, default="")
    closed_on = serializers.DateField(required=False, allow_null=True, default=None)


def _valid(serializer_class, request) -> dict:
    serializer = serializer_class(data=request.data)
    serializer.is_valid(raise_exception=True)
    return dict(serializer.validated_data)


def _track(pk) -> Track:
    track = Track.objects.select_related("case__youth").filter(pk=parse_id(pk)).first()
    if track is None:
        raise NotFoundOrForbidden
    return track


CASE_PARAM = OpenApiParameter(
    "case",
    int,
    required=False,
    description="De casus: alle meldcodes daarvan. Zonder: de lopende meldcodes die u mag zien.",
)
WRITE_ERRORS = errors(400, 401, 403, 404)


@extend_schema_view(
    list=extend_schema(
        parameters=[CASE_PARAM], responses={200: MeldcodeTrackSummarySerializer(many=True), **errors(401, 403, 404)}
    ),
    retrieve=extend_schema(responses={200: MeldcodeTrackSerializer, **errors(401, 404)}),
    create=extend_schema(
        request=MeldcodeTrackOpenSerializer, responses={201: MeldcodeTrackSummarySerializer, **WRITE_ERRORS}
    ),
)
class MeldcodeTrackViewSet(viewsets.ViewSet):
    """The meldcode huiselijk geweld en kindermishandeling for a safety concern in a case: its five
    steps, the afwegingskader and the two decisions. Safety data: only for the medewerkers Samen
    Doen and jeugdconsulenten involved in the case."""

    queryset = Track.objects.none()  # only for the schema: the path id is an integer
    http_method_names = ["get", "post", "head", "options"]

    def list(self, request):
        ap = api_access_point(request)
        if "case" in request.query_params:
            case_id = query_int(request, "case")
            if case_id is None:
                raise NotFoundOrForbidden
            tracks = selectors.case_meldcode(actor=request.user, case_id=case_id, access_point=ap).tracks
        else:
            tracks = selectors.open_tracks(actor=request.user, access_point=ap)
        return Response(MeldcodeTrackSummarySerializer(tracks, many=True).data)

    def retrieve(self, request, pk=None):
        view = selectors.track_detail(actor=request.user, track_id=parse_id(pk), access_point=api_access_point(request))
        return Response(_detail_data(view))

    def create(self, request):
        data = _valid(MeldcodeTrackOpenSerializer, request)
        case = Case.objects.select_related("youth").filter(pk=data["case"]).first()
        if case is None:
            raise NotFoundOrForbidden
        track = services.meldcode_open(
            actor=request.user, case=case, reason=data["reason"], access_point=api_access_point(request)
        )
        return Response(MeldcodeTrackSummarySerializer(track).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=MeldcodeStepCreateSerializer, responses={201: MeldcodeStepRecordSerializer, **WRITE_ERRORS})
    @action(detail=True, methods=["post"])
    def steps(self, request, pk=None):
        """Stap 1, 2 of 3 vastleggen, op volgorde."""
        track = _track(pk)
        data = _valid(MeldcodeStepCreateSerializer, request)
        record = services.meldcode_step_record(
            actor=request.user, track=track, access_point=api_access_point(request), **data
        )
        return Response(MeldcodeStepRecordSerializer(record).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        request=MeldcodeWeighingCreateSerializer, responses={201: MeldcodeWeighingSerializer, **WRITE_ERRORS}
    )
    @action(detail=True, methods=["post"])
    def weighing(self, request, pk=None):
        """Stap 4: de vijf vragen van het afwegingskader, elk ja/nee met een motivering."""
        track = _track(pk)
        data = _valid(MeldcodeWeighingCreateSerializer, request)
        weighing = services.meldcode_weigh(
            actor=request.user,
            track=track,
            access_point=api_access_point(request),
            done_on=data["done_on"],
            answers={n: data[f"answer_{n}"] for n in QUESTION_NUMBERS},
            motivations={n: data[f"motivation_{n}"] for n in QUESTION_NUMBERS},
            notes=data["notes"],
        )
        return Response(MeldcodeWeighingSerializer(weighing).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        request=MeldcodeDecisionCreateSerializer, responses={201: MeldcodeDecisionSerializer, **WRITE_ERRORS}
    )
    @action(detail=True, methods=["post"])
    def decision(self, request, pk=None):
        """Stap 5: de twee besluiten (melden bij Veilig Thuis; hulp (ook) mogelijk)."""
        track = _track(pk)
        data = _valid(MeldcodeDecisionCreateSerializer, request)
        decision = services.meldcode_decide(
            actor=request.user, track=track, access_point=api_access_point(request), **data
        )
        return Response(MeldcodeDecisionSerializer(decision).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=MeldcodeCloseSerializer, responses={200: MeldcodeTrackSummarySerializer, **WRITE_ERRORS})
    @action(detail=True, methods=["post"])
    def close(self, request, pk=None):
        """De meldcode afsluiten: na het besluit, of eerder met een motivering."""
        track = _track(pk)
        data = _valid(MeldcodeCloseSerializer, request)
        track = services.meldcode_close(actor=request.user, track=track, access_point=api_access_point(request), **data)
        return Response(MeldcodeTrackSummarySerializer(track).data)


ROUTES: list = [("meldcode-tracks", MeldcodeTrackViewSet, "meldcode-track")]
