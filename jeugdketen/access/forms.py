from django import forms
from django.utils.translation import gettext_lazy as _

from jeugdketen.core.forms import Form
from jeugdketen.youth.validators import validate_bsn

from .services import MIN_REASON_LENGTH


class EmergencyAccessForm(Form):
    bsn = forms.CharField(
        label=_("BSN van de jeugdige"),
        max_length=11,
        validators=[validate_bsn],
        error_messages={"required": _("Vul het BSN in.")},
    )
    date_of_birth = forms.DateField(
        label=_("Geboortedatum"),
        error_messages={"required": _("Vul de geboortedatum in."), "invalid": _("Vul een geldige datum in.")},
    )
    reason = forms.CharField(
        label=_("Reden"),
        widget=forms.Textarea(attrs={"rows": 4}),
        min_length=MIN_REASON_LENGTH,
        help_text=_(
            "Waarom is toegang nu nodig en kan het niet via de casusregisseur? De privacy officer beoordeelt dit."
        ),
        error_messages={
            "required": _("Vul de reden in."),
            "min_length": _("Beschrijf de reden in minstens %(limit_value)d tekens."),
        },
    )


class ReviewForm(Form):
    justified = forms.TypedChoiceField(
        label=_("Oordeel"),
        coerce=lambda v: v == "ja",
        widget=forms.RadioSelect,
        choices=[("ja", _("Terecht gebruikt")), ("nee", _("Niet terecht: toegang intrekken"))],
        error_messages={"required": _("Kies een oordeel.")},
    )
    note = forms.CharField(label=_("Toelichting"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class YouthLookupForm(Form):
    q = forms.CharField(
        label=_("Naam of BSN"), max_length=100, error_messages={"required": _("Vul een naam of BSN in.")}
    )
