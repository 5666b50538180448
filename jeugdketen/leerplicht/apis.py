"""Leerplicht in the API: a second door onto the same services and selectors as the leerplicht pages,
with the same rules and access log. A school's administration system delivers absence and
enrolments as rows with the columns of the CSV files (docs/leerplicht-imports.md), checked the same
way: all or nothing, with the Dutch report of every problem by line and column.

The reads follow the selectors: the school's page (meldingen, leave requests and deliveries) and the
consulent's page (meldingen received, absolute verzuim, open cases, leave requests and deliveries)
are one answer each, so that the access log says exactly what was shown.

``ROUTES`` is registered by jeugdketen/api/urls.py: (prefix, viewset, basename)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import extend_schema, extend_schema_field, extend_schema_serializer, extend_schema_view
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from jeugdketen.access import policy
from jeugdketen.access.exceptions import NotFoundOrForbidden
from jeugdketen.core.apis import api_access_point, errors, parse_id
from jeugdketen.organisations.models import Professional
from jeugdketen.youth.models import Youth
from jeugdketen.youth.validators import normalise_bsn

from . import rules, selectors, services
from .csvfiles import ImportRefused
from .models import Absence, CaseStep, Delivery, LeaveRequest, LeerplichtCase, Melding

ID = {"min_value": 1, "max_value": 2**63 - 1}

# Rows per call; a school delivers more in parts (delivering a row again changes nothing).
MAX_ROWS = 20_000
MAX_VALUE = 100
NOTE_MAX = 5000
CHANGE_ERRORS = errors(400, 401, 403, 404)
READ_ERRORS = errors(401, 404)


# --- serializers: what the API answers -------------------------------------------------------------------


class DeliverySerializer(serializers.ModelSerializer):
    kind = serializers.CharField(help_text="verzuim, inschrijving of bevolking.")
    kind_label = serializers.CharField(source="get_kind_display")
    delivered_by_name = serializers.CharField(source="delivered_by")
    findings = serializers.IntegerField(help_text="Nieuwe meldingen gevonden in dit verzuim.")

    class Meta:
        model = Delivery
        fields = [
            "id", "kind", "kind_label", "delivered_at", "delivered_by_name", "filename", "rows", "created", "updated",
            "unchanged", "findings",
        ]  # fmt: skip


class MeldingRowSerializer(serializers.ModelSerializer):
    youth_name = serializers.CharField(source="youth.full_name")
    kind = serializers.CharField(help_text="relatief, langdurig, luxe, mazl_frequent of mazl_lang.")
    kind_label = serializers.CharField(source="get_kind_display")
    status = serializers.CharField(help_text="gevonden, gemeld, in_behandeling, vervallen of afgesloten.")
    status_label = serializers.CharField(source="get_status_display")
    due_on = serializers.DateField(help_text="Melden uiterlijk op: binnen 5 werkdagen (Leerplichtwet art. 21a).")
    overdue = serializers.SerializerMethodField(help_text="Nog niet gemeld en de termijn is voorbij.")

    class Meta:
        model = Melding
        fields = [
            "id", "youth", "youth_name", "school", "kind", "kind_label", "status", "status_label", "reached_on",
            "period_start", "period_end", "hours", "count", "due_on", "overdue", "sent_at",
        ]  # fmt: skip

    def get_overdue(self, obj) -> bool:
        return obj.overdue()


class ReceivedMeldingSerializer(MeldingRowSerializer):
    school_name = serializers.CharField(source="school.name")

    class Meta(MeldingRowSerializer.Meta):
        fields = [*MeldingRowSerializer.Meta.fields, "school_name"]


class MeldingSerializer(ReceivedMeldingSerializer):
    sent_by_name = serializers.CharField(source="sent_by.name", allow_null=True)

    class Meta(ReceivedMeldingSerializer.Meta):
        fields = [*ReceivedMeldingSerializer.Meta.fields, "school_note", "sent_by_name"]


class AbsenceSerializer(serializers.ModelSerializer):
    kind = serializers.CharField(help_text="ongeoorloofd, te_laat, ziek, verlof of schorsing.")
    kind_label = serializers.CharField(source="get_kind_display")

    class Meta:
        model = Absence
        fields = ["day", "kind", "kind_label", "hours"]


class MeldingDetailSerializer(MeldingSerializer):
    """A melding as the reader may see it (a ``MeldingDetail``)."""

    youth_date_of_birth = serializers.DateField(source="youth.date_of_birth")
    absences = serializers.SerializerMethodField(help_text="Het verzuim van de leerling in deze periode.")
    can_send = serializers.SerializerMethodField(help_text="U bevestigt en verstuurt de melding (IB'er, schoolleider).")

    class Meta(MeldingSerializer.Meta):
        fields = [*MeldingSerializer.Meta.fields, "youth_date_of_birth", "absences", "can_send"]

    @extend_schema_field(AbsenceSerializer(many=True))
    def get_absences(self, obj):
        return AbsenceSerializer(self.context["detail"].absences, many=True).data

    def get_can_send(self, obj) -> bool:
        return self.context["detail"].can_send


class LeaveRowSerializer(serializers.ModelSerializer):
    youth_name = serializers.CharField(source="youth.full_name")
    ground = serializers.CharField(help_text="13a (vakantie) of 14 (gewichtige omstandigheden).")
    decision = serializers.CharField(help_text="Leeg zolang er geen besluit is; verleend of geweigerd.")

    class Meta:
        model = LeaveRequest
        fields = ["id", "youth", "youth_name", "school", "ground", "requested_on", "start", "end", "school_days",
                  "decision", "decided_on"]  # fmt: skip


class ConsulentLeaveRowSerializer(LeaveRowSerializer):
    school_name = serializers.CharField(source="school.name")

    class Meta(LeaveRowSerializer.Meta):
        fields = [*LeaveRowSerializer.Meta.fields, "school_name"]


class CaseRowSerializer(serializers.ModelSerializer):
    youth_name = serializers.CharField(source="youth.full_name")
    school_name = serializers.CharField(source="school.name", allow_null=True)
    consulent_name = serializers.CharField(source="consulent.name")
    phase = serializers.CharField(help_text="De fase van de MAS: waarnemen, analyseren, plannen, handelen, evalueren.")
    route = serializers.CharField(help_text="Leeg zolang er geen route is; vrijwillig, halt, civiel of strafrecht.")

    class Meta:
        model = LeerplichtCase
        fields = ["id", "reference", "youth", "youth_name", "school", "school_name", "consulent", "consulent_name",
                  "phase", "route", "opened_on"]  # fmt: skip


@extend_schema_serializer(many=False)  # the list answers one object with lists, not an array
class SchoolOverviewSerializer(serializers.Serializer):
    to_send = MeldingRowSerializer(many=True, help_text="Te bevestigen en te versturen, de oudste termijn eerst.")
    sent = MeldingRowSerializer(many=True, help_text="Verstuurd, de laatste eerst.")
    leave = LeaveRowSerializer(many=True, help_text="Verlofaanvragen: open, en besloten in de laatste 8 weken.")
    deliveries = DeliverySerializer(many=True, help_text="De laatste aanleveringen van de school.")
    more_to_send = serializers.BooleanField(source="more.to_send", help_text="Er zijn er meer dan hier staan.")
    more_sent = serializers.BooleanField(source="more.sent", help_text="Er zijn er meer dan hier staan.")
    can_deliver = serializers.SerializerMethodField(help_text="U levert verzuim en inschrijvingen aan en meldt.")

    def get_can_deliver(self, obj) -> bool:
        return bool(policy.function_codes(obj.staff.professional) & rules.DELIVER_FUNCTIONS)


class AbsoluteVerzuimSerializer(serializers.Serializer):
    youth = serializers.IntegerField(source="youth.pk")
    youth_name = serializers.CharField(source="youth.full_name")
    date_of_birth = serializers.DateField(source="youth.date_of_birth")
    duty = serializers.CharField(
        source="duty.value", help_text="leerplichtig, kwalificatieplichtig, of nog_niet (binnenkort leerplichtig)."
    )
    duty_label = serializers.CharField(source="duty.label")
    since = serializers.DateField(help_text="Leerplichtig vanaf.")
    address = serializers.CharField(help_text="Het adres uit de basisregistratie personen; leeg als dat er niet is.")


@extend_schema_serializer(many=False)  # the list answers one object with lists, not an array
class ConsulentOverviewSerializer(serializers.Serializer):
    received = ReceivedMeldingSerializer(many=True, help_text="Meldingen van scholen over jeugdigen uit uw gemeente.")
    absolute = AbsoluteVerzuimSerializer(
        many=True, help_text="Absoluut verzuim: leerplichtig of kwalificatieplichtig, op geen school ingeschreven en "
        "zonder vrijstelling.",
    )  # fmt: skip
    coming = AbsoluteVerzuimSerializer(
        many=True, help_text="Binnenkort leerplichtig en nog op geen school ingeschreven."
    )
    cases = CaseRowSerializer(many=True, help_text="Open leerplichtzaken van de gemeente, die van uzelf eerst.")
    leave = ConsulentLeaveRowSerializer(
        many=True, help_text="Verlofaanvragen van meer dan 10 schooldagen die op uw besluit wachten."
    )
    deliveries = DeliverySerializer(many=True, help_text="De laatste aanleveringen van de gemeente.")
    more_received = serializers.BooleanField(source="more.received", help_text="Er zijn er meer dan hier staan.")
    more_absolute = serializers.BooleanField(source="more.absolute", help_text="Er zijn er meer dan hier staan.")
    more_coming = serializers.BooleanField(source="more.coming", help_text="Er zijn er meer dan hier staan.")
    more_cases = serializers.BooleanField(source="more.cases", help_text="Er zijn er meer dan hier staan.")
    more_leave = serializers.BooleanField(source="more.leave", help_text="Er zijn er meer dan hier staan.")


# --- serializers: what the API takes ---------------------------------------------------------------------


def _column(help_text: str = "", *, required: bool = True, **kwargs) -> serializers.CharField:
    """One value of a row, as text (a number is taken too): the service checks it as in the file."""
    if not required:
        kwargs["default"] = ""
    return serializers.CharField(
        max_length=MAX_VALUE, allow_blank=True, required=required, help_text=help_text,
        error_messages={"invalid": gettext_lazy("Geef een tekst of een getal.")}, **kwargs,
    )  # fmt: skip


class AbsenceRowSerializer(serializers.Serializer):
    bsn = _column("Het BSN van de leerling (9 cijfers, elfproef); ingeschreven op uw school op die dag.")
    datum = _column("Een schooldag, niet in de toekomst: dd-mm-jjjj of jjjj-mm-dd.")
    soort = _column("ongeoorloofd, te laat, ziek, verlof (geoorloofd verlof) of schorsing.")
    lesuren = _column("Lesuren afwezig die dag, meer dan 0 en hoogstens 12; bij te laat de gemiste tijd.")


class AbsenceDeliverySerializer(serializers.Serializer):
    rows = AbsenceRowSerializer(
        many=True, max_length=MAX_ROWS,
        help_text="Eén regel per leerling, schooldag en soort verzuim. Regel 1 in het verslag is de eerste regel.",
    )  # fmt: skip


class AbsenceRemoveSerializer(serializers.Serializer):
    bsn = serializers.CharField(max_length=MAX_VALUE, help_text="Het BSN van de leerling.")
    datum = serializers.DateField(help_text="De schooldag van de regel.")
    soort = serializers.ChoiceField(choices=Absence.Kind.choices, help_text="De soort verzuim van de regel.")
    reden = serializers.CharField(max_length=1000, help_text="Waarom de regel niet klopt (komt in het toegangslog).")


class AbsenceRemovedSerializer(serializers.Serializer):
    findings = serializers.IntegerField(help_text="Nieuwe meldingen na het opnieuw beoordelen (meestal 0).")


def _no_line_break(value: str) -> None:
    if "\n" in value or "\r" in value:
        raise serializers.ValidationError(_("Een waarde mag geen regeleinde bevatten."))


def _enrolment_column(help_text: str = "", *, required: bool = False) -> serializers.CharField:
    return _column(help_text, required=required, validators=[_no_line_break])


class EnrolmentRowSerializer(serializers.Serializer):
    bsn = _enrolment_column("Het BSN van de leerling.", required=True)
    ingeschreven_vanaf = _enrolment_column("De eerste dag van de inschrijving.", required=True)
    uitgeschreven_per = _enrolment_column("De eerste dag dat de leerling niet meer ingeschreven is.")
    groep = _enrolment_column("Groep of klas.")
    achternaam = _enrolment_column("Voor een leerling die Jeugdketen nog niet kent.")
    voorvoegsel = _enrolment_column()
    voornaam = _enrolment_column("Voor een leerling die Jeugdketen nog niet kent.")
    geboortedatum = _enrolment_column("Voor een nieuwe leerling; bij een bekend BSN moet die kloppen.")
    gemeentecode = _enrolment_column("CBS-code van de woongemeente, voor een nieuwe leerling (0148 voor Dalfsen).")


class EnrolmentDeliverySerializer(serializers.Serializer):
    rows = EnrolmentRowSerializer(
        many=True, max_length=MAX_ROWS, allow_empty=False,
        error_messages={"empty": gettext_lazy("Er zijn geen inschrijvingen meegestuurd.")},
        help_text="Eén regel per inschrijving. Regel 1 in het verslag is de eerste inschrijving.",
    )  # fmt: skip


class MeldingSendSerializer(serializers.Serializer):
    note = serializers.CharField(
        max_length=NOTE_MAX, required=False, allow_blank=True, default="",
        help_text="Toelichting van de school, bijvoorbeeld wat de school al deed en het contact met de ouders.",
    )  # fmt: skip
    jeugdarts = serializers.IntegerField(
        **ID, required=False, allow_null=True, default=None,
        help_text="Bij een M@ZL-melding: het id van de jeugdarts van de GGD van de school.",
    )  # fmt: skip


class CaseStepSerializer(serializers.ModelSerializer):
    by_name = serializers.CharField(source="by.name")

    class Meta:
        model = CaseStep
        fields = ["id", "kind", "occurred_on", "phase", "title", "text", "with_whom", "appointment_at", "location",
                  "due_on", "kept", "by", "by_name"]  # fmt: skip


class HaltCheckSerializer(serializers.Serializer):
    eligible = serializers.BooleanField(help_text="Of een Halt-verwijzing voor verzuim kan.")
    age = serializers.IntegerField()
    hours = serializers.DecimalField(max_digits=6, decimal_places=2)
    times_late = serializers.IntegerField()
    parents_must_consent = serializers.BooleanField(help_text="Jonger dan 16: ook de ouders stemmen in.")
    problems = serializers.ListField(child=serializers.CharField(), help_text="Waarom Halt niet kan.")


class CaseDetailSerializer(CaseRowSerializer):
    status = serializers.CharField()
    route_reason = serializers.CharField()
    steps = CaseStepSerializer(many=True, source="detail.steps")
    meldingen = MeldingRowSerializer(many=True, source="detail.meldingen")
    halt = HaltCheckSerializer(source="detail.halt")

    class Meta(CaseRowSerializer.Meta):
        fields = [*CaseRowSerializer.Meta.fields, "status", "route_reason", "closed_on", "outcome", "steps",
                  "meldingen", "halt"]  # fmt: skip


class CaseStepAddSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=[(k.value, k.label) for k in CaseStep.RECORDED_KINDS])
    title = serializers.CharField(max_length=200)
    text = serializers.CharField(max_length=services.TEXT_MAX, required=False, allow_blank=True, default="")
    with_whom = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    occurred_on = serializers.DateField(required=False, default=None)
    due_on = serializers.DateField(required=False, allow_null=True, default=None)


class HaltReferSerializer(serializers.Serializer):
    youth_consents = serializers.BooleanField(help_text="De jeugdige stemt in.")
    parents_consent = serializers.BooleanField(
        required=False, allow_null=True, default=None, help_text="De ouders stemmen in (nodig onder 16)."
    )


class CaseCloseSerializer(serializers.Serializer):
    outcome = serializers.CharField(max_length=services.TEXT_MAX)


# --- views -----------------------------------------------------------------------------------------------


def _valid(serializer_class, request) -> dict:
    serializer = serializer_class(data=request.data)
    serializer.is_valid(raise_exception=True)
    return dict(serializer.validated_data)


def _refused(refused: ImportRefused) -> serializers.ValidationError:
    """Nothing was stored: the report, a Dutch line per problem naming the line and column."""
    return serializers.ValidationError({"rows": refused.report.lines()})


@extend_schema_view(
    list=extend_schema(
        summary="Verzuim van mijn school",
        description="Voor de leerkracht, IB'er en schoolleider: de meldingen die de school nog bevestigt en "
        "verstuurt, die ze verstuurde, de verlofaanvragen en de laatste aanleveringen.",
        responses={200: SchoolOverviewSerializer, **READ_ERRORS},
    ),
)
class SchoolViewSet(viewsets.ViewSet):
    """The school's leerplicht administration: its meldingen and what it delivers."""

    http_method_names = ["get", "post", "head", "options"]

    def list(self, request):
        overview = selectors.school_overview(actor=request.user, access_point=api_access_point(request))
        return Response(SchoolOverviewSerializer(overview).data)

    @extend_schema(
        summary="Verzuim aanleveren",
        description="Door de IB'er of schoolleider, voor de eigen school; de kolommen van het verzuimbestand. "
        "Alles of niets: bij een probleem wordt niets opgeslagen en noemt het verslag per regel en kolom wat "
        "er mis is. Dezelfde regels opnieuw aanleveren verandert niets; een ander aantal lesuren vervangt het "
        "oude. Het verzuim wordt meteen beoordeeld: nieuwe meldingen staan in 'findings'.",
        request=AbsenceDeliverySerializer,
        responses={201: DeliverySerializer, **CHANGE_ERRORS},
    )
    @action(detail=False, methods=["post"])
    def absence(self, request):
        data = _valid(AbsenceDeliverySerializer, request)
        try:
            result = services.absence_rows_import(
                actor=request.user, rows=data["rows"], access_point=api_access_point(request)
            )
        except ImportRefused as refused:
            raise _refused(refused) from None
        return Response(DeliverySerializer(result.delivery).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        summary="Een regel verzuim verwijderen",
        description="Door de IB'er of schoolleider: een regel die de school per vergissing aanleverde (een "
        "aanlevering voegt regels toe of wijzigt lesuren, maar verwijdert niets). Met de reden, die in het "
        "toegangslog komt. Het verzuim van de leerling wordt opnieuw beoordeeld: een melding die nog op de "
        "school wacht vervalt als de grens niet meer bereikt is. 404 als de school zo'n regel niet heeft.",
        request=AbsenceRemoveSerializer,
        responses={200: AbsenceRemovedSerializer, **CHANGE_ERRORS},
    )
    @action(detail=False, methods=["post"], url_path="absence/remove")
    def absence_remove(self, request):
        data = _valid(AbsenceRemoveSerializer, request)
        youth = Youth.objects.with_bsn([normalise_bsn(data["bsn"])]).first()
        if youth is None:
            raise NotFoundOrForbidden
        findings = services.absence_remove(
            actor=request.user,
            youth=youth,
            day=data["datum"],
            kind=data["soort"],
            reason=data["reden"],
            access_point=api_access_point(request),
        )
        return Response(AbsenceRemovedSerializer({"findings": findings}).data)

    @extend_schema(
        summary="Inschrijvingen aanleveren",
        description="Door de IB'er of schoolleider, voor de eigen school; de kolommen van het "
        "inschrijvingenbestand. Alles of niets, met het verslag per regel en kolom; dezelfde regels opnieuw "
        "aanleveren verandert niets.",
        request=EnrolmentDeliverySerializer,
        responses={201: DeliverySerializer, **CHANGE_ERRORS},
    )
    @action(detail=False, methods=["post"])
    def enrolments(self, request):
        data = _valid(EnrolmentDeliverySerializer, request)
        try:
            delivery = services.enrolment_rows_import(
                actor=request.user, rows=data["rows"], access_point=api_access_point(request)
            )
        except ImportRefused as refused:
            raise _refused(refused) from None
        return Response(DeliverySerializer(delivery).data, status=status.HTTP_201_CREATED)


