from django import forms
from django.utils.translation import gettext_lazy as _

from jeugdketen.access import consent
from jeugdketen.core.forms import Form

from .models import CaseStep, HaltReferral, LeaveRequest, LeerplichtCase, ProcesVerbaal

# A file of a million absence rows is about 35 MB; this leaves room and refuses what is not CSV.
MAX_UPLOAD_BYTES = 100 * 1024 * 1024


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("Bestand (CSV)"),
        help_text=_("CSV in UTF-8 met een kopregel; kolommen gescheiden door een puntkomma of komma."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("Het bestand is groter dan 100 MB. Lever het in delen aan."))
        return upload


class MeldingSendForm(Form):
    note = forms.CharField(
        label=_("Toelichting van de school (optioneel)"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Bijvoorbeeld: wat de school al deed, contact met ouders, bijzonderheden."),
    )


class AbsenceRemoveForm(Form):
    """Remove one of the rows shown (``absences``) with the reason."""

    row = forms.ChoiceField(label=_("Regel die niet klopt"))
    reason = forms.CharField(
        label=_("Reden"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Bijvoorbeeld: de leerling was die dag wel op school; verkeerd ingevoerd."),
    )

    def __init__(self, *args, absences=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = {f"{a.day.isoformat()}|{a.kind}": a for a in absences}
        self.fields["row"].choices = [
            (key, f"{a.day:%d-%m-%Y} — {a.get_kind_display()} — {a.hours.normalize():f} lesuren")
            for key, a in self.rows.items()
        ]

    def clean_row(self):
        return self.rows[self.cleaned_data["row"]]


# --- MAS casework --------------------------------------------------------------------------------


def _text(label, *, required=True, max_length=5000, rows=4, help_text=""):
    return forms.CharField(
        label=label,
        required=required,
        max_length=max_length,
        widget=forms.Textarea(attrs={"rows": rows}),
        help_text=help_text,
    )


class StepForm(Form):
    kind = forms.ChoiceField(
        label=_("Wat legt u vast?"),
        choices=[(k.value, k.label) for k in CaseStep.RECORDED_KINDS],
    )
    title = forms.CharField(label=_("Onderwerp"), max_length=200)
    with_whom = forms.CharField(
        label=_("Met wie"),
        max_length=200,
        required=False,
        help_text=_("Bij een gesprek of het spreekuur: bijvoorbeeld de jeugdige en moeder."),
    )
    occurred_on = forms.DateField(label=_("Datum"), widget=forms.DateInput())
    text = _text(_("Verslag"), required=False)
    due_on = forms.DateField(label=_("Uiterlijk op (bij een afspraak)"), required=False, widget=forms.DateInput())


class InvitationForm(Form):
    day = forms.DateField(label=_("Datum van het gesprek"), widget=forms.DateInput())
    time = forms.TimeField(label=_("Tijd"), widget=forms.TimeInput(attrs={"type": "time"}))
    location = forms.CharField(
        label=_("Plaats"), max_length=200, help_text=_("Bijvoorbeeld: gemeentehuis, kamer 2.14.")
    )
    with_whom = forms.CharField(
        label=_("Uitgenodigd"), max_length=200, help_text=_("Bijvoorbeeld: de jeugdige en de ouders.")
    )
    text = _text(_("Toelichting in de brief (optioneel)"), required=False)


class WarningForm(Form):
    text = _text(
        _("Inhoud van de waarschuwing"),
        rows=6,
        help_text=_(
            "Wat er is gebeurd, wat er van de jeugdige en de ouders verwacht wordt en wat er volgt als het verzuim doorgaat."
        ),
    )


class PhaseForm(Form):
    phase = forms.ChoiceField(label=_("Naar fase"), choices=LeerplichtCase.Phase.choices)
    note = _text(_("Toelichting (optioneel)"), required=False, rows=2)


class RouteForm(Form):
    route = forms.ChoiceField(
        label=_("Route"),
        choices=[(r.value, r.label) for r in (LeerplichtCase.Route.VOLUNTARY, LeerplichtCase.Route.CIVIL)],
        widget=forms.RadioSelect,
    )
    reason = _text(_("Waarom deze route (pas toe of leg uit)"))


class AgreementForm(Form):
    kept = forms.TypedChoiceField(
        label=_("Is de afspraak nagekomen?"),
        choices=[("ja", _("Ja, nagekomen")), ("nee", _("Nee, niet nagekomen"))],
        coerce=lambda value: value == "ja",
        widget=forms.RadioSelect,
    )


class HaltForm(Form):
    youth_consents = forms.BooleanField(label=_("De jeugdige stemt in met de verwijzing naar Halt"), required=False)
    parents_consent = forms.BooleanField(
        label=_("De ouders stemmen in (nodig als de jeugdige jonger is dan 16)"), required=False
    )


class HaltOutcomeForm(Form):
    outcome = forms.ChoiceField(
        label=_("Uitkomst van Halt"),
        choices=[(o.value, o.label) for o in (HaltReferral.Outcome.COMPLETED, HaltReferral.Outcome.FAILED)],
        widget=forms.RadioSelect,
    )


class ProcesVerbaalForm(Form):
    against = forms.ChoiceField(label=_("Tegen"), choices=ProcesVerbaal.Against.choices, widget=forms.RadioSelect)
    facts = _text(_("Feiten en omstandigheden"), rows=6)


class CoordinationRegisterForm(Form):
    question = _text(_("Hulpvraag voor de toegang"), max_length=2000)
    consent_by = forms.ChoiceField(label=_("Toestemming gegeven door"), choices=[("", "—"), *consent.LABELS.items()])
    consent_on = forms.DateField(label=_("Toestemming gegeven op"), widget=forms.DateInput())


class CoordinationJoinForm(Form):
    care_case = forms.ModelChoiceField(label=_("Casus"), queryset=None, empty_label=None)
    reason = _text(_("Waarom u aansluit"), rows=3)

    def __init__(self, *args, care_cases=(), **kwargs):
        super().__init__(*args, **kwargs)
        from jeugdketen.cases.models import Case

        self.fields["care_case"].queryset = Case.objects.filter(pk__in=[c.pk for c in care_cases])
        self.fields["care_case"].label_from_instance = lambda c: (
            f"{c.reference}: {c.subject} ({c.casusregisseur.name if c.casusregisseur else '—'})"
        )


class HandoverForm(Form):
    to = forms.ModelChoiceField(label=_("Aan consulent leerplicht"), queryset=None)
    conversation_on = forms.DateField(label=_("Datum van het overdrachtsgesprek"), widget=forms.DateInput())
    note = _text(_("Wat is er besproken?"), rows=4)

    def __init__(self, *args, colleagues=(), **kwargs):
        super().__init__(*args, **kwargs)
        from jeugdketen.organisations.models import Professional

        self.fields["to"].queryset = Professional.objects.filter(pk__in=[c.pk for c in colleagues]).select_related(
            "organisation", "user"
        )
        self.fields["to"].label_from_instance = lambda p: f"{p.name} ({p.organisation})"


class CloseForm(Form):
    outcome = _text(
        _("Resultaat"), rows=3, help_text=_("Bijvoorbeeld: de jeugdige gaat weer naar school; afspraken nagekomen.")
    )


# --- leave ------------------------------------------------------------------------------------------


class LeaveRequestForm(Form):
    youth = forms.ModelChoiceField(label=_("Leerling"), queryset=None)
    ground = forms.ChoiceField(label=_("Grond"), choices=LeaveRequest.Ground.choices, widget=forms.RadioSelect)
    reason = _text(_("Reden van de aanvraag"), rows=3)
    requested_by = forms.CharField(
        label=_("Aangevraagd door"), max_length=200, help_text=_("De naam van de ouder of verzorger.")
    )
    requested_on = forms.DateField(label=_("Aanvraag ontvangen op"), widget=forms.DateInput())
    start = forms.DateField(label=_("Eerste dag verlof"), widget=forms.DateInput())
    end = forms.DateField(label=_("Laatste dag verlof"), widget=forms.DateInput())

    def __init__(self, *args, pupils=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["youth"].queryset = pupils
        self.fields["youth"].label_from_instance = lambda y: f"{y.full_name} ({y.date_of_birth:%d-%m-%Y})"


class LeaveDecisionForm(Form):
    decision = forms.ChoiceField(
        label=_("Besluit"),
        choices=[(d.value, d.label) for d in (LeaveRequest.Decision.GRANTED, LeaveRequest.Decision.REFUSED)],
        widget=forms.RadioSelect,
    )
    decision_grounds = _text(_("Motivering"), rows=4)


class MazlSendForm(MeldingSendForm):
    """An M@ZL melding goes to a jeugdarts of the school's GGD."""

    jeugdarts = forms.ModelChoiceField(label=_("Jeugdarts"), queryset=None)
    field_order = ["jeugdarts", "note"]

    def __init__(self, *args, jeugdartsen=(), **kwargs):
        super().__init__(*args, **kwargs)
        from jeugdketen.organisations.models import Professional

        self.fields["jeugdarts"].queryset = Professional.objects.filter(pk__in=[p.pk for p in jeugdartsen])
        self.fields["jeugdarts"].label_from_instance = lambda p: f"{p.name} ({p.organisation})"


class MazlAdviceForm(Form):
    advice = forms.CharField(
        label=_("Advies aan de school"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "Wat de leerling kan en wat de school kan doen. Geen diagnose: die blijft in het dossier van de GGD."
        ),
    )
