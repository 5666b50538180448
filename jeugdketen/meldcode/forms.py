"""Forms of the meldcode pages. They only parse the input (a date, ja/nee); what is required, also
depending on other answers (the questions after "nee" on question 1, a report's date, a deviation
from the advice), the services check — all fields at once, with the same Dutch messages for the
pages and the API."""

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from jeugdketen.core.forms import Form

from .steps import CONVERSATION_STEP, QUESTION_NUMBERS, QUESTIONS

YES_NO = [("ja", _("Ja")), ("nee", _("Nee"))]


def _yes_no(value: str) -> bool:
    return value == "ja"


def _required_by_service(field: forms.Field) -> forms.Field:
    """The service says when this field is missing; the label shows no "(niet verplicht)"."""
    field.conditionally_required = True
    return field


def date_field(label, *, optional: bool = False, help_text: str = "") -> forms.DateField:
    field = forms.DateField(
        label=label, required=False, help_text=help_text, error_messages={"invalid": _("Vul een geldige datum in.")}
    )
    return field if optional else _required_by_service(field)


def yes_no_field(label, *, help_text: str = "") -> forms.TypedChoiceField:
    return _required_by_service(
        forms.TypedChoiceField(
            label=label,
            choices=YES_NO,
            coerce=_yes_no,
            empty_value=None,
            required=False,
            widget=forms.RadioSelect,
            help_text=help_text,
            error_messages={"invalid_choice": _("Kies ja of nee.")},
        )
    )


def text_field(label, *, optional: bool = False, help_text: str = "", rows: int = 3) -> forms.CharField:
    field = forms.CharField(
        label=label, required=False, help_text=help_text, widget=forms.Textarea(attrs={"rows": rows})
    )
    return field if optional else _required_by_service(field)


class TrackOpenForm(Form):
    opened_on = date_field(_("Gestart op"))
    reason = text_field(
        _("Aanleiding"),
        help_text=_("De zorg over de veiligheid van de jeugdige: wat is er gezien of gehoord, en door wie?"),
        rows=4,
    )


class StepForm(Form):
    """Step 1, 2 or 3. Step 3 also asks whether the conversation was held."""

    done_on = date_field(_("Datum"))
    held = yes_no_field(
        _("Is het gesprek met de betrokkene(n) gevoerd?"),
        help_text=_("Kies nee alleen als het gesprek de veiligheid in gevaar zou brengen."),
    )
    notes = text_field(_("Verslag en motivering"), rows=5)

    def __init__(self, *args, number: int, **kwargs):
        super().__init__(*args, **kwargs)
        if number != CONVERSATION_STEP:
            del self.fields["held"]
        else:
            self.fields["notes"].label = _("Verslag van het gesprek, of waarom het niet is gevoerd")


def _weighing_fields() -> dict[str, forms.Field]:
    fields: dict[str, forms.Field] = {"done_on": date_field(_("Datum"))}
    for n, question in zip(QUESTION_NUMBERS, QUESTIONS, strict=True):
        later = "" if n == 1 else _("Alleen bij ja op vraag 1.")
        fields[f"answer_{n}"] = yes_no_field(
            format_lazy(_("Vraag {n}: {question}"), n=n, question=question), help_text=later
        )
        fields[f"motivation_{n}"] = text_field(format_lazy(_("Motivering bij vraag {n}"), n=n), help_text=later)
    fields["notes"] = text_field(_("Toelichting op de weging"), optional=True)
    return fields


class WeighingForm(type("_WeighingFields", (Form,), _weighing_fields())):
    """Step 4: the afwegingskader: answer_1..5 and motivation_1..5, then a general note."""

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        return {
            "done_on": data.get("done_on"),
            "answers": {n: data.get(f"answer_{n}") for n in QUESTION_NUMBERS},
            "motivations": {n: data.get(f"motivation_{n}", "") for n in QUESTION_NUMBERS},
            "notes": data.get("notes", ""),
        }


class DecisionForm(Form):
    """Step 5: the two decisions."""

    done_on = date_field(_("Datum van het besluit"))
    report = yes_no_field(_("Melden bij Veilig Thuis"))
    reported_on = date_field(_("Gemeld op"), help_text=_("Alleen bij een melding."))
    report_what = text_field(_("Wat is gemeld"), help_text=_("Alleen bij een melding."))
    report_motivation = text_field(_("Motivering melden"))
    help_possible = yes_no_field(_("Hulp bieden of organiseren is (ook) mogelijk"))
    help_motivation = text_field(_("Motivering hulp"))
    deviation_motivation = text_field(
        _("Motivering van de afwijking van het advies"),
        help_text=_("Alleen als uw besluit afwijkt van het advies van het afwegingskader."),
    )


class CloseForm(Form):
    closed_on = date_field(_("Datum"))
    motivation = text_field(
        _("Motivering"),
        help_text=_(
            "Verplicht als u afsluit vóór het besluit (stap 5), bijvoorbeeld omdat het vermoeden is weggenomen."
        ),
    )
