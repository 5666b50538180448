"""School support and passend onderwijs in the API: a second door onto the same services and
selectors as the pages, with the same policy and access log. The API only validates the input's
shape, looks up the objects an id names and answers with what the service or selector returned.
``ROUTES`` is registered by jeugdketen/api/urls.py: (prefix, viewset, basename)."""

from __future__ import annotations

from datetime import date

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, extend_schema_field, extend_schema_serializer, extend_schema_view
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from jeugdketen.access import consent, policy
from jeugdketen.access.exceptions import NotFoundOrForbidden
from jeugdketen.auditlog.services import Event
from jeugdketen.core.apis import api_access_point, errors, parse_id
from jeugdketen.youth.models import Youth

from . import report, selectors, services
from .models import (
    OPP,
    ABAssignment,
    CATAdvice,
    CATMeeting,
    Consultation,
    GGDConsultation,
    GGDNote,
    OPPEvaluation,
    PlanEvaluation,
    PupilSignal,
    SupportGoal,
    SupportNote,
    SupportPlan,
    SWVRequest,
    Uitstroom,
)

TEXT = services.TEXT_MAX_LENGTH
ID = {"min_value": 1, "max_value": 2**63 - 1}
CHANGE_ERRORS = errors(400, 401, 403, 404)
READ_ERRORS = errors(401, 404)

# The choices the API offers where the service takes only part of a model's choices.
SCHOOL_NOTE_KINDS = [(k.value, k.label) for k in SupportNote.SCHOOL_KINDS]
AB_NOTE_KINDS = [(k.value, k.label) for k in SupportNote.AB_KINDS]
GGD_NOTE_KINDS = [c for c in GGDNote.Kind.choices if c[0] != GGDNote.Kind.SAMEN_DOEN]
GOAL_RESULTS = [c for c in SupportGoal.Result.choices if c[0]]
REQUEST_OUTCOMES = [c for c in SWVRequest.Outcome.choices if c[0]]
CONSENT_CHOICES = list(consent.LABELS.items())


def _text(max_length: int = TEXT, **kwargs) -> serializers.CharField:
    """A text field; DRF refuses NUL characters in every CharField (PostgreSQL cannot store them)."""
    return serializers.CharField(max_length=max_length, **kwargs)


def _optional_text(max_length: int = TEXT, **kwargs) -> serializers.CharField:
    return serializers.CharField(max_length=max_length, required=False, allow_blank=True, default="", **kwargs)


def _patch_text(max_length: int = TEXT, **kwargs) -> serializers.CharField:
    return serializers.CharField(max_length=max_length, required=False, allow_blank=True, **kwargs)


def _optional_date(**kwargs) -> serializers.DateField:
    return serializers.DateField(required=False, allow_null=True, default=None, **kwargs)


def _optional_id(**kwargs) -> serializers.IntegerField:
    return serializers.IntegerField(required=False, allow_null=True, default=None, **ID, **kwargs)


# --- serializers: what the API answers -------------------------------------------------------------------


class SchoolConsultationSerializer(serializers.ModelSerializer):
    ib_name = serializers.CharField(source="ib.name")

    class Meta:
        model = Consultation
        fields = ["id", "held_on", "ib", "ib_name", "question", "outcome", "further", "note"]


class SchoolSignalSerializer(serializers.ModelSerializer):
    school_name = serializers.CharField(source="school.name")
    raised_by_name = serializers.CharField(source="raised_by.name")
    consultation = SchoolConsultationSerializer(
        read_only=True, allow_null=True, help_text="De consultatie van de IB'er; leeg zolang die er niet is."
    )

    class Meta:
        model = PupilSignal
        fields = [
            "id", "school", "school_name", "area", "observation", "observed_on", "status", "raised_by",
            "raised_by_name", "consultation",
        ]  # fmt: skip


class SupportNoteSerializer(serializers.ModelSerializer):
    author_name = serializers.CharField(source="author.name")
    author_function = serializers.CharField(source="author_function.name")

    class Meta:
        model = SupportNote
        fields = [
            "id", "school", "signal", "assignment", "kind", "held_on", "text", "author", "author_name",
            "author_function",
        ]  # fmt: skip


class SupportGoalSerializer(serializers.ModelSerializer):
    class Meta:
        model = SupportGoal
        fields = ["id", "text", "result"]


class SupportPlanEvaluationSerializer(serializers.ModelSerializer):
    class Meta:
        model = PlanEvaluation
        fields = ["id", "held_on", "with_parents", "with_teacher", "conclusion", "next_step"]


class SupportPlanSerializer(serializers.ModelSerializer):
    school_name = serializers.CharField(source="school.name")
    goals = SupportGoalSerializer(many=True, read_only=True)
    evaluations = SupportPlanEvaluationSerializer(many=True, read_only=True)

    class Meta:
        model = SupportPlan
        fields = [
            "id", "school", "school_name", "signal", "title", "approach", "starts_on", "ends_on", "evaluate_on",
            "status", "goals", "evaluations",
        ]  # fmt: skip


class PupilOPPSerializer(serializers.ModelSerializer):
    school_name = serializers.CharField(source="school.name")
    due_on = serializers.DateField(read_only=True, help_text="Uiterlijk vaststellen op (zes weken).")

    class Meta:
        model = OPP
        fields = ["id", "school", "school_name", "status", "due_on", "finalised_on", "consent_on"]


class PupilSWVRequestSerializer(serializers.ModelSerializer):
    class Meta:
        model = SWVRequest
        fields = ["id", "reference", "kind", "status", "outcome"]


class ABAssignmentSerializer(serializers.ModelSerializer):
    school_name = serializers.CharField(source="school.name")
    ab_name = serializers.CharField(source="ab.name")
    ab_organisation = serializers.CharField(source="ab.organisation.name")

    class Meta:
        model = ABAssignment
        fields = [
            "id", "school", "school_name", "ab", "ab_name", "ab_organisation", "question", "consent_given_by",
            "consent_on", "starts_on", "ends_on",
        ]  # fmt: skip


class PupilGGDConsultationSerializer(serializers.ModelSerializer):
    professional_name = serializers.CharField(source="professional.name")

    class Meta:
        model = GGDConsultation
        fields = ["id", "professional", "professional_name", "status", "created_at"]


