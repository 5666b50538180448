"""The sociale kaart in the API: search, read, and for keepers add, change, confirm and archive.
The same selectors, services and rules as the pages. ``ROUTES`` is registered by
jeugdketen/api/urls.py: (prefix, viewset, basename)."""

from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from jeugdketen.core.apis import Pagination, errors, parse_id, query_int, query_text
from jeugdketen.core.drf import IsProfessional
from jeugdketen.organisations.models import Organisation, Professional

from . import selectors, services
from .models import AGE_MAX, Service, Theme

CHANGE_ERRORS = errors(400, 401, 403, 404)


class ThemeSerializer(serializers.ModelSerializer):
    class Meta:
        model = Theme
        fields = ["id", "name"]


class ServiceSerializer(serializers.ModelSerializer):
    organisation_name = serializers.CharField(source="organisation.name")
    organisation_kind = serializers.CharField(source="organisation.kind")
    themes = serializers.SlugRelatedField(slug_field="name", many=True, read_only=True)
    keeper_name = serializers.CharField(source="keeper.name")
    last_confirmed_by_name = serializers.CharField(source="last_confirmed_by.name")
    confirm_due_on = serializers.DateField(help_text="Na deze datum geldt het aanbod als niet recent bevestigd.")
    contact_phone = serializers.CharField(help_text="Het nummer van het aanbod, anders van de organisatie.")
    contact_email = serializers.CharField(help_text="Het adres van het aanbod, anders van de organisatie.")

    class Meta:
        model = Service
        fields = [
            "id", "organisation", "organisation_name", "organisation_kind", "name", "offer", "audience", "age_min",
            "age_max", "themes", "how_to_refer", "needs_referral", "phone", "email", "website", "contact_phone",
            "contact_email", "keeper", "keeper_name", "last_confirmed_on", "last_confirmed_by_name",
            "confirm_due_on", "archived_on",
        ]  # fmt: skip


class ServiceWriteSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=services.NAME_MAX)
    offer = serializers.CharField(max_length=services.TEXT_MAX)
    audience = serializers.CharField(max_length=300)
    age_min = serializers.IntegerField(min_value=0, max_value=AGE_MAX)
    age_max = serializers.IntegerField(min_value=0, max_value=AGE_MAX)
    # DRF's Dutch catalogue lacks these two messages (they would answer in English).
    themes = serializers.ListField(
        child=serializers.CharField(max_length=60),
        max_length=services.THEMES_MAX,
        required=False,
        default=list,
        error_messages={"max_length": f"Kies hoogstens {services.THEMES_MAX} thema's."},
    )
    how_to_refer = serializers.CharField(max_length=services.TEXT_MAX, required=False, allow_blank=True, default="")
    needs_referral = serializers.BooleanField(
        required=False, default=False, error_messages={"invalid": "Vul true (ja) of false (nee) in."}
    )
    phone = serializers.CharField(max_length=20, required=False, allow_blank=True, default="")
    email = serializers.EmailField(required=False, allow_blank=True, default="")
    website = serializers.URLField(required=False, allow_blank=True, default="")
    keeper = serializers.PrimaryKeyRelatedField(queryset=Professional.objects.filter(user__is_active=True))

    def data_(self) -> services.ServiceData:
        return services.ServiceData(**self.validated_data)


class ServiceCreateSerializer(ServiceWriteSerializer):
    organisation = serializers.PrimaryKeyRelatedField(queryset=Organisation.objects.all())

    def data_(self) -> services.ServiceData:
        values = dict(self.validated_data)
        values.pop("organisation")
        return services.ServiceData(**values)


class ArchiveSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=300)