@extend_schema_view(
    list=extend_schema(
        summary="Leerplicht van mijn gemeente",
        description="Voor de consulent leerplicht: de ontvangen meldingen over jeugdigen uit de gemeente, het "
        "absoluut verzuim, wie binnenkort leerplichtig wordt zonder school, de open leerplichtzaken, de "
        "verlofaanvragen die op uw besluit wachten en de laatste aanleveringen.",
        responses={200: ConsulentOverviewSerializer, **READ_ERRORS},
    ),
)
class ConsulentViewSet(viewsets.ViewSet):
    """The consulent leerplicht's view of the municipality."""

    http_method_names = ["get", "head", "options"]

    def list(self, request):
        overview = selectors.consulent_overview(actor=request.user, access_point=api_access_point(request))
        return Response(ConsulentOverviewSerializer(overview).data)


@extend_schema_view(
    retrieve=extend_schema(
        summary="Verzuimmelding lezen",
        description="Voor de school die haar vond, en zodra ze verstuurd is voor de consulent leerplicht van de "
        "woongemeente (M@ZL-meldingen gaan naar de jeugdarts).",
        responses={200: MeldingDetailSerializer, **READ_ERRORS},
    ),
)
class MeldingViewSet(viewsets.ViewSet):
    """A verzuimmelding: found in the absence a school delivered, confirmed and sent by the school."""

    queryset = Melding.objects.none()  # only for the schema: the path id is an integer
    http_method_names = ["get", "post", "head", "options"]

    def retrieve(self, request, pk=None):
        found = selectors.melding_detail(
            actor=request.user, melding_id=parse_id(pk), access_point=api_access_point(request)
        )
        return Response(MeldingDetailSerializer(found.melding, context={"detail": found}).data)

    @extend_schema(
        summary="Melding versturen",
        description="De IB'er of schoolleider bevestigt het verzuim en verstuurt de melding, eenmaal: naar de "
        "consulent leerplicht, of bij M@ZL naar de jeugdarts.",
        request=MeldingSendSerializer,
        responses={200: MeldingSerializer, **CHANGE_ERRORS},
    )
    @action(detail=True, methods=["post"])
    def send(self, request, pk=None):
        access_point = api_access_point(request)
        found = selectors.melding_detail(actor=request.user, melding_id=parse_id(pk), access_point=access_point)
        data = _valid(MeldingSendSerializer, request)
        doctor = None
        if data["jeugdarts"] is not None:
            doctor = Professional.objects.filter(pk=data["jeugdarts"]).first()
            if doctor is None:
                raise ValidationError({"jeugdarts": _("Kies de jeugdarts van de GGD van de school.")})
        melding = services.melding_send(
            actor=request.user, melding=found.melding, note=data["note"], jeugdarts=doctor, access_point=access_point
        )
        return Response(MeldingSerializer(melding).data)

    @extend_schema(
        summary="Melding in behandeling nemen",
        description="De consulent leerplicht van de woongemeente neemt een verstuurde melding in behandeling: in "
        "de open leerplichtzaak van de jeugdige of in een nieuwe (fase waarnemen).",
        request=None,
        responses={201: CaseRowSerializer, **CHANGE_ERRORS},
    )
    @action(detail=True, methods=["post"], url_path="take-up")
    def take_up(self, request, pk=None):
        access_point = api_access_point(request)
        found = selectors.melding_detail(actor=request.user, melding_id=parse_id(pk), access_point=access_point)
        case = services.case_take_up(actor=request.user, melding=found.melding, access_point=access_point)
        return Response(CaseRowSerializer(case).data, status=status.HTTP_201_CREATED)


