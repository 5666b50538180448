"""MDO and breed overleg in the API: the same operations as the pages, through the same services,
selectors, policy and access log. ``ROUTES`` is registered by jeugdketen/api/urls.py:
(prefix, viewset, basename)."""

from __future__ import annotations

from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, extend_schema_serializer, extend_schema_view
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from jeugdketen.access.categories import Category
from jeugdketen.cases.models import Case
from jeugdketen.core.apis import api_access_point, errors, parse_id
from jeugdketen.organisations.models import Professional
from jeugdketen.youth.models import Carer

from . import report, selectors, services
from .models import Decision, FeedbackRecipient, Meeting, Minute, Participant, Section

TEXT = services.TEXT_MAX_LENGTH
ID = {"min_value": 1, "max_value": 2**63 - 1}
CHANGE_ERRORS = errors(400, 401, 403, 404)

# --- serializers ----------------------------------------------------------------------------------


class MinuteSerializer(serializers.ModelSerializer):
    author_name = serializers.CharField(source="author.name")
    author_function = serializers.CharField(source="author_function.name")

    class Meta:
        model = Minute
        fields = ["id", "section", "category", "text", "author", "author_name", "author_function", "created_at"]


class DecisionSerializer(serializers.ModelSerializer):
    owner_name = serializers.CharField()
    converted = serializers.BooleanField(source="is_converted", help_text="Staat als afspraak in het plan.")

    class Meta:
        model = Decision
        fields = [
            "id",
            "what",
            "owner_kind",
            "owner_professional",
            "owner_carer",
            "owner_name",
            "due_on",
            "converted",
            "agreement",
            "converted_at",
        ]


class FamilyParticipantSerializer(serializers.ModelSerializer):
    name = serializers.CharField()

    class Meta:
        model = Participant
        fields = ["id", "role", "name", "carer", "youth"]


class RecipientSerializer(serializers.ModelSerializer):
    class Meta:
        model = FeedbackRecipient
        fields = ["role", "name", "notified_at"]


class ItemSerializer(serializers.Serializer):
    """One agenda item as the reader may see it (an ``ItemView``)."""

    id = serializers.IntegerField(source="item.pk")
    case = serializers.IntegerField(source="case.pk")
    case_reference = serializers.CharField(source="case.reference")
    youth = serializers.IntegerField(source="youth.pk")
    youth_name = serializers.CharField(source="youth.full_name")
    categories = serializers.ListField(
        child=serializers.ChoiceField(choices=Category.choices),
        help_text="De categorieën die u van dit agendapunt leest.",
    )
    minutes = serializers.SerializerMethodField(help_text="Het verslag, alleen in de categorieën die u leest.")
    decisions = DecisionSerializer(many=True, help_text="Leeg als u het plan van aanpak van de casus niet leest.")
    outcome = serializers.SerializerMethodField(help_text="Leeg (null) als u het plan van aanpak niet leest.")
    feedback_sent_at = serializers.DateTimeField(source="item.feedback_sent_at", allow_null=True)
    family = FamilyParticipantSerializer(many=True)
    recipients = RecipientSerializer(many=True, help_text="Aan wie de terugkoppeling ging.")
    may_write = serializers.BooleanField()
    may_decide = serializers.BooleanField()
    may_convert = serializers.BooleanField(help_text="U bent casusregisseur en er zijn besluiten om over te nemen.")

    def get_minutes(self, obj) -> list[dict]:
        return MinuteSerializer(obj.minutes, many=True).data

    def get_outcome(self, obj) -> str | None:
        return obj.item.outcome if obj.reads_plan else None


class ProfessionalParticipantSerializer(serializers.Serializer):
    professional = serializers.IntegerField(source="professional_id")
    name = serializers.CharField(source="professional.name")
    organisation = serializers.CharField(source="professional.organisation.name")


