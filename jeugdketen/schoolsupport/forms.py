from django import forms
from django.utils.translation import gettext_lazy as _

from jeugdketen.access import consent
from jeugdketen.core.forms import Form
from jeugdketen.organisations.models import Organisation

from .models import (
    Admission,
    CATAdvice,
    Consultation,
    CycleMeeting,
    GGDConsultation,
    GGDNote,
    PlanEvaluation,
    PupilSignal,
    SupportGoal,
    SupportNote,
    SWVRequest,
    Uitstroom,
)

DATE_ERRORS = {"invalid": _("Vul een geldige datum in.")}
CONSENT_CHOICES = [("", _("Nog geen toestemming")), *list(consent.LABELS.items())]


def _text(label, *, required=True, help_text="", rows=4, message=None, max_length=10000):
    errors = {"max_length": _("Houd het korter: ten hoogste %(limit_value)d tekens.")}
    if message:
        errors["required"] = message
    return forms.CharField(
        label=label,
        required=required,
        help_text=help_text,
        max_length=max_length,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages=errors,
    )


def _date(label, *, required=True, message=None, help_text=""):
    errors = dict(DATE_ERRORS)
    errors["required"] = message or _("Vul de datum in.")
    return forms.DateField(label=label, required=required, help_text=help_text, error_messages=errors)


def _choice(label, choices, *, message, radio=True, required=True, help_text=""):
    return forms.ChoiceField(
        label=label,
        choices=choices,
        required=required,
        help_text=help_text,
        widget=forms.RadioSelect if radio else forms.Select,
        error_messages={"required": message, "invalid_choice": message},
    )


class SignalForm(Form):
    prefix = "signal"  # several forms share the pupil page: unique ids and names

    area = _choice(_("Waar gaat het over?"), PupilSignal.Area.choices, message=_("Kies waar het signaal over gaat."))
    observation = _text(
        _("Wat ziet u?"),
        help_text=_("Beschrijf wat u waarneemt, zo feitelijk mogelijk: wanneer, hoe vaak, in welke situatie."),
        message=_("Beschrijf wat u ziet."),
    )
    observed_on = _date(_("Datum"))


class NoteForm(Form):
    prefix = "note"  # several forms share the pupil page: unique ids and names

    kind = _choice(
        _("Wat legt u vast?"),
        [(k.value, k.label) for k in SupportNote.SCHOOL_KINDS],
        message=_("Kies wat u vastlegt: een gesprek of de gegeven basisondersteuning."),
    )
    held_on = _date(_("Datum"))
    text = _text(_("Verslag"), message=_("Schrijf op wat er besproken of gedaan is."))
    signal = forms.IntegerField(required=False, widget=forms.HiddenInput)


class ABNoteForm(Form):
    prefix = "abnote"  # several forms share the pupil page: unique ids and names

    kind = _choice(
        _("Wat legt u vast?"),
        [(k.value, k.label) for k in SupportNote.AB_KINDS],
        message=_("Kies wat u vastlegt."),
    )
    held_on = _date(_("Datum"))
    text = _text(_("Verslag"), message=_("Schrijf op wat u zag of besprak."))


class ConsultationForm(Form):
    held_on = _date(_("Datum van de consultatie"))
    question = _choice(
        _("Soort vraag"),
        Consultation.Question.choices,
        message=_("Kies of het een leervraag of een leefvraag is."),
        help_text=_(
            "Een leefvraag gaat over de thuissituatie, gezondheid of het welbevinden: de jeugdverpleegkundige van de GGD denkt dan mee."
        ),
    )
    outcome = _choice(_("Uitkomst"), Consultation.Outcome.choices, message=_("Kies de uitkomst van de consultatie."))
    further = _choice(
        _("Verder naar"),
        Consultation.Further.choices,
        message=_("Kies waar de vraag verder naartoe gaat."),
        required=False,
        help_text=_("Alleen bij de uitkomst ‘verder’."),
    )
    note = _text(_("Toelichting"), required=False)
    ggd_question = _text(
        _("Vraag aan de jeugdverpleegkundige"),
        required=False,
        help_text=_(
            "Alleen bij een leefvraag. Zonder toestemming gaat de vraag anoniem: zonder naam, alleen de leeftijdsgroep."
        ),
    )
    consent_given_by = forms.ChoiceField(
        label=_("Toestemming om de leerling bij naam te bespreken"), choices=CONSENT_CHOICES, required=False
    )
    consent_on = _date(_("Toestemming gegeven op"), required=False)


