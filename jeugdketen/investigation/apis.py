"""API views of this app. ``ROUTES`` is registered by jeugdketen/api/urls.py: (prefix, viewset, basename).

The same services and selectors as the pages: every read and change asks the policy and writes
the access log; the PDF is logged as a print."""

from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from jeugdketen.access.exceptions import NotFoundOrForbidden
from jeugdketen.auditlog.services import Event
from jeugdketen.cases.models import Case
from jeugdketen.core.apis import api_access_point, errors, parse_id
from jeugdketen.organisations.models import Organisation

from . import report, selectors, services
from .models import WORK_PHASES, Conversation, HelpKind, Investigation, Zienswijze

TEXT = 10000


class ConversationSerializer(serializers.ModelSerializer):
    kind = serializers.CharField(help_text="keukentafel, jeugdige, school, telefonisch of professional.")

    class Meta:
        model = Conversation
        fields = ["id", "kind", "held_on", "participants", "summary", "created_at"]


class ZienswijzeSerializer(serializers.ModelSerializer):
    class Meta:
        model = Zienswijze
        fields = ["id", "share_round", "author_name", "role", "text", "created_at"]


class PhaseChangeSerializer(serializers.Serializer):
    from_phase = serializers.CharField(help_text="Leeg bij de start.")
    to_phase = serializers.CharField()
    changed_on = serializers.DateField()
    changed_by_name = serializers.CharField(source="changed_by.name", allow_null=True, default=None)
    reason = serializers.CharField()


class InvestigationSerializer(serializers.Serializer):
    """An investigation as the actor may read it (an ``InvestigationView``)."""

    id = serializers.IntegerField(source="investigation.pk")
    case = serializers.IntegerField(source="case.pk")
    case_reference = serializers.CharField(source="case.reference")
    youth = serializers.IntegerField(source="case.youth_id")
    youth_name = serializers.CharField(source="case.youth.full_name")
    consulent = serializers.IntegerField(source="investigation.consulent_id")
    consulent_name = serializers.CharField(source="investigation.consulent.name")
    phase = serializers.CharField(
        source="investigation.phase",
        help_text="analyse, oordeelsvorming, besluitvorming, verslag (gedeeld, wacht op zienswijze) of definitief.",
    )
    phase_started_on = serializers.DateField(source="investigation.phase_started_on")
    due_on = serializers.DateField(allow_null=True, help_text="Wanneer de huidige fase klaar moet zijn.")
    days_overdue = serializers.IntegerField()
    started_on = serializers.DateField(source="investigation.started_on")
    decide_by = serializers.DateField(source="investigation.decide_by", allow_null=True)
    upbringing_findings = serializers.CharField(source="investigation.upbringing_findings")
    psychological_findings = serializers.CharField(source="investigation.psychological_findings")
    safety_findings = serializers.CharField(source="investigation.safety_findings")
    strengths = serializers.CharField(source="investigation.strengths")
    judgement = serializers.CharField(source="investigation.judgement")
    help_kind = serializers.CharField(source="investigation.help_kind")
    motivation = serializers.CharField(source="investigation.motivation")
    care_product = serializers.CharField(source="investigation.care_product")
    provider = serializers.IntegerField(source="investigation.provider_id", allow_null=True)
    provider_name = serializers.CharField(source="investigation.provider.name", allow_null=True, default=None)
    beschikking_start = serializers.DateField(source="investigation.beschikking_start", allow_null=True)
    beschikking_end = serializers.DateField(source="investigation.beschikking_end", allow_null=True)
    beschikking_number = serializers.CharField(source="investigation.beschikking_number")
    decided_on = serializers.DateField(source="investigation.decided_on", allow_null=True)
    share_round = serializers.IntegerField(source="investigation.share_round")
    shared_on = serializers.DateField(source="investigation.shared_on", allow_null=True)
    shared_with = serializers.CharField(source="investigation.shared_with")
    zienswijze_until = serializers.DateField(source="investigation.zienswijze_until", allow_null=True)
    finalised_on = serializers.DateField(source="investigation.finalised_on", allow_null=True)
    finalised_note = serializers.CharField(source="investigation.finalised_note")
    can_change = serializers.BooleanField(help_text="Of u (als casusregisseur en jeugdconsulent) mag wijzigen.")
    can_add_zienswijze = serializers.BooleanField()
    conversations = ConversationSerializer(many=True)
    zienswijzen = ZienswijzeSerializer(many=True)
    phase_changes = PhaseChangeSerializer(many=True, help_text="Leeg voor ouders en jeugdige.")


class RowSerializer(serializers.Serializer):
    investigation = serializers.IntegerField(source="investigation_id")
    case_reference = serializers.CharField()
    consulent_name = serializers.CharField()
    phase = serializers.CharField()
    due_on = serializers.DateField(allow_null=True)
    days_overdue = serializers.IntegerField()
    decide_by = serializers.DateField(allow_null=True)
    youth = serializers.IntegerField(source="youth_id", allow_null=True, help_text="Leeg voor de teamleider.")
    youth_name = serializers.CharField(allow_null=True, help_text="Leeg voor de teamleider.")
    case = serializers.IntegerField(source="case_id", allow_null=True, help_text="Leeg voor de teamleider.")


