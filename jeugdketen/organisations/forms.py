from django import forms
from django.utils.translation import gettext_lazy as _

from jeugdketen.core.forms import Form


class DepartureForm(Form):
    left_on = forms.DateField(
        label=_("Uit dienst per"),
        help_text=_("De eerste dag dat deze persoon hier niet meer werkt."),
        widget=forms.DateInput(),
    )
