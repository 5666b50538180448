from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from jeugdketen.access import policy
from jeugdketen.access.categories import Category, Ground
from jeugdketen.access.exceptions import NotFoundOrForbidden
from jeugdketen.auditlog.services import Event, log_each
from jeugdketen.core.apis import CodeField, Pagination, api_access_point, errors, parse_id
from jeugdketen.organisations.models import Function, Professional
from jeugdketen.youth.models import Youth
from jeugdketen.youth.selectors import youth_for

from . import selectors, services
from .models import Case, Involvement, JournalEntry


class InvolvementSerializer(serializers.ModelSerializer):
    professional_name = serializers.CharField(source="professional.name")
    organisation = serializers.CharField(source="professional.organisation.name")
    function = serializers.CharField(source="function.code")
    function_name = serializers.CharField(source="function.name")
    phone = serializers.CharField(source="professional.phone", help_text="Actueel telefoonnummer.")
    email = serializers.CharField(source="professional.email", help_text="Actueel e-mailadres.")

    class Meta:
        model = Involvement
        fields = [
            "id",
            "case",
            "professional",
            "professional_name",
            "organisation",
            "function",
            "function_name",
            "since",
            "until",
            "note",
            "phone",
            "email",
        ]


class CaseSerializer(serializers.ModelSerializer):
    youth_name = serializers.CharField(source="youth.full_name")
    casusregisseur_name = serializers.CharField(source="casusregisseur.name", allow_null=True, default=None)

    class Meta:
        model = Case
        fields = [
            "id",
            "reference",
            "youth",
            "youth_name",
            "subject",
            "status",
            "opened_on",
            "closed_on",
            "casusregisseur",
            "casusregisseur_name",
            "next_date",
            "next_date_label",
        ]


class CaseOpenSerializer(serializers.Serializer):
    youth = serializers.IntegerField(min_value=1, max_value=2**63 - 1)
    subject = serializers.CharField(max_length=200)
    function = CodeField(
        slug_field="code", queryset=Function.objects.all(), required=False, allow_null=True, default=None
    )


class CaseUpdateSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=Case.Status.choices, required=False)
    next_date = serializers.DateField(required=False, allow_null=True)
    next_date_label = serializers.CharField(max_length=200, required=False, allow_blank=True)


class JournalEntrySerializer(serializers.ModelSerializer):
    author_name = serializers.CharField(source="author.name")
    author_function = serializers.CharField(source="author_function.name")

    class Meta:
        model = JournalEntry
        fields = [
            "id",
            "case",
            "category",
            "occurred_on",
            "title",
            "text",
            "author",
            "author_name",
            "author_function",
            "created_at",
        ]


class JournalEntryCreateSerializer(serializers.Serializer):
    case = serializers.IntegerField(min_value=1, max_value=2**63 - 1)
    category = serializers.ChoiceField(choices=Category.choices)
    title = serializers.CharField(max_length=200)
    text = serializers.CharField()
    occurred_on = serializers.DateField(required=False)


class InvolvementCreateSerializer(serializers.Serializer):
    case = serializers.IntegerField(min_value=1, max_value=2**63 - 1)
    professional = serializers.PrimaryKeyRelatedField(queryset=Professional.objects.filter(user__is_active=True))
    function = CodeField(slug_field="code", queryset=Function.objects.all())
    note = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")


def _case_for(request, case_id) -> Case:
    case = Case.objects.select_related("youth").filter(pk=parse_id(case_id)).first()
    if case is None:
        raise NotFoundOrForbidden
    return case


def _list_grants(user, cases: list[Case]) -> list[policy.Grant | None]:
    """The grant each listed case is visible on, for the access log: the user's involvement in
    it or else emergency access (professionals), the dossier right (parents and the youth)."""
    professional = policy.professional_of(user)
    if professional is None:
        youths = Youth.objects.filter(pk__in={c.youth_id for c in cases})
        grounds = dict(policy.visible_youths(user, youths, with_ground=True).values_list("pk", "list_ground"))
        return [policy.list_grant(user, grounds.get(c.youth_id, "")) for c in cases]
    involved = {
        inv.case_id: inv.function
        for inv in Involvement.objects.active()
        .filter(professional=professional, case__in=cases, case__status__in=Case.OPEN_STATUSES)
        .select_related("function")
    }
    return [
        policy.Grant(Category.IDENTITY, Ground.CASE_INVOLVEMENT, involved[c.pk], c.reference)
        if c.pk in involved
        else policy.list_grant(user, Ground.EMERGENCY)
        for c in cases
    ]


CASE_PARAM = OpenApiParameter("case", int, required=True, description="De casus.")


