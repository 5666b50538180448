from django import forms
from django.utils.translation import gettext_lazy as _

from jeugdketen.core.forms import Form
from jeugdketen.organisations.models import Municipality
from jeugdketen.youth.validators import bsn_is_valid, normalise_bsn

DATE_ERRORS = {"required": _("Vul de geboortedatum in."), "invalid": _("Vul een geldige datum in.")}


class PlacementForm(Form):
    bsn = forms.CharField(
        label=_("BSN van de jeugdige"),
        max_length=11,
        help_text=_("De verwijsindex werkt met het BSN: zo vinden professionals dezelfde jeugdige."),
        error_messages={"required": _("Vul het BSN van de jeugdige in: de verwijsindex werkt met het BSN.")},
    )
    date_of_birth = forms.DateField(label=_("Geboortedatum"), error_messages=DATE_ERRORS)

    def clean_bsn(self):
        bsn = normalise_bsn(self.cleaned_data["bsn"])
        if not bsn_is_valid(bsn):
            raise forms.ValidationError(
                _("Dit is geen geldig BSN: een BSN heeft 9 cijfers en voldoet aan de elfproef.")
            )
        return bsn

    first_name = forms.CharField(
        label=_("Voornaam"), max_length=100, error_messages={"required": _("Vul de voornaam in.")}
    )
    name_prefix = forms.CharField(label=_("Tussenvoegsel"), max_length=20, required=False)
    last_name = forms.CharField(
        label=_("Achternaam"), max_length=100, error_messages={"required": _("Vul de achternaam in.")}
    )
    municipality = forms.ModelChoiceField(
        label=_("Woongemeente"),
        queryset=Municipality.objects.all(),
        error_messages={
            "required": _("Kies de woongemeente van de jeugdige."),
            "invalid_choice": _("Kies een gemeente uit de lijst."),
        },
    )
    phone = forms.CharField(
        label=_("Uw telefoonnummer"),
        max_length=20,
        help_text=_("Zo bereikt een andere professional u bij een match."),
        error_messages={"required": _("Vul uw telefoonnummer in: zo bereikt een andere professional u bij een match.")},
    )
    email = forms.EmailField(
        label=_("Uw e-mailadres"),
        required=False,
        error_messages={"invalid": _("Vul een geldig e-mailadres in.")},
    )


class RegieForm(Form):
    holder = forms.TypedChoiceField(
        label=_("Wie heeft de regie?"),
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Kies wie de regie heeft: een van de professionals met een signaal."),
            "invalid_choice": _("Kies wie de regie heeft: een van de professionals met een signaal."),
        },
    )
    note = forms.CharField(
        label=_("Afspraak"),
        max_length=300,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Bijvoorbeeld: wie belt de ouders, wanneer overleggen we. Geen inhoud over de jeugdige."),
    )

    def __init__(self, *args, choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["holder"].choices = choices