class InvestigationOpenSerializer(serializers.Serializer):
    case = serializers.IntegerField(min_value=1, max_value=2**63 - 1)
    decide_by = serializers.DateField(required=False, allow_null=True, default=None)


class ConversationCreateSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=Conversation.Kind.choices)
    held_on = serializers.DateField()
    participants = serializers.CharField(max_length=300)
    summary = serializers.CharField(max_length=TEXT)


def _text(**kwargs):
    return serializers.CharField(max_length=TEXT, required=False, allow_blank=True, **kwargs)


class FindingsSerializer(serializers.Serializer):
    upbringing_findings = _text(help_text="Opgroei- en opvoedingsproblemen.")
    psychological_findings = _text(help_text="Psychische problemen en/of stoornissen.")
    safety_findings = _text(help_text="Veiligheid.")
    strengths = _text(help_text="Sterke kanten van het gezin.")


class JudgementSerializer(serializers.Serializer):
    judgement = serializers.CharField(max_length=TEXT, allow_blank=True)


class DecisionSerializer(serializers.Serializer):
    help_kind = serializers.ChoiceField(choices=HelpKind.choices, allow_blank=True, required=False, default="")
    motivation = _text(default="")
    care_product = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    provider = serializers.PrimaryKeyRelatedField(
        queryset=Organisation.objects.filter(kind=Organisation.Kind.JEUGDHULPAANBIEDER),
        required=False,
        allow_null=True,
        default=None,
    )
    beschikking_start = serializers.DateField(required=False, allow_null=True, default=None)
    beschikking_end = serializers.DateField(required=False, allow_null=True, default=None)
    beschikking_number = serializers.CharField(max_length=40, required=False, allow_blank=True, default="")


class StepBackSerializer(serializers.Serializer):
    to_phase = serializers.ChoiceField(choices=[(p.value, p.label) for p in WORK_PHASES])
    reason = serializers.CharField(max_length=500)


class ZienswijzeCreateSerializer(serializers.Serializer):
    text = serializers.CharField(max_length=TEXT)


class FinaliseSerializer(serializers.Serializer):
    no_zienswijze_note = serializers.CharField(max_length=500, required=False, allow_blank=True, default="")


def _investigation(pk) -> Investigation:
    return selectors.investigation_get(investigation_id=parse_id(pk))


CHANGE_ERRORS = errors(400, 401, 403, 404)


