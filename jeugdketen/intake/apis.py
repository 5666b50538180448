"""The toegang in the API: the same operations as the pages, through the same services, policy and
access log. ``ROUTES`` is registered by jeugdketen/api/urls.py: (prefix, viewset, basename)."""

from __future__ import annotations

from django.urls import path
from django.utils import timezone
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_field,
    extend_schema_view,
    inline_serializer,
)
from rest_framework import permissions, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle
from rest_framework.views import APIView

from jeugdketen.access import consent
from jeugdketen.access.exceptions import NotAllowed, NotFoundOrForbidden
from jeugdketen.core.apis import CodeField, api_access_point, errors, parse_id, query_text
from jeugdketen.core.drf import IsProfessional
from jeugdketen.organisations.models import Municipality, Organisation, Professional
from jeugdketen.socialmap.models import Service
from jeugdketen.youth.models import Youth
from jeugdketen.youth.selectors import youth_for

from . import selectors, services
from .models import Contact, Decision, HelpRequest, Question, Referral, Suspension

# --- serializers ----------------------------------------------------------------------------------


class IntakeTermSerializer(serializers.Serializer):
    deadline = serializers.DateField(help_text="Uiterste beslisdatum (Awb art. 4:13, met opschorting art. 4:15).")
    suspended_days = serializers.IntegerField()
    suspended = serializers.BooleanField(help_text="De termijn staat nu stil (wachten op informatie).")


class HelpRequestSerializer(serializers.ModelSerializer):
    municipality = serializers.CharField(source="municipality.cbs_code")
    term = serializers.SerializerMethodField()
    days_open = serializers.SerializerMethodField()

    class Meta:
        model = HelpRequest
        fields = [
            "id",
            "reference",
            "municipality",
            "source",
            "received_on",
            "question",
            "urgency",
            "youth",
            "first_name",
            "name_prefix",
            "last_name",
            "date_of_birth",
            "requester_kind",
            "requester_name",
            "requester_phone",
            "requester_email",
            "consent_by",
            "consent_on",
            "status",
            "priority",
            "waiting_since",
            "assigned_to",
            "assigned_on",
            "decided_on",
            "case",
            "term",
            "days_open",
        ]

    @extend_schema_field(IntakeTermSerializer)
    def get_term(self, obj) -> dict:
        return IntakeTermSerializer(services.request_term(obj, timezone.localdate())).data

    def get_days_open(self, obj) -> int:
        return selectors.days_open(obj, timezone.localdate())


class IntakeRequestDataSerializer(serializers.Serializer):
    """What a help request holds (the fields of the public form and the registration)."""

    municipality = CodeField(slug_field="cbs_code", queryset=Municipality.objects.all(), help_text="CBS-code.")
    question = serializers.CharField(max_length=services.QUESTION_MAX_LENGTH)
    urgency = serializers.ChoiceField(choices=HelpRequest.Urgency.choices, default=HelpRequest.Urgency.NORMAL)
    first_name = serializers.CharField(max_length=100)
    name_prefix = serializers.CharField(max_length=20, required=False, allow_blank=True, default="")
    last_name = serializers.CharField(max_length=100)
    date_of_birth = serializers.DateField()
    bsn = serializers.CharField(max_length=11, required=False, allow_blank=True, default="")
    requester_kind = serializers.ChoiceField(choices=HelpRequest.Requester.choices)
    requester_name = serializers.CharField(max_length=200)
    requester_phone = serializers.CharField(max_length=20, required=False, allow_blank=True, default="")
    requester_email = serializers.EmailField(required=False, allow_blank=True, default="")


class IntakeRegisterSerializer(IntakeRequestDataSerializer):
    source = serializers.ChoiceField(
        choices=[c for c in HelpRequest.Source.choices if c[0] != HelpRequest.Source.ONLINE],
        default=HelpRequest.Source.PROFESSIONAL,
    )
    consent_by = serializers.ChoiceField(
        choices=list(consent.LABELS.items()), required=False, allow_blank=True, default=""
    )
    consent_on = serializers.DateField(required=False, allow_null=True, default=None)
    youth = serializers.IntegerField(
        required=False, allow_null=True, default=None, min_value=1, max_value=2**63 - 1,
        help_text="Een jeugdige die u al ziet: de gegevens komen uit het dossier.",
    )  # fmt: skip


