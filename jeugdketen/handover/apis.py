"""Handovers in the API: start, write and hand over (the sending school), read (sending school,
receiving school once the pupil is enrolled, the family), the parents' view, "alle leerlingen in
beeld" and the leerplicht risk pupils. The same services, selectors and rules as the pages.
``ROUTES`` is registered by jeugdketen/api/urls.py: (prefix, viewset, basename)."""

from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response

from jeugdketen.access.exceptions import NotFoundOrForbidden
from jeugdketen.core.apis import api_access_point, errors, parse_id
from jeugdketen.organisations.models import Organisation
from jeugdketen.youth.models import Youth

from . import law, rules, selectors, services
from .models import Handover, Method, Transfer

CHANGE_ERRORS = errors(400, 401, 403, 404)
YEAR = OpenApiParameter(
    "school_year", int, description="Het schooljaar waar de overgang naartoe gaat (het jaar van 1 augustus)."
)


class HandoverSerializer(serializers.ModelSerializer):
    youth_name = serializers.CharField(source="youth.full_name")
    from_school_name = serializers.CharField(source="from_school.name")
    to_school_name = serializers.CharField(source="to_school.name", default="")

    class Meta:
        model = Handover
        fields = [
            "id", "youth", "youth_name", "from_school", "from_school_name", "to_school", "to_school_name", "transfer",
            "school_year", "method", "status", "learning", "support", "wellbeing", "attendance", "schooladvies",
            "schooladvies_on", "opp", "conversation_on", "conversation_with", "conversation_notes", "handed_over_on",
            "parents_view", "parents_view_on",
        ]  # fmt: skip


class StartSerializer(serializers.Serializer):
    youth = serializers.IntegerField(min_value=1, help_text="De leerling; een onbekende of niet zichtbare: 404.")
    transfer = serializers.ChoiceField(choices=Transfer.choices)
    method = serializers.ChoiceField(choices=Method.choices)
    school_year = serializers.IntegerField(min_value=2000, max_value=2100)
    to_school = serializers.PrimaryKeyRelatedField(
        queryset=Organisation.objects.filter(kind=Organisation.Kind.SCHOOL), required=False, allow_null=True,
        default=None,
    )  # fmt: skip


class UpdateSerializer(serializers.Serializer):
    to_school = serializers.PrimaryKeyRelatedField(
        queryset=Organisation.objects.filter(kind=Organisation.Kind.SCHOOL), required=False, allow_null=True
    )
    method = serializers.ChoiceField(choices=Method.choices, required=False)
    learning = serializers.CharField(required=False, allow_blank=True, max_length=services.TEXT_MAX)
    support = serializers.CharField(required=False, allow_blank=True, max_length=services.TEXT_MAX)
    wellbeing = serializers.CharField(required=False, allow_blank=True, max_length=services.TEXT_MAX)
    attendance = serializers.CharField(required=False, allow_blank=True, max_length=services.TEXT_MAX)
    schooladvies = serializers.ChoiceField(choices=law.Schooladvies.choices, required=False, allow_blank=True)
    schooladvies_on = serializers.DateField(required=False, allow_null=True)
    conversation_on = serializers.DateField(required=False, allow_null=True)
    conversation_with = serializers.CharField(required=False, allow_blank=True, max_length=300)
    conversation_notes = serializers.CharField(required=False, allow_blank=True, max_length=services.TEXT_MAX)


class ParentsViewSerializer(serializers.Serializer):
    parents_view = serializers.CharField(max_length=services.TEXT_MAX)


class InViewSerializer(serializers.Serializer):
    youth = serializers.IntegerField(source="youth.pk")
    youth_name = serializers.CharField(source="youth.full_name")
    school = serializers.IntegerField(source="enrolment.school_id")
    school_name = serializers.CharField(source="enrolment.school.name")
    group = serializers.CharField(source="enrolment.group")
    reasons = serializers.ListField(
        child=serializers.CharField(), help_text="geen_school, ondersteuning, casus, leerplicht"
    )
    handover = serializers.IntegerField(source="handover.pk", default=None, allow_null=True)