class GGDNoteSerializer(serializers.ModelSerializer):
    author_name = serializers.CharField(source="author.name")
    author_function = serializers.CharField(source="author_function.name")

    class Meta:
        model = GGDNote
        fields = [
            "id", "consultation", "kind", "held_on", "text", "shared_with_school", "share_consent_by", "author",
            "author_name", "author_function",
        ]  # fmt: skip


class ReadinessStepSerializer(serializers.Serializer):
    key = serializers.CharField()
    label = serializers.CharField()
    done = serializers.BooleanField()
    detail = serializers.CharField()
    required = serializers.BooleanField()


class PupilSupportSerializer(serializers.Serializer):
    """A pupil's school support as the reader may see it (a ``PupilSupport``)."""

    youth = serializers.IntegerField(source="youth.pk")
    youth_name = serializers.CharField(source="youth.full_name")
    school = serializers.IntegerField(
        source="sa.own_school.pk", allow_null=True, help_text="Uw school, als de leerling daar nu ingeschreven is."
    )
    can_signal = serializers.BooleanField(help_text="U legt signalen en gesprekken vast (leerkracht, IB'er).")
    is_ib = serializers.BooleanField(help_text="U bent de intern begeleider: consultatie, handelingsplan.")
    is_lead = serializers.BooleanField(help_text="U stelt het OPP op en doet aanvragen bij het samenwerkingsverband.")
    signals = SchoolSignalSerializer(many=True)
    notes = SupportNoteSerializer(many=True)
    plans = SupportPlanSerializer(many=True)
    opps = PupilOPPSerializer(many=True)
    requests = PupilSWVRequestSerializer(many=True)
    ab_assignments = ABAssignmentSerializer(source="assignments", many=True)
    ggd_consultations = PupilGGDConsultationSerializer(many=True)
    ggd_notes = GGDNoteSerializer(
        many=True, help_text="Alleen als u gezondheidsgegevens leest, of gedeeld met uw school met toestemming."
    )
    readiness = serializers.DictField(
        child=ReadinessStepSerializer(many=True),
        help_text="Per soort aanvraag (arrangement, tlv) de gedocumenteerde stappen; alleen voor IB'er en "
        "schoolleider.",
    )


class OPPEvaluationSerializer(serializers.ModelSerializer):
    class Meta:
        model = OPPEvaluation
        fields = ["id", "held_on", "with_parents", "conclusion", "perspective_kept"]


class OPPSerializer(serializers.ModelSerializer):
    youth_name = serializers.CharField(source="youth.full_name")
    school_name = serializers.CharField(source="school.name")
    due_on = serializers.DateField(read_only=True, help_text="Uiterlijk vaststellen op (zes weken).")
    missing_content = serializers.SerializerMethodField(help_text="Wat de wet vraagt en nog leeg is.")
    finalised_by_name = serializers.CharField(source="finalised_by.name", allow_null=True)
    evaluations = OPPEvaluationSerializer(many=True, read_only=True)

    class Meta:
        model = OPP
        fields = [
            "id", "youth", "youth_name", "school", "school_name", "status", "enrolled_on", "due_on",
            *services.OPP_FIELDS, "missing_content", "finalised_on", "finalised_by_name", "consent_on", "consent_by",
            "evaluations",
        ]  # fmt: skip

    def get_missing_content(self, obj) -> list[str]:
        return obj.missing_content()


class OPPDetailSerializer(OPPSerializer):
    """An OPP as the reader may see it (an ``OPPView``)."""

    can_change = serializers.SerializerMethodField(help_text="U mag het OPP wijzigen (IB'er of schoolleider).")
    evaluation_due = serializers.SerializerMethodField(help_text="De volgende evaluatie met de ouders.")

    class Meta(OPPSerializer.Meta):
        fields = [*OPPSerializer.Meta.fields, "can_change", "evaluation_due"]

    def get_can_change(self, obj) -> bool:
        return self.context["opp_view"].can_change

    def get_evaluation_due(self, obj) -> date | None:
        return self.context["opp_view"].evaluation_due


class CATAdviceSerializer(serializers.ModelSerializer):
    class Meta:
        model = CATAdvice
        fields = ["id", "expert_name", "expertise", "advice", "given_on"]


class SWVRequestSerializer(serializers.ModelSerializer):
    youth_name = serializers.CharField(source="youth.full_name")
    school_name = serializers.CharField(source="school.name")
    swv_name = serializers.CharField(source="swv.name")
    cat_meeting_on = serializers.DateField(source="cat_meeting.held_on", allow_null=True)
    sent = serializers.JSONField(help_text="Wat de school meestuurde, zoals het bij het indienen was.")
    advices = CATAdviceSerializer(many=True, read_only=True)

    class Meta:
        model = SWVRequest
        fields = [
            "id", "reference", "youth", "youth_name", "school", "school_name", "swv", "swv_name", "kind", "question",
            "submitted_on", "status", "cat_meeting", "cat_meeting_on", "sent", "advices", "outcome", "motivation",
            "arrangement", "tlv_school_type", "tlv_category", "valid_from", "valid_until", "decided_on",
        ]  # fmt: skip


class CATMeetingRowSerializer(serializers.ModelSerializer):
    class Meta:
        model = CATMeeting
        fields = ["id", "held_on", "location"]


class SWVRequestDetailSerializer(SWVRequestSerializer):
    """A request as the reader may see it (a ``RequestView``)."""

    is_coordinator = serializers.SerializerMethodField()
    is_school = serializers.SerializerMethodField()
    is_family = serializers.SerializerMethodField()
    cat_meetings = serializers.SerializerMethodField(
        help_text="De komende CAT-vergaderingen om de aanvraag op te agenderen (alleen de coördinator)."
    )
    advice_missing = serializers.SerializerMethodField(
        help_text="Wat de adviezen nog missen voor een TLV (alleen de coördinator)."
    )

    class Meta(SWVRequestSerializer.Meta):
        fields = [*SWVRequestSerializer.Meta.fields, "is_coordinator", "is_school", "is_family", "cat_meetings",
                  "advice_missing"]  # fmt: skip

    def get_is_coordinator(self, obj) -> bool:
        return self.context["request_view"].is_coordinator

    def get_is_school(self, obj) -> bool:
        return self.context["request_view"].is_school

    def get_is_family(self, obj) -> bool:
        return self.context["request_view"].is_family

    @extend_schema_field(CATMeetingRowSerializer(many=True))
    def get_cat_meetings(self, obj):
        return CATMeetingRowSerializer(self.context["request_view"].meetings, many=True).data

    def get_advice_missing(self, obj) -> list[str]:
        return [str(m) for m in self.context["request_view"].advice_missing]


