"""The Plan van Aanpak in the API: read a case's plan (now or as on a date) and change it, with the
same optimistic locking as the pages: every change sends the ``version`` it was made on and a
stale one answers 409 with what changed. ``ROUTES`` is registered by jeugdketen/api/urls.py."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from jeugdketen.access.exceptions import NotFoundOrForbidden
from jeugdketen.core.apis import api_access_point, errors, parse_id, query_text
from jeugdketen.organisations.models import Professional
from jeugdketen.youth.models import Carer

from . import selectors, services
from .models import Agreement, Evaluation, Goal, Plan

CONFLICT = OpenApiResponse(
    inline_serializer(
        "PlanConflict",
        {
            "detail": serializers.CharField(),
            "current_version": serializers.IntegerField(),
            "changes": serializers.ListField(child=serializers.CharField()),
        },
    ),
    description="Het plan is intussen gewijzigd: de wijziging is niet opgeslagen; `changes` zegt wat er veranderde.",
)


class GoalSerializer(serializers.ModelSerializer):
    class Meta:
        model = Goal
        fields = ["id", "text", "status"]


class AgreementSerializer(serializers.ModelSerializer):
    owner_name = serializers.CharField(read_only=True)

    class Meta:
        model = Agreement
        fields = [
            "id", "goal", "what", "owner_kind", "owner_professional", "owner_carer", "owner_name", "due_on", "status",
            "done_on", "note", "source",
        ]  # fmt: skip


class EvaluationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Evaluation
        fields = ["id", "planned_on", "held_on", "outcome", "contacts_confirmed"]


class PlanSerializer(serializers.Serializer):
    case = serializers.IntegerField()
    version = serializers.IntegerField()
    goals = GoalSerializer(many=True)
    agreements = AgreementSerializer(many=True)
    evaluations = EvaluationSerializer(many=True)
    end_evaluation = serializers.CharField()
    end_evaluated_on = serializers.DateField(allow_null=True)
    nazorg_on = serializers.DateField(allow_null=True)


class VersionedSerializer(serializers.Serializer):
    version = serializers.IntegerField(min_value=1, help_text="De versie van het plan waarop u de wijziging maakt.")


class GoalCreateSerializer(VersionedSerializer):
    text = serializers.CharField(max_length=2000)


class AgreementCreateSerializer(VersionedSerializer):
    what = serializers.CharField(max_length=2000)
    owner_kind = serializers.ChoiceField(choices=Agreement.Owner.choices)
    owner_professional = serializers.PrimaryKeyRelatedField(
        queryset=Professional.objects.all(), required=False, allow_null=True, default=None
    )
    owner_carer = serializers.PrimaryKeyRelatedField(
        queryset=Carer.objects.all(), required=False, allow_null=True, default=None
    )
    due_on = serializers.DateField()
    goal = serializers.IntegerField(required=False, allow_null=True, default=None, min_value=1, max_value=2**63 - 1)


class AgreementUpdateSerializer(VersionedSerializer):
    agreement = serializers.IntegerField(min_value=1, max_value=2**63 - 1)
    status = serializers.ChoiceField(choices=Agreement.Status.choices, required=False, allow_null=True, default=None)
    note = serializers.CharField(max_length=2000, required=False, allow_null=True, default=None, allow_blank=True)
    due_on = serializers.DateField(required=False, allow_null=True, default=None)


def _plan_data(plan: Plan | None, case_id: int) -> dict:
    if plan is None:
        raise NotFoundOrForbidden
    return {
        "case": case_id,
        "version": plan.version,
        "goals": GoalSerializer(plan.goals.all(), many=True).data,
        "agreements": AgreementSerializer(
            plan.agreements.select_related("owner_professional__user", "owner_carer"), many=True
        ).data,
        "evaluations": EvaluationSerializer(plan.evaluations.all(), many=True).data,
        "end_evaluation": plan.end_evaluation,
        "end_evaluated_on": plan.end_evaluated_on,
        "nazorg_on": plan.nazorg_on,
    }


def _conflict(exc: services.PlanConflict) -> Response:
    return Response(
        {"detail": exc.messages[0], "current_version": exc.current_version, "changes": exc.changes},
        status=status.HTTP_409_CONFLICT,
    )


class PlanViewSet(viewsets.ViewSet):
    """The plan of a case, by the case's id."""

    queryset = Plan.objects.none()
    lookup_url_kwarg = "pk"

    @extend_schema(
        parameters=[OpenApiParameter("op", str, description="Het plan zoals het was op deze datum (JJJJ-MM-DD).")],
        responses={200: PlanSerializer, **errors(400, 401, 404)},
    )
    def retrieve(self, request, pk=None):
        from datetime import date

        case_id = parse_id(pk)
        as_of_text = query_text(request, "op")
        as_of = None
        if as_of_text:
            try:
                as_of = date.fromisoformat(as_of_text)
            except ValueError:
                raise serializers.ValidationError({"op": ["Vul een geldige datum in (JJJJ-MM-DD)."]}) from None
        view = selectors.plan_view(
            actor=request.user, case_id=case_id, access_point=api_access_point(request), as_of=as_of
        )
        if as_of is not None:
            if view.as_of_version is None:
                raise NotFoundOrForbidden
            return Response({"case": case_id, "version": view.as_of_version.number, **view.as_of_version.snapshot})
        return Response(_plan_data(view.plan, case_id))

    def _plan(self, request, pk) -> Plan:
        view = selectors.plan_view(actor=request.user, case_id=parse_id(pk), access_point=api_access_point(request))
        if view.plan is None:
            raise NotFoundOrForbidden
        return view.plan

    @extend_schema(request=None, responses={201: PlanSerializer, **errors(401, 403, 404)})
    @action(detail=True, methods=["post"])
    def start(self, request, pk=None):
        view = selectors.plan_view(actor=request.user, case_id=parse_id(pk), access_point=api_access_point(request))
        plan = services.plan_start(actor=request.user, case=view.case, access_point=api_access_point(request))
        return Response(_plan_data(plan, view.case.pk), status=status.HTTP_201_CREATED)

    @extend_schema(
        request=GoalCreateSerializer, responses={201: GoalSerializer, 409: CONFLICT, **errors(400, 401, 403, 404)}
    )
    @action(detail=True, methods=["post"])
    def goals(self, request, pk=None):
        plan = self._plan(request, pk)
        data = GoalCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            goal = services.goal_add(
                actor=request.user,
                plan=plan,
                expected_version=data.validated_data["version"],
                text=data.validated_data["text"],
                access_point=api_access_point(request),
            )
        except services.PlanConflict as exc:
            return _conflict(exc)
        return Response(GoalSerializer(goal).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        request=AgreementCreateSerializer,
        responses={201: AgreementSerializer, 409: CONFLICT, **errors(400, 401, 403, 404)},
    )
    @action(detail=True, methods=["post"])
    def agreements(self, request, pk=None):
        plan = self._plan(request, pk)
        data = AgreementCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        goal_id = values.pop("goal")
        goal = plan.goals.filter(pk=goal_id).first() if goal_id else None
        if goal_id and goal is None:
            raise serializers.ValidationError({"goal": ["Kies een doel van dit plan."]})
        try:
            agreement = services.agreement_add(
                actor=request.user,
                plan=plan,
                expected_version=values.pop("version"),
                goal=goal,
                access_point=api_access_point(request),
                **values,
            )
        except services.PlanConflict as exc:
            return _conflict(exc)
        return Response(AgreementSerializer(agreement).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        request=AgreementUpdateSerializer,
        responses={200: AgreementSerializer, 409: CONFLICT, **errors(400, 401, 403, 404)},
    )
    @action(detail=True, methods=["post"], url_path="agreement-updates")
    def agreement_updates(self, request, pk=None):
        plan = self._plan(request, pk)
        data = AgreementUpdateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        agreement = plan.agreements.filter(pk=values.pop("agreement")).first()
        if agreement is None:
            raise NotFoundOrForbidden
        try:
            agreement = services.agreement_update(
                actor=request.user,
                plan=plan,
                agreement=agreement,
                expected_version=values.pop("version"),
                access_point=api_access_point(request),
                **values,
            )
        except services.PlanConflict as exc:
            return _conflict(exc)
        return Response(AgreementSerializer(agreement).data)


ROUTES = [("plans", PlanViewSet, "plan")]