class IntakePublicSerializer(IntakeRequestDataSerializer):
    requester_kind = serializers.ChoiceField(
        choices=HelpRequest.Requester.choices, help_text="Op het publieke formulier: 'ouder' of 'jeugdige'."
    )
    youth_agrees = serializers.BooleanField(
        default=False, help_text="Bij een kind van 12 of ouder: het kind weet van de aanmelding en is het ermee eens."
    )


class IntakeTakeUpSerializer(serializers.Serializer):
    youth = serializers.IntegerField(required=False, allow_null=True, default=None, min_value=1, max_value=2**63 - 1)
    register_new = serializers.BooleanField(default=False)


class IntakeTriageSerializer(serializers.Serializer):
    answers = serializers.DictField(
        child=serializers.CharField(allow_blank=True, max_length=services.TEXT_ANSWER_MAX_LENGTH),
        help_text="Per vraag-id het antwoord: 'ja'/'nee', de waarde van een keuze, of tekst.",
    )


class IntakeDecisionSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=Decision.Kind.choices)
    motivation = serializers.CharField()
    priority = serializers.ChoiceField(
        choices=HelpRequest.Priority.choices, required=False, allow_null=True, default=None
    )
    service = serializers.PrimaryKeyRelatedField(
        queryset=Service.objects.current(), required=False, allow_null=True, default=None,
        help_text="Bij verwijzen: het aanbod op de sociale kaart (/api/v1/social-map/services/); de organisatie volgt eruit.",
    )  # fmt: skip
    organisation = serializers.PrimaryKeyRelatedField(
        queryset=Organisation.objects.filter(kind__in=services.REFERRAL_KINDS), required=False, allow_null=True,
        default=None, help_text="Alleen als het aanbod nog niet op de sociale kaart staat: de organisatie zelf.",
    )  # fmt: skip
    items = serializers.ListField(
        child=serializers.ChoiceField(choices=Referral.Item.choices), required=False, default=list
    )
    consent_by = serializers.ChoiceField(
        choices=list(consent.LABELS.items()), required=False, allow_blank=True, default=""
    )
    consent_on = serializers.DateField(required=False, allow_null=True, default=None)
    consulent = serializers.PrimaryKeyRelatedField(
        queryset=Professional.objects.filter(user__is_active=True), required=False, allow_null=True, default=None
    )


class IntakeDecisionReadSerializer(serializers.ModelSerializer):
    decided_by_name = serializers.CharField(source="decided_by.name")

    class Meta:
        model = Decision
        fields = ["id", "kind", "motivation", "priority", "decided_by", "decided_by_name", "decided_at"]


class IntakeSuspensionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Suspension
        fields = ["id", "started_on", "ended_on", "reason"]
        extra_kwargs = {"started_on": {"required": False}, "ended_on": {"read_only": True}}


class IntakeResumeSerializer(serializers.Serializer):
    ended_on = serializers.DateField(required=False, allow_null=True, default=None)


class IntakeContactSerializer(serializers.ModelSerializer):
    by_name = serializers.CharField(source="by.name", read_only=True)

    class Meta:
        model = Contact
        fields = ["id", "on", "channel", "note", "by", "by_name"]
        extra_kwargs = {"by": {"read_only": True}, "on": {"required": False}}


class IntakeAssignSerializer(serializers.Serializer):
    consulent = serializers.PrimaryKeyRelatedField(queryset=Professional.objects.filter(user__is_active=True))


class ReferralSerializer(serializers.ModelSerializer):
    reference = serializers.CharField(source="request.reference")
    organisation_name = serializers.CharField(source="organisation.name")
    service_name = serializers.CharField(source="service.name", default="", help_text="Het aanbod op de sociale kaart.")

    class Meta:
        model = Referral
        fields = [
            "id", "reference", "organisation", "organisation_name", "service", "service_name", "shared", "consent_by", "consent_on", "status",
            "status_note", "status_changed_at", "sent_at",
        ]  # fmt: skip


class ReferralUpdateSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=Referral.Status.choices)
    note = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")


class IntakeQuestionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Question
        fields = ["id", "order", "theme", "text", "help_text", "kind", "required", "options"]


# --- views ----------------------------------------------------------------------------------------


