"""Beleidssignalen in the API: raise and read your own; managers list, group and answer those they
handle. The same services, selectors and rules as the pages. ``ROUTES`` is registered by
jeugdketen/api/urls.py: (prefix, viewset, basename)."""

from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from jeugdketen.core.apis import Pagination, errors, parse_id, query_text
from jeugdketen.core.drf import IsProfessional

from . import rules, selectors, services
from .models import Domain, Group, PolicySignal, Theme

CHANGE_ERRORS = errors(400, 401, 403, 404)


class PolicySignalSerializer(serializers.ModelSerializer):
    raised_by_name = serializers.CharField(source="raised_by.name")
    organisation_name = serializers.CharField(source="organisation.name")
    group_title = serializers.CharField(source="group.title", default="")
    current_answer = serializers.CharField(help_text="Het eigen antwoord, anders dat van de groep.")

    class Meta:
        model = PolicySignal
        fields = [
            "id", "title", "description", "suggestion", "theme", "domain", "status", "raised_by_name",
            "organisation_name", "raised_at", "group", "group_title", "current_answer", "answered_at", "scrubbed",
        ]  # fmt: skip


class RaiseSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=services.TITLE_MAX)
    description = serializers.CharField(max_length=services.TEXT_MAX)
    suggestion = serializers.CharField(max_length=services.TEXT_MAX, required=False, allow_blank=True, default="")
    theme = serializers.ChoiceField(choices=Theme.choices)
    domain = serializers.ChoiceField(choices=Domain.choices)


class AnswerSerializer(serializers.Serializer):
    answer = serializers.CharField(max_length=services.TEXT_MAX)


class GroupAssignSerializer(serializers.Serializer):
    group = serializers.IntegerField(required=False, allow_null=True, default=None, min_value=1)
    new_title = serializers.CharField(max_length=services.TITLE_MAX, required=False, allow_blank=True, default="")


class GroupSerializer(serializers.ModelSerializer):
    size = serializers.IntegerField(help_text="Het aantal signalen in de groep dat u behandelt.")

    class Meta:
        model = Group
        fields = ["id", "title", "answer", "answered_at", "size"]


@extend_schema_view(
    list=extend_schema(responses={200: PolicySignalSerializer(many=True), **errors(401, 403)}),
    retrieve=extend_schema(responses={200: PolicySignalSerializer, **errors(401, 403, 404)}),
)
class PolicySignalViewSet(viewsets.ViewSet):
    """Beleidssignalen: wat professionals vaker zien en om beleid vraagt, zonder kindgegevens."""

    permission_classes = [IsProfessional]
    queryset = PolicySignal.objects.none()  # only for the schema: the path id is an integer
    pagination_class = Pagination
    http_method_names = ["get", "post", "head", "options"]

    def list(self, request):
        paginator = Pagination()
        page = paginator.paginate_queryset(selectors.mine(request.user), request, view=self)
        return paginator.get_paginated_response(PolicySignalSerializer(page, many=True).data)

    def retrieve(self, request, pk=None):
        return Response(PolicySignalSerializer(selectors.signal_get(request.user, parse_id(pk))).data)

    @extend_schema(request=RaiseSerializer, responses={201: PolicySignalSerializer, **errors(400, 401, 403)})
    def create(self, request):
        serializer = RaiseSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        raised = services.policy_signal_raise(actor=request.user, **serializer.validated_data)
        return Response(PolicySignalSerializer(raised.signal).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        parameters=[
            OpenApiParameter("status", str, enum=PolicySignal.Status.values),
            OpenApiParameter("theme", str, enum=Theme.values),
        ],
        responses={200: PolicySignalSerializer(many=True), **errors(401, 403)},
    )
    @action(detail=False, methods=["get"])
    def review(self, request):
        """De signalen die u als manager behandelt."""
        if not rules.is_reviewer(rules.professional(request.user)):
            from rest_framework.exceptions import PermissionDenied

            raise PermissionDenied("Beleidssignalen worden behandeld door een manager.")
        signals = selectors.to_review(
            request.user, status=query_text(request, "status"), theme=query_text(request, "theme")
        )
        paginator = Pagination()
        page = paginator.paginate_queryset(signals, request, view=self)
        return paginator.get_paginated_response(PolicySignalSerializer(page, many=True).data)

    @extend_schema(request=AnswerSerializer, responses={200: PolicySignalSerializer, **CHANGE_ERRORS})
    @action(detail=True, methods=["post"])
    def answer(self, request, pk=None):
        serializer = AnswerSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        signal = services.policy_signal_answer(
            actor=request.user, signal_id=parse_id(pk), answer=serializer.validated_data["answer"]
        )
        return Response(PolicySignalSerializer(selectors.signal_get(request.user, signal.pk)).data)

    @extend_schema(request=GroupAssignSerializer, responses={200: PolicySignalSerializer, **CHANGE_ERRORS})
    @action(detail=True, methods=["post"])
    def group(self, request, pk=None):
        serializer = GroupAssignSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        signal_id = parse_id(pk)
        services.policy_signal_group(
            actor=request.user,
            signal_id=signal_id,
            group_id=serializer.validated_data["group"],
            new_title=serializer.validated_data["new_title"],
        )
        return Response(PolicySignalSerializer(selectors.signal_get(request.user, signal_id)).data)


class PolicySignalGroupViewSet(viewsets.ViewSet):
    """Groepen beleidssignalen van uw gemeente, voor managers."""

    permission_classes = [IsProfessional]
    queryset = Group.objects.none()  # only for the schema: the path id is an integer
    http_method_names = ["get", "post", "head", "options"]

    @extend_schema(responses={200: GroupSerializer(many=True), **errors(401, 403)})
    def list(self, request):
        return Response(GroupSerializer(selectors.groups_for(request.user), many=True).data)

    @extend_schema(request=AnswerSerializer, responses={200: GroupSerializer, **CHANGE_ERRORS})
    @action(detail=True, methods=["post"])
    def answer(self, request, pk=None):
        serializer = AnswerSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        group = services.group_answer(
            actor=request.user, group_id=parse_id(pk), answer=serializer.validated_data["answer"]
        )
        return Response(GroupSerializer(selectors.groups_for(request.user).get(pk=group.pk)).data)


ROUTES = [
    ("policy-signals", PolicySignalViewSet, "policy-signal"),
    ("policy-signal-groups", PolicySignalGroupViewSet, "policy-signal-group"),
]