class SWVRequestRowSerializer(serializers.ModelSerializer):
    youth_name = serializers.CharField(source="youth.full_name")
    school_name = serializers.CharField(source="school.name")
    cat_meeting_on = serializers.DateField(source="cat_meeting.held_on", allow_null=True)
    admission_due_on = serializers.SerializerMethodField(
        help_text="Bij een aanmelding onder de zorgplicht: het besluit van de school uiterlijk."
    )

    class Meta:
        model = SWVRequest
        fields = [
            "id", "reference", "youth", "youth_name", "school", "school_name", "kind", "status", "outcome",
            "submitted_on", "decided_on", "cat_meeting", "cat_meeting_on", "admission_due_on",
        ]  # fmt: skip

    def get_admission_due_on(self, obj) -> date | None:
        return obj.admission.due_on if obj.admission_id and not obj.admission.outcome else None


class CATMeetingPlannedSerializer(CATMeetingRowSerializer):
    requests = serializers.IntegerField(source="n", help_text="Het aantal aanvragen op de agenda.")

    class Meta(CATMeetingRowSerializer.Meta):
        fields = [*CATMeetingRowSerializer.Meta.fields, "requests"]


@extend_schema_serializer(many=False)  # the list answers one object with lists, not an array
class SWVOverviewSerializer(serializers.Serializer):
    open = SWVRequestRowSerializer(source="open_requests", many=True, help_text="Ingediend of geagendeerd.")
    decided = SWVRequestRowSerializer(many=True, help_text="De laatste besluiten.")
    cat_meetings = CATMeetingPlannedSerializer(source="meetings", many=True, help_text="De komende CAT-vergaderingen.")


class CATMeetingSerializer(serializers.ModelSerializer):
    swv_name = serializers.CharField(source="swv.name")
    chair_name = serializers.CharField(source="chair.name")

    class Meta:
        model = CATMeeting
        fields = ["id", "swv", "swv_name", "held_on", "chair", "chair_name", "location"]


class CATAgendaRequestSerializer(serializers.ModelSerializer):
    youth_name = serializers.CharField(source="youth.full_name")
    school_name = serializers.CharField(source="school.name")
    advice_missing = serializers.SerializerMethodField(help_text="Wat de adviezen nog missen voor een TLV.")

    class Meta:
        model = SWVRequest
        fields = ["id", "reference", "youth", "youth_name", "school", "school_name", "kind", "status", "outcome",
                  "advice_missing"]  # fmt: skip

    def get_advice_missing(self, obj) -> list[str]:
        return [str(m) for m in getattr(obj, "advice_missing", [])]


class CATMeetingDetailSerializer(CATMeetingSerializer):
    requests = serializers.SerializerMethodField(help_text="De aanvragen op de agenda.")

    class Meta(CATMeetingSerializer.Meta):
        fields = [*CATMeetingSerializer.Meta.fields, "requests"]

    @extend_schema_field(CATAgendaRequestSerializer(many=True))
    def get_requests(self, obj):
        return CATAgendaRequestSerializer(self.context.get("agenda", []), many=True).data


class GGDConsultationSerializer(serializers.ModelSerializer):
    ggd_name = serializers.CharField(source="ggd.name")
    professional_name = serializers.CharField(source="professional.name")
    asked_by_name = serializers.CharField(source="asked_by.name", allow_null=True)
    school_name = serializers.CharField(source="school.name", allow_null=True)
    youth_name = serializers.CharField(
        source="youth.full_name", allow_null=True, help_text="Leeg bij een anonieme vraag."
    )

    class Meta:
        model = GGDConsultation
        fields = [
            "id", "ggd", "ggd_name", "professional", "professional_name", "asked_by_kind", "asked_by",
            "asked_by_name", "school", "school_name", "youth", "youth_name", "age_group", "question",
            "consent_given_by", "consent_on", "status", "advice", "answered_on", "created_at",
        ]  # fmt: skip


class GGDConsultationDetailSerializer(GGDConsultationSerializer):
    """A consultation as the reader may see it (a ``ConsultationView``)."""

    notes = serializers.SerializerMethodField(help_text="De school leest alleen de notities die met haar gedeeld zijn.")
    can_answer = serializers.SerializerMethodField(help_text="U bent van de GGD: advies geven en notities maken.")

    class Meta(GGDConsultationSerializer.Meta):
        fields = [*GGDConsultationSerializer.Meta.fields, "notes", "can_answer"]

    @extend_schema_field(GGDNoteSerializer(many=True))
    def get_notes(self, obj):
        return GGDNoteSerializer(self.context["consultation_view"].notes, many=True).data

    def get_can_answer(self, obj) -> bool:
        return self.context["consultation_view"].can_answer


class GGDConsultationRowSerializer(serializers.ModelSerializer):
    school_name = serializers.CharField(source="school.name", allow_null=True)
    youth_name = serializers.CharField(
        source="youth.full_name", allow_null=True, help_text="Leeg bij een anonieme vraag."
    )

    class Meta:
        model = GGDConsultation
        fields = [
            "id", "asked_by_kind", "school", "school_name", "youth", "youth_name", "age_group", "question", "status",
            "created_at", "answered_on",
        ]  # fmt: skip


@extend_schema_serializer(many=False)  # the list answers one object with two lists, not an array
class GGDInboxSerializer(serializers.Serializer):
    open = GGDConsultationRowSerializer(many=True)
    answered = GGDConsultationRowSerializer(many=True, help_text="De laatst beantwoorde vragen.")


class ABAssignmentRowSerializer(serializers.ModelSerializer):
    youth_name = serializers.CharField(source="youth.full_name")
    school_name = serializers.CharField(source="school.name")
    notes = serializers.IntegerField(source="n_notes", help_text="Het aantal vastgelegde observaties en gesprekken.")

    class Meta:
        model = ABAssignment
        fields = ["id", "youth", "youth_name", "school", "school_name", "question", "starts_on", "ends_on", "notes"]


# --- serializers: what the API takes ---------------------------------------------------------------------


class SignalRecordSerializer(serializers.Serializer):
    area = serializers.ChoiceField(choices=PupilSignal.Area.choices)
    observation = _text(help_text="Wat u ziet: wanneer, hoe vaak, in welke situatie.")
    observed_on = _optional_date(help_text="Leeg: vandaag.")


class SupportNoteCreateSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=SCHOOL_NOTE_KINDS)
    text = _text()
    held_on = _optional_date(help_text="Leeg: vandaag.")
    signal = _optional_id(help_text="Het signaal over deze leerling waar dit bij hoort.")


class SupportPlanCreateSerializer(serializers.Serializer):
    title = _text(200)
    approach = _text()
    goals = serializers.ListField(
        child=_text(300), min_length=1, max_length=services.MAX_GOALS, help_text="Eén tekst per doel."
    )
    starts_on = serializers.DateField()
    ends_on = serializers.DateField()
    evaluate_on = serializers.DateField()
    signal = _optional_id(help_text="Het signaal over deze leerling waar het plan uit voortkomt.")


class OPPCreateSerializer(serializers.Serializer):
    enrolled_on = serializers.DateField(
        help_text="Ingeschreven of extra ondersteuning nodig sinds; het OPP wordt binnen zes weken vastgesteld."
    )


class SWVRequestSubmitSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=SWVRequest.Kind.choices)
    question = _text()


class GGDNamedAskSerializer(serializers.Serializer):
    professional = serializers.IntegerField(help_text="De jeugdverpleegkundige of jeugdarts van de GGD.", **ID)
    question = _text()
    consent_given_by = serializers.ChoiceField(choices=CONSENT_CHOICES)
    consent_on = serializers.DateField()


class ABAssignSerializer(serializers.Serializer):
    ab = serializers.IntegerField(help_text="Een ambulant begeleider van het samenwerkingsverband.", **ID)
    question = _text()
    consent_given_by = serializers.ChoiceField(choices=CONSENT_CHOICES)
    consent_on = serializers.DateField()
    starts_on = _optional_date(help_text="Leeg: vandaag.")


class ConsultationRecordSerializer(serializers.Serializer):
    question = serializers.ChoiceField(choices=Consultation.Question.choices)
    outcome = serializers.ChoiceField(choices=Consultation.Outcome.choices)
    further = serializers.ChoiceField(
        choices=Consultation.Further.choices, required=False, allow_blank=True, default="",
        help_text="Alleen bij de uitkomst ‘verder’.",
    )  # fmt: skip
    note = _optional_text()
    held_on = _optional_date(help_text="Leeg: vandaag.")
    ggd_question = _optional_text(
        help_text="Bij een leefvraag: de vraag aan de jeugdverpleegkundige. Zonder toestemming anoniem."
    )
    consent_given_by = serializers.ChoiceField(
        choices=CONSENT_CHOICES, required=False, allow_blank=True, default="",
        help_text="Toestemming om de leerling bij naam te bespreken met de GGD.",
    )  # fmt: skip
    consent_on = _optional_date()


class GoalResultSerializer(serializers.Serializer):
    goal = serializers.IntegerField(help_text="Een doel van dit plan.", **ID)
    result = serializers.ChoiceField(choices=GOAL_RESULTS)


class SupportPlanEvaluateSerializer(serializers.Serializer):
    held_on = _optional_date(help_text="Leeg: vandaag.")
    conclusion = _text()
    next_step = serializers.ChoiceField(choices=PlanEvaluation.Next.choices)
    with_parents = serializers.BooleanField(required=False, default=False)
    with_teacher = serializers.BooleanField(required=False, default=False)
    results = GoalResultSerializer(many=True, required=False, default=list, max_length=services.MAX_GOALS)
    next_evaluate_on = _optional_date(help_text="Bij doorgaan: de volgende evaluatiedatum.")

    def validate_results(self, value):
        goals = [item["goal"] for item in value]
        if len(goals) != len(set(goals)):
            raise serializers.ValidationError(_("Geef per doel één resultaat."))
        return value


class OPPUpdateSerializer(serializers.Serializer):
    """Only what is sent changes."""

    history = _patch_text()
    uitstroom = serializers.ChoiceField(choices=Uitstroom.choices, required=False, allow_blank=True)
    uitstroom_level = _patch_text(200)
    onderbouwing = _patch_text()
    belemmerende_factoren = _patch_text()
    bevorderende_factoren = _patch_text()
    afwijkingen = _patch_text()
    ondersteuning = _patch_text()
    handelingsdeel = _patch_text(help_text="Een gewijzigd handelingsdeel vraagt opnieuw de instemming van de ouders.")

    def validate(self, attrs):
        if not attrs:
            raise serializers.ValidationError(_("Geef ten minste één onderdeel van het OPP."))
        return attrs


class OPPConsentSerializer(serializers.Serializer):
    consent_by = _text(200, help_text="Welke ouder(s) instemden met het handelingsdeel.")
    consent_on = serializers.DateField()


class OPPFinaliseSerializer(serializers.Serializer):
    finalised_on = _optional_date(help_text="Leeg: vandaag.")


class OPPEvaluateSerializer(serializers.Serializer):
    held_on = _optional_date(help_text="Leeg: vandaag.")
    conclusion = _text()
    with_parents = serializers.BooleanField(required=False, default=True)
    perspective_kept = serializers.BooleanField(required=False, default=True)


class SWVScheduleSerializer(serializers.Serializer):
    meeting = serializers.IntegerField(help_text="Een komende CAT-vergadering van het samenwerkingsverband.", **ID)


class CATAdviceCreateSerializer(serializers.Serializer):
    expert_name = _text(200)
    expertise = serializers.ChoiceField(choices=CATAdvice.Expertise.choices)
    advice = _text()
    given_on = _optional_date(help_text="Leeg: vandaag.")


class SWVDecisionSerializer(serializers.Serializer):
    outcome = serializers.ChoiceField(choices=REQUEST_OUTCOMES)
    motivation = _text()
    arrangement = _optional_text(help_text="Bij een arrangement: wat het inhoudt.")
    tlv_school_type = serializers.ChoiceField(
        choices=SWVRequest.SchoolType.choices, required=False, allow_blank=True, default=""
    )
    tlv_category = serializers.ChoiceField(
        choices=SWVRequest.TLVCategory.choices, required=False, allow_blank=True, default=""
    )
    valid_from = _optional_date()
    valid_until = _optional_date()


class CATMeetingPlanSerializer(serializers.Serializer):
    held_on = serializers.DateField()
    location = _optional_text(200)