def _request(request, pk) -> HelpRequest:
    help_request, _grant = selectors.visible_request(
        actor=request.user, request_id=parse_id(pk), access_point=api_access_point(request)
    )
    return help_request


def _detail(request, help_request: HelpRequest, code=status.HTTP_200_OK) -> Response:
    help_request = HelpRequest.objects.select_related("municipality").get(pk=help_request.pk)
    return Response(HelpRequestSerializer(help_request).data, status=code)


STATUS_PARAM = OpenApiParameter(
    "status", str, enum=list(selectors.INBOX_STATUSES), description="Welke hulpvragen (standaard: nieuw en in triage)."
)


@extend_schema_view(
    list=extend_schema(
        parameters=[STATUS_PARAM], responses={200: HelpRequestSerializer(many=True), **errors(401, 403)}
    ),
    retrieve=extend_schema(responses={200: HelpRequestSerializer, **errors(401, 404)}),
    create=extend_schema(
        request=IntakeRegisterSerializer, responses={201: HelpRequestSerializer, **errors(400, 401, 403, 404)}
    ),
)
class HelpRequestViewSet(viewsets.ViewSet):
    """Help requests at the toegang (Samen Doen): the inbox, one request, and the steps on it."""

    queryset = HelpRequest.objects.none()
    permission_classes = [IsProfessional]
    http_method_names = ["get", "post", "head", "options"]

    def list(self, request):
        _municipality_id, functions = selectors.toegang_of(request.user)
        if not functions:
            raise NotAllowed("De hulpvragen zijn er voor Samen Doen, de jeugdconsulenten en hun teamleider.")
        listing = selectors.inbox(
            actor=request.user,
            access_point=api_access_point(request),
            status=query_text(request, "status") or "open",
            query=query_text(request, "q"),
            page_number=query_text(request, "pagina") or 1,
        )
        return Response(HelpRequestSerializer([row.request for row in listing.rows], many=True).data)

    def retrieve(self, request, pk=None):
        view = selectors.request_detail(
            actor=request.user, request_id=parse_id(pk), access_point=api_access_point(request)
        )
        return Response(HelpRequestSerializer(view.request).data)

    def create(self, request):
        serializer = IntakeRegisterSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        source = data.pop("source")
        youth_id = data.pop("youth")
        youth = None
        if youth_id is not None:
            youth, _access = youth_for(actor=request.user, youth_id=youth_id, access_point=api_access_point(request))
        help_request = services.request_register(
            actor=request.user,
            data=services.RequestData(**data),
            source=source,
            youth=youth,
            access_point=api_access_point(request),
        )
        return _detail(request, help_request, status.HTTP_201_CREATED)

    @extend_schema(request=IntakeTakeUpSerializer, responses={200: HelpRequestSerializer, **errors(400, 401, 403, 404)})
    @action(detail=True, methods=["post"], url_path="take-up")
    def take_up(self, request, pk=None):
        help_request = _request(request, pk)
        serializer = IntakeTakeUpSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        youth_id = serializer.validated_data["youth"]
        youth = Youth.objects.filter(pk=youth_id).first() if youth_id else None
        if youth_id and youth is None:
            raise NotFoundOrForbidden
        services.request_take_up(
            actor=request.user,
            request=help_request,
            youth=youth,
            register_new=serializer.validated_data["register_new"],
            access_point=api_access_point(request),
        )
        return _detail(request, help_request)

    @extend_schema(
        request=IntakeTriageSerializer,
        responses={
            201: inline_serializer(
                "TriageResult",
                {
                    "id": serializers.IntegerField(),
                    "version": serializers.IntegerField(),
                    "flags": serializers.ListField(child=serializers.CharField()),
                    "recommendation": serializers.CharField(),
                },
            ),
            **errors(400, 401, 403, 404),
        },
    )
    @action(detail=True, methods=["post"])
    def triage(self, request, pk=None):
        help_request = _request(request, pk)
        serializer = IntakeTriageSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        answers = {}
        for key, value in serializer.validated_data["answers"].items():
            question_id = key[1:] if key.startswith("q") else key
            if question_id.isdigit():
                answers[int(question_id)] = value
        triage = services.triage_record(
            actor=request.user, request=help_request, answers=answers, access_point=api_access_point(request)
        )
        return Response(
            {
                "id": triage.pk,
                "version": triage.version.number,
                "flags": triage.flags,
                "recommendation": services.recommendation(triage),
            },
            status=status.HTTP_201_CREATED,
        )

    @extend_schema(
        request=IntakeDecisionSerializer, responses={201: IntakeDecisionReadSerializer, **errors(400, 401, 403, 404)}
    )
    @action(detail=True, methods=["post"])
    def decision(self, request, pk=None):
        help_request = _request(request, pk)
        serializer = IntakeDecisionSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        referral = None
        if data["kind"] == Decision.Kind.REFER:
            referral = services.ReferralData(
                data["organisation"], data["items"], data["consent_by"], data["consent_on"], service=data["service"]
            )
        decision = services.decide(
            actor=request.user,
            request=help_request,
            kind=data["kind"],
            motivation=data["motivation"],
            priority=data["priority"],
            referral=referral,
            consulent=data["consulent"],
            access_point=api_access_point(request),
        )
        return Response(IntakeDecisionReadSerializer(decision).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        request=IntakeSuspensionSerializer, responses={201: IntakeSuspensionSerializer, **errors(400, 401, 403, 404)}
    )
    @action(detail=True, methods=["post"])
    def suspend(self, request, pk=None):
        help_request = _request(request, pk)
        serializer = IntakeSuspensionSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        suspension = services.suspension_start(
            actor=request.user,
            request=help_request,
            reason=serializer.validated_data["reason"],
            started_on=serializer.validated_data.get("started_on"),
            access_point=api_access_point(request),
        )
        return Response(IntakeSuspensionSerializer(suspension).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        request=IntakeResumeSerializer, responses={200: IntakeSuspensionSerializer, **errors(400, 401, 403, 404)}
    )
    @action(detail=True, methods=["post"])
    def resume(self, request, pk=None):
        help_request = _request(request, pk)
        serializer = IntakeResumeSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        suspension = services.suspension_end(
            actor=request.user,
            request=help_request,
            ended_on=serializer.validated_data["ended_on"],
            access_point=api_access_point(request),
        )
        return Response(IntakeSuspensionSerializer(suspension).data)

    @extend_schema(
        request=IntakeContactSerializer, responses={201: IntakeContactSerializer, **errors(400, 401, 403, 404)}
    )
    @action(detail=True, methods=["post"])
    def contacts(self, request, pk=None):
        help_request = _request(request, pk)
        serializer = IntakeContactSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        contact = services.contact_record(
            actor=request.user,
            request=help_request,
            channel=serializer.validated_data["channel"],
            note=serializer.validated_data["note"],
            on=serializer.validated_data.get("on"),
            access_point=api_access_point(request),
        )
        return Response(IntakeContactSerializer(contact).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=IntakeAssignSerializer, responses={200: HelpRequestSerializer, **errors(400, 401, 403, 404)})
    @action(detail=True, methods=["post"])
    def assign(self, request, pk=None):
        help_request = _request(request, pk)
        serializer = IntakeAssignSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.assign(
            actor=request.user,
            request=help_request,
            consulent=serializer.validated_data["consulent"],
            access_point=api_access_point(request),
        )
        return _detail(request, help_request)


