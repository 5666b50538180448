from django import forms
from django.utils.translation import gettext_lazy as _

from jeugdketen.core.forms import Form
from jeugdketen.organisations.models import Organisation

from .models import Conversation, HelpKind, Investigation

DATE_ERRORS = {"invalid": _("Vul een geldige datum in.")}
FINDING_HELP = _("Schrijf ‘geen zorgen’ als u niets vond: leeg laten kan niet bij de overgang naar de oordeelsvorming.")


def _text(label, *, required=False, help_text="", rows=4, **kwargs):
    return forms.CharField(
        label=label,
        required=required,
        help_text=help_text,
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages={"max_length": _("Houd het korter: ten hoogste %(limit_value)d tekens.")},
        **kwargs,
    )


class OpenForm(Form):
    decide_by = forms.DateField(
        label=_("Besluit uiterlijk"),
        required=False,
        help_text=_("De beslistermijn, als er een aanvraag is (ten hoogste 8 weken na de aanvraag)."),
        error_messages=DATE_ERRORS,
    )


class ConversationForm(Form):
    kind = forms.ChoiceField(
        label=_("Soort gesprek"),
        choices=Conversation.Kind.choices,
        error_messages={"required": _("Kies de soort gesprek.")},
    )
    held_on = forms.DateField(
        label=_("Datum"), error_messages={"required": _("Vul de datum van het gesprek in."), **DATE_ERRORS}
    )
    participants = forms.CharField(
        label=_("Wie waren erbij"),
        max_length=300,
        help_text=_("Bijvoorbeeld: moeder, vader, de jeugdige, de intern begeleider."),
        error_messages={"required": _("Vul in wie er bij het gesprek waren.")},
    )
    summary = forms.CharField(
        label=_("Samenvatting"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=10000,
        error_messages={"required": _("Schrijf een korte samenvatting van het gesprek.")},
    )


class FindingsForm(Form):
    upbringing_findings = _text(_("Opgroei- en opvoedingsproblemen"), help_text=FINDING_HELP)
    psychological_findings = _text(_("Psychische problemen en/of stoornissen"), help_text=FINDING_HELP)
    safety_findings = _text(
        _("Veiligheid"),
        help_text=_(
            "Wat u zag van de veiligheid van het kind, zoals het in het verslag komt. Een melding volgens de "
            "meldcode legt u apart vast."
        ),
    )
    strengths = _text(_("Sterke kanten van het gezin"), help_text=_("Wat gaat goed, wie helpen mee?"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.conditionally_required = True  # required to move on, not to save a draft


class JudgementForm(Form):
    judgement = _text(
        _("Oordeel"),
        rows=8,
        help_text=_(
            "In hoeverre is er sprake van opgroei- en opvoedingsproblemen, psychische problemen en/of stoornissen, "
            "en wat is nodig om gezond en veilig op te groeien?"
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["judgement"].conditionally_required = True


class DecisionForm(Form):
    help_kind = forms.ChoiceField(
        label=_("Benodigde hulp"), choices=HelpKind.choices, required=False, widget=forms.RadioSelect
    )
    motivation = _text(_("Motivering"), rows=5)
    care_product = forms.CharField(
        label=_("Soort hulp (product)"),
        max_length=200,
        required=False,
        help_text=_("Alleen bij specialistische jeugdhulp, zoals het in de beschikking komt."),
    )
    provider = forms.ModelChoiceField(
        label=_("Aanbieder"),
        queryset=Organisation.objects.none(),
        required=False,
        help_text=_("Alleen bij specialistische jeugdhulp."),
        error_messages={"invalid_choice": _("Kies een aanbieder uit de lijst.")},
    )
    beschikking_start = forms.DateField(
        label=_("Ingangsdatum"),
        required=False,
        help_text=_("Alleen bij specialistische jeugdhulp."),
        error_messages=DATE_ERRORS,
    )
    beschikking_end = forms.DateField(
        label=_("Einddatum"),
        required=False,
        help_text=_("Alleen bij specialistische jeugdhulp."),
        error_messages=DATE_ERRORS,
    )
    beschikking_number = forms.CharField(
        label=_("Beschikkingsnummer"),
        max_length=40,
        required=False,
        help_text=_("Alleen bij specialistische jeugdhulp."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["provider"].queryset = Organisation.objects.filter(
            kind=Organisation.Kind.JEUGDHULPAANBIEDER
        ).order_by("name")
        for field in self.fields.values():
            field.conditionally_required = True

    @staticmethod
    def initial_for(investigation: Investigation) -> dict:
        return {name: getattr(investigation, name) for name in DecisionForm.base_fields if name != "provider"} | {
            "provider": investigation.provider_id
        }


class StepBackForm(Form):
    to_phase = forms.ChoiceField(label=_("Terug naar"), error_messages={"required": _("Kies een eerdere fase.")})
    reason = forms.CharField(
        label=_("Waarom"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Schrijf waarom het onderzoek teruggaat.")},
    )

    def __init__(self, *args, phases=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_phase"].choices = [(p.value, p.label) for p in phases]


class ZienswijzeForm(Form):
    text = forms.CharField(
        label=_("Uw zienswijze"),
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Wat vindt u van het verslag? Wat klopt niet, wat mist er? Uw zienswijze komt bij het verslag."),
        error_messages={"required": _("Schrijf uw zienswijze.")},
    )


class FinaliseForm(Form):
    no_zienswijze_note = forms.CharField(
        label=_("Geen zienswijze"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Alleen nodig als de termijn nog loopt en er geen zienswijze is: leg vast dat de ouders (en de "
            "jeugdige) geen zienswijze geven, en hoe u dat weet."
        ),
    )
