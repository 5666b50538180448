"""Signals in the API: my open signals, and marking one handled. The same selectors and services as
the inbox page, so the same recipients, policy and access log. ``ROUTES`` is registered by
jeugdketen/api/urls.py: (prefix, viewset, basename)."""

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from jeugdketen.core.apis import Pagination, api_access_point, errors, parse_id

from . import selectors, services
from .models import Signal
from .services import NOTE_MAX


class SignalSerializer(serializers.ModelSerializer):
    kind = serializers.CharField(
        help_text="afspraak_verlopen, evaluatie_gemist, casus_stil (geen activiteit) of nazorg.",
    )
    kind_label = serializers.CharField(source="get_kind_display")
    case_reference = serializers.CharField(source="case.reference")
    due_on = serializers.DateField(
        help_text="De datum waarop het signaal rust: de afspraak, het geplande evaluatiemoment, het "
        "nazorgmoment, of bij casus_stil de dag van de laatste activiteit."
    )
    resolution = serializers.CharField(help_text="Leeg zolang het signaal open is; opgelost of afgehandeld.")

    class Meta:
        model = Signal
        fields = [
            "id",
            "kind",
            "kind_label",
            "case",
            "case_reference",
            "due_on",
            "raised_on",
            "resolved_at",
            "resolution",
            "handled_note",
        ]


class SignalHandleSerializer(serializers.Serializer):
    note = serializers.CharField(max_length=NOTE_MAX, help_text="Wat u met het signaal hebt gedaan.")
    held_on = serializers.DateField(
        required=False, allow_null=True, default=None, help_text="Alleen bij nazorg: de datum van het contact."
    )


@extend_schema_view(list=extend_schema(responses={200: SignalSerializer(many=True), **errors(401)}))
class SignalViewSet(viewsets.ViewSet):
    """Your open signals of stagnation: as casusregisseur, or as the professional who owns an agreement."""

    queryset = Signal.objects.none()  # only for the schema: the path id is an integer
    pagination_class = Pagination  # only for the schema: list() paginates itself
    http_method_names = ["get", "post", "head", "options"]

    def list(self, request):
        paginator = Pagination()
        page = paginator.paginate_queryset(selectors.inbox(request.user), request, view=self)
        selectors.log_listed(
            actor=request.user, signals=page, access_point=api_access_point(request), description="API signalen"
        )
        return paginator.get_paginated_response(SignalSerializer(page, many=True).data)

    @extend_schema(request=SignalHandleSerializer, responses={200: SignalSerializer, **errors(400, 401, 404)})
    @action(detail=True, methods=["post"])
    def handle(self, request, pk=None):
        serializer = SignalHandleSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        signal = services.signal_handle(
            actor=request.user,
            signal_id=parse_id(pk),
            access_point=api_access_point(request),
            **serializer.validated_data,
        )
        return Response(SignalSerializer(signal).data)


ROUTES = [("signals", SignalViewSet, "signal")]
