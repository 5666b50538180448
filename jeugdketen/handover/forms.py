from django import forms
from django.utils.translation import gettext_lazy as _

from jeugdketen.core.forms import Form
from jeugdketen.organisations.models import Organisation

from .law import Schooladvies
from .models import Method, Transfer

DATE_ERRORS = {"invalid": _("Vul een geldige datum in.")}
SCHOOLS = Organisation.objects.filter(kind=Organisation.Kind.SCHOOL).order_by("name")


class StartForm(Form):
    transfer = forms.ChoiceField(
        label=_("Overgang"),
        choices=Transfer.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies de overgang."), "invalid_choice": _("Kies de overgang.")},
    )
    school_year = forms.TypedChoiceField(
        label=_("Naar schooljaar"),
        coerce=int,
        error_messages={"required": _("Kies het schooljaar."), "invalid_choice": _("Kies het schooljaar.")},
    )
    to_school = forms.ModelChoiceField(
        label=_("Naar school"),
        queryset=SCHOOLS,
        required=False,
        help_text=_("Nog niet bekend? Laat leeg: de leerling blijft dan in beeld tot de school bekend is."),
        error_messages={"invalid_choice": _("Kies een school uit de lijst.")},
    )
    method = forms.ChoiceField(
        label=_("Soort overdracht"),
        choices=Method.choices,
        widget=forms.RadioSelect,
        help_text=_("Warm bij leerlingen met ondersteuning of zorgen: een gesprek met de ontvangende school."),
        error_messages={"required": _("Kies warm of koud."), "invalid_choice": _("Kies warm of koud.")},
    )

    def __init__(self, *args, years=(), exclude_school=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["school_year"].choices = list(years)
        if exclude_school is not None:
            self.fields["to_school"].queryset = SCHOOLS.exclude(pk=exclude_school.pk)


class ReportForm(Form):
    to_school = forms.ModelChoiceField(
        label=_("Naar school"),
        queryset=SCHOOLS,
        required=False,
        error_messages={"invalid_choice": _("Kies een school uit de lijst.")},
    )
    method = forms.ChoiceField(
        label=_("Soort overdracht"),
        choices=Method.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies warm of koud."), "invalid_choice": _("Kies warm of koud.")},
    )
    learning = forms.CharField(
        label=_("Leerresultaten en ontwikkeling"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    support = forms.CharField(
        label=_("Ondersteuning: wat de leerling kreeg en wat werkte"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
    )
    wellbeing = forms.CharField(
        label=_("Sociaal-emotionele ontwikkeling en werkhouding"), widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
    )  # fmt: skip
    attendance = forms.CharField(
        label=_("Aanwezigheid en verzuim"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    schooladvies = forms.ChoiceField(
        label=_("Schooladvies"),
        choices=[("", "---------"), *Schooladvies.choices],
        required=False,
        error_messages={"invalid_choice": _("Kies een schooladvies uit de lijst.")},
    )
    schooladvies_on = forms.DateField(label=_("Schooladvies gegeven op"), required=False, error_messages=DATE_ERRORS)
    conversation_on = forms.DateField(
        label=_("Gesprek met de ontvangende school op"), required=False, error_messages=DATE_ERRORS
    )
    conversation_with = forms.CharField(
        label=_("Met wie van de ontvangende school"), max_length=300, required=False,
        help_text=_("Naam en functie, bijvoorbeeld: mevrouw Smit, zorgcoördinator."),
    )  # fmt: skip
    conversation_notes = forms.CharField(
        label=_("Afspraken uit het gesprek"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )

    def __init__(self, *args, handover=None, **kwargs):
        super().__init__(*args, **kwargs)
        # Needed before handing over (``services.missing``), not to save a draft: no "(niet verplicht)".
        for name in ("to_school", "learning", "support", "wellbeing", "schooladvies", "schooladvies_on"):
            self.fields[name].conditionally_required = True
        if handover is not None and handover.is_warm:
            self.fields["conversation_on"].conditionally_required = True
            self.fields["conversation_with"].conditionally_required = True
        if handover is not None:
            self.fields["to_school"].queryset = SCHOOLS.exclude(pk=handover.from_school_id)
            if not handover.changes_school:
                del self.fields["to_school"]
            if handover.transfer != Transfer.PO_VO:
                del self.fields["schooladvies"]
                del self.fields["schooladvies_on"]


class ParentsViewForm(Form):
    parents_view = forms.CharField(
        label=_("Uw reactie op het rapport"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Wat u herkent, wat u anders ziet, of wat u de nieuwe school wilt meegeven."),
        error_messages={"required": _("Vul uw reactie in.")},
    )