class GGDAnonymousAskSerializer(serializers.Serializer):
    professional = serializers.IntegerField(help_text="De jeugdverpleegkundige of jeugdarts van de GGD.", **ID)
    question = _text(help_text="Zonder naam of iets anders dat de leerling herkenbaar maakt.")
    age_group = serializers.ChoiceField(choices=GGDConsultation.AgeGroup.choices)


class GGDAnswerSerializer(serializers.Serializer):
    advice = _text()


class GGDNoteCreateSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=GGD_NOTE_KINDS)
    text = _text()
    held_on = _optional_date(help_text="Leeg: vandaag.")
    shared_with_school = serializers.BooleanField(required=False, default=False)
    share_consent_by = serializers.ChoiceField(
        choices=CONSENT_CHOICES, required=False, allow_blank=True, default="",
        help_text="Bij delen met de school: wie daarvoor toestemming gaf.",
    )  # fmt: skip


class ABNoteCreateSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=AB_NOTE_KINDS)
    text = _text()
    held_on = _optional_date(help_text="Leeg: vandaag.")


# --- views -----------------------------------------------------------------------------------------------


def _valid(serializer_class, request) -> dict:
    serializer = serializer_class(data=request.data)
    serializer.is_valid(raise_exception=True)
    return dict(serializer.validated_data)


def _refuse_field(field: str, message: str):
    raise serializers.ValidationError({field: [message]})


def _youth(pk) -> Youth:
    youth = Youth.objects.filter(pk=parse_id(pk)).first()
    if youth is None:
        raise NotFoundOrForbidden
    return youth


def _signal_of(youth: Youth, signal_id: int | None) -> PupilSignal | None:
    if signal_id is None:
        return None
    signal = PupilSignal.objects.select_related("school", "youth").filter(pk=signal_id, youth=youth).first()
    if signal is None:
        _refuse_field("signal", _("Kies een signaal over deze leerling."))
    return signal


def _created(serializer_class, instance) -> Response:
    return Response(serializer_class(instance).data, status=status.HTTP_201_CREATED)


@extend_schema_view(
    retrieve=extend_schema(
        summary="Ondersteuning op school van een leerling", responses={200: PupilSupportSerializer, **READ_ERRORS}
    ),
)
class PupilViewSet(viewsets.ViewSet):
    """A pupil's school support, by the youth's id: signals and the IB'er's consultation,
    conversations and basic support, handelingsplannen, the OPP, requests to the samenwerkingsverband,
    ambulante begeleiding and the GGD. A school reads its own records of its current pupils; those
    involved in the case and the family read every school's."""

    queryset = Youth.objects.none()  # only for the schema: the path id is an integer
    http_method_names = ["get", "post", "head", "options"]

    def retrieve(self, request, pk=None):
        view = selectors.pupil_support(
            actor=request.user, youth_id=parse_id(pk), access_point=api_access_point(request)
        )
        return Response(PupilSupportSerializer(view).data)

    @extend_schema(
        summary="Signaal vastleggen",
        description="Een leerkracht, mentor of IB'er van de school van de leerling.",
        request=SignalRecordSerializer,
        responses={201: SchoolSignalSerializer, **CHANGE_ERRORS},
    )
    @action(detail=True, methods=["post"])
    def signals(self, request, pk=None):
        youth = _youth(pk)
        data = _valid(SignalRecordSerializer, request)
        signal = services.signal_record(actor=request.user, youth=youth, access_point=api_access_point(request), **data)
        return _created(SchoolSignalSerializer, signal)

    @extend_schema(
        summary="Gesprek of basisondersteuning vastleggen",
        request=SupportNoteCreateSerializer,
        responses={201: SupportNoteSerializer, **CHANGE_ERRORS},
    )
    @action(detail=True, methods=["post"])
    def notes(self, request, pk=None):
        youth = _youth(pk)
        data = _valid(SupportNoteCreateSerializer, request)
        data["signal"] = _signal_of(youth, data["signal"])
        note = services.note_add(actor=request.user, youth=youth, access_point=api_access_point(request), **data)
        return _created(SupportNoteSerializer, note)

    @extend_schema(
        summary="Handelingsplan opstellen",
        description="Door de intern begeleider: doelen, aanpak, looptijd en evaluatiedatum.",
        request=SupportPlanCreateSerializer,
        responses={201: SupportPlanSerializer, **CHANGE_ERRORS},
    )
    @action(detail=True, methods=["post"])
    def plans(self, request, pk=None):
        youth = _youth(pk)
        data = _valid(SupportPlanCreateSerializer, request)
        data["signal"] = _signal_of(youth, data["signal"])
        plan = services.support_plan_create(
            actor=request.user, youth=youth, access_point=api_access_point(request), **data
        )
        return _created(SupportPlanSerializer, plan)

    @extend_schema(
        summary="OPP opstellen",
        description="Een concept-OPP met de voorgeschiedenis ingevuld uit wat de school vastlegde. Door de IB'er "
        "of de schoolleider.",
        request=OPPCreateSerializer,
        responses={201: OPPSerializer, **CHANGE_ERRORS},
    )
    @action(detail=True, methods=["post"])
    def opps(self, request, pk=None):
        youth = _youth(pk)
        data = _valid(OPPCreateSerializer, request)
        opp = services.opp_create(actor=request.user, youth=youth, access_point=api_access_point(request), **data)
        return _created(OPPSerializer, opp)

    @extend_schema(
        summary="Aanvraag bij het samenwerkingsverband indienen",
        description="Een arrangement of een TLV, met de gedocumenteerde stappen en het OPP zoals ze nu zijn. "
        "Geweigerd (400, met wat ontbreekt) zolang de vereiste stappen niet gedocumenteerd zijn.",
        request=SWVRequestSubmitSerializer,
        responses={201: SWVRequestSerializer, **CHANGE_ERRORS},
    )
    @action(detail=True, methods=["post"], url_path="swv-requests")
    def swv_requests(self, request, pk=None):
        youth = _youth(pk)
        data = _valid(SWVRequestSubmitSerializer, request)
        swv_request = services.swv_request_submit(
            actor=request.user, youth=youth, access_point=api_access_point(request), **data
        )
        return _created(SWVRequestSerializer, swv_request)

    @extend_schema(
        summary="De GGD raadplegen over deze leerling",
        description="Met naam, dus alleen met de toestemming van wie beslist (ouders; vanaf 12 ook de leerling). "
        "De school is die van u.",
        request=GGDNamedAskSerializer,
        responses={201: GGDConsultationSerializer, **CHANGE_ERRORS},
    )
    @action(detail=True, methods=["post"], url_path="ggd-consultations")
    def ggd_consultations(self, request, pk=None):
        youth = _youth(pk)
        data = _valid(GGDNamedAskSerializer, request)
        asker = policy.professional_of(request.user)
        if asker is None:
            raise NotFoundOrForbidden
        by_id = {p.pk: p for p in selectors.ggd_professionals_for(asker.organisation)}
        if data["professional"] not in by_id:
            _refuse_field("professional", _("Kies aan wie bij de GGD u het vraagt."))
        consultation = services.ggd_consult_ask(
            actor=request.user,
            professional=by_id[data["professional"]],
            question=data["question"],
            school=asker.organisation,
            youth=youth,
            consent_given_by=data["consent_given_by"],
            consent_on=data["consent_on"],
            access_point=api_access_point(request),
        )
        return _created(GGDConsultationSerializer, consultation)

    @extend_schema(
        summary="Ambulant begeleider toewijzen",
        description="Door de IB'er van de school van u, alleen met de toestemming van wie beslist.",
        request=ABAssignSerializer,
        responses={201: ABAssignmentSerializer, **CHANGE_ERRORS},
    )
    @action(detail=True, methods=["post"], url_path="ab-assignments")
    def ab_assignments(self, request, pk=None):
        youth = _youth(pk)
        data = _valid(ABAssignSerializer, request)
        professional = policy.professional_of(request.user)
        if professional is None:
            raise NotFoundOrForbidden
        by_id = {p.pk: p for p in selectors.ab_professionals_for(professional.organisation)}
        ab = by_id.get(data.pop("ab"))
        if ab is None:
            _refuse_field("ab", _("Kies een ambulant begeleider van het samenwerkingsverband van de school."))
        assignment = services.ab_assign(
            actor=request.user,
            youth=youth,
            school=professional.organisation,
            ab=ab,
            access_point=api_access_point(request),
            **data,
        )
        return _created(ABAssignmentSerializer, assignment)


