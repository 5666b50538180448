from django import forms
from django.utils.translation import gettext_lazy as _

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


class MeldingSendForm(forms.Form):
    note = forms.CharField(
        label=_("Toelichting van de school (optioneel)"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Bijvoorbeeld: wat de school al deed, contact met ouders, bijzonderheden."),
    )
