from django import forms
from django.utils.translation import gettext_lazy as _

from jeugdketen.core.forms import Form

from .models import Agreement, Goal

DATE_ERRORS = {"required": _("Vul de datum in."), "invalid": _("Vul een geldige datum in.")}


class VersionedForm(Form):
    """Every change names the plan version it was made on (optimistic locking)."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class GoalForm(VersionedForm):
    text = forms.CharField(
        label=_("Doel"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
        help_text=_("Zo veel mogelijk in de woorden van het gezin."),
        error_messages={"required": _("Vul het doel in.")},
    )


class GoalStatusForm(VersionedForm):
    status = forms.ChoiceField(label=_("Status"), choices=Goal.Status.choices)


class AgreementForm(VersionedForm):
    what = forms.CharField(
        label=_("Wat wordt er gedaan?"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
        error_messages={"required": _("Vul in wat er wordt gedaan.")},
    )
    owner = forms.ChoiceField(label=_("Door wie?"), error_messages={"required": _("Kies wie de afspraak uitvoert.")})
    due_on = forms.DateField(label=_("Uiterlijk op"), error_messages=DATE_ERRORS)
    goal = forms.ChoiceField(label=_("Bij doel"), required=False)

    def __init__(self, *args, owners=(), goals=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].choices = [("", "---------"), *owners]
        self.fields["goal"].choices = [("", _("(geen)")), *[(str(g.pk), g.text[:80]) for g in goals]]


class AgreementUpdateForm(VersionedForm):
    status = forms.ChoiceField(label=_("Status"), choices=Agreement.Status.choices)
    note = forms.CharField(label=_("Toelichting"), widget=forms.Textarea(attrs={"rows": 2}), required=False)


class EvaluationForm(VersionedForm):
    planned_on = forms.DateField(label=_("Datum evaluatiemoment"), error_messages=DATE_ERRORS)


class EvaluationRecordForm(VersionedForm):
    held_on = forms.DateField(label=_("Gehouden op"), error_messages=DATE_ERRORS)
    outcome = forms.CharField(
        label=_("Uitkomst"),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Vul de uitkomst van de evaluatie in.")},
    )
    contacts_confirmed = forms.BooleanField(
        label=_("Ik heb gecontroleerd wie er betrokken is, en hun telefoon en e-mail kloppen"),
        required=False,
    )
    contacts_confirmed.conditionally_required = True


class EndEvaluationForm(VersionedForm):
    text = forms.CharField(
        label=_("Eindevaluatie"),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Vul de eindevaluatie in.")},
    )
    evaluated_on = forms.DateField(label=_("Datum"), error_messages=DATE_ERRORS)
    nazorg_on = forms.DateField(
        label=_("Nazorgmoment"),
        required=False,
        help_text=_("Als het plan dat afspreekt: een moment enkele maanden later om terugval op te merken."),
        error_messages=DATE_ERRORS,
    )


class ApprovalForm(VersionedForm):
    agrees = forms.TypedChoiceField(
        label=_("Bent u het eens met dit plan?"),
        choices=[
            ("ja", _("Ja, ik ben het eens met het plan")),
            ("nee", _("Nee, ik mis iets of ben het ergens niet mee eens")),
        ],
        coerce=lambda v: v == "ja",
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies of u het eens bent met het plan.")},
    )
    comment = forms.CharField(
        label=_("Toelichting"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("Verplicht als u het niet eens bent: wat mist u, of wat zou u anders willen?"),
    )
    comment.conditionally_required = True


class MessageForm(Form):
    text = forms.CharField(
        label=_("Uw bericht of vraag aan de casusregisseur"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=4000,
        error_messages={"required": _("Schrijf uw bericht.")},
    )


class AnswerForm(Form):
    answer = forms.CharField(
        label=_("Antwoord"),
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Schrijf het antwoord.")},
    )
