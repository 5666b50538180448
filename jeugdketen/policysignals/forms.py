from django import forms
from django.utils.translation import gettext_lazy as _

from jeugdketen.core.forms import Form

from .models import Domain, PolicySignal, Theme


class RaiseForm(Form):
    title = forms.CharField(
        label=_("Onderwerp"), max_length=200, error_messages={"required": _("Vul het onderwerp in.")}
    )
    description = forms.CharField(
        label=_("Wat ziet u"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Wat ziet u vaker gebeuren, en wat is het gevolg? Noem geen kinderen, ouders of andere "
            "herkenbare gegevens: BSN, datums, telefoonnummers en e-mailadressen haalt de app eruit."
        ),
        error_messages={"required": _("Vul wat ziet u in.")},
    )
    suggestion = forms.CharField(label=_("Wat zou helpen"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    theme = forms.ChoiceField(
        label=_("Thema"),
        choices=[("", "---------"), *Theme.choices],
        error_messages={"required": _("Kies een thema."), "invalid_choice": _("Kies een thema.")},
    )
    domain = forms.ChoiceField(
        label=_("Domein"),
        choices=Domain.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies het domein."), "invalid_choice": _("Kies het domein.")},
    )


class AnswerForm(Form):
    answer = forms.CharField(
        label=_("Antwoord"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Wat u met het signaal doet, of waarom niet. De melder krijgt bericht."),
        error_messages={"required": _("Vul het antwoord in.")},
    )


class GroupForm(Form):
    group = forms.TypedChoiceField(label=_("Bij groep"), coerce=int, required=False, empty_value=None)
    new_title = forms.CharField(
        label=_("Of een nieuwe groep"),
        max_length=200,
        required=False,
        help_text=_("Het onderwerp dat deze signalen delen."),
    )

    def __init__(self, *args, groups=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["group"].choices = [("", "---------"), *((g.pk, g.title) for g in groups)]
        self.fields["group"].error_messages["invalid_choice"] = _("Kies een groep uit de lijst.")


class FilterForm(Form):
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("Alle")), *PolicySignal.Status.choices], required=False
    )
    theme = forms.ChoiceField(label=_("Thema"), choices=[("", _("Alle thema's")), *Theme.choices], required=False)
