from django import forms
from django.utils.translation import gettext_lazy as _

from jeugdketen.core.forms import Form
from jeugdketen.organisations.models import Function, Municipality, Organisation

from .models import CarerRelation, Youth
from .validators import normalise_bsn, validate_bsn

REQUIRED = {"required": _("Dit veld is verplicht.")}
DATE_ERRORS = {"required": _("Vul de datum in."), "invalid": _("Vul een geldige datum in (dd-mm-jjjj).")}


class IdentityForm(Form):
    first_name = forms.CharField(
        label=_("Voornaam"), max_length=100, error_messages={"required": _("Vul de voornaam in.")}
    )
    name_prefix = forms.CharField(label=_("Tussenvoegsel"), max_length=20, required=False)
    last_name = forms.CharField(
        label=_("Achternaam"), max_length=100, error_messages={"required": _("Vul de achternaam in.")}
    )
    date_of_birth = forms.DateField(label=_("Geboortedatum"), error_messages=DATE_ERRORS)
    bsn = forms.CharField(
        label=_("BSN"),
        max_length=11,
        required=False,
        help_text=_("Niet verplicht. 9 cijfers; wordt gecontroleerd met de elfproef."),
    )
    gender = forms.ChoiceField(
        label=_("Geslacht"), required=False, choices=[("", _("Niet ingevuld")), *Youth.Gender.choices]
    )
    municipality = forms.ModelChoiceField(
        label=_("Woongemeente"),
        queryset=Municipality.objects.all(),
        error_messages={"required": _("Kies de woongemeente.")},
    )

    def clean_bsn(self):
        bsn = self.cleaned_data["bsn"].strip()
        if bsn:
            validate_bsn(bsn)
            bsn = normalise_bsn(bsn)
        return bsn

    def clean_date_of_birth(self):
        from django.utils import timezone

        value = self.cleaned_data["date_of_birth"]
        if value > timezone.localdate():
            raise forms.ValidationError(_("De geboortedatum ligt in de toekomst."))
        return value


class RegisterForm(IdentityForm):
    """Identity plus the registrant's relationship: enrol at one's school, or open a case."""

    LINK_CHOICES = [
        ("case", _("Ik open een casus en ben casusregisseur")),
        ("school", _("Ik schrijf de leerling in op mijn school")),
    ]
    link = forms.ChoiceField(
        label=_("Uw relatie met de jeugdige"),
        choices=LINK_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies hoe u bij de jeugdige betrokken bent.")},
    )
    case_subject = forms.CharField(label=_("Aanleiding voor de casus"), max_length=200, required=False)
    function = forms.ModelChoiceField(
        label=_("Uw functie in de casus"), queryset=Function.objects.none(), required=False
    )
    group = forms.CharField(label=_("Groep of klas"), max_length=20, required=False)
    start = forms.DateField(label=_("Ingeschreven vanaf"), required=False, error_messages=DATE_ERRORS)

    def __init__(self, *args, professional=None, functions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.professional = professional
        self.fields["function"].queryset = Function.objects.filter(pk__in=[f.pk for f in functions])
        if len(functions) == 1:
            self.fields["function"].initial = functions[0].pk
        if professional is None or not professional.organisation.is_school:
            self.fields["link"].choices = self.LINK_CHOICES[:1]
            self.fields["link"].initial = "case"
            for name in ("group", "start"):
                del self.fields[name]

    def clean(self):
        data = super().clean()
        if data.get("link") == "case":
            if not data.get("case_subject"):
                self.add_error("case_subject", _("Vul de aanleiding voor de casus in."))
            if not data.get("function") and self.fields["function"].queryset.count() > 1:
                self.add_error("function", _("Kies uw functie in de casus."))
        elif data.get("link") == "school" and not data.get("start"):
            self.add_error("start", _("Vul de datum van inschrijving in."))
        return data


class EnrolmentForm(Form):
    school = forms.ModelChoiceField(
        label=_("School"),
        queryset=Organisation.objects.filter(kind=Organisation.Kind.SCHOOL),
        error_messages={"required": _("Kies de school.")},
    )
    start = forms.DateField(label=_("Ingeschreven vanaf"), error_messages=DATE_ERRORS)
    group = forms.CharField(label=_("Groep of klas"), max_length=20, required=False)


class CarerForm(Form):
    first_name = forms.CharField(
        label=_("Voornaam"), max_length=100, error_messages={"required": _("Vul de voornaam in.")}
    )
    name_prefix = forms.CharField(label=_("Tussenvoegsel"), max_length=20, required=False)
    last_name = forms.CharField(
        label=_("Achternaam"), max_length=100, error_messages={"required": _("Vul de achternaam in.")}
    )
    kind = forms.ChoiceField(label=_("Relatie"), choices=CarerRelation.Kind.choices)
    has_gezag = forms.BooleanField(label=_("Heeft gezag"), required=False, initial=True)
    phone = forms.CharField(label=_("Telefoon"), max_length=20, required=False)
    email = forms.EmailField(
        label=_("E-mail"), required=False, error_messages={"invalid": _("Vul een geldig e-mailadres in.")}
    )