@extend_schema_view(
    list=extend_schema(
        parameters=[
            OpenApiParameter("q", str, description="Woorden in aanbod, organisatie, plaats of thema."),
            OpenApiParameter("theme", int, description="Id van een thema."),
            OpenApiParameter("age", int, description=f"Leeftijd van de jeugdige (0 tot en met {AGE_MAX})."),
            OpenApiParameter("kind", str, description="Soort organisatie.", enum=Organisation.Kind.values),
        ],
        responses={200: ServiceSerializer(many=True), **errors(400, 401, 403)},
    ),
    retrieve=extend_schema(responses={200: ServiceSerializer, **errors(401, 403, 404)}),
)
class ServiceViewSet(viewsets.ViewSet):
    """De sociale kaart: aanbod van organisaties in de regio. Lezen: iedere professional. Toevoegen,
    wijzigen, bevestigen en archiveren: de beheerder, een manager van de organisatie, of een
    manager van de gemeente."""

    permission_classes = [IsProfessional]
    queryset = Service.objects.none()  # only for the schema: the path id is an integer
    pagination_class = Pagination
    http_method_names = ["get", "post", "put", "head", "options"]

    def list(self, request):
        raw_age = query_text(request, "age").strip()
        age = int(raw_age) if raw_age.isascii() and raw_age.isdigit() and int(raw_age) <= AGE_MAX else None
        if raw_age and age is None:
            raise serializers.ValidationError({"age": [f"Vul een leeftijd in van 0 tot en met {AGE_MAX} jaar."]})
        kind = query_text(request, "kind")
        results = selectors.service_search(
            query=query_text(request, "q")[:200],
            theme=query_int(request, "theme"),
            age=age,
            kind=kind if kind in Organisation.Kind.values else "",
        )
        paginator = Pagination()
        page = paginator.paginate_queryset(results, request, view=self)
        return paginator.get_paginated_response(ServiceSerializer(page, many=True).data)

    def retrieve(self, request, pk=None):
        return Response(ServiceSerializer(selectors.service_get(actor=request.user, service_id=parse_id(pk))).data)

    @extend_schema(request=ServiceCreateSerializer, responses={201: ServiceSerializer, **CHANGE_ERRORS})
    def create(self, request):
        serializer = ServiceCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        service = services.service_create(
            actor=request.user, organisation=serializer.validated_data["organisation"], data=serializer.data_()
        )
        return Response(ServiceSerializer(service).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=ServiceWriteSerializer, responses={200: ServiceSerializer, **CHANGE_ERRORS})
    def update(self, request, pk=None):
        service = selectors.service_get(actor=request.user, service_id=parse_id(pk))
        serializer = ServiceWriteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        service = services.service_update(actor=request.user, service=service, data=serializer.data_())
        return Response(ServiceSerializer(selectors.service_get(actor=request.user, service_id=service.pk)).data)

    @extend_schema(request=None, responses={200: ServiceSerializer, **CHANGE_ERRORS})
    @action(detail=True, methods=["post"])
    def confirm(self, request, pk=None):
        service = selectors.service_get(actor=request.user, service_id=parse_id(pk))
        services.service_confirm(actor=request.user, service=service)
        return Response(ServiceSerializer(selectors.service_get(actor=request.user, service_id=service.pk)).data)

    @extend_schema(request=ArchiveSerializer, responses={200: ServiceSerializer, **CHANGE_ERRORS})
    @action(detail=True, methods=["post"])
    def archive(self, request, pk=None):
        service = selectors.service_get(actor=request.user, service_id=parse_id(pk))
        serializer = ArchiveSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.service_archive(actor=request.user, service=service, reason=serializer.validated_data["reason"])
        return Response(ServiceSerializer(selectors.service_get(actor=request.user, service_id=service.pk)).data)


class ThemeViewSet(viewsets.ViewSet):
    """De thema's van de sociale kaart die bij actueel aanbod horen."""

    permission_classes = [IsProfessional]
    http_method_names = ["get", "head", "options"]

    @extend_schema(responses={200: ThemeSerializer(many=True), **errors(401, 403)})
    def list(self, request):
        return Response(ThemeSerializer(selectors.themes_in_use(), many=True).data)


ROUTES = [
    ("social-map/services", ServiceViewSet, "social-map-service"),
    ("social-map/themes", ThemeViewSet, "social-map-theme"),
]