class WaitingListSerializer(serializers.Serializer):
    total = serializers.IntegerField()
    median_days = serializers.FloatField(allow_null=True)
    longest_days = serializers.IntegerField(allow_null=True)
    results = HelpRequestSerializer(many=True)


class WaitingListView(APIView):
    """The wachtlijst jeugdconsulenten: by priority then date, with the median and longest wait."""

    permission_classes = [IsProfessional]

    @extend_schema(
        parameters=[OpenApiParameter("q", str), OpenApiParameter("pagina", int)],
        responses={200: WaitingListSerializer, **errors(401, 403)},
    )
    def get(self, request):
        _municipality_id, functions = selectors.toegang_of(request.user)
        if not functions:
            raise NotAllowed("De wachtlijst is er voor Samen Doen, de jeugdconsulenten en hun teamleider.")
        wl = selectors.waiting_list(
            actor=request.user,
            access_point=api_access_point(request),
            query=query_text(request, "q"),
            page_number=query_text(request, "pagina") or 1,
        )
        return Response(
            {
                "total": wl.total,
                "median_days": wl.median_days,
                "longest_days": wl.longest_days,
                "results": HelpRequestSerializer([r.request for r in wl.rows], many=True).data,
            }
        )


@extend_schema_view(
    list=extend_schema(responses={200: ReferralSerializer(many=True), **errors(401, 403)}),
    retrieve=extend_schema(responses={200: ReferralSerializer, **errors(401, 404)}),
    partial_update=extend_schema(
        request=ReferralUpdateSerializer, responses={200: ReferralSerializer, **errors(400, 401, 404)}
    ),
)
class ReferralViewSet(viewsets.ViewSet):
    """Referrals your organisation received: only what was shared, and their status."""

    queryset = Referral.objects.none()
    permission_classes = [IsProfessional]
    http_method_names = ["get", "patch", "head", "options"]

    def list(self, request):
        rows = selectors.referrals_received(
            actor=request.user,
            access_point=api_access_point(request),
            status="all" if query_text(request, "status") == "alle" else "open",
        )
        return Response(ReferralSerializer(rows, many=True).data)

    def retrieve(self, request, pk=None):
        referral = selectors.referral_detail(
            actor=request.user, referral_id=parse_id(pk), access_point=api_access_point(request)
        )
        return Response(ReferralSerializer(referral).data)

    def partial_update(self, request, pk=None):
        referral = selectors.referral_detail(
            actor=request.user, referral_id=parse_id(pk), access_point=api_access_point(request)
        )
        serializer = ReferralUpdateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.referral_update(
            actor=request.user, referral=referral, access_point=api_access_point(request), **serializer.validated_data
        )
        return Response(ReferralSerializer(referral).data)