class SignalViewSet(viewsets.ViewSet):
    """A teacher's signal about a pupil."""

    queryset = PupilSignal.objects.none()  # only for the schema: the path id is an integer
    http_method_names = ["post", "options"]

    @extend_schema(
        summary="Consultatie van de IB'er vastleggen",
        description="Een leefvraag brengt de jeugdverpleegkundige van de school erbij: anoniem, of met naam als "
        "de toestemming is vastgelegd.",
        request=ConsultationRecordSerializer,
        responses={201: SchoolConsultationSerializer, **CHANGE_ERRORS},
    )
    @action(detail=True, methods=["post"])
    def consultation(self, request, pk=None):
        signal = selectors.signal_get(parse_id(pk))
        data = _valid(ConsultationRecordSerializer, request)
        consultation = services.consultation_record(
            actor=request.user, signal=signal, access_point=api_access_point(request), **data
        )
        return _created(SchoolConsultationSerializer, consultation)


class SupportPlanViewSet(viewsets.ViewSet):
    """A handelingsplan."""

    queryset = SupportPlan.objects.none()  # only for the schema: the path id is an integer
    http_method_names = ["post", "options"]

    @extend_schema(
        summary="Handelingsplan evalueren",
        description="Met de IB'er, de ouders en de leerkracht: per doel het resultaat en het vervolg.",
        request=SupportPlanEvaluateSerializer,
        responses={201: SupportPlanEvaluationSerializer, **CHANGE_ERRORS},
    )
    @action(detail=True, methods=["post"])
    def evaluations(self, request, pk=None):
        plan = selectors.plan_get(parse_id(pk))
        data = _valid(SupportPlanEvaluateSerializer, request)
        data["results"] = {item["goal"]: item["result"] for item in data["results"]}
        evaluation = services.support_plan_evaluate(
            actor=request.user, plan=plan, access_point=api_access_point(request), **data
        )
        return _created(SupportPlanEvaluationSerializer, evaluation)


