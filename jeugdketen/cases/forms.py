from django import forms
from django.utils.translation import gettext_lazy as _

from jeugdketen.access import policy
from jeugdketen.access.categories import Category
from jeugdketen.core.forms import Form
from jeugdketen.organisations.models import Function, Professional

from .models import Case


class CaseOpenForm(Form):
    subject = forms.CharField(
        label=_("Aanleiding"),
        max_length=200,
        help_text=_("In één zin: waarom deze casus, in woorden die ouders herkennen."),
        error_messages={"required": _("Vul de aanleiding in.")},
    )
    function = forms.ModelChoiceField(
        label=_("Uw functie in deze casus"),
        queryset=Function.objects.none(),
        error_messages={"required": _("Kies uw functie in deze casus.")},
    )

    def __init__(self, *args, professional=None, **kwargs):
        super().__init__(*args, **kwargs)
        ids = [f.pk for f in policy.functions_for_involvement(professional)] if professional else []
        self.fields["function"].queryset = Function.objects.filter(pk__in=ids)
        if len(ids) == 1:
            self.fields["function"].initial = ids[0]


class JournalEntryForm(Form):
    category = forms.ChoiceField(label=_("Categorie"), error_messages={"required": _("Kies een categorie.")})
    occurred_on = forms.DateField(
        label=_("Datum"), error_messages={"required": _("Vul de datum in."), "invalid": _("Vul een geldige datum in.")}
    )
    title = forms.CharField(
        label=_("Onderwerp"), max_length=200, error_messages={"required": _("Vul het onderwerp in.")}
    )
    text = forms.CharField(
        label=_("Verslag"),
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": _("Schrijf wat er is gebeurd of afgesproken.")},
    )

    def __init__(self, *args, categories=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = [(c.value, c.label) for c in Category if c in categories]


class InvolvementForm(Form):
    """Involve a professional: found by a search over the directory (a region has thousands of
    professionals, too many for one list), then chosen from at most ``MAX_OPTIONS`` matches."""

    MAX_OPTIONS = 20

    search = forms.CharField(
        label=_("Zoek de professional"),
        help_text=_("Minstens twee letters van de naam, de organisatie of de functie."),
        required=False,
        max_length=100,
    )
    professional = forms.ModelChoiceField(
        label=_("Professional"),
        queryset=Professional.objects.none(),
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies wie u betrekt.")},
    )
    function = forms.ModelChoiceField(
        label=_("Functie in de casus"),
        queryset=Function.objects.all(),
        error_messages={"required": _("Kies de functie in de casus.")},
    )
    note = forms.CharField(label=_("Rol / toelichting"), max_length=200, required=False)

    def __init__(self, *args, search: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        from jeugdketen.organisations.selectors import professional_search

        field = self.fields["professional"]
        field.queryset = professional_search()  # any active professional may be chosen
        self.query = (self.data.get("search", "") if self.is_bound else search).strip()
        self.fields["search"].initial = self.query
        # What is shown: the matches of the search, and the one already chosen.
        shown = list(professional_search(query=self.query)[: self.MAX_OPTIONS]) if len(self.query) >= 2 else []
        chosen = self.data.get("professional") if self.is_bound else None
        if chosen and str(chosen).isdigit() and all(str(p.pk) != str(chosen) for p in shown):
            shown = list(professional_search().filter(pk=chosen)) + shown
        self.shown = shown
        field.widget.choices = [(p.pk, self.label(p)) for p in shown]
        self.fields["function"].queryset = Function.objects.exclude(code__in=["privacy_officer"])

    @staticmethod
    def label(professional: Professional) -> str:
        functions = ", ".join(f.name for f in professional.functions.all())
        return f"{professional.name} — {functions}, {professional.organisation.name}"

    def clean(self):
        data = super().clean()
        data.pop("search", None)  # only for finding, not for the service
        return data


class CaseUpdateForm(Form):
    status = forms.ChoiceField(label=_("Status"), choices=Case.Status.choices)
    next_date = forms.DateField(
        label=_("Volgende datum"), required=False, error_messages={"invalid": _("Vul een geldige datum in.")}
    )
    next_date_label = forms.CharField(label=_("Wat er dan gebeurt"), max_length=200, required=False)

    def clean(self):
        data = super().clean()
        if data.get("next_date") and not data.get("next_date_label"):
            self.add_error("next_date_label", _("Zeg wat er op de volgende datum gebeurt."))
        return data
