from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import serializers, viewsets

from jeugdketen.core.apis import errors, query_int, query_text
from jeugdketen.core.drf import IsProfessional

from . import selectors
from .models import Function, Organisation, Professional


class FunctionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Function
        fields = ["code", "name", "summary"]


class OrganisationSerializer(serializers.ModelSerializer):
    municipality = serializers.CharField(source="municipality.name")

    class Meta:
        model = Organisation
        fields = [
            "id",
            "name",
            "kind",
            "brin",
            "sector",
            "municipality",
            "description",
            "street",
            "postcode",
            "city",
            "phone",
            "email",
            "website",
        ]


class ProfessionalSerializer(serializers.ModelSerializer):
    name = serializers.CharField()
    organisation = serializers.PrimaryKeyRelatedField(read_only=True)
    organisation_name = serializers.CharField(source="organisation.name")
    functions = FunctionSerializer(many=True)

    class Meta:
        model = Professional
        fields = ["id", "name", "organisation", "organisation_name", "functions", "job_title", "phone", "email"]


@extend_schema_view(
    list=extend_schema(
        parameters=[OpenApiParameter("q", str), OpenApiParameter("kind", str, enum=Organisation.Kind.values)],
        responses={200: OrganisationSerializer(many=True), **errors(401, 403)},
    ),
    retrieve=extend_schema(responses={200: OrganisationSerializer, **errors(401, 403, 404)}),
)
class OrganisationViewSet(viewsets.ReadOnlyModelViewSet):
    """The directory of organisations (the start of the sociale kaart)."""

    serializer_class = OrganisationSerializer
    permission_classes = [IsProfessional]

    def get_queryset(self):
        kind = self.request.query_params.get("kind", "")
        return selectors.organisation_search(
            query=query_text(self.request, "q"),
            kind=kind if kind in Organisation.Kind.values else "__none__" if kind else "",
        )


@extend_schema_view(
    list=extend_schema(
        parameters=[
            OpenApiParameter("q", str),
            OpenApiParameter("function", str),
            OpenApiParameter("organisation", int),
        ],
        responses={200: ProfessionalSerializer(many=True), **errors(401, 403)},
    ),
    retrieve=extend_schema(responses={200: ProfessionalSerializer, **errors(401, 403, 404)}),
)
class ProfessionalViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = ProfessionalSerializer
    permission_classes = [IsProfessional]

    def get_queryset(self):
        return selectors.professional_search(
            query=query_text(self.request, "q"),
            function=query_text(self.request, "function"),
            organisation=query_int(self.request, "organisation"),
        )
