from django import forms
from django.utils.translation import gettext_lazy as _

from jeugdketen.core.forms import Form


class PeriodForm(Form):
    since = forms.DateField(
        label=_("Vanaf"), required=False, error_messages={"invalid": _("Vul een geldige datum in.")}
    )
    until = forms.DateField(
        label=_("Tot en met"), required=False, error_messages={"invalid": _("Vul een geldige datum in.")}
    )

    def clean(self):
        data = super().clean()
        if data.get("since") and data.get("until") and data["until"] < data["since"]:
            self.add_error("until", _("De einddatum ligt vóór de begindatum."))
        return data
