"""Helpers the API views share."""

from drf_spectacular.utils import OpenApiResponse
from rest_framework import serializers

from jeugdketen.auditlog.services import AccessPoint, Channel


def api_access_point(request) -> AccessPoint:
    return AccessPoint.from_request(request, channel=Channel.API)


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField()


ERRORS = {
    400: OpenApiResponse(description="Ongeldige invoer: per veld een Nederlandse melding."),
    401: OpenApiResponse(ErrorSerializer, description="Niet ingelogd of ongeldig token."),
    403: OpenApiResponse(ErrorSerializer, description="Wel zichtbaar, maar deze handeling mag niet."),
    404: OpenApiResponse(ErrorSerializer, description="Bestaat niet of u mag het niet zien."),
}


def errors(*codes):
    return {code: ERRORS[code] for code in codes}


def parse_id(value) -> int:
    """A path or query id as int; anything else answers 404 like a missing object."""
    from jeugdketen.access.exceptions import NotFoundOrForbidden

    try:
        number = int(value)
    except (TypeError, ValueError):
        raise NotFoundOrForbidden from None
    if not 0 < number < 2**63:
        raise NotFoundOrForbidden
    return number