class MeetingSerializer(serializers.Serializer):
    """A meeting as the reader may see it (a ``MeetingView``)."""

    id = serializers.IntegerField(source="meeting.pk")
    kind = serializers.ChoiceField(source="meeting.kind", choices=Meeting.Kind.choices)
    starts_at = serializers.DateTimeField(source="meeting.starts_at")
    place = serializers.CharField(source="meeting.place")
    chair = serializers.IntegerField(source="meeting.chair_id")
    chair_name = serializers.CharField(source="meeting.chair.name")
    organised_by = serializers.IntegerField(source="meeting.organised_by_id")
    organised_by_name = serializers.CharField(source="meeting.organised_by.name")
    status = serializers.ChoiceField(source="meeting.status", choices=Meeting.Status.choices)
    closed_at = serializers.DateTimeField(source="meeting.closed_at", allow_null=True)
    professionals = ProfessionalParticipantSerializer(many=True)
    items = ItemSerializer(many=True, help_text="Alleen de agendapunten over casussen die u mag zien.")


class RowCaseSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    reference = serializers.CharField()
    youth_name = serializers.CharField(source="youth.full_name")


class MeetingRowSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="meeting.pk")
    kind = serializers.ChoiceField(source="meeting.kind", choices=Meeting.Kind.choices)
    starts_at = serializers.DateTimeField(source="meeting.starts_at")
    place = serializers.CharField(source="meeting.place")
    status = serializers.ChoiceField(source="meeting.status", choices=Meeting.Status.choices)
    cases = RowCaseSerializer(many=True, help_text="De casussen op de agenda die u mag zien.")


@extend_schema_serializer(many=False)  # the list answers one object with two lists, not an array
class MyMeetingsSerializer(serializers.Serializer):
    upcoming = MeetingRowSerializer(many=True)
    past = MeetingRowSerializer(many=True)


class MeetingCreateSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=Meeting.Kind.choices)
    starts_at = serializers.DateTimeField()
    place = serializers.CharField(max_length=services.PLACE_MAX_LENGTH, allow_blank=True)  # the service says why
    chair = serializers.PrimaryKeyRelatedField(queryset=Professional.objects.filter(user__is_active=True))
    cases = serializers.ListField(
        child=serializers.IntegerField(**ID),
        min_length=1,
        max_length=50,
        help_text="Casussen waarbij u betrokken bent.",
    )


class FamilyInviteSerializer(serializers.Serializer):
    item = serializers.IntegerField(help_text="Het agendapunt (de casus).", **ID)
    carer = serializers.IntegerField(
        required=False, allow_null=True, default=None, help_text="De ouder met gezag; leeg: de jeugdige zelf.", **ID
    )


class InviteSerializer(serializers.Serializer):
    professionals = serializers.ListField(child=serializers.IntegerField(**ID), required=False, default=list)
    family = FamilyInviteSerializer(many=True, required=False, default=list)


class MinuteCreateSerializer(serializers.Serializer):
    section = serializers.ChoiceField(choices=Section.choices)
    category = serializers.ChoiceField(choices=Category.choices)
    text = serializers.CharField(max_length=TEXT)


class DecisionCreateSerializer(serializers.Serializer):
    what = serializers.CharField(max_length=2000)
    owner_kind = serializers.ChoiceField(choices=Decision.Owner.choices)
    owner_professional = serializers.IntegerField(required=False, allow_null=True, default=None, **ID)
    owner_carer = serializers.IntegerField(required=False, allow_null=True, default=None, **ID)
    due_on = serializers.DateField()


class OutcomeSerializer(serializers.Serializer):
    outcome = serializers.CharField(max_length=TEXT)


class ConvertedSerializer(serializers.Serializer):
    agreements = serializers.ListField(
        child=serializers.IntegerField(), help_text="De afspraken die nu in het plan staan."
    )


# --- views ----------------------------------------------------------------------------------------


def _detail(request, meeting_id: int, only_item: int | None = None) -> selectors.MeetingView:
    return selectors.meeting_detail(
        actor=request.user, meeting_id=meeting_id, access_point=api_access_point(request), only_item=only_item
    )