@extend_schema_view(
    retrieve=extend_schema(summary="OPP lezen", responses={200: OPPDetailSerializer, **READ_ERRORS}),
    partial_update=extend_schema(
        summary="OPP wijzigen",
        description="Alleen een concept; alleen wat u meestuurt verandert. Door de IB'er of de schoolleider.",
        request=OPPUpdateSerializer,
        responses={200: OPPSerializer, **CHANGE_ERRORS},
    ),
)
class OPPViewSet(viewsets.ViewSet):
    """The ontwikkelingsperspectief (WPO art. 40a, WVO art. 17a)."""

    queryset = OPP.objects.none()  # only for the schema: the path id is an integer
    http_method_names = ["get", "post", "patch", "head", "options"]

    def perform_content_negotiation(self, request, force=False):
        # The PDF answers application/pdf itself; its errors are JSON whatever the client accepts.
        return super().perform_content_negotiation(request, force=force or self.action == "pdf")

    def retrieve(self, request, pk=None):
        view = selectors.opp_detail(actor=request.user, opp_id=parse_id(pk), access_point=api_access_point(request))
        return Response(OPPDetailSerializer(view.opp, context={"opp_view": view}).data)

    def partial_update(self, request, pk=None):
        opp = selectors.opp_get(parse_id(pk))
        data = _valid(OPPUpdateSerializer, request)
        opp = services.opp_update(actor=request.user, opp=opp, access_point=api_access_point(request), **data)
        return Response(OPPSerializer(opp).data)

    @extend_schema(
        summary="Instemming van de ouders met het handelingsdeel",
        request=OPPConsentSerializer,
        responses={200: OPPSerializer, **CHANGE_ERRORS},
    )
    @action(detail=True, methods=["post"])
    def consent(self, request, pk=None):
        opp = selectors.opp_get(parse_id(pk))
        data = _valid(OPPConsentSerializer, request)
        opp = services.opp_consent_record(actor=request.user, opp=opp, access_point=api_access_point(request), **data)
        return Response(OPPSerializer(opp).data)

    @extend_schema(
        summary="OPP vaststellen",
        description="Geweigerd zolang de inhoud die de wet vraagt niet compleet is.",
        request=OPPFinaliseSerializer,
        responses={200: OPPSerializer, **CHANGE_ERRORS},
    )
    @action(detail=True, methods=["post"])
    def finalise(self, request, pk=None):
        opp = selectors.opp_get(parse_id(pk))
        data = _valid(OPPFinaliseSerializer, request)
        opp = services.opp_finalise(actor=request.user, opp=opp, access_point=api_access_point(request), **data)
        return Response(OPPSerializer(opp).data)

    @extend_schema(
        summary="OPP evalueren met de ouders",
        description="De jaarlijkse evaluatie van een vastgesteld OPP.",
        request=OPPEvaluateSerializer,
        responses={201: OPPEvaluationSerializer, **CHANGE_ERRORS},
    )
    @action(detail=True, methods=["post"])
    def evaluations(self, request, pk=None):
        opp = selectors.opp_get(parse_id(pk))
        data = _valid(OPPEvaluateSerializer, request)
        evaluation = services.opp_evaluate(actor=request.user, opp=opp, access_point=api_access_point(request), **data)
        return _created(OPPEvaluationSerializer, evaluation)

    @extend_schema(
        summary="OPP als PDF",
        responses={(200, "application/pdf"): OpenApiTypes.BINARY, **READ_ERRORS},
    )
    @action(detail=True, methods=["get"])
    def pdf(self, request, pk=None):
        view = selectors.opp_detail(
            actor=request.user,
            opp_id=parse_id(pk),
            access_point=api_access_point(request),
            event=Event.PRINT,
            description="OPP als PDF",
        )
        response = HttpResponse(report.opp_pdf(view), content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="{report.opp_filename(view)}"'
        response["Cache-Control"] = "no-store"
        return response


@extend_schema_view(
    list=extend_schema(
        summary="Aanvragen bij mijn samenwerkingsverband",
        description="Voor de coördinator: open aanvragen, de laatste besluiten en de komende CAT-vergaderingen.",
        responses={200: SWVOverviewSerializer, **READ_ERRORS},
    ),
    retrieve=extend_schema(
        summary="Aanvraag lezen",
        description="De coördinator leest wat de school meestuurde, niet het dossier van de school; de school "
        "en het gezin lezen de aanvraag en het besluit.",
        responses={200: SWVRequestDetailSerializer, **READ_ERRORS},
    ),
)
class SWVRequestViewSet(viewsets.ViewSet):
    """A school's request to its samenwerkingsverband, and the CAT's decision."""

    queryset = SWVRequest.objects.none()  # only for the schema: the path id is an integer
    http_method_names = ["get", "post", "head", "options"]

    def list(self, request):
        overview = selectors.swv_overview(actor=request.user, access_point=api_access_point(request))
        return Response(SWVOverviewSerializer(overview).data)

    def retrieve(self, request, pk=None):
        view = selectors.request_detail(
            actor=request.user, request_id=parse_id(pk), access_point=api_access_point(request)
        )
        return Response(SWVRequestDetailSerializer(view.request, context={"request_view": view}).data)

    @extend_schema(
        summary="Agenderen op een CAT-vergadering",
        request=SWVScheduleSerializer,
        responses={200: SWVRequestSerializer, **CHANGE_ERRORS},
    )
    @action(detail=True, methods=["post"])
    def schedule(self, request, pk=None):
        swv_request = selectors.request_get(parse_id(pk))
        data = _valid(SWVScheduleSerializer, request)
        # The same choice as the page offers: a CAT meeting still to come (the service checks its SWV).
        meeting = CATMeeting.objects.filter(pk=data["meeting"], held_on__gte=timezone.localdate()).first()
        if meeting is None:
            _refuse_field("meeting", _("Kies een komende CAT-vergadering."))
        swv_request = services.swv_request_schedule(
            actor=request.user, request=swv_request, meeting=meeting, access_point=api_access_point(request)
        )
        return Response(SWVRequestSerializer(swv_request).data)

    @extend_schema(
        summary="Advies van een deskundige vastleggen",
        description="Voor een TLV zijn minstens twee adviezen nodig, één van een orthopedagoog of psycholoog.",
        request=CATAdviceCreateSerializer,
        responses={201: CATAdviceSerializer, **CHANGE_ERRORS},
    )
    @action(detail=True, methods=["post"])
    def advices(self, request, pk=None):
        swv_request = selectors.request_get(parse_id(pk))
        data = _valid(CATAdviceCreateSerializer, request)
        advice = services.cat_advice_add(
            actor=request.user, request=swv_request, access_point=api_access_point(request), **data
        )
        return _created(CATAdviceSerializer, advice)

    @extend_schema(
        summary="Besluit van de CAT",
        description="Een arrangement, een TLV (soort school, categorie en looptijd) of een afwijzing, met motivering.",
        request=SWVDecisionSerializer,
        responses={200: SWVRequestSerializer, **CHANGE_ERRORS},
    )
    @action(detail=True, methods=["post"])
    def decision(self, request, pk=None):
        swv_request = selectors.request_get(parse_id(pk))
        data = _valid(SWVDecisionSerializer, request)
        swv_request = services.swv_request_decide(
            actor=request.user, request=swv_request, access_point=api_access_point(request), **data
        )
        return Response(SWVRequestSerializer(swv_request).data)

    @extend_schema(
        summary="Aanvraag intrekken",
        description="Door de school, zolang er geen besluit is.",
        request=None,
        responses={200: SWVRequestSerializer, **CHANGE_ERRORS},
    )
    @action(detail=True, methods=["post"])
    def withdraw(self, request, pk=None):
        swv_request = selectors.request_get(parse_id(pk))
        swv_request = services.swv_request_withdraw(
            actor=request.user, request=swv_request, access_point=api_access_point(request)
        )
        return Response(SWVRequestSerializer(swv_request).data)


@extend_schema_view(
    create=extend_schema(
        summary="CAT-vergadering plannen",
        description="Door de coördinator, voor het eigen samenwerkingsverband.",
        request=CATMeetingPlanSerializer,
        responses={201: CATMeetingDetailSerializer, **CHANGE_ERRORS},
    ),
    retrieve=extend_schema(
        summary="Agenda van een CAT-vergadering", responses={200: CATMeetingDetailSerializer, **READ_ERRORS}
    ),
)
class CATMeetingViewSet(viewsets.ViewSet):
    """A meeting of the Commissie Arrangeren en Toelaatbaarheid."""

    queryset = CATMeeting.objects.none()  # only for the schema: the path id is an integer
    http_method_names = ["get", "post", "head", "options"]

    def create(self, request):
        professional = policy.professional_of(request.user)
        if professional is None:
            raise NotFoundOrForbidden
        data = _valid(CATMeetingPlanSerializer, request)
        meeting = services.cat_meeting_plan(actor=request.user, swv=professional.organisation, **data)
        return Response(
            CATMeetingDetailSerializer(meeting, context={"agenda": []}).data, status=status.HTTP_201_CREATED
        )

    def retrieve(self, request, pk=None):
        meeting, agenda = selectors.cat_meeting_detail(
            actor=request.user, meeting_id=parse_id(pk), access_point=api_access_point(request)
        )
        return Response(CATMeetingDetailSerializer(meeting, context={"agenda": agenda}).data)


@extend_schema_view(
    list=extend_schema(
        summary="Vragen aan mij bij de GGD",
        description="Voor de jeugdverpleegkundige en de jeugdarts: open vragen eerst. Een anonieme vraag noemt "
        "geen leerling.",
        responses={200: GGDInboxSerializer, **READ_ERRORS},
    ),
    create=extend_schema(
        summary="Anonieme vraag aan de GGD",
        description="Door een leerkracht of IB'er: de school, de leeftijdsgroep en de vraag, geen leerling.",
        request=GGDAnonymousAskSerializer,
        responses={201: GGDConsultationSerializer, **CHANGE_ERRORS},
    ),
    retrieve=extend_schema(
        summary="Vraag aan de GGD lezen", responses={200: GGDConsultationDetailSerializer, **READ_ERRORS}
    ),
)
class GGDConsultationViewSet(viewsets.ViewSet):
    """Questions to the GGD at school: the jeugdverpleegkundige and the jeugdarts."""

    queryset = GGDConsultation.objects.none()  # only for the schema: the path id is an integer
    http_method_names = ["get", "post", "head", "options"]

    def list(self, request):
        inbox = selectors.ggd_inbox(actor=request.user, access_point=api_access_point(request))
        return Response(GGDInboxSerializer(inbox).data)

    def create(self, request):
        _professional, school = selectors.school_of(request.user)
        data = _valid(GGDAnonymousAskSerializer, request)
        by_id = {p.pk: p for p in selectors.ggd_professionals_for(school)}
        if data["professional"] not in by_id:
            _refuse_field("professional", _("Kies aan wie bij de GGD u het vraagt."))
        consultation = services.ggd_consult_ask(
            actor=request.user,
            professional=by_id[data["professional"]],
            question=data["question"],
            age_group=data["age_group"],
            school=school,
            access_point=api_access_point(request),
        )
        return _created(GGDConsultationSerializer, consultation)

    def retrieve(self, request, pk=None):
        view = selectors.consultation_detail(
            actor=request.user, consultation_id=parse_id(pk), access_point=api_access_point(request)
        )
        return Response(GGDConsultationDetailSerializer(view.consultation, context={"consultation_view": view}).data)

    @extend_schema(
        summary="Advies geven",
        description="Door de jeugdverpleegkundige of jeugdarts van de GGD; een tweede keer past het advies aan.",
        request=GGDAnswerSerializer,
        responses={200: GGDConsultationSerializer, **CHANGE_ERRORS},
    )
    @action(detail=True, methods=["post"])
    def answer(self, request, pk=None):
        consultation = selectors.consultation_get(parse_id(pk))
        data = _valid(GGDAnswerSerializer, request)
        consultation = services.ggd_consult_answer(
            actor=request.user, consultation=consultation, access_point=api_access_point(request), **data
        )
        return Response(GGDConsultationSerializer(consultation).data)

    @extend_schema(
        summary="Notitie van de GGD",
        description="Alleen bij een vraag over een leerling met naam. Gezondheidsgegevens: gedeeld met de school "
        "alleen met toestemming.",
        request=GGDNoteCreateSerializer,
        responses={201: GGDNoteSerializer, **CHANGE_ERRORS},
    )
    @action(detail=True, methods=["post"])
    def notes(self, request, pk=None):
        consultation = selectors.consultation_get(parse_id(pk))
        data = _valid(GGDNoteCreateSerializer, request)
        note = services.ggd_note_add(
            actor=request.user, consultation=consultation, access_point=api_access_point(request), **data
        )
        return _created(GGDNoteSerializer, note)


@extend_schema_view(
    list=extend_schema(
        summary="Mijn begeleidingen",
        description="Voor de ambulant begeleider: de lopende toewijzingen.",
        responses={200: ABAssignmentRowSerializer(many=True), **READ_ERRORS},
    ),
)
class ABAssignmentViewSet(viewsets.ViewSet):
    """Ambulante begeleiding by the samenwerkingsverband."""

    queryset = ABAssignment.objects.none()  # only for the schema: the path id is an integer
    http_method_names = ["get", "post", "head", "options"]

    def list(self, request):
        assignments = selectors.my_assignments(actor=request.user, access_point=api_access_point(request))
        return Response(ABAssignmentRowSerializer(assignments, many=True).data)

    @extend_schema(
        summary="Observatie of gesprek vastleggen",
        description="Door de ambulant begeleider van deze toewijzing, zolang die loopt.",
        request=ABNoteCreateSerializer,
        responses={201: SupportNoteSerializer, **CHANGE_ERRORS},
    )
    @action(detail=True, methods=["post"])
    def notes(self, request, pk=None):
        assignment = selectors.assignment_get(parse_id(pk))
        data = _valid(ABNoteCreateSerializer, request)
        note = services.ab_note_add(
            actor=request.user, assignment=assignment, access_point=api_access_point(request), **data
        )
        return _created(SupportNoteSerializer, note)


ROUTES: list = [
    ("school-support/pupils", PupilViewSet, "school-support-pupil"),
    ("school-support/signals", SignalViewSet, "school-support-signal"),
    ("school-support/plans", SupportPlanViewSet, "school-support-plan"),
    ("school-support/opps", OPPViewSet, "school-support-opp"),
    ("swv-requests", SWVRequestViewSet, "swv-request"),
    ("cat-meetings", CATMeetingViewSet, "cat-meeting"),
    ("ggd-consultations", GGDConsultationViewSet, "ggd-consultation"),
    ("ab-assignments", ABAssignmentViewSet, "ab-assignment"),
]
