"""Keeping the sociale kaart: adding an entry, changing it, confirming that it is still right,
archiving it, and reminding keepers whose entries are due for confirmation. Every operation takes
the acting user and checks ``rules``; each writes a ``ServiceEvent`` in the same transaction."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from jeugdketen.access.exceptions import NotAllowed
from jeugdketen.intake.services import no_markup
from jeugdketen.organisations.models import Organisation, Professional

from . import rules
from .models import AGE_MAX, Service, ServiceEvent, Theme

NAME_MAX = 200
TEXT_MAX = 4000
THEMES_MAX = 10


@dataclass
class ServiceData:
    """What a manager fills in for an entry."""

    name: str
    offer: str
    audience: str
    age_min: int | None
    age_max: int | None
    keeper: Professional | None
    how_to_refer: str = ""
    needs_referral: bool = False
    phone: str = ""
    email: str = ""
    website: str = ""
    themes: list[str] = field(default_factory=list)


def _clean(data: ServiceData, organisation: Organisation) -> dict:
    errors: dict[str, str] = {}
    name = (data.name or "").strip()
    offer = (data.offer or "").strip()
    audience = (data.audience or "").strip()
    if not name:
        errors["name"] = _("Vul de naam van het aanbod in.")
    elif len(name) > NAME_MAX:
        errors["name"] = _("De naam is te lang (hoogstens %(n)d tekens).") % {"n": NAME_MAX}
    if not offer:
        errors["offer"] = _("Beschrijf wat er wordt geboden.")
    elif len(offer) > TEXT_MAX:
        errors["offer"] = _("De beschrijving is te lang (hoogstens %(n)d tekens).") % {"n": TEXT_MAX}
    if not audience:
        errors["audience"] = _("Vul in voor wie het aanbod is.")
    elif len(audience) > 300:
        errors["audience"] = _("'Voor wie' is te lang (hoogstens 300 tekens).")
    if len(data.how_to_refer or "") > TEXT_MAX:
        errors["how_to_refer"] = _("De aanmeldroute is te lang (hoogstens %(n)d tekens).") % {"n": TEXT_MAX}
    if data.age_min is None:
        errors["age_min"] = _("Vul de leeftijd vanaf in.")
    elif not 0 <= data.age_min <= AGE_MAX:
        errors["age_min"] = _("De leeftijd vanaf ligt tussen 0 en %(max)d.") % {"max": AGE_MAX}
    if data.age_max is None:
        errors["age_max"] = _("Vul de leeftijd tot en met in.")
    elif not 0 <= data.age_max <= AGE_MAX:
        errors["age_max"] = _("De leeftijd tot en met ligt tussen 0 en %(max)d.") % {"max": AGE_MAX}
    elif "age_min" not in errors and data.age_min > data.age_max:  # compare only a valid age_min
        errors["age_max"] = _("De leeftijd tot en met is lager dan de leeftijd vanaf.")
    if data.keeper is None:
        errors["keeper"] = _("Kies wie dit aanbod beheert.")
    elif not rules.possible_keepers(organisation).filter(pk=data.keeper.pk).exists():
        errors["keeper"] = _("Kies als beheerder iemand van %(org)s, of een manager van de gemeente.") % {
            "org": organisation.name
        }
    if len((data.phone or "").strip()) > 20:
        errors["phone"] = _("Het telefoonnummer is te lang (hoogstens 20 tekens).")
    if len((data.email or "").strip()) > 254:
        errors["email"] = _("Het e-mailadres is te lang.")
    if len((data.website or "").strip()) > 200:
        errors["website"] = _("Het webadres is te lang (hoogstens 200 tekens).")
    # One theme per spelling: "Opvoeden" and "opvoeden" are the same theme (``_set_themes``).
    spelled: dict[str, str] = {}
    for theme in data.themes:
        if theme and theme.strip():
            spelled.setdefault(theme.strip().casefold(), theme.strip())
    themes = sorted(spelled.values())
    if len(themes) > THEMES_MAX:
        errors["themes"] = _("Kies hoogstens %(n)d thema's.") % {"n": THEMES_MAX}
    elif any(len(t) > 60 for t in themes):
        errors["themes"] = _("Een thema is hoogstens 60 tekens.")
    else:  # a theme is plain text like the rest, shown on every search page
        for theme in themes:
            try:
                no_markup(theme, "themes", _("Thema"))
            except ValidationError as exc:
                errors["themes"] = exc.message_dict["themes"][0]
                break
    for name_, label in (("name", _("Naam")), ("offer", _("Wat wordt geboden")), ("audience", _("Voor wie")),
                         ("how_to_refer", _("Aanmeldroute"))):  # fmt: skip
        if name_ not in errors:
            try:
                no_markup(getattr(data, name_), name_, label)
            except ValidationError as exc:
                errors[name_] = exc.message_dict[name_][0]
    if errors:
        raise ValidationError(errors)
    return {
        "name": name,
        "offer": offer,
        "audience": audience,
        "age_min": data.age_min,
        "age_max": data.age_max,
        "keeper": data.keeper,
        "how_to_refer": (data.how_to_refer or "").strip(),
        "needs_referral": bool(data.needs_referral),
        "phone": (data.phone or "").strip(),
        "email": (data.email or "").strip(),
        "website": (data.website or "").strip(),
        "themes": themes,
    }


def _set_themes(service: Service, names: list[str]) -> None:
    existing = {t.name.casefold(): t for t in Theme.objects.all()}
    themes = []
    for name in names:
        theme = existing.get(name.casefold())
        if theme is None:
            theme = Theme.objects.create(name=name)
            existing[name.casefold()] = theme
        themes.append(theme)
    service.themes.set(themes)


def _manager(actor) -> Professional:
    professional = rules.reader(actor)
    if professional is None:
        raise NotAllowed(_("De sociale kaart is voor professionals."))
    return professional


@transaction.atomic
def service_create(*, actor, organisation: Organisation, data: ServiceData) -> Service:
    """A manager adds an entry for their organisation (or, as manager of the gemeente, for any
    organisation in it). Adding it confirms it."""
    professional = _manager(actor)
    if organisation is None:
        raise ValidationError({"organisation": _("Kies de organisatie die het aanbod biedt.")})
    if not rules.may_add_for(professional, organisation):
        raise NotAllowed(_("Alleen een manager van de organisatie of van de gemeente voegt aanbod toe."))
    values = _clean(data, organisation)
    themes = values.pop("themes")
    service = Service.objects.create(
        organisation=organisation,
        last_confirmed_on=timezone.localdate(),
        last_confirmed_by=professional,
        **values,
    )
    _set_themes(service, themes)
    ServiceEvent.objects.create(service=service, kind=ServiceEvent.Kind.CREATED, by=professional)
    return service


def _locked(service_id: int) -> Service:
    return Service.objects.select_for_update(of=("self",)).select_related("organisation").get(pk=service_id)


@transaction.atomic
def service_update(*, actor, service: Service, data: ServiceData) -> Service:
    """The keeper (or a manager who may keep it) changes an entry; a change is also a
    confirmation that the entry is right."""
    professional = _manager(actor)
    service = _locked(service.pk)
    if not rules.may_keep(professional, service):
        raise NotAllowed(_("Alleen de beheerder of een manager van de organisatie of gemeente wijzigt dit aanbod."))
    if service.archived_on is not None:
        raise ValidationError(_("Dit aanbod is gearchiveerd en wordt niet meer gewijzigd."))
    values = _clean(data, service.organisation)
    themes = values.pop("themes")
    for name, value in values.items():
        setattr(service, name, value)
    service.last_confirmed_on = timezone.localdate()
    service.last_confirmed_by = professional
    service.reminded_on = None
    service.save()
    _set_themes(service, themes)
    ServiceEvent.objects.create(service=service, kind=ServiceEvent.Kind.UPDATED, by=professional)
    return service


@transaction.atomic
def service_confirm(*, actor, service: Service) -> Service:
    """ "Klopt nog": the keeper confirms that the entry is still right, without changes."""
    professional = _manager(actor)
    service = _locked(service.pk)
    if not rules.may_keep(professional, service):
        raise NotAllowed(_("Alleen de beheerder of een manager van de organisatie of gemeente bevestigt dit aanbod."))
    if service.archived_on is not None:
        raise ValidationError(_("Dit aanbod is gearchiveerd."))
    service.last_confirmed_on = timezone.localdate()
    service.last_confirmed_by = professional
    service.reminded_on = None
    service.save(update_fields=["last_confirmed_on", "last_confirmed_by", "reminded_on"])
    ServiceEvent.objects.create(service=service, kind=ServiceEvent.Kind.CONFIRMED, by=professional)
    return service


@transaction.atomic
def service_archive(*, actor, service: Service, reason: str) -> Service:
    """The offer stops: the entry leaves the search, but stays readable with its history (a
    referral made from it still names it)."""
    professional = _manager(actor)
    service = _locked(service.pk)
    if not rules.may_keep(professional, service):
        raise NotAllowed(_("Alleen de beheerder of een manager van de organisatie of gemeente archiveert dit aanbod."))
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Vul in waarom het aanbod stopt.")})
    if len(reason) > 300:
        raise ValidationError({"reason": _("De reden is te lang (hoogstens 300 tekens).")})
    if service.archived_on is not None:
        raise ValidationError(_("Dit aanbod is al gearchiveerd."))
    service.archived_on = timezone.localdate()
    service.save(update_fields=["archived_on"])
    ServiceEvent.objects.create(service=service, kind=ServiceEvent.Kind.ARCHIVED, by=professional, note=reason)
    return service


def _reminder(keeper: Professional, services: list[Service], link: str) -> EmailMessage:
    lines = "\n".join(f"- {s.name} ({s.organisation.name}), laatst bevestigd {s.last_confirmed_on:%d-%m-%Y}"
                      for s in services)  # fmt: skip
    return EmailMessage(
        subject=_("Jeugdketen: aanbod op de sociale kaart bevestigen"),
        body=_(
            "U beheert aanbod op de sociale kaart dat al lang niet is bevestigd:\n\n%(lines)s\n\n"
            "Kijk of het nog klopt, en bevestig of wijzig het: %(link)s"
        )
        % {"lines": lines, "link": link},
        to=[keeper.email],
    )


def keepers_remind(*, today: date | None = None) -> int:
    """Mail each keeper once about their entries whose confirmation is due and not yet reminded;
    the number of mails. The entries are claimed (locked, skipping what another worker holds)."""
    today = today or timezone.localdate()
    link = settings.SITE_URL.rstrip("/") + reverse("socialmap:mine")
    with transaction.atomic():
        due = list(
            Service.objects.current()
            .stale(today)
            .filter(reminded_on__isnull=True, keeper__user__is_active=True)
            .select_for_update(skip_locked=True, of=("self",))
            .select_related("organisation", "keeper")
            .order_by("keeper_id", "name", "pk")
        )
        by_keeper: dict[int, list[Service]] = {}
        for service in due:
            # A keeper without an address gets no mail: their entries are not marked as reminded
            # (nor logged as such), so the reminder goes out once they have one.
            if service.keeper.email:
                by_keeper.setdefault(service.keeper_id, []).append(service)
        messages = [_reminder(services[0].keeper, services, link) for services in by_keeper.values()]
        reminded = [s for services in by_keeper.values() for s in services]
        if messages:
            get_connection().send_messages(messages)
        Service.objects.filter(pk__in=[s.pk for s in reminded]).update(reminded_on=today)
        ServiceEvent.objects.bulk_create(
            ServiceEvent(service=s, kind=ServiceEvent.Kind.REMINDED, note=s.keeper.name) for s in reminded
        )
    return len(messages)
