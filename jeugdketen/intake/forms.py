from django import forms
from django.utils.translation import gettext_lazy as _

from jeugdketen.access import consent
from jeugdketen.core.forms import Form
from jeugdketen.organisations.models import Municipality, Professional
from jeugdketen.socialmap.models import Service

from .models import Contact, Decision, Flag, HelpRequest, Question, Referral

DATE_ERRORS = {"required": _("Vul de datum in."), "invalid": _("Vul een geldige datum in.")}
FLAG_CHOICES = [("", _("Geen signaal")), *Flag.choices]


def _required(message):
    return {"required": message}


class YouthFieldsMixin(forms.Form):
    first_name = forms.CharField(
        label=_("Voornaam van het kind"),
        max_length=100,
        error_messages=_required(_("Vul de voornaam van het kind in.")),
    )
    name_prefix = forms.CharField(label=_("Tussenvoegsel"), max_length=20, required=False)
    last_name = forms.CharField(
        label=_("Achternaam van het kind"),
        max_length=100,
        error_messages=_required(_("Vul de achternaam van het kind in.")),
    )
    date_of_birth = forms.DateField(
        label=_("Geboortedatum van het kind"),
        error_messages={"required": _("Vul de geboortedatum in."), "invalid": _("Vul een geldige geboortedatum in.")},
        widget=forms.DateInput(),
    )
    bsn = forms.CharField(
        label=_("Burgerservicenummer (BSN) van het kind"),
        max_length=11,
        required=False,
        help_text=_("Als u het weet. Het staat bijvoorbeeld op het paspoort of de zorgpas van uw kind."),
    )