@extend_schema_view(
    list=extend_schema(
        summary="Mijn onderzoeken",
        responses={200: RowSerializer(many=True), **errors(401)},
    ),
    retrieve=extend_schema(responses={200: InvestigationSerializer, **errors(401, 404)}),
    create=extend_schema(
        request=InvestigationOpenSerializer, responses={201: InvestigationSerializer, **CHANGE_ERRORS}
    ),
)
class InvestigationViewSet(viewsets.ViewSet):
    """The jeugdconsulent's onderzoek: analyse, oordeelsvorming, besluitvorming, the shared report
    with the zienswijzen of parents and youth, and the final report."""

    queryset = Investigation.objects.none()  # only for the schema: the path id is an integer
    http_method_names = ["get", "post", "head", "options"]

    def perform_content_negotiation(self, request, force=False):
        # The PDF answers application/pdf itself; its errors are JSON whatever the client accepts.
        return super().perform_content_negotiation(request, force=force or self.action == "report_pdf")

    def _detail(self, request, pk, status_code=status.HTTP_200_OK):
        view = selectors.investigation_detail(
            actor=request.user, investigation_id=parse_id(pk), access_point=api_access_point(request)
        )
        return Response(InvestigationSerializer(view).data, status=status_code)

    def list(self, request):
        rows = selectors.my_investigations(actor=request.user, access_point=api_access_point(request))
        return Response(RowSerializer(rows, many=True).data)

    def retrieve(self, request, pk=None):
        return self._detail(request, pk)

    def create(self, request):
        serializer = InvestigationOpenSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        case = Case.objects.select_related("youth").filter(pk=data["case"]).first()
        if case is None:
            raise NotFoundOrForbidden
        investigation = services.investigation_open(
            actor=request.user, case=case, decide_by=data["decide_by"], access_point=api_access_point(request)
        )
        return self._detail(request, investigation.pk, status.HTTP_201_CREATED)

    @extend_schema(
        summary="Onderzoeken over de termijn",
        description="Voor de jeugdconsulent de eigen onderzoeken (met de naam van de jeugdige); voor de "
        "teamleider die van de jeugdconsulenten van de organisatie, zonder gegevens van de jeugdige.",
        responses={200: RowSerializer(many=True), **errors(401)},
    )
    @action(detail=False, methods=["get"])
    def overdue(self, request):
        rows = selectors.overdue_investigations(actor=request.user, access_point=api_access_point(request))
        return Response(RowSerializer(rows, many=True).data)

    @extend_schema(request=ConversationCreateSerializer, responses={201: ConversationSerializer, **CHANGE_ERRORS})
    @action(detail=True, methods=["post"], url_path="conversations")
    def conversation(self, request, pk=None):
        serializer = ConversationCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        conversation = services.conversation_add(
            actor=request.user,
            investigation=_investigation(pk),
            access_point=api_access_point(request),
            **serializer.validated_data,
        )
        return Response(ConversationSerializer(conversation).data, status=status.HTTP_201_CREATED)

    def _change(self, request, pk, serializer_class, service):
        serializer = serializer_class(data=request.data)
        serializer.is_valid(raise_exception=True)
        service(
            actor=request.user,
            investigation=_investigation(pk),
            access_point=api_access_point(request),
            **serializer.validated_data,
        )
        return self._detail(request, pk)

    @extend_schema(
        request=FindingsSerializer,
        responses={200: InvestigationSerializer, **CHANGE_ERRORS},
        description="Bevindingen van de analyse opslaan (ook als concept; weggelaten velden blijven staan).",
    )
    @action(detail=True, methods=["post"])
    def findings(self, request, pk=None):
        return self._change(request, pk, FindingsSerializer, services.findings_update)

    @extend_schema(request=JudgementSerializer, responses={200: InvestigationSerializer, **CHANGE_ERRORS})
    @action(detail=True, methods=["post"])
    def judgement(self, request, pk=None):
        return self._change(request, pk, JudgementSerializer, services.judgement_update)

    @extend_schema(request=DecisionSerializer, responses={200: InvestigationSerializer, **CHANGE_ERRORS})
    @action(detail=True, methods=["post"])
    def decision(self, request, pk=None):
        return self._change(request, pk, DecisionSerializer, services.decision_update)

    @extend_schema(
        request=None,
        responses={200: InvestigationSerializer, **CHANGE_ERRORS},
        description="De huidige fase afronden en de volgende openen; per ontbrekend veld een melding (400). "
        "Vanuit de besluitvorming: het verslag delen.",
    )
    @action(detail=True, methods=["post"])
    def advance(self, request, pk=None):
        services.investigation_advance(
            actor=request.user, investigation=_investigation(pk), access_point=api_access_point(request)
        )
        return self._detail(request, pk)

    @extend_schema(
        request=None,
        responses={200: InvestigationSerializer, **CHANGE_ERRORS},
        description="De besluitvorming afronden en het verslag delen met de ouders met gezag (kind onder 16) "
        "en de jeugdige (vanaf 12); de termijn voor de zienswijze begint.",
    )
    @action(detail=True, methods=["post"])
    def share(self, request, pk=None):
        services.investigation_share(
            actor=request.user, investigation=_investigation(pk), access_point=api_access_point(request)
        )
        return self._detail(request, pk)

    @extend_schema(request=StepBackSerializer, responses={200: InvestigationSerializer, **CHANGE_ERRORS})
    @action(detail=True, methods=["post"], url_path="step-back")
    def step_back(self, request, pk=None):
        return self._change(request, pk, StepBackSerializer, services.investigation_step_back)

    @extend_schema(
        request=ZienswijzeCreateSerializer,
        responses={201: ZienswijzeSerializer, **CHANGE_ERRORS},
        description="Een ouder met gezag of de jeugdige geeft een zienswijze op het gedeelde verslag.",
    )
    @action(detail=True, methods=["post"], url_path="zienswijzen")
    def zienswijze(self, request, pk=None):
        serializer = ZienswijzeCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        zienswijze = services.zienswijze_add(
            actor=request.user,
            investigation=_investigation(pk),
            access_point=api_access_point(request),
            **serializer.validated_data,
        )
        return Response(ZienswijzeSerializer(zienswijze).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=FinaliseSerializer, responses={200: InvestigationSerializer, **CHANGE_ERRORS})
    @action(detail=True, methods=["post"])
    def finalise(self, request, pk=None):
        return self._change(request, pk, FinaliseSerializer, services.investigation_finalise)

    @extend_schema(
        summary="Onderzoeksverslag als PDF",
        operation_id="v1_investigations_report_pdf",
        responses={(200, "application/pdf"): OpenApiTypes.BINARY, **errors(401, 404)},
    )
    @action(detail=True, methods=["get"], url_path="report.pdf")
    def report_pdf(self, request, pk=None):
        view = selectors.investigation_detail(
            actor=request.user,
            investigation_id=parse_id(pk),
            access_point=api_access_point(request),
            event=Event.PRINT,
            description="onderzoeksverslag als PDF (API)",
        )
        response = HttpResponse(report.report_pdf(view), content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="{report.report_filename(view)}"'
        return response


ROUTES: list = [("investigations", InvestigationViewSet, "investigation")]
