from django import forms
from django.utils.translation import gettext_lazy as _

from jeugdketen.core.forms import Form

from .services import NOTE_MAX


class SignalHandleForm(Form):
    note = forms.CharField(
        label=_("Wat hebt u gedaan?"),
        max_length=NOTE_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Bijvoorbeeld: afspraak nagevraagd bij de school, nieuwe datum afgesproken."),
    )


class NazorgForm(Form):
    held_on = forms.DateField(label=_("Datum van het nazorgcontact"), widget=forms.DateInput())
    note = forms.CharField(
        label=_("Uitkomst van het nazorgcontact"),
        max_length=NOTE_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Gaat het nog goed, of is er opnieuw hulp nodig?"),
    )
