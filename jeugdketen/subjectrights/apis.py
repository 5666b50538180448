"""The rights of the data subject in the API, for the privacy officer: the full export (AVG art.
15), correction (art. 16) and erasure (art. 17). The same services as the pages."""

import json

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from jeugdketen.access.exceptions import NotFoundOrForbidden
from jeugdketen.core.apis import api_access_point, errors, parse_id
from jeugdketen.youth.models import Youth

from . import services

CHANGE_ERRORS = errors(400, 401, 404)


class CorrectSerializer(serializers.Serializer):
    first_name = serializers.CharField(max_length=100, required=False)
    name_prefix = serializers.CharField(max_length=20, required=False, allow_blank=True)
    last_name = serializers.CharField(max_length=100, required=False)
    date_of_birth = serializers.DateField(required=False)
    gender = serializers.ChoiceField(choices=Youth.Gender.choices, required=False, allow_blank=True)
    bsn = serializers.CharField(max_length=11, required=False, allow_blank=True)
    reason = serializers.CharField(max_length=services.REASON_MAX)


class EraseSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=services.REASON_MAX)


class ErasedSerializer(serializers.Serializer):
    erased = serializers.IntegerField(help_text="Het aantal gewiste gegevens, de jeugdige meegeteld.")


def _youth(pk) -> Youth:
    youth = Youth.objects.filter(pk=parse_id(pk)).first()
    if youth is None:
        raise NotFoundOrForbidden
    return youth


class SubjectAccessViewSet(viewsets.ViewSet):
    """Verzoeken van betrokkenen (AVG art. 15–17), voor de privacy officer van de woongemeente."""

    queryset = Youth.objects.none()  # only for the schema: the path id is an integer
    http_method_names = ["get", "post", "head", "options"]

    @extend_schema(responses={200: OpenApiTypes.OBJECT, **errors(401, 404)})
    def retrieve(self, request, pk=None):
        """Alles wat Jeugdketen over de jeugdige bewaart, met het toegangslog."""
        export = services.subject_export(
            actor=request.user, youth=_youth(pk), access_point=api_access_point(request), fmt="json"
        )
        return Response(json.loads(export.as_json()))

    @extend_schema(request=CorrectSerializer, responses={200: OpenApiTypes.OBJECT, **CHANGE_ERRORS})
    @action(detail=True, methods=["post"])
    def correct(self, request, pk=None):
        serializer = CorrectSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        youth = services.subject_correct(
            actor=request.user, youth=_youth(pk), reason=data.pop("reason"), access_point=api_access_point(request),
            **data,
        )  # fmt: skip
        return Response({"id": youth.pk, "naam": youth.full_name, "geboortedatum": youth.date_of_birth})

    @extend_schema(request=EraseSerializer, responses={200: ErasedSerializer, **CHANGE_ERRORS})
    @action(detail=True, methods=["post"])
    def erase(self, request, pk=None):
        serializer = EraseSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        count = services.subject_erase(
            actor=request.user, youth=_youth(pk), reason=serializer.validated_data["reason"],
            access_point=api_access_point(request),
        )  # fmt: skip
        return Response({"erased": count}, status=status.HTTP_200_OK)


ROUTES = [("subject-access", SubjectAccessViewSet, "subject-access")]
