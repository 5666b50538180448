"""The meeting's forms. Choices come from what the page already loaded (no query per agenda item);
the services check every rule again."""

from __future__ import annotations

from datetime import datetime

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jeugdketen.access import policy
from jeugdketen.access.categories import Category
from jeugdketen.cases.models import Involvement
from jeugdketen.core.forms import Form
from jeugdketen.organisations.models import Professional
from jeugdketen.plans.models import Agreement

from .models import Meeting, Section

DATE_ERRORS = {"required": _("Vul de datum in."), "invalid": _("Vul een geldige datum in.")}


class ServiceErrorsMixin:
    """Puts a service's messages on this form's fields, also where the form names a field otherwise."""

    error_fields: dict[str, str] = {}

    def add_error_from(self, exc) -> None:
        errors = getattr(exc, "message_dict", None) or {None: exc.messages}
        for name, messages in errors.items():
            name = self.error_fields.get(name, name)
            target = name if name in self.fields else None
            for message in messages:
                self.add_error(target, message)


class MeetingForm(ServiceErrorsMixin, Form):
    error_fields = {"starts_at": "date"}

    kind = forms.ChoiceField(
        label=_("Soort overleg"),
        choices=Meeting.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies het soort overleg."), "invalid_choice": _("Kies het soort overleg.")},
    )
    date = forms.DateField(label=_("Datum"), error_messages=DATE_ERRORS)
    time = forms.TimeField(
        label=_("Tijd"),
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        error_messages={"required": _("Vul de tijd in."), "invalid": _("Vul een geldige tijd in, bijvoorbeeld 09:30.")},
    )
    place = forms.CharField(
        label=_("Plaats"),
        max_length=200,
        help_text=_("Een adres, een ruimte op school, of ‘online’."),
        error_messages={"required": _("Vul in waar het overleg is: een adres, een ruimte of ‘online’.")},
    )
    chair = forms.ModelChoiceField(
        label=_("Voorzitter"),
        queryset=Professional.objects.none(),
        help_text=_("Vaak de intern begeleider of de casusregisseur."),
        error_messages={"required": _("Kies de voorzitter."), "invalid_choice": _("Kies de voorzitter uit de lijst.")},
    )
    cases = forms.MultipleChoiceField(
        label=_("Te bespreken casussen"),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("De casussen waarbij u betrokken bent. Elke casus krijgt een agendapunt met de drie vragen "
                    "van de HGW-bespreekcyclus."),
        error_messages={
            "required": _("Kies minstens één casus om te bespreken."),
            "invalid_choice": _("U kunt alleen casussen agenderen waarbij u zelf betrokken bent."),
        },
    )  # fmt: skip

    def __init__(self, *args, professional: Professional, involvements=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cases"].choices = [
            (inv.case_id, f"{inv.case.youth.full_name} ({inv.case.reference}) — {inv.case.subject}")
            for inv in involvements
        ]
        # The chair: a colleague of the organiser's own organisation, or someone involved in one of
        # the organiser's cases (not in the police's function: that involvement is not everyone's to see).
        involved = (
            Involvement.objects.active()
            .filter(case__in=[inv.case_id for inv in involvements])
            .exclude(function__code=policy.POLICE_FUNCTION)
            .values("professional_id")
        )
        self.fields["chair"].queryset = (
            Professional.objects.filter(Q(organisation=professional.organisation) | Q(pk__in=involved))
            .filter(user__is_active=True)
            .exclude(functions__code=policy.PRIVACY_OFFICER_FUNCTION)
            .select_related("user", "organisation")
            .distinct()
            .order_by("user__last_name", "user__first_name")
        )
        self.fields["chair"].label_from_instance = lambda p: f"{p.name} — {p.organisation.name}"
        self.fields["chair"].initial = professional.pk

    def clean(self):
        data = super().clean()
        if data.get("date") and data.get("time"):
            data["starts_at"] = timezone.make_aware(datetime.combine(data["date"], data["time"]))
        return data


