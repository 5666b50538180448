from django import forms
from django.utils.translation import gettext_lazy as _

from jeugdketen.core.forms import Form
from jeugdketen.youth.models import Youth


class FindForm(Form):
    q = forms.CharField(
        label=_("BSN, of naam en geboortedatum"),
        max_length=100,
        help_text=_("Zoek de jeugdige van het verzoek: op BSN, of op (een deel van) de naam."),
        error_messages={"required": _("Vul een BSN of naam in.")},
    )


class CorrectForm(Form):
    first_name = forms.CharField(
        label=_("Voornaam"), max_length=100, error_messages={"required": _("Vul de voornaam in.")}
    )
    name_prefix = forms.CharField(label=_("Tussenvoegsel"), max_length=20, required=False)
    last_name = forms.CharField(
        label=_("Achternaam"), max_length=100, error_messages={"required": _("Vul de achternaam in.")}
    )
    date_of_birth = forms.DateField(
        label=_("Geboortedatum"),
        error_messages={"required": _("Vul de geboortedatum in."), "invalid": _("Vul een geldige datum in.")},
    )
    gender = forms.ChoiceField(label=_("Geslacht"), choices=[("", "---------"), *Youth.Gender.choices], required=False)
    bsn = forms.CharField(label=_("BSN"), max_length=11, required=False)
    reason = forms.CharField(
        label=_("Reden en verzoeker"),
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Bijvoorbeeld: verzoek van moeder d.d. 3 december; geboortedatum onjuist overgenomen."),
        error_messages={"required": _("Vul in op wiens verzoek en waarom u corrigeert.")},
    )


class EraseForm(Form):
    reason = forms.CharField(
        label=_("Reden en verzoeker"),
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Vul in op wiens verzoek en waarom u wist.")},
    )
    confirm = forms.BooleanField(
        label=_("Ik begrijp dat alle gegevens van deze jeugdige definitief worden gewist; het toegangslog blijft."),
        error_messages={"required": _("Bevestig dat u alles wilt wissen.")},
    )