class SupportPlanForm(Form):
    prefix = "plan"  # several forms share the pupil page: unique ids and names

    title = forms.CharField(
        label=_("Onderwerp"), max_length=200, error_messages={"required": _("Geef het handelingsplan een onderwerp.")}
    )
    goals = _text(
        _("Doelen"),
        help_text=_("Eén doel per regel, zo concreet dat u bij de evaluatie kunt zeggen of het behaald is."),
        message=_("Schrijf ten minste één doel op."),
        rows=4,
    )
    approach = _text(_("Aanpak en ondersteuning"), message=_("Beschrijf de aanpak en de ondersteuning."))
    starts_on = _date(_("Start"), message=_("Vul de startdatum in."))
    ends_on = _date(_("Loopt tot"), message=_("Vul in tot wanneer het plan loopt."))
    evaluate_on = _date(_("Evaluatiedatum"), message=_("Vul de evaluatiedatum in."))

    def clean_goals(self):
        return [line.strip() for line in self.cleaned_data["goals"].splitlines() if line.strip()]


class PlanEvaluationForm(Form):
    held_on = _date(_("Datum van de evaluatie"))
    with_parents = forms.BooleanField(label=_("De ouders waren erbij"), required=False)
    with_teacher = forms.BooleanField(label=_("De leerkracht was erbij"), required=False)
    conclusion = _text(_("Conclusie"), message=_("Schrijf de conclusie van de evaluatie op."))
    next_step = _choice(_("Vervolg"), PlanEvaluation.Next.choices, message=_("Kies het vervolg."))
    next_evaluate_on = _date(
        _("Volgende evaluatiedatum"), required=False, help_text=_("Alleen als u doorgaat met het plan.")
    )

    def __init__(self, *args, goals=(), **kwargs):
        super().__init__(*args, **kwargs)
        results = [c for c in SupportGoal.Result.choices if c[0]]
        self.goal_fields = []
        for goal in goals:
            name = f"goal_{goal.pk}"
            self.fields[name] = forms.ChoiceField(
                label=_("Resultaat: %(goal)s") % {"goal": goal.text},
                choices=[("", _("Nog niet te zeggen")), *results],
                required=False,
            )
            self.fields[name].widget.attrs["class"] = "utrecht-select utrecht-select--html-select"
            self.goal_fields.append((goal.pk, name))

    def service_data(self) -> dict:
        data = {k: v for k, v in self.cleaned_data.items() if not k.startswith("goal_")}
        data["results"] = {pk: self.cleaned_data[name] for pk, name in self.goal_fields if self.cleaned_data.get(name)}
        return data


class OPPStartForm(Form):
    prefix = "opp"  # several forms share the pupil page: unique ids and names

    enrolled_on = _date(
        _("Ingeschreven of extra ondersteuning nodig sinds"),
        help_text=_("Het OPP wordt binnen zes weken daarna vastgesteld (WPO art. 40a, WVO art. 17a)."),
        message=_("Vul de datum van inschrijving of van de start van de extra ondersteuning in."),
    )


class OPPForm(Form):
    history = _text(
        _("Voorgeschiedenis"),
        required=False,
        rows=8,
        help_text=_("Ingevuld uit de signalen, gesprekken, handelingsplannen en evaluaties. Vul aan waar nodig."),
    )
    uitstroom = forms.ChoiceField(
        label=_("Uitstroomprofiel"), choices=[("", _("Kies…")), *Uitstroom.choices], required=False
    )
    uitstroom_level = forms.CharField(
        label=_("Verwachte uitstroombestemming"),
        max_length=200,
        required=False,
        help_text=_("Bijvoorbeeld: vmbo basisberoepsgerichte leerweg, praktijkonderwijs, havo."),
    )
    onderbouwing = _text(_("Onderbouwing van het uitstroomperspectief"), required=False)
    belemmerende_factoren = _text(_("Belemmerende factoren"), required=False)
    bevorderende_factoren = _text(_("Bevorderende factoren"), required=False)
    afwijkingen = _text(
        _("Afwijkingen van het onderwijsprogramma"),
        required=False,
        help_text=_("Schrijf ‘geen’ als het programma niet afwijkt."),
    )
    ondersteuning = _text(_("Te bieden ondersteuning en begeleiding"), required=False)
    handelingsdeel = _text(
        _("Handelingsdeel"),
        required=False,
        help_text=_("Doelen, aanpak, wie wat doet en wanneer. De ouders stemmen hiermee in; na een wijziging opnieuw."),
    )