@extend_schema_view(
    list=extend_schema(responses={200: CaseSerializer(many=True), **errors(401)}),
    retrieve=extend_schema(responses={200: CaseSerializer, **errors(401, 404)}),
    create=extend_schema(request=CaseOpenSerializer, responses={201: CaseSerializer, **errors(400, 401, 403, 404)}),
    partial_update=extend_schema(
        request=CaseUpdateSerializer, responses={200: CaseSerializer, **errors(400, 401, 403, 404)}
    ),
)
class CaseViewSet(viewsets.ViewSet):
    """Cases you may see: those you are involved in (open), or your child's."""

    queryset = Case.objects.none()  # only for the schema: the path id is an integer
    pagination_class = Pagination  # only for the schema: list() paginates itself
    http_method_names = ["get", "post", "patch", "head", "options"]

    def list(self, request):
        # Page the ids first (sorting bare case rows), then load the page's 100 with their joins.
        ids = (
            Case.objects.filter(policy.visible_cases_q(request.user))
            .order_by("-opened_on", "-id")
            .values_list("pk", flat=True)
        )
        paginator = Pagination()
        page_ids = paginator.paginate_queryset(ids, request, view=self)
        loaded = Case.objects.select_related("youth", "casusregisseur__user").in_bulk(page_ids)
        page = [loaded[pk] for pk in page_ids]
        log_each(
            ((c.youth_id, c.pk, grant) for c, grant in zip(page, _list_grants(request.user, page), strict=True)),
            user=request.user,
            event=Event.LIST,
            object_type="case",
            access_point=api_access_point(request),
            description="API casussen",
        )
        return paginator.get_paginated_response(CaseSerializer(page, many=True).data)

    def retrieve(self, request, pk=None):
        case = selectors.case_record(actor=request.user, case_id=parse_id(pk), access_point=api_access_point(request))
        return Response(CaseSerializer(case).data)

    def create(self, request):
        serializer = CaseOpenSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        youth, _access = youth_for(actor=request.user, youth_id=data["youth"], access_point=api_access_point(request))
        case = services.case_open(
            actor=request.user,
            youth=youth,
            subject=data["subject"],
            function=data["function"],
            access_point=api_access_point(request),
        )
        return Response(CaseSerializer(case).data, status=status.HTTP_201_CREATED)

    def partial_update(self, request, pk=None):
        case = _case_for(request, pk)
        serializer = CaseUpdateSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        case = services.case_update(actor=request.user, case=case, access_point=api_access_point(request), **data)
        return Response(CaseSerializer(case).data)


@extend_schema_view(
    list=extend_schema(parameters=[CASE_PARAM], responses={200: InvolvementSerializer(many=True), **errors(401, 404)}),
    create=extend_schema(
        request=InvolvementCreateSerializer, responses={201: InvolvementSerializer, **errors(400, 401, 403, 404)}
    ),
)
class InvolvementViewSet(viewsets.ViewSet):
    """Who is involved in a case, with current contact details."""

    queryset = Involvement.objects.none()  # only for the schema: the path id is an integer
    http_method_names = ["get", "post", "head", "options"]

    def list(self, request):
        view = selectors.case_detail(
            actor=request.user,
            case_id=parse_id(request.query_params.get("case")),
            access_point=api_access_point(request),
        )
        return Response(InvolvementSerializer(view.involvements, many=True).data)

    def create(self, request):
        serializer = InvolvementCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        case = _case_for(request, data.pop("case"))
        involvement = services.involvement_add(
            actor=request.user, case=case, access_point=api_access_point(request), **data
        )
        return Response(InvolvementSerializer(involvement).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=None, responses={200: InvolvementSerializer, **errors(400, 401, 403, 404)})
    @action(detail=True, methods=["post"])
    def end(self, request, pk=None):
        involvement = Involvement.objects.select_related("case__youth").filter(pk=parse_id(pk)).first()
        if involvement is None:
            raise NotFoundOrForbidden
        involvement = services.involvement_end(
            actor=request.user, involvement=involvement, access_point=api_access_point(request)
        )
        return Response(InvolvementSerializer(involvement).data)


@extend_schema_view(
    list=extend_schema(parameters=[CASE_PARAM], responses={200: JournalEntrySerializer(many=True), **errors(401, 404)}),
    create=extend_schema(
        request=JournalEntryCreateSerializer, responses={201: JournalEntrySerializer, **errors(400, 401, 403, 404)}
    ),
)
class JournalEntryViewSet(viewsets.ViewSet):
    """A case's journal, only in the categories you may read."""

    http_method_names = ["get", "post", "head", "options"]

    def list(self, request):
        view = selectors.case_detail(
            actor=request.user,
            case_id=parse_id(request.query_params.get("case")),
            access_point=api_access_point(request),
        )
        return Response(JournalEntrySerializer(view.journal, many=True).data)

    def create(self, request):
        serializer = JournalEntryCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        case = _case_for(request, data.pop("case"))
        entry = services.journal_entry_add(
            actor=request.user, case=case, access_point=api_access_point(request), **data
        )
        return Response(JournalEntrySerializer(entry).data, status=status.HTTP_201_CREATED)