def _case_data(request, case_id: int):
    detail = selectors.case_detail(actor=request.user, case_id=case_id, access_point=api_access_point(request))
    detail.case.detail = detail
    return CaseDetailSerializer(detail.case).data


@extend_schema_view(
    retrieve=extend_schema(
        summary="Leerplichtzaak lezen",
        description="Voor de consulent leerplicht van de gemeente die de zaak heeft: het verloop, de meldingen en "
        "of een Halt-verwijzing kan.",
        responses={200: CaseDetailSerializer, **READ_ERRORS},
    ),
)
class CaseViewSet(viewsets.ViewSet):
    """A leerplichtzaak, worked through the MAS phases."""

    queryset = LeerplichtCase.objects.none()  # only for the schema: the path id is an integer
    http_method_names = ["get", "post", "head", "options"]

    def _case(self, request, pk):
        return selectors.case_for(request.user, parse_id(pk), api_access_point(request))[0]

    def retrieve(self, request, pk=None):
        return Response(_case_data(request, parse_id(pk)))

    @extend_schema(
        summary="Stap vastleggen",
        description="Een gesprek, het preventief spreekuur, een afspraak (met de datum waarop ze nagekomen moet "
        "zijn) of een notitie.",
        request=CaseStepAddSerializer,
        responses={201: CaseStepSerializer, **CHANGE_ERRORS},
    )
    @action(detail=True, methods=["post"])
    def steps(self, request, pk=None):
        case = self._case(request, pk)
        data = _valid(CaseStepAddSerializer, request)
        step = services.case_step_add(actor=request.user, case=case, access_point=api_access_point(request), **data)
        return Response(CaseStepSerializer(step).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        summary="Verwijzen naar Halt",
        description="Alleen als de Halt-criteria gelden (12 tot 18 jaar, leerplichtig, 9 tot en met 60 uur of 12 "
        "tot en met 60 keer te laat, niet eerder verwezen) en de jeugdige, en onder 16 ook de ouders, instemmen.",
        request=HaltReferSerializer,
        responses={200: CaseDetailSerializer, **CHANGE_ERRORS},
    )
    @action(detail=True, methods=["post"])
    def halt(self, request, pk=None):
        case = self._case(request, pk)
        data = _valid(HaltReferSerializer, request)
        services.halt_refer(actor=request.user, case=case, access_point=api_access_point(request), **data)
        return Response(_case_data(request, case.pk))

    @extend_schema(
        summary="Zaak sluiten",
        description="Met het resultaat; de meldingen van de zaak sluiten mee.",
        request=CaseCloseSerializer,
        responses={200: CaseDetailSerializer, **CHANGE_ERRORS},
    )
    @action(detail=True, methods=["post"])
    def close(self, request, pk=None):
        case = self._case(request, pk)
        data = _valid(CaseCloseSerializer, request)
        services.case_close(actor=request.user, case=case, access_point=api_access_point(request), **data)
        return Response(_case_data(request, case.pk))


ROUTES: list = [
    ("leerplicht/school", SchoolViewSet, "leerplicht-school"),
    ("leerplicht/consulent", ConsulentViewSet, "leerplicht-consulent"),
    ("leerplicht/meldingen", MeldingViewSet, "leerplicht-melding"),
    ("leerplicht/zaken", CaseViewSet, "leerplicht-case"),
]