class OPPConsentForm(Form):
    consent_by = forms.CharField(
        label=_("Welke ouder(s) stemden in"),
        max_length=200,
        error_messages={"required": _("Vul in welke ouder(s) instemden.")},
    )
    consent_on = _date(_("Datum van instemming"), message=_("Vul de datum van de instemming in."))


class OPPFinaliseForm(Form):
    finalised_on = _date(_("Vastgesteld op"))


class OPPEvaluationForm(Form):
    held_on = _date(_("Datum van de evaluatie"))
    with_parents = forms.BooleanField(label=_("Met de ouders geëvalueerd"), required=False, initial=True)
    perspective_kept = forms.BooleanField(
        label=_("Het uitstroomperspectief blijft staan"), required=False, initial=True
    )
    conclusion = _text(_("Conclusie"), message=_("Schrijf de conclusie van de evaluatie op."))


class SWVRequestForm(Form):
    prefix = "request"  # several forms share the pupil page: unique ids and names

    kind = _choice(_("Soort aanvraag"), SWVRequest.Kind.choices, message=_("Kies een arrangement of een TLV."))
    question = _text(
        _("Vraag aan het samenwerkingsverband"), message=_("Beschrijf de vraag aan het samenwerkingsverband.")
    )


class CATMeetingForm(Form):
    held_on = _date(_("Datum"), message=_("Vul de datum van de CAT in."))
    location = forms.CharField(label=_("Plaats"), max_length=200, required=False)


class ScheduleForm(Form):
    meeting = forms.TypedChoiceField(
        label=_("CAT-vergadering"), coerce=int, error_messages={"required": _("Kies een CAT-vergadering.")}
    )

    def __init__(self, *args, meetings=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].choices = [("", _("Kies…"))] + [
            (m.pk, m.held_on.strftime("%d-%m-%Y") + (f", {m.location}" if m.location else "")) for m in meetings
        ]


class AdviceForm(Form):
    expert_name = forms.CharField(
        label=_("Naam deskundige"), max_length=200, error_messages={"required": _("Vul de naam van de deskundige in.")}
    )
    expertise = _choice(
        _("Deskundigheid"), CATAdvice.Expertise.choices, message=_("Kies de deskundigheid."), radio=False
    )
    advice = _text(_("Advies"), message=_("Schrijf het advies op."))
    given_on = _date(_("Datum van het advies"))


class DecisionForm(Form):
    outcome = _choice(
        _("Besluit"),
        [c for c in SWVRequest.Outcome.choices if c[0]],
        message=_("Kies het besluit."),
    )
    motivation = _text(_("Motivering"), message=_("Motiveer het besluit."))
    arrangement = _text(_("Inhoud van het arrangement"), required=False, help_text=_("Bij een arrangement."))
    tlv_school_type = forms.ChoiceField(
        label=_("Soort school (TLV)"), choices=[("", _("Kies…")), *SWVRequest.SchoolType.choices], required=False
    )
    tlv_category = forms.ChoiceField(
        label=_("Categorie (TLV)"), choices=[("", _("Kies…")), *SWVRequest.TLVCategory.choices], required=False
    )
    valid_from = _date(_("Geldig vanaf"), required=False)
    valid_until = _date(_("Geldig tot en met"), required=False)