def _year(request) -> int:
    choices = dict(selectors.school_year_choices())
    value = request.query_params.get("school_year", "")
    return int(value) if value.isascii() and value.isdigit() and int(value) in choices else next(iter(choices))


@extend_schema_view(retrieve=extend_schema(responses={200: HandoverSerializer, **errors(401, 404)}))
class HandoverViewSet(viewsets.ViewSet):
    """De overdracht van een leerling naar een andere school of een volgend schooljaar."""

    queryset = Handover.objects.none()  # only for the schema: the path id is an integer
    http_method_names = ["get", "post", "patch", "head", "options"]

    def retrieve(self, request, pk=None):
        view = selectors.handover_read(
            actor=request.user, handover_id=parse_id(pk), access_point=api_access_point(request)
        )
        return Response(HandoverSerializer(view.handover).data)

    @extend_schema(request=StartSerializer, responses={201: HandoverSerializer, **CHANGE_ERRORS})
    def create(self, request):
        serializer = StartSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        youth = Youth.objects.filter(pk=parse_id(data.pop("youth"))).first()
        if youth is None:  # the same answer as for a youth the actor may not see
            raise NotFoundOrForbidden
        handover = services.handover_start(
            actor=request.user, access_point=api_access_point(request), youth=youth, **data
        )
        return Response(HandoverSerializer(handover).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=UpdateSerializer, responses={200: HandoverSerializer, **CHANGE_ERRORS})
    def partial_update(self, request, pk=None):
        serializer = UpdateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        handover = services.handover_update(
            actor=request.user,
            handover_id=parse_id(pk),
            access_point=api_access_point(request),
            **serializer.validated_data,
        )
        return Response(HandoverSerializer(handover).data)

    @extend_schema(request=None, responses={200: HandoverSerializer, **CHANGE_ERRORS})
    @action(detail=True, methods=["post"])
    def complete(self, request, pk=None):
        handover = services.handover_complete(
            actor=request.user, handover_id=parse_id(pk), access_point=api_access_point(request)
        )
        return Response(HandoverSerializer(handover).data)

    @extend_schema(request=ParentsViewSerializer, responses={200: HandoverSerializer, **CHANGE_ERRORS})
    @action(detail=True, methods=["post"], url_path="parents-view")
    def parents_view(self, request, pk=None):
        serializer = ParentsViewSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        handover = services.handover_parents_view(
            actor=request.user, handover_id=parse_id(pk), text=serializer.validated_data["parents_view"],
            access_point=api_access_point(request),
        )  # fmt: skip
        return Response(HandoverSerializer(handover).data)

    @extend_schema(responses={200: HandoverSerializer(many=True), **errors(401)})
    @action(detail=False, methods=["get"])
    def received(self, request):
        """Overgedragen aan uw school, voor leerlingen die hier zijn ingeschreven."""
        return Response(
            HandoverSerializer(
                selectors.received(actor=request.user, access_point=api_access_point(request)), many=True
            ).data
        )

    @extend_schema(parameters=[YEAR], responses={200: InViewSerializer(many=True), **errors(401, 403)})
    @action(detail=False, methods=["get"], url_path="in-view")
    def in_view(self, request):
        """Alle leerlingen in beeld: voor de school."""
        from jeugdketen.access import policy

        if rules.school_function(policy.professional_of(request.user)) is None:
            raise PermissionDenied("Alle leerlingen in beeld is voor de school.")
        rows = selectors.in_view(actor=request.user, school_year=_year(request), access_point=api_access_point(request))
        return Response(InViewSerializer(rows, many=True).data)

    @extend_schema(parameters=[YEAR], responses={200: InViewSerializer(many=True), **errors(401, 404)})
    @action(detail=False, methods=["get"])
    def risks(self, request):
        """De risicoleerlingen bij de overgang: voor de consulent leerplicht."""
        rows = selectors.leerplicht_risks(
            actor=request.user, school_year=_year(request), access_point=api_access_point(request)
        )
        return Response(InViewSerializer(rows, many=True).data)


ROUTES = [("handovers", HandoverViewSet, "handover")]
