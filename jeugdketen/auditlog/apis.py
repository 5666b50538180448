from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.views import APIView

from jeugdketen.access import policy
from jeugdketen.access.exceptions import NotFoundOrForbidden
from jeugdketen.core.apis import Pagination, api_access_point, errors, parse_id
from jeugdketen.youth.models import Youth

from . import selectors
from .models import AccessLogEntry

# Fields the privacy officer sees and the parent and youth get empty.
PRIVACY_OFFICER_ONLY = ("reason", "ground_detail", "ip_address", "object_ids")


class AccessLogEntrySerializer(serializers.ModelSerializer):
    class Meta:
        model = AccessLogEntry
        fields = [
            "id",
            "timestamp",
            "event",
            "youth",
            "user",
            "user_name",
            "organisation_name",
            "function_code",
            "function_name",
            "on_behalf_of",
            "ground",
            "ground_detail",
            "categories",
            "object_type",
            "object_ids",
            "description",
            "reason",
            "channel",
            "ip_address",
        ]


class PeriodSerializer(serializers.Serializer):
    youth = serializers.IntegerField(min_value=1, max_value=2**63 - 1)
    since = serializers.DateField(required=False)
    until = serializers.DateField(required=False)


class AccessLogView(APIView):
    """The access log of one youth (NEN 7513): for the privacy officer, and for parents and the
    youth to see who looked. Read-only: the log cannot be changed."""

    pagination_class = Pagination  # only for the schema: get() paginates itself

    @extend_schema(
        parameters=[PeriodSerializer],
        responses={200: AccessLogEntrySerializer(many=True), **errors(400, 401, 404)},
    )
    def get(self, request):
        params = PeriodSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        youth = Youth.objects.filter(pk=parse_id(params.validated_data["youth"])).first()
        if youth is None:
            raise NotFoundOrForbidden
        entries = selectors.access_log_for_youth(
            actor=request.user,
            youth=youth,
            access=policy.access_for(request.user, youth),
            access_point=api_access_point(request),
            since=params.validated_data.get("since"),
            until=params.validated_data.get("until"),
        )
        paginator = Pagination()
        page = paginator.paginate_queryset(entries, request, view=self)
        data = AccessLogEntrySerializer(page, many=True).data
        if not policy.is_privacy_officer(request.user):
            # The parent and the youth see who looked, when, why in general terms — not the
            # reasons given, the addresses or the internal object ids.
            for row in data:
                for name in PRIVACY_OFFICER_ONLY:
                    row[name] = None if name == "ip_address" else [] if name == "object_ids" else ""
        return paginator.get_paginated_response(data)