class ParticipantsForm(ServiceErrorsMixin, Form):
    professionals = forms.MultipleChoiceField(
        label=_("Professionals"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Wie bij een casus van dit overleg betrokken is."),
        error_messages={"invalid_choice": _("Kies professionals uit de lijst.")},
    )
    family = forms.MultipleChoiceField(
        label=_("Ouders en jeugdige"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Per casus de ouders met gezag (tot de jeugdige 16 is) en de jeugdige vanaf 12 jaar."),
        error_messages={"invalid_choice": _("Kies ouders of de jeugdige uit de lijst.")},
    )

    def __init__(self, *args, view, **kwargs):
        super().__init__(*args, prefix="invite", **kwargs)
        self.fields["professionals"].choices = [
            (
                inv.professional_id,
                f"{inv.professional.name} — {inv.function.name}, {inv.professional.organisation.name}",
            )
            for inv, _item in view.invitable
        ]
        self.fields["family"].choices = family_choices(view)

    def clean(self):
        data = super().clean()
        if not self.errors and not data.get("professionals") and not data.get("family"):
            self.add_error("professionals", _("Kies wie u uitnodigt."))
        return data


def family_choices(view) -> list[tuple[str, str]]:
    """Per agenda item the reader may write in: the parents with gezag (youth under 16) and the youth
    from 12 who are not invited yet. Values: ``ouder:<item>:<carer>`` and ``jeugdige:<item>``."""
    today = view.today
    choices = []
    for item_view in view.items:
        if not item_view.may_write:
            continue
        youth = item_view.youth
        age = youth.age(today)
        invited = {(p.carer_id, p.youth_id) for p in item_view.family}
        if age < policy.PARENT_ACCESS_UNTIL_AGE:
            for relation in item_view.carers:
                if relation.has_gezag and (relation.carer_id, None) not in invited:
                    choices.append(
                        (
                            f"ouder:{item_view.item.pk}:{relation.carer_id}",
                            _("%(name)s (%(kind)s van %(youth)s)")
                            % {
                                "name": relation.carer.full_name,
                                "kind": relation.get_kind_display().lower(),
                                "youth": youth.full_name,
                            },
                        )
                    )
        if age >= policy.YOUTH_OWN_ACCESS_FROM_AGE and (None, youth.pk) not in invited:
            choices.append(
                (
                    f"jeugdige:{item_view.item.pk}",
                    _("%(name)s zelf (%(age)s jaar)") % {"name": youth.full_name, "age": age},
                )
            )
    return choices


class MinuteForm(ServiceErrorsMixin, Form):
    section = forms.ChoiceField(
        label=_("Bij de vraag"),
        choices=Section.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Kies bij welke vraag dit hoort."),
            "invalid_choice": _("Kies bij welke vraag dit hoort."),
        },
    )
    category = forms.ChoiceField(
        label=_("Categorie"),
        help_text=_("Wie het verslag leest, hangt af van de categorie. Politie-informatie: categorie Politie."),
        error_messages={"required": _("Kies een categorie."), "invalid_choice": _("Kies een categorie uit de lijst.")},
    )
    text = forms.CharField(
        label=_("Verslag"),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Schrijf wat er besproken is.")},
    )

    def __init__(self, *args, item_view, **kwargs):
        super().__init__(*args, prefix=f"item{item_view.item.pk}-minute", **kwargs)
        self.fields["category"].choices = [(c.value, c.label) for c in Category if c in item_view.writable_categories]


class DecisionForm(ServiceErrorsMixin, Form):
    error_fields = {"owner_kind": "owner", "owner_professional": "owner", "owner_carer": "owner"}

    what = forms.CharField(
        label=_("Wat"),
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Schrijf wat er wordt gedaan.")},
    )
    owner = forms.ChoiceField(
        label=_("Wie doet het"),
        error_messages={
            "required": _("Kies wie het besluit uitvoert."),
            "invalid_choice": _("Kies wie het besluit uitvoert."),
        },
    )
    due_on = forms.DateField(
        label=_("Uiterlijk"),
        error_messages={
            "required": _("Vul in wanneer het klaar moet zijn."),
            "invalid": _("Vul een geldige datum in."),
        },
    )

    def __init__(self, *args, item_view, **kwargs):
        super().__init__(*args, prefix=f"item{item_view.item.pk}-decision", **kwargs)
        choices = [("", _("— kies —"))]
        seen = set()
        for inv in item_view.involvements:
            if inv.professional_id not in seen:
                seen.add(inv.professional_id)
                choices.append(
                    (f"professional:{inv.professional_id}", f"{inv.professional.name} ({inv.function.name})")
                )
        choices.append(("ouder:", _("De ouders")))
        for relation in item_view.carers:
            choices.append(
                (f"ouder:{relation.carer_id}", f"{relation.carer.full_name} ({relation.get_kind_display().lower()})")
            )
        choices.append(("jeugdige:", _("%(name)s (de jeugdige)") % {"name": item_view.youth.full_name}))
        self.fields["owner"].choices = choices

    def clean(self):
        data = super().clean()
        owner = data.get("owner")
        if owner:
            kind, _sep, pk = owner.partition(":")
            data["owner_kind"] = kind
            data["owner_professional_id"] = int(pk) if kind == Agreement.Owner.PROFESSIONAL and pk else None
            data["owner_carer_id"] = int(pk) if kind == Agreement.Owner.PARENT and pk else None
        return data


class OutcomeForm(ServiceErrorsMixin, Form):
    outcome = forms.CharField(
        label=_("Uitkomst"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("In woorden die ouders herkennen. Gaat na het afronden met de besluiten naar iedereen die "
                    "betrokken is, ouders ook; politie-informatie hoort hier niet."),
        error_messages={"required": _("Schrijf de uitkomst op, in woorden die ouders herkennen.")},
    )  # fmt: skip

    def __init__(self, *args, item_view, **kwargs):
        super().__init__(*args, prefix=f"item{item_view.item.pk}-outcome", **kwargs)
        if not self.is_bound:
            self.initial["outcome"] = item_view.item.outcome
