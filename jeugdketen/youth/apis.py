from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import serializers, status, viewsets
from rest_framework.response import Response

from jeugdketen.access import policy
from jeugdketen.access.categories import Category
from jeugdketen.access.exceptions import NotAllowed
from jeugdketen.core.apis import CodeField, api_access_point, errors, parse_id, query_text
from jeugdketen.organisations.models import Function, Municipality

from . import selectors, services
from .models import CarerRelation, Enrolment, Youth
from .validators import normalise_bsn, validate_bsn


class EnrolmentSerializer(serializers.ModelSerializer):
    school_name = serializers.CharField(source="school.name")

    class Meta:
        model = Enrolment
        fields = ["id", "school", "school_name", "start", "end", "group"]


class CarerSerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="carer.full_name")
    phone = serializers.CharField(source="carer.phone")
    email = serializers.CharField(source="carer.email")

    class Meta:
        model = CarerRelation
        fields = ["name", "kind", "has_gezag", "phone", "email"]


class YouthListSerializer(serializers.ModelSerializer):
    municipality = serializers.CharField(source="municipality.name")

    class Meta:
        model = Youth
        fields = ["id", "first_name", "name_prefix", "last_name", "date_of_birth", "municipality"]


class YouthSerializer(YouthListSerializer):
    enrolments = EnrolmentSerializer(many=True)
    carers = CarerSerializer(many=True)
    cases = serializers.ListField(child=serializers.IntegerField())
    categories = serializers.ListField(
        child=serializers.ChoiceField(choices=Category.choices),
        help_text="De categorieën die u van deze jeugdige mag inzien.",
    )

    class Meta(YouthListSerializer.Meta):
        fields = [*YouthListSerializer.Meta.fields, "bsn", "gender", "enrolments", "carers", "cases", "categories"]


def _bsn(value: str) -> str:
    if value:
        validate_bsn(value)
        return normalise_bsn(value)
    return value


class YouthWriteSerializer(serializers.Serializer):
    first_name = serializers.CharField(max_length=100)
    name_prefix = serializers.CharField(max_length=20, required=False, allow_blank=True, default="")
    last_name = serializers.CharField(max_length=100)
    date_of_birth = serializers.DateField()
    bsn = serializers.CharField(max_length=11, required=False, allow_blank=True, default="")
    gender = serializers.ChoiceField(choices=Youth.Gender.choices, required=False, allow_blank=True, default="")
    municipality = CodeField(
        slug_field="cbs_code", queryset=Municipality.objects.all(), help_text="CBS-code van de woongemeente, bv. 0148."
    )

    def validate_bsn(self, value):
        try:
            return _bsn(value)
        except Exception as exc:  # Django ValidationError → DRF error on this field
            raise serializers.ValidationError(list(getattr(exc, "messages", [str(exc)]))) from exc


class YouthRegisterSerializer(YouthWriteSerializer):
    case_subject = serializers.CharField(
        max_length=200,
        required=False,
        allow_blank=True,
        default="",
        help_text="Open een casus met deze aanleiding (u wordt casusregisseur).",
    )
    function = CodeField(
        slug_field="code", queryset=Function.objects.all(), required=False, allow_null=True, default=None
    )
    enrol_at_own_school = serializers.BooleanField(default=False)
    group = serializers.CharField(max_length=20, required=False, allow_blank=True, default="")
    start = serializers.DateField(required=False, allow_null=True, default=None)
    confirm_new = serializers.BooleanField(
        default=False, help_text="Toch nieuw registreren: het is een andere jeugdige dan de mogelijke match."
    )
    link_to = serializers.IntegerField(
        required=False,
        allow_null=True,
        default=None,
        help_text="Koppel aan deze bestaande jeugdige (uit de 409-melding).",
    )


class YouthUpdateSerializer(YouthWriteSerializer):
    pass


class MatchSerializer(serializers.Serializer):
    detail = serializers.CharField()
    matches = YouthListSerializer(many=True, help_text="Jeugdigen die u kunt koppelen (met link_to).")
    hidden_matches = serializers.IntegerField(
        help_text="Andere mogelijke dubbele registraties die u niet kunt inzien: koppel met BSN en geboortedatum."
    )