class PublicThrottle(AnonRateThrottle):
    """The public form in the API: as many submissions per address as the page allows."""

    rate = "5/hour"
    scope = "intake_public"


class PublicHelpRequestViewSet(viewsets.ViewSet):
    """A parent or youth asks for help without an account (e.g. from the municipality's website).
    Answers only the reference: nothing about existing youths is revealed."""

    permission_classes = [permissions.AllowAny]
    authentication_classes: list = []
    throttle_classes = [PublicThrottle]

    @extend_schema(
        request=IntakePublicSerializer,
        responses={
            201: inline_serializer("PublicReceipt", {"reference": serializers.CharField()}),
            **errors(400),
            429: OpenApiResponse(description="Te veel aanmeldingen vanaf dit adres; probeer het later of bel."),
        },
        auth=[],
    )
    def create(self, request):
        serializer = IntakePublicSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        youth_agrees = data.pop("youth_agrees")
        help_request = services.request_submit_public(
            data=services.RequestData(**data), youth_agrees=youth_agrees, access_point=api_access_point(request)
        )
        return Response({"reference": help_request.reference}, status=status.HTTP_201_CREATED)


class ChecklistView(APIView):
    """The triage checklist in use at your municipality's toegang, with its questions."""

    permission_classes = [IsProfessional]

    @extend_schema(
        responses={
            200: inline_serializer(
                "ChecklistVersion",
                {
                    "number": serializers.IntegerField(),
                    "published_at": serializers.DateTimeField(),
                    "questions": IntakeQuestionSerializer(many=True),
                },
            ),
            **errors(401, 403, 404),
        }
    )
    def get(self, request):
        municipality_id, functions = selectors.toegang_of(request.user)
        if not functions:
            raise NotAllowed("De triagechecklist is er voor de toegang van de gemeente.")
        version = services.published_version(municipality_id)
        if version is None:
            raise NotFoundOrForbidden
        return Response(
            {
                "number": version.number,
                "published_at": version.published_at,
                "questions": IntakeQuestionSerializer(version.questions.all(), many=True).data,
            }
        )


ROUTES = [
    ("help-requests", HelpRequestViewSet, "help-request"),
    ("referrals", ReferralViewSet, "referral"),
    ("public/help-requests", PublicHelpRequestViewSet, "public-help-request"),
]
# Single-resource endpoints (not lists), added to /api/v1/ by jeugdketen/api/urls.py.
URLS = [
    path("waiting-list/", WaitingListView.as_view(), name="waiting-list"),
    path("triage-checklist/", ChecklistView.as_view(), name="triage-checklist"),
]