class ABAssignForm(Form):
    prefix = "ab"  # several forms share the pupil page: unique ids and names

    ab = forms.TypedChoiceField(
        label=_("Ambulant begeleider"), coerce=int, error_messages={"required": _("Kies een ambulant begeleider.")}
    )
    question = _text(_("Hulpvraag"), message=_("Beschrijf de hulpvraag voor de ambulant begeleider."))
    consent_given_by = forms.ChoiceField(
        label=_("Toestemming gegeven door"),
        choices=CONSENT_CHOICES,
        required=False,
        help_text=_("Ambulante begeleiding start pas na toestemming van de ouders (en vanaf 12 jaar ook de leerling)."),
    )
    consent_on = _date(_("Toestemming gegeven op"), required=False)
    starts_on = _date(_("Start"), required=False)

    def __init__(self, *args, abs=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ab"].choices = [("", _("Kies…"))] + [(p.pk, p.name) for p in abs]


class GGDAskForm(Form):
    professional = forms.TypedChoiceField(
        label=_("Vraag aan"), coerce=int, error_messages={"required": _("Kies aan wie bij de GGD u het vraagt.")}
    )
    age_group = forms.ChoiceField(
        label=_("Leeftijdsgroep"),
        choices=[("", _("Kies…")), *GGDConsultation.AgeGroup.choices],
        required=False,
        help_text=_("Bij een anonieme vraag: geen naam, alleen de leeftijdsgroep."),
    )
    question = _text(_("Vraag"), message=_("Schrijf de vraag op."))

    def __init__(self, *args, professionals=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["professional"].choices = [("", _("Kies…"))] + [
            (p.pk, f"{p.name} ({p.job_title or p.organisation.name})") for p in professionals
        ]


class GGDNamedAskForm(GGDAskForm):
    prefix = "ggd"  # several forms share the pupil page: unique ids and names

    consent_given_by = forms.ChoiceField(label=_("Toestemming gegeven door"), choices=CONSENT_CHOICES, required=False)
    consent_on = _date(_("Toestemming gegeven op"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["age_group"]


class GGDAnswerForm(Form):
    advice = _text(_("Advies"), message=_("Schrijf het advies op."))


class GGDNoteForm(Form):
    kind = _choice(
        _("Soort notitie"),
        [c for c in GGDNote.Kind.choices if c[0] != GGDNote.Kind.SAMEN_DOEN],
        message=_("Kies de soort notitie."),
        radio=False,
    )
    held_on = _date(_("Datum"))
    text = _text(_("Notitie"), message=_("Schrijf de notitie op."))
    shared_with_school = forms.BooleanField(label=_("Delen met de school"), required=False)
    share_consent_by = forms.ChoiceField(
        label=_("Toestemming om te delen gegeven door"), choices=CONSENT_CHOICES, required=False
    )


class SamenDoenForm(Form):
    question = _text(_("Hulpvraag voor Samen Doen"), message=_("Schrijf de hulpvraag op."))
    consent_by = forms.ChoiceField(
        label=_("Toestemming voor de aanmelding gegeven door"), choices=CONSENT_CHOICES, required=False
    )
    consent_on = _date(_("Toestemming gegeven op"), required=False)


class ProfileForm(Form):
    basic_support = _text(_("Basisondersteuning"), message=_("Beschrijf de basisondersteuning van de school."), rows=5)
    extra_support = _text(
        _("Extra ondersteuning"), message=_("Beschrijf de extra ondersteuning van de school."), rows=5
    )
    expertise = _text(_("Deskundigheid in de school"), required=False)
    samenwerkingsverband = forms.ModelChoiceField(
        label=_("Samenwerkingsverband"),
        queryset=Organisation.objects.filter(kind=Organisation.Kind.SAMENWERKINGSVERBAND),
        required=False,
    )
    ggd_contact = forms.ModelChoiceField(
        label=_("Jeugdverpleegkundige (contactpersoon GGD)"),
        queryset=None,
        required=False,
    )

    def __init__(self, *args, **kwargs):
        from jeugdketen.organisations.models import Professional

        super().__init__(*args, **kwargs)
        self.fields["ggd_contact"].queryset = (
            Professional.objects.filter(organisation__kind="ggd", functions__code="jeugdverpleegkundige")
            .select_related("user")
            .distinct()
        )


class CycleMeetingForm(Form):
    kind = _choice(_("Soort"), CycleMeeting.Kind.choices, message=_("Kies de soort bespreking."))
    cycle = _choice(_("Cyclus"), CycleMeeting.Cycle.choices, message=_("Kies de korte of de lange cyclus."))
    held_on = _date(_("Datum"))
    group = forms.CharField(label=_("Groep of klas"), max_length=20, required=False)
    topic = forms.CharField(label=_("Onderwerp"), max_length=200, required=False)


class AdmissionForm(Form):
    first_name = forms.CharField(
        label=_("Voornaam"), max_length=100, error_messages={"required": _("Vul de voornaam in.")}
    )
    last_name = forms.CharField(
        label=_("Achternaam"), max_length=120, error_messages={"required": _("Vul de achternaam in.")}
    )
    date_of_birth = _date(_("Geboortedatum"), message=_("Vul de geboortedatum in."))
    support_need = _text(
        _("Ondersteuningsbehoefte volgens de ouders"), message=_("Beschrijf de ondersteuningsbehoefte.")
    )
    received_on = _date(
        _("Aanmelding ontvangen op"), help_text=_("Vanaf deze dag loopt de zorgplicht: binnen zes weken een besluit.")
    )


class AdmissionExtendForm(Form):
    reason = forms.CharField(
        label=_("Reden van verlenging"),
        max_length=300,
        error_messages={"required": _("Geef de reden van de verlenging.")},
    )


class AdmissionDecideForm(Form):
    outcome = _choice(_("Besluit"), [c for c in Admission.Outcome.choices if c[0]], message=_("Kies het besluit."))
    note = _text(_("Motivering"), required=False, help_text=_("Verplicht als de leerling niet wordt toegelaten."))