def _dossier_payload(dossier) -> dict:
    youth = dossier.youth
    return {
        "id": youth.pk,
        "first_name": youth.first_name,
        "name_prefix": youth.name_prefix,
        "last_name": youth.last_name,
        "date_of_birth": youth.date_of_birth,
        "municipality": youth.municipality.name,
        "bsn": youth.bsn,
        "gender": youth.gender,
        "enrolments": EnrolmentSerializer(dossier.enrolments, many=True).data,
        "carers": CarerSerializer(dossier.carers, many=True).data,
        "cases": [case.pk for case in dossier.cases],
        "categories": [str(c) for c in dossier.shown_categories],
    }


@extend_schema_view(
    list=extend_schema(
        parameters=[OpenApiParameter("q", str, description="Naam of BSN")],
        responses={200: YouthListSerializer(many=True), **errors(401)},
    ),
    retrieve=extend_schema(responses={200: YouthSerializer, **errors(401, 404)}),
    create=extend_schema(
        request=YouthRegisterSerializer, responses={201: YouthSerializer, 409: MatchSerializer, **errors(400, 401, 403)}
    ),
    partial_update=extend_schema(
        request=YouthUpdateSerializer, responses={200: YouthSerializer, **errors(400, 401, 403, 404)}
    ),
)
class YouthViewSet(viewsets.ViewSet):
    """Youths you have a ground for. Every read and change is in the access log."""

    queryset = Youth.objects.none()  # only for the schema: the path id is an integer
    http_method_names = ["get", "post", "patch", "head", "options"]

    def list(self, request):
        youths = selectors.youth_search(
            actor=request.user,
            query=query_text(request, "q"),
            access_point=api_access_point(request),
            limit=100,
        )
        return Response(YouthListSerializer(youths, many=True).data)

    def retrieve(self, request, pk=None):
        dossier = selectors.youth_dossier(
            actor=request.user, youth_id=parse_id(pk), access_point=api_access_point(request)
        )
        return Response(_dossier_payload(dossier))

    def create(self, request):
        serializer = YouthRegisterSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        professional = policy.professional_of(request.user)
        if professional is None or not policy.may_register_youth(request.user):
            raise NotAllowed(_("Uw functie kan geen jeugdigen registreren."))
        link_to = data.pop("link_to")
        enrol = data.pop("enrol_at_own_school")
        link = services.Link(
            school=professional.organisation if enrol else None,
            group=data.pop("group"),
            start=data.pop("start"),
            case_subject=data.pop("case_subject"),
            function=data.pop("function"),
        )
        confirm_new = data.pop("confirm_new")
        matches = services.registration_matches(
            actor=request.user,
            access_point=api_access_point(request),
            first_name=data["first_name"],
            name_prefix=data["name_prefix"],
            last_name=data["last_name"],
            date_of_birth=data["date_of_birth"],
            bsn=data["bsn"],
        )
        if matches.bsn_taken:
            raise serializers.ValidationError(
                {"bsn": [_("Dit BSN is al geregistreerd met een andere geboortedatum. Controleer beide.")]}
            )
        existing = next((m for m in matches.linkable if m.pk == link_to), None) if link_to else None
        if matches and existing is None and (matches.bsn_match or not confirm_new):
            return Response(
                {
                    "detail": _("Deze jeugdige bestaat mogelijk al. Koppel met link_to, of bevestig met confirm_new."),
                    "matches": YouthListSerializer(matches.linkable, many=True).data,
                    "hidden_matches": matches.hidden,
                },
                status=status.HTTP_409_CONFLICT,
            )
        youth = services.youth_register(
            actor=request.user, access_point=api_access_point(request), link=link, existing=existing, **data
        )
        dossier = selectors.youth_dossier(actor=request.user, youth_id=youth.pk, access_point=api_access_point(request))
        return Response(_dossier_payload(dossier), status=status.HTTP_201_CREATED)

    def partial_update(self, request, pk=None):
        youth, _access = selectors.youth_for(
            actor=request.user, youth_id=parse_id(pk), access_point=api_access_point(request)
        )
        serializer = YouthUpdateSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        services.youth_update(
            actor=request.user, youth=youth, access_point=api_access_point(request), **serializer.validated_data
        )
        dossier = selectors.youth_dossier(actor=request.user, youth_id=youth.pk, access_point=api_access_point(request))
        return Response(_dossier_payload(dossier))
