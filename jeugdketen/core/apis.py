"""Helpers the API views share."""

from drf_spectacular.utils import OpenApiResponse
from rest_framework import serializers
from rest_framework.pagination import LimitOffsetPagination

from jeugdketen.auditlog.services import AccessPoint, Channel


def api_access_point(request) -> AccessPoint:
    return AccessPoint.from_request(request, channel=Channel.API)


class Pagination(LimitOffsetPagination):
    """LimitOffsetPagination with a ceiling, so a huge ``limit`` never reaches the database."""

    max_limit = 1000


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


def query_text(request, name: str) -> str:
    """A free-text query parameter; NUL characters (which PostgreSQL refuses) are dropped."""
    return request.query_params.get(name, "").replace("\x00", "")


def query_int(request, name: str) -> int | None:
    """An optional id in the query; anything but a plain positive number is ignored."""
    value = request.query_params.get(name, "")
    if value.isascii() and value.isdigit() and 0 < int(value) < 2**63:
        return int(value)
    return None


class CodeField(serializers.SlugRelatedField):
    """A code (CBS code, function code) that names a row; a NUL character is "does not exist"
    rather than a database error on PostgreSQL."""

    def to_internal_value(self, data):
        if isinstance(data, str) and "\x00" in data:
            self.fail("does_not_exist", slug_name=self.slug_field, value=data.replace("\x00", ""))
        return super().to_internal_value(data)


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