@extend_schema_view(
    list=extend_schema(summary="Mijn overleggen", responses={200: MyMeetingsSerializer, **errors(401)}),
    retrieve=extend_schema(responses={200: MeetingSerializer, **errors(401, 404)}),
    create=extend_schema(
        summary="Overleg plannen", request=MeetingCreateSerializer, responses={201: MeetingSerializer, **CHANGE_ERRORS}
    ),
)
class MeetingViewSet(viewsets.ViewSet):
    """MDO, breed overleg and leerlingbespreking: per case an agenda item following the HGW
    bespreekcyclus, minutes in data categories, decisions that become agreements in the plan, and
    the terugkoppeling to everyone involved."""

    queryset = Meeting.objects.none()  # only for the schema: the path id is an integer
    http_method_names = ["get", "post", "head", "options"]

    def list(self, request):
        mine = selectors.my_meetings(actor=request.user, access_point=api_access_point(request))
        return Response(MyMeetingsSerializer(mine).data)

    def retrieve(self, request, pk=None):
        return Response(MeetingSerializer(_detail(request, parse_id(pk))).data)

    def create(self, request):
        serializer = MeetingCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        ids = list(dict.fromkeys(data["cases"]))
        cases = list(Case.objects.select_related("youth").filter(pk__in=ids))
        if len(cases) != len(ids):  # the same answer for a missing case as for one not yours
            raise serializers.ValidationError({"cases": [services.cases_message()]})
        meeting = services.meeting_schedule(
            actor=request.user,
            kind=data["kind"],
            starts_at=data["starts_at"],
            place=data["place"],
            chair=data["chair"],
            cases=sorted(cases, key=lambda c: ids.index(c.pk)),
            access_point=api_access_point(request),
        )
        return Response(MeetingSerializer(_detail(request, meeting.pk)).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        summary="Deelnemers uitnodigen",
        description="Professionals die bij een casus van het overleg betrokken zijn, en per casus de ouders "
        "met gezag (tot 16 jaar) en de jeugdige vanaf 12. Alleen de voorzitter of wie het overleg organiseert.",
        request=InviteSerializer,
        responses={200: MeetingSerializer, **CHANGE_ERRORS},
    )
    @action(detail=True, methods=["post"])
    def participants(self, request, pk=None):
        meeting = selectors.meeting_get(meeting_id=parse_id(pk))
        serializer = InviteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        professionals = list(Professional.objects.select_related("user").filter(pk__in=data["professionals"]))
        if len(professionals) != len(set(data["professionals"])):
            raise serializers.ValidationError({"professionals": ["Kies professionals die bestaan."]})
        items = {item.pk: item for item in meeting.items.select_related("case__youth")}
        carers = Carer.objects.in_bulk([f["carer"] for f in data["family"] if f["carer"]])
        family = []
        for invite in data["family"]:
            item = items.get(invite["item"])
            carer = carers.get(invite["carer"]) if invite["carer"] else None
            if item is None or (invite["carer"] and carer is None):
                raise serializers.ValidationError(
                    {"family": ["Nodig ouders en de jeugdige uit bij een casus waarbij u zelf betrokken bent."]}
                )
            family.append((item, carer))
        services.participants_invite(
            actor=request.user,
            meeting=meeting,
            professionals=professionals,
            family=family,
            access_point=api_access_point(request),
        )
        return Response(MeetingSerializer(_detail(request, meeting.pk)).data)

    @extend_schema(
        summary="Overleg afronden en terugkoppelen",
        description="Per casus gaan de uitkomst en de besluiten terug naar iedereen die betrokken is, ouders "
        "ook (op de pagina, als PDF en met een e-mail zonder gegevens van het kind). Vereist per casus een "
        "uitkomst; daarna ligt het verslag vast.",
        request=None,
        responses={200: MeetingSerializer, **CHANGE_ERRORS},
    )
    @action(detail=True, methods=["post"])
    def close(self, request, pk=None):
        meeting = selectors.meeting_get(meeting_id=parse_id(pk))
        services.meeting_close(actor=request.user, meeting=meeting, access_point=api_access_point(request))
        return Response(MeetingSerializer(_detail(request, meeting.pk)).data)


