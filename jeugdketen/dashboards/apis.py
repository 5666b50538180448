"""The dashboards in the API: the same suppressed figures as the page, for the scope of the
teamleider or manager. ``ROUTES`` is registered by jeugdketen/api/urls.py."""

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, viewsets
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response

from jeugdketen.core.apis import errors, query_text
from jeugdketen.core.drf import IsProfessional

from . import rules, selectors


class FigureRowSerializer(serializers.Serializer):
    label = serializers.CharField()
    value = serializers.CharField(source="display", help_text='Een aantal kinderen, of "<5".')


class PanelSerializer(serializers.Serializer):
    metric = serializers.CharField(source="metric.key")
    title = serializers.CharField(source="metric.title")
    rows = FigureRowSerializer(many=True)
    total = serializers.CharField(source="total.display", default=None, allow_null=True)
    share_in_term = serializers.CharField(source="share", allow_null=True)
    average_days = serializers.CharField(source="average", allow_null=True)
    median_days = serializers.CharField(source="median", allow_null=True)
    per_month = FigureRowSerializer(source="trend", many=True)


class DashboardSerializer(serializers.Serializer):
    scope = serializers.CharField(source="scope.label")
    period = serializers.CharField()
    period_label = serializers.CharField()
    computed_at = serializers.DateTimeField(allow_null=True, help_text="Hoe vers de cijfers zijn.")
    panels = PanelSerializer(many=True)


class DashboardViewSet(viewsets.ViewSet):
    """Stuurinformatie van uw organisatie: alleen aantallen, groepen kleiner dan 5 kinderen als "<5"."""

    permission_classes = [IsProfessional]
    http_method_names = ["get", "head", "options"]

    @extend_schema(
        parameters=[OpenApiParameter("period", str, description="last12, y2026 of q2026-4.")],
        responses={200: DashboardSerializer, **errors(401, 403)},
    )
    def list(self, request):
        scopes = rules.scopes_for(request.user)
        if not scopes:
            raise PermissionDenied("Stuurinformatie is voor teamleiders en managers.")
        board = selectors.dashboard(scopes[0], query_text(request, "period") or "last12")
        return Response(DashboardSerializer(board).data)


ROUTES = [("dashboard", DashboardViewSet, "dashboard")]