class RequesterFieldsMixin(forms.Form):
    requester_name = forms.CharField(label=_("Uw naam"), max_length=200, error_messages=_required(_("Vul uw naam in.")))
    requester_phone = forms.CharField(
        label=_("Telefoonnummer"), max_length=20, required=False, widget=forms.TextInput(attrs={"type": "tel"})
    )
    requester_email = forms.EmailField(
        label=_("E-mailadres"),
        required=False,
        error_messages={"invalid": _("Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.")},
    )
    question = forms.CharField(
        label=_("Uw vraag"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("In uw eigen woorden: wat is er aan de hand, en waar wilt u hulp bij?"),
        error_messages={
            "required": _("Vul uw vraag in."),
            "max_length": _("Uw vraag is te lang: gebruik ten hoogste %(limit_value)d tekens (nu %(show_value)d)."),
        },
    )


class PublicRequestForm(YouthFieldsMixin, RequesterFieldsMixin, Form):
    """What a parent (or the youth) fills in: only what Samen Doen needs to call back and judge
    the question."""

    requester_kind = forms.ChoiceField(
        label=_("Wie bent u?"),
        choices=[
            (HelpRequest.Requester.PARENT, _("Ouder of verzorger van het kind")),
            (HelpRequest.Requester.YOUTH, _("Ik ben de jongere zelf")),
        ],
        widget=forms.RadioSelect,
        error_messages=_required(_("Kies of u de ouder of verzorger bent, of de jongere zelf.")),
    )
    urgency = forms.ChoiceField(
        label=_("Hoe dringend is het?"),
        choices=[
            (HelpRequest.Urgency.NORMAL, _("Gewoon: bel mij in de komende weken")),
            (HelpRequest.Urgency.SOON, _("Graag snel: binnen een week")),
            (HelpRequest.Urgency.URGENT, _("Ik maak mij zorgen over de veiligheid van mijn kind of van mij")),
        ],
        initial=HelpRequest.Urgency.NORMAL,
        widget=forms.RadioSelect,
        error_messages=_required(_("Kies hoe dringend het is.")),
    )
    youth_agrees = forms.BooleanField(
        label=_("Mijn kind is 12 jaar of ouder, weet van deze aanmelding en is het ermee eens"),
        required=False,
        help_text=_("Vanaf 12 jaar beslist uw kind mee; vanaf 16 jaar beslist uw kind zelf."),
    )
    youth_agrees.conditionally_required = True
    privacy = forms.BooleanField(
        label=_("Ik heb gelezen wat Samen Doen met deze gegevens doet"),
        error_messages=_required(_("Lees wat er met de gegevens gebeurt en vink dit aan.")),
    )
    # Left empty by people; filled in by spam robots that fill in every field.
    website = forms.CharField(label=_("Laat dit veld leeg"), required=False)


class RegisterRequestForm(YouthFieldsMixin, RequesterFieldsMixin, Form):
    """A professional registers a request: the toegang from a phone call or the desk; a school or
    JGZ on behalf of a family, with the consent it asks."""

    municipality = forms.ModelChoiceField(
        label=_("Woongemeente van het kind"),
        queryset=Municipality.objects.filter(triage_checklist__isnull=False),
        error_messages=_required(_("Kies de woongemeente van het kind.")),
    )
    requester_kind = forms.ChoiceField(
        label=_("Wie vraagt om hulp?"), choices=HelpRequest.Requester.choices, initial=HelpRequest.Requester.PARENT
    )
    urgency = forms.ChoiceField(label=_("Urgentie"), choices=HelpRequest.Urgency.choices)
    source = forms.ChoiceField(
        label=_("Binnengekomen via"),
        choices=[(k, v) for k, v in HelpRequest.Source.choices if k != HelpRequest.Source.ONLINE],
        required=False,
    )
    consent_by = forms.ChoiceField(
        label=_("Toestemming voor deze aanmelding gegeven door"),
        choices=[("", "---------"), *consent.LABELS.items()],
        required=False,
        help_text=_("Onder 12 jaar de ouders met gezag; van 12 tot 16 de ouders en de jeugdige; vanaf 16 de jeugdige."),
    )
    consent_on = forms.DateField(label=_("Toestemming gegeven op"), required=False, error_messages=DATE_ERRORS)

    def __init__(self, *args, toegang: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["question"].label = _("De hulpvraag (in de woorden van de aanmelder)")
        self.fields["requester_name"].label = _("Naam aanmelder")
        self.fields["requester_phone"].label = _("Telefoon aanmelder")
        self.fields["requester_email"].label = _("E-mail aanmelder")
        if toegang:
            del self.fields["consent_by"], self.fields["consent_on"]
            self.fields["source"].required = True
        else:
            del self.fields["source"]
            self.fields["consent_by"].conditionally_required = True
            self.fields["consent_on"].conditionally_required = True
        if self.fields["municipality"].queryset.count() == 1:
            self.fields["municipality"].initial = self.fields["municipality"].queryset.first()


class TakeUpForm(Form):
    youth = forms.ChoiceField(
        label=_("Om welke jeugdige gaat het?"),
        widget=forms.RadioSelect,
        error_messages=_required(_("Kies de jeugdige, of kies voor een nieuwe registratie.")),
    )

    def __init__(self, *args, candidates=(), **kwargs):
        super().__init__(*args, **kwargs)
        choices = [
            (str(y.pk), f"{y.full_name}, {y.date_of_birth:%d-%m-%Y}" + (f", BSN {y.bsn}" if y.bsn else ""))
            for y in candidates
        ]
        choices.append(("new", _("Een nieuwe jeugdige: registreer de gegevens uit de aanmelding")))
        self.fields["youth"].choices = choices


class TriageForm(Form):
    """One field per question of the checklist version, named ``q<id>``."""

    def __init__(self, *args, questions=(), **kwargs):
        super().__init__(*args, **kwargs)
        for question in questions:
            name = f"q{question.pk}"
            common = {
                "label": question.text,
                "required": question.required,
                "help_text": question.help_text,
                "error_messages": _required(_("Beantwoord deze vraag.")),
            }
            if question.kind == Question.Kind.TEXT:
                field = forms.CharField(max_length=2000, widget=forms.Textarea(attrs={"rows": 3}), **common)
            else:
                field = forms.ChoiceField(
                    choices=[(o["value"], o["label"]) for o in question.options], widget=forms.RadioSelect, **common
                )
            field.theme = question.theme
            self.fields[name] = field

    def themes(self):
        """The fields grouped by theme, for one fieldset each."""
        groups: list[tuple[str, list]] = []
        for bound in self:
            theme = getattr(bound.field, "theme", "")
            if not groups or groups[-1][0] != theme:
                groups.append((theme, []))
            groups[-1][1].append(bound)
        return groups


class DecisionForm(Form):
    kind = forms.ChoiceField(
        label=_("Besluit"),
        choices=Decision.Kind.choices,
        widget=forms.RadioSelect,
        error_messages=_required(_("Kies een besluit.")),
    )
    motivation = forms.CharField(
        label=_("Motivering"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Waarom dit besluit, op grond van de triage en het gesprek."),
        error_messages=_required(_("Vul de motivering van het besluit in.")),
    )
    priority = forms.TypedChoiceField(
        label=_("Prioriteit op de wachtlijst"),
        coerce=int,
        choices=[("", "---------"), *HelpRequest.Priority.choices],
        required=False,
    )
    priority.conditionally_required = True
    service = forms.ModelChoiceField(
        label=_("Doorverwijzen naar (aanbod op de sociale kaart)"),
        queryset=Service.objects.none(),
        required=False,
        help_text=_("Aanbod van de gemeente eerst; alleen aanbod dat past bij de leeftijd van de jeugdige."),
        error_messages={"invalid_choice": _("Kies een aanbod uit de lijst.")},
    )
    service.conditionally_required = True
    items = forms.MultipleChoiceField(
        label=_("Wat deelt u met de voorziening?"),
        choices=Referral.Item.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Alleen wat de voorziening nodig heeft, en waarvoor toestemming is."),
    )
    items.conditionally_required = True
    consent_by = forms.ChoiceField(
        label=_("Toestemming voor het delen gegeven door"),
        choices=[("", "---------"), *consent.LABELS.items()],
        required=False,
    )
    consent_by.conditionally_required = True
    consent_on = forms.DateField(label=_("Toestemming gegeven op"), required=False, error_messages=DATE_ERRORS)
    consent_on.conditionally_required = True
    consulent = forms.ModelChoiceField(
        label=_("Jeugdconsulent (direct toewijzen bij zorg over veiligheid)"),
        queryset=Professional.objects.none(),
        required=False,
    )
    consulent.conditionally_required = True

    def __init__(self, *args, services=None, caseloads=(), **kwargs):
        super().__init__(*args, **kwargs)
        if services is not None:
            self.fields["service"].queryset = services
        self.fields["service"].label_from_instance = lambda s: (
            _("%(name)s — %(org)s (%(a)s t/m %(b)s jaar)")
            % {
                "name": s.name,
                "org": s.organisation.name,
                "a": s.age_min,
                "b": s.age_max,
            }
        )
        self.fields["consulent"].queryset = Professional.objects.filter(pk__in=[c.consulent.pk for c in caseloads])
        loads = {c.consulent.pk: c for c in caseloads}
        self.fields["consulent"].label_from_instance = lambda p: (
            _("%(name)s (%(n)s lopende casussen)")
            % {
                "name": p.name,
                "n": loads[p.pk].open_cases if p.pk in loads else 0,
            }
        )


class SuspensionForm(Form):
    reason = forms.CharField(
        label=_("Welke informatie is gevraagd, en aan wie?"),
        max_length=300,
        error_messages=_required(_("Vul in om welke informatie u heeft gevraagd.")),
    )
    started_on = forms.DateField(label=_("Gevraagd op"), error_messages=DATE_ERRORS)


class ResumeForm(Form):
    ended_on = forms.DateField(label=_("Informatie ontvangen op"), error_messages=DATE_ERRORS)


class ContactForm(Form):
    channel = forms.ChoiceField(label=_("Hoe"), choices=Contact.Channel.choices)
    on = forms.DateField(label=_("Datum"), error_messages=DATE_ERRORS)
    note = forms.CharField(
        label=_("Wat is er besproken?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages=_required(_("Vul in wat er is besproken.")),
    )


class AssignForm(Form):
    consulent = forms.ModelChoiceField(
        label=_("Jeugdconsulent"),
        queryset=Professional.objects.none(),
        error_messages=_required(_("Kies de jeugdconsulent.")),
    )

    def __init__(self, *args, caseloads=(), **kwargs):
        super().__init__(*args, **kwargs)
        loads = {c.consulent.pk: c for c in caseloads}
        self.fields["consulent"].queryset = Professional.objects.filter(pk__in=list(loads))
        self.fields["consulent"].label_from_instance = lambda p: (
            _("%(name)s (%(n)s lopende casussen, %(i)s in onderzoek)")
            % {"name": p.name, "n": loads[p.pk].open_cases, "i": loads[p.pk].investigations}
        )


class ReferralStatusForm(Form):
    status = forms.ChoiceField(label=_("Nieuwe status"), error_messages=_required(_("Kies de nieuwe status.")))
    note = forms.CharField(
        label=_("Toelichting"),
        max_length=300,
        required=False,
        help_text=_("Verplicht als u de verwijzing niet aanneemt: dan kiest Samen Doen opnieuw."),
    )

    def __init__(self, *args, allowed=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [(s.value, s.label) for s in Referral.Status if s in allowed]


class QuestionForm(Form):
    theme = forms.CharField(label=_("Thema"), max_length=100, required=False)
    text = forms.CharField(label=_("Vraag"), max_length=300, error_messages=_required(_("Vul de vraag in.")))
    help_text = forms.CharField(label=_("Toelichting bij de vraag"), max_length=300, required=False)
    kind = forms.ChoiceField(label=_("Soort antwoord"), choices=Question.Kind.choices)
    required = forms.BooleanField(label=_("Het antwoord is verplicht"), required=False, initial=True)
    flag_ja = forms.ChoiceField(label=_("Signaal bij “ja”"), choices=FLAG_CHOICES, required=False)
    flag_nee = forms.ChoiceField(label=_("Signaal bij “nee”"), choices=FLAG_CHOICES, required=False)
    OPTION_ROWS = 6

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for i in range(1, self.OPTION_ROWS + 1):
            self.fields[f"option_{i}"] = forms.CharField(
                label=_("Keuze %(n)s") % {"n": i}, max_length=100, required=False
            )
            self.fields[f"option_{i}_flag"] = forms.ChoiceField(
                label=_("Signaal bij keuze %(n)s") % {"n": i}, choices=FLAG_CHOICES, required=False
            )
        self.order_fields(["theme", "text", "help_text", "kind", "required", "flag_ja", "flag_nee"])

    @classmethod
    def initial_for(cls, question: Question) -> dict:
        initial = {
            "theme": question.theme,
            "text": question.text,
            "help_text": question.help_text,
            "kind": question.kind,
            "required": question.required,
        }
        if question.kind == Question.Kind.YES_NO:
            for option in question.options:
                initial[f"flag_{option['value']}"] = option.get("flag", "")
        else:
            for i, option in enumerate(question.options, start=1):
                initial[f"option_{i}"] = option["label"]
                initial[f"option_{i}_flag"] = option.get("flag", "")
        return initial

    def options(self) -> list[dict]:
        data = self.cleaned_data
        if data["kind"] == Question.Kind.YES_NO:
            return [{"value": v, "flag": data.get(f"flag_{v}", "")} for v in ("ja", "nee")]
        return [
            {"label": data.get(f"option_{i}", ""), "flag": data.get(f"option_{i}_flag", "")}
            for i in range(1, self.OPTION_ROWS + 1)
        ]

    def option_rows(self):
        return [(self[f"option_{i}"], self[f"option_{i}_flag"]) for i in range(1, self.OPTION_ROWS + 1)]


class PublishForm(Form):
    note = forms.CharField(
        label=_("Wat is er veranderd in deze versie?"),
        max_length=300,
        error_messages=_required(_("Beschrijf kort wat er in deze versie is veranderd.")),
    )