@extend_schema_view(retrieve=extend_schema(responses={200: ItemSerializer, **errors(401, 404)}))
class MeetingItemViewSet(viewsets.ViewSet):
    """One agenda item (one case) of a meeting: only for who may see that case."""

    queryset = Meeting.objects.none()  # only for the schema: the path id is an integer
    http_method_names = ["get", "post", "head", "options"]

    def perform_content_negotiation(self, request, force=False):
        # The PDF answers application/pdf itself; its errors are JSON whatever the client accepts.
        return super().perform_content_negotiation(request, force=force or self.action == "feedback_pdf")

    def _item_view(self, request, item):
        view = _detail(request, item.meeting_id, only_item=item.pk)
        return Response(ItemSerializer(view.items[0]).data)

    def retrieve(self, request, pk=None):
        return self._item_view(request, selectors.item_get(item_id=parse_id(pk)))

    @extend_schema(request=MinuteCreateSerializer, responses={201: MinuteSerializer, **CHANGE_ERRORS})
    @action(detail=True, methods=["post"])
    def minutes(self, request, pk=None):
        item = selectors.item_get(item_id=parse_id(pk))
        serializer = MinuteCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        minute = services.minute_add(
            actor=request.user, item=item, access_point=api_access_point(request), **serializer.validated_data
        )
        return Response(MinuteSerializer(minute).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=DecisionCreateSerializer, responses={201: DecisionSerializer, **CHANGE_ERRORS})
    @action(detail=True, methods=["post"])
    def decisions(self, request, pk=None):
        item = selectors.item_get(item_id=parse_id(pk))
        serializer = DecisionCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        professional = carer = None
        if data["owner_professional"]:
            professional = Professional.objects.select_related("user").filter(pk=data["owner_professional"]).first()
            if professional is None:
                raise serializers.ValidationError({"owner_professional": ["Kies een professional die bestaat."]})
        if data["owner_carer"]:
            carer = Carer.objects.filter(pk=data["owner_carer"]).first()
            if carer is None:
                raise serializers.ValidationError({"owner_carer": ["Kies een ouder of verzorger van de jeugdige."]})
        decision = services.decision_add(
            actor=request.user,
            item=item,
            what=data["what"],
            owner_kind=data["owner_kind"],
            due_on=data["due_on"],
            owner_professional=professional,
            owner_carer=carer,
            access_point=api_access_point(request),
        )
        return Response(DecisionSerializer(decision).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=OutcomeSerializer, responses={200: ItemSerializer, **CHANGE_ERRORS})
    @action(detail=True, methods=["post"])
    def outcome(self, request, pk=None):
        item = selectors.item_get(item_id=parse_id(pk))
        serializer = OutcomeSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.outcome_set(
            actor=request.user,
            item=item,
            outcome=serializer.validated_data["outcome"],
            access_point=api_access_point(request),
        )
        return self._item_view(request, item)

    @extend_schema(
        summary="Besluiten overnemen in het plan van aanpak",
        description="De casusregisseur neemt de besluiten van dit agendapunt in één keer over als afspraken. "
        "Een tweede keer voegt niets toe (lege lijst).",
        request=None,
        responses={200: ConvertedSerializer, **CHANGE_ERRORS},
    )
    @action(detail=True, methods=["post"])
    def convert(self, request, pk=None):
        item = selectors.item_get(item_id=parse_id(pk))
        agreements = services.decisions_convert(actor=request.user, item=item, access_point=api_access_point(request))
        return Response(ConvertedSerializer({"agreements": [a.pk for a in agreements]}).data)

    @extend_schema(
        summary="Terugkoppeling als PDF",
        operation_id="v1_meeting_items_feedback_pdf",
        responses={(200, "application/pdf"): OpenApiTypes.BINARY, **errors(401, 404)},
    )
    @action(detail=True, methods=["get"], url_path="feedback.pdf")
    def feedback_pdf(self, request, pk=None):
        item = selectors.item_get(item_id=parse_id(pk))
        view = selectors.feedback_detail(
            actor=request.user, meeting_id=item.meeting_id, item_id=item.pk, access_point=api_access_point(request)
        )
        response = HttpResponse(report.feedback_pdf(view), content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="{report.feedback_filename(view)}"'
        return response


ROUTES: list = [
    ("meetings", MeetingViewSet, "meeting"),
    ("meeting-items", MeetingItemViewSet, "meeting-item"),
]
