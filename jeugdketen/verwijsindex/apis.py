"""The verwijsindex in the API: my signals with their matches, placing, withdrawing, and agreeing
who holds regie. The same services, selectors and rules as the pages. ``ROUTES`` is registered by
jeugdketen/api/urls.py: (prefix, viewset, basename)."""

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from jeugdketen.core.apis import CodeField, api_access_point, errors, parse_id
from jeugdketen.core.drf import IsProfessional
from jeugdketen.organisations.models import Municipality

from . import selectors, services
from .models import Signal

CHANGE_ERRORS = errors(400, 401, 403, 404)


class InvolvedSerializer(serializers.ModelSerializer):
    """Another professional's signal on the same youth: who, where, how to reach them. No content."""

    professional_name = serializers.CharField(source="professional.name")
    organisation_name = serializers.CharField(source="organisation.name")
    function_name = serializers.CharField(source="function.name")

    class Meta:
        model = Signal
        fields = ["id", "professional_name", "organisation_name", "function_name", "phone", "email", "placed_on"]


class RegieSerializer(serializers.Serializer):
    holder = serializers.IntegerField(source="holder_id", help_text="Het signaal van wie de regie heeft.")
    holder_name = serializers.CharField(source="holder.professional.name")
    recorded_by_name = serializers.CharField(source="recorded_by.name")
    recorded_at = serializers.DateTimeField()
    note = serializers.CharField()


class MySignalSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="signal.pk")
    youth = serializers.IntegerField(source="signal.youth_id")
    youth_name = serializers.CharField(source="signal.youth.full_name")
    date_of_birth = serializers.DateField(source="signal.youth.date_of_birth")
    placed_on = serializers.DateField(source="signal.placed_on")
    ends_on = serializers.DateField(source="signal.ends_on", help_text="Uiterlijk na 2 jaar, of op de 23e verjaardag.")
    matches = InvolvedSerializer(source="others", many=True)
    regie = RegieSerializer(allow_null=True)


class PlacementSerializer(serializers.Serializer):
    bsn = serializers.CharField(max_length=11)
    date_of_birth = serializers.DateField()
    first_name = serializers.CharField(max_length=100)
    name_prefix = serializers.CharField(max_length=20, required=False, allow_blank=True, default="")
    last_name = serializers.CharField(max_length=100)
    municipality = CodeField(
        slug_field="cbs_code", queryset=Municipality.objects.all(), help_text="CBS-code van de woongemeente."
    )
    phone = serializers.CharField(max_length=20)
    email = serializers.EmailField(required=False, allow_blank=True, default="")


class PlacedSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="signal.pk")
    matches = serializers.IntegerField(help_text="Hoeveel andere professionals een signaal hebben op deze jeugdige.")


class RegieAgreeSerializer(serializers.Serializer):
    holder = serializers.IntegerField(help_text="Het id van het signaal van wie de regie krijgt.")
    note = serializers.CharField(max_length=services.NOTE_MAX, required=False, allow_blank=True, default="")


@extend_schema_view(
    list=extend_schema(responses={200: MySignalSerializer(many=True), **errors(401, 403)}),
    retrieve=extend_schema(responses={200: MySignalSerializer, **errors(401, 403, 404)}),
)
class VerwijsindexSignalViewSet(viewsets.ViewSet):
    """Uw signalen in de verwijsindex, met per jeugdige de andere betrokken professionals (match)."""

    permission_classes = [IsProfessional]
    queryset = Signal.objects.none()  # only for the schema: the path id is an integer
    http_method_names = ["get", "post", "head", "options"]

    def list(self, request):
        rows = selectors.my_signals(actor=request.user, access_point=api_access_point(request))
        return Response(MySignalSerializer(rows, many=True).data)

    def retrieve(self, request, pk=None):
        row = selectors.my_signal(actor=request.user, signal_id=parse_id(pk), access_point=api_access_point(request))
        return Response(MySignalSerializer(row).data)

    @extend_schema(request=PlacementSerializer, responses={201: PlacedSerializer, **CHANGE_ERRORS})
    def create(self, request):
        serializer = PlacementSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        signal, matches = services.signal_place(
            actor=request.user,
            data=services.Placement(**serializer.validated_data),
            access_point=api_access_point(request),
        )
        return Response({"id": signal.pk, "matches": len(matches)}, status=status.HTTP_201_CREATED)

    @extend_schema(request=None, responses={204: None, **CHANGE_ERRORS})
    @action(detail=True, methods=["post"])
    def withdraw(self, request, pk=None):
        services.signal_withdraw(actor=request.user, signal_id=parse_id(pk), access_point=api_access_point(request))
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(request=RegieAgreeSerializer, responses={200: MySignalSerializer, **CHANGE_ERRORS})
    @action(detail=True, methods=["post"])
    def regie(self, request, pk=None):
        serializer = RegieAgreeSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        ap = api_access_point(request)
        signal_id = parse_id(pk)
        data = serializer.validated_data
        services.regie_agree(
            actor=request.user, signal_id=signal_id, holder_id=data["holder"], note=data["note"], access_point=ap
        )
        return Response(
            MySignalSerializer(selectors.my_signal(actor=request.user, signal_id=signal_id, access_point=ap)).data
        )


ROUTES = [("verwijsindex/signals", VerwijsindexSignalViewSet, "verwijsindex-signal")]
