from django import forms
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from jeugdketen.core.forms import Form
from jeugdketen.organisations.models import Organisation, Professional

from .models import AGE_MAX, Theme


def _required(message):
    return {"required": message}


class ServiceForm(Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisatie"),
        queryset=Organisation.objects.none(),
        error_messages={
            **_required(_("Kies de organisatie die het aanbod biedt.")),
            "invalid_choice": _("Kies een organisatie uit de lijst."),
        },
    )
    name = forms.CharField(
        label=_("Naam van het aanbod"), max_length=200, error_messages=_required(_("Vul de naam van het aanbod in."))
    )
    offer = forms.CharField(
        label=_("Wat wordt geboden"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("In gewone woorden: wat doet u, hoe vaak, hoe lang, waar."),
        error_messages=_required(_("Beschrijf wat er wordt geboden.")),
    )
    audience = forms.CharField(
        label=_("Voor wie"),
        max_length=300,
        help_text=_("Bijvoorbeeld: ouders met vragen over opvoeden; jongeren met somberheid."),
        error_messages=_required(_("Vul in voor wie het aanbod is.")),
    )
    age_min = forms.IntegerField(
        label=_("Leeftijd vanaf"),
        min_value=0,
        max_value=AGE_MAX,
        error_messages={
            **_required(_("Vul de leeftijd vanaf in.")),
            "invalid": _("Vul een heel getal in."),
            "min_value": _("De leeftijd vanaf is 0 of hoger."),
            "max_value": _("De leeftijd vanaf is hoogstens %(limit_value)s."),
        },
    )
    age_max = forms.IntegerField(
        label=_("Leeftijd tot en met"),
        min_value=0,
        max_value=AGE_MAX,
        error_messages={
            **_required(_("Vul de leeftijd tot en met in.")),
            "invalid": _("Vul een heel getal in."),
            "min_value": _("De leeftijd tot en met is 0 of hoger."),
            "max_value": _("De leeftijd tot en met is hoogstens %(limit_value)s."),
        },
    )
    themes = forms.ModelMultipleChoiceField(
        label=_("Thema's"),
        queryset=Theme.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        error_messages={
            "invalid_choice": _("Kies thema's uit de lijst."),
            "invalid_pk_value": _("Kies thema's uit de lijst."),
        },
    )
    new_themes = forms.CharField(
        label=_("Nieuw thema"),
        required=False,
        max_length=300,
        help_text=_("Staat het thema hierboven niet? Typ het hier; meerdere gescheiden door komma's."),
    )
    how_to_refer = forms.CharField(
        label=_("Zo meldt u aan of verwijst u"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("Wie kan aanmelden, hoe, en wat u meestuurt."),
    )
    needs_referral = forms.BooleanField(label=_("Alleen met een verwijzing"), required=False)
    phone = forms.CharField(
        label=_("Telefoon"), max_length=20, required=False, help_text=_("Leeg: het nummer van de organisatie.")
    )
    email = forms.EmailField(
        label=_("E-mail"),
        required=False,
        help_text=_("Leeg: het adres van de organisatie."),
        error_messages={"invalid": _("Vul een geldig e-mailadres in.")},
    )
    website = forms.URLField(
        label=_("Website"),
        required=False,
        assume_scheme="https",
        error_messages={"invalid": _("Vul een geldig webadres in.")},
    )
    keeper = forms.ModelChoiceField(
        label=_("Beheerder"),
        queryset=Professional.objects.none(),
        help_text=_("Wie dit aanbod actueel houdt en het elk jaar bevestigt."),
        error_messages={
            **_required(_("Kies wie dit aanbod beheert.")),
            "invalid_choice": _("Kies als beheerder iemand van de organisatie, of een manager van de gemeente."),
        },
    )

    def __init__(self, *args, organisations=None, keepers=None, **kwargs):
        super().__init__(*args, **kwargs)
        if organisations is None:
            del self.fields["organisation"]
        else:
            self.fields["organisation"].queryset = organisations
            # Picking another organisation refreshes who can keep the entry.
            self.fields["organisation"].widget.attrs.update(
                {
                    "hx-get": reverse_lazy("socialmap:keeper_options"),
                    "hx-target": "#id_keeper",
                    "hx-trigger": "change",
                }
            )
        if keepers is not None:
            self.fields["keeper"].queryset = keepers
        self.fields["keeper"].label_from_instance = lambda p: f"{p.name} ({p.organisation.name})"

    def theme_names(self) -> list[str]:
        names = [t.name for t in self.cleaned_data.get("themes") or []]
        names += [n.strip() for n in (self.cleaned_data.get("new_themes") or "").split(",") if n.strip()]
        return names


class ArchiveForm(Form):
    reason = forms.CharField(
        label=_("Waarom stopt het aanbod?"),
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages=_required(_("Vul in waarom het aanbod stopt.")),
    )
