from django import forms
from django.utils.translation import gettext_lazy as _

from jeugdketen.core.forms import Form
from jeugdketen.organisations.models import Function, Municipality

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
    case_subject = forms.CharField(
        label=_("Aanleiding voor de casus"),
        max_length=200,
        required=False,
        help_text=_("Verplicht als u een casus opent."),
    )
    function = forms.ModelChoiceField(
        label=_("Uw functie in de casus"),
        queryset=Function.objects.none(),
        required=False,
        help_text=_("Verplicht als u een casus opent."),
    )
    group = forms.CharField(label=_("Groep of klas"), max_length=20, required=False)
    start = forms.DateField(
        label=_("Ingeschreven vanaf"),
        required=False,
        error_messages=DATE_ERRORS,
        help_text=_("Verplicht als u de leerling inschrijft."),
    )

    def __init__(self, *args, professional=None, functions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.professional = professional
        # Whether these are required depends on the chosen relationship; they are never
        # labelled "niet verplicht".
        for name in ("case_subject", "function", "start"):
            self.fields[name].conditionally_required = True
        if len(functions) > 1:
            self.fields["function"].queryset = Function.objects.filter(pk__in=[f.pk for f in functions])
        else:
            del self.fields["function"]  # the one function there is
        if professional is None or not professional.organisation.is_school:
            self.fields["link"].choices = self.LINK_CHOICES[:1]
            self.fields["link"].initial = "case"
            for name in ("group", "start"):
                del self.fields[name]
            subject = self.fields["case_subject"]
            subject.required = True
            subject.help_text = ""
            subject.error_messages["required"] = _("Vul de aanleiding voor de casus in.")
            if "function" in self.fields:
                self.fields["function"].help_text = ""

    def clean(self):
        data = super().clean()
        if data.get("link") == "case":
            if not data.get("case_subject") and "case_subject" not in self.errors:
                self.add_error("case_subject", _("Vul de aanleiding voor de casus in."))
            if "function" in self.fields and not data.get("function"):
                self.add_error("function", _("Kies uw functie in de casus."))
        elif data.get("link") == "school" and not data.get("start"):
            self.add_error("start", _("Vul de datum van inschrijving in."))
        return data


class EnrolmentForm(Form):
    """Enrolment at the professional's own school (the school is not a choice)."""

    start = forms.DateField(label=_("Ingeschreven vanaf"), error_messages=DATE_ERRORS)
    group = forms.CharField(label=_("Groep of klas"), max_length=20, required=False)


class EnrolmentEndForm(Form):
    end = forms.DateField(
        label=_("Uitgeschreven per"),
        error_messages=DATE_ERRORS,
        help_text=_("De eerste dag dat de leerling niet meer op school staat ingeschreven."),
    )


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
