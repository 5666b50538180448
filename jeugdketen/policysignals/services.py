"""Raising, handling, grouping and answering beleidssignalen. Each operation takes the acting user,
checks ``rules``, and is atomic. A beleidssignaal holds no child data (``scrub``), so it is not
written to the access log; who raised and who answered stays on the record."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from jeugdketen.access.exceptions import NotAllowed, NotFoundOrForbidden
from jeugdketen.intake.services import no_markup
from jeugdketen.youth.models import Youth

from . import rules, scrub
from .models import Domain, Group, PolicySignal, Theme

TITLE_MAX = 200
TEXT_MAX = 4000


@dataclass
class Raised:
    signal: PolicySignal
    removed: list[str]  # the kinds the app stripped from the text

    @property
    def removed_labels(self) -> list[str]:
        return [str(scrub.LABELS[kind]) for kind in self.removed]


def _text(errors: dict, name: str, label: str, value: str, *, required: bool, maximum: int) -> str:
    value = (value or "").strip()
    if required and not value:
        errors[name] = _("Vul %(label)s in.") % {"label": label.lower()}
    elif len(value) > maximum:
        errors[name] = _("%(label)s is te lang (hoogstens %(n)d tekens).") % {"label": label, "n": maximum}
    else:
        try:
            no_markup(value, name, label)
        except ValidationError as exc:
            errors[name] = exc.message_dict[name][0]
    return value


def _clean_text(name: str, label: str, value: str, *, maximum: int) -> str:
    """A manager's text (an answer, a group's subject) kept free of child identity like a signal:
    stripped, and refused when it names a child."""
    errors: dict[str, str] = {}
    value = _text(errors, name, label, value, required=True, maximum=maximum)
    cleaned = scrub.strip(value).text
    _check_names(errors, {name: (cleaned, label)})
    if errors:
        raise ValidationError(errors)
    return cleaned


def _check_names(errors: dict, texts: dict[str, tuple[str, str]]) -> None:
    """Refuse a text that names a youth (see ``scrub``); one query for all fields."""
    words = scrub.capitalised_words(*(text for text, _label in texts.values()))
    if not words:
        return
    first_names = set(Youth.objects.filter(first_name__in=words).values_list("first_name", flat=True))
    for name, (text, label) in texts.items():
        found = scrub.names_in(text, first_names) if name not in errors else []
        if found:
            errors[name] = _(
                "%(label)s lijkt de naam van een kind te bevatten (%(name)s). Een beleidssignaal gaat over "
                "wat u vaker ziet, niet over één kind: laat namen en andere herkenbare gegevens weg."
            ) % {"label": label, "name": found[0]}


@transaction.atomic
def policy_signal_raise(
    *, actor, title: str, description: str, theme: str, domain: str, suggestion: str = ""
) -> Raised:
    """Any professional raises a beleidssignaal. What identifies a person is stripped from the
    texts; a child's name is refused. Goes to the managers of the professional's organisation and
    gemeente."""
    pro = rules.professional(actor)
    if pro is None:
        raise NotAllowed(_("Beleidssignalen zijn voor professionals."))
    errors: dict[str, str] = {}
    fields = {
        "title": (_("Onderwerp"), title, True, TITLE_MAX),
        "description": (_("Wat ziet u"), description, True, TEXT_MAX),
        "suggestion": (_("Wat zou helpen"), suggestion, False, TEXT_MAX),
    }
    removed: list[str] = []
    texts: dict[str, tuple[str, str]] = {}
    for name, (label, value, required, maximum) in fields.items():
        value = _text(errors, name, str(label), value, required=required, maximum=maximum)
        cleaned = scrub.strip(value)
        removed += [kind for kind in cleaned.removed if kind not in removed]
        texts[name] = (cleaned.text, str(label))
    if theme not in Theme.values:
        errors["theme"] = _("Kies een thema.")
    if domain not in Domain.values:
        errors["domain"] = _("Kies het domein.")
    _check_names(errors, texts)
    if errors:
        raise ValidationError(errors)
    signal = PolicySignal.objects.create(
        raised_by=pro,
        organisation=pro.organisation,
        municipality_id=pro.organisation.municipality_id,
        title=texts["title"][0],
        description=texts["description"][0],
        suggestion=texts["suggestion"][0],
        theme=theme,
        domain=domain,
        scrubbed=removed,
    )
    return Raised(signal, removed)


def _reviewer(actor, signal: PolicySignal):
    pro = rules.professional(actor)
    if not rules.may_review(pro, signal):
        if rules.may_read(pro, signal):
            raise NotAllowed(_("Beleidssignalen worden behandeld door een manager."))
        raise NotFoundOrForbidden
    return pro


def _locked(signal_id: int) -> PolicySignal:
    try:
        return PolicySignal.objects.select_for_update(of=("self",)).get(pk=signal_id)
    except PolicySignal.DoesNotExist:
        raise NotFoundOrForbidden from None


@transaction.atomic
def policy_signal_take_up(*, actor, signal_id: int) -> PolicySignal:
    """A manager takes a new signal up: in behandeling."""
    signal = _locked(signal_id)
    _reviewer(actor, signal)
    if signal.status == PolicySignal.Status.NEW:
        signal.status = PolicySignal.Status.REVIEWING
        signal.save(update_fields=["status"])
    return signal


@transaction.atomic
def policy_signal_answer(*, actor, signal_id: int, answer: str) -> PolicySignal:
    """A manager answers one signal; the professional who raised it is told."""
    signal = _locked(signal_id)
    pro = _reviewer(actor, signal)
    answer = _clean_text("answer", str(_("Antwoord")), answer, maximum=TEXT_MAX)
    signal.answer, signal.answered_by, signal.answered_at = answer, pro, timezone.now()
    signal.status = PolicySignal.Status.ANSWERED
    signal.save(update_fields=["answer", "answered_by", "answered_at", "status"])
    _notify([signal.pk])
    return signal


@transaction.atomic
def policy_signal_group(*, actor, signal_id: int, group_id: int | None = None, new_title: str = "") -> Group:
    """A manager puts a signal in a group of signals about the same thing: an existing group of
    the same municipality, or a new one with ``new_title``."""
    signal = _locked(signal_id)
    pro = _reviewer(actor, signal)
    new_title = (new_title or "").strip()
    if group_id:
        group = Group.objects.filter(pk=group_id, municipality_id=signal.municipality_id).first()
        if group is None:
            raise ValidationError({"group": _("Kies een groep van deze gemeente.")})
    elif new_title:
        new_title = _clean_text("new_title", str(_("Nieuwe groep")), new_title, maximum=TITLE_MAX)
        group = Group.objects.create(municipality_id=signal.municipality_id, title=new_title, created_by=pro)
    else:
        raise ValidationError({"group": _("Kies een groep, of geef een nieuwe groep een onderwerp.")})
    signal.group = group
    if signal.status == PolicySignal.Status.NEW:
        signal.status = PolicySignal.Status.REVIEWING
    if group.answer and not signal.answer:
        signal.status = PolicySignal.Status.ANSWERED
    signal.save(update_fields=["group", "status"])
    return group


@transaction.atomic
def group_answer(*, actor, group_id: int, answer: str) -> Group:
    """One answer for every signal of a group (those with an answer of their own keep it); each
    professional who raised one is told. Only a manager who handles every signal in the group."""
    pro = rules.professional(actor)
    group = Group.objects.select_for_update().filter(pk=group_id).first()
    if (
        group is None
        or not rules.reviews_municipality(pro)
        or group.municipality_id != pro.organisation.municipality_id
    ):
        if group is not None and rules.is_reviewer(pro) and pro.organisation.municipality_id == group.municipality_id:
            raise NotAllowed(_("Een groep beantwoordt een manager van de gemeente."))
        raise NotFoundOrForbidden
    answer = _clean_text("answer", str(_("Antwoord")), answer, maximum=TEXT_MAX)
    group.answer, group.answered_by, group.answered_at = answer, pro, timezone.now()
    group.save(update_fields=["answer", "answered_by", "answered_at"])
    waiting = list(group.signals.filter(answer="").values_list("pk", flat=True))
    PolicySignal.objects.filter(pk__in=waiting).update(status=PolicySignal.Status.ANSWERED)
    _notify(waiting)
    return group


def _notify(signal_ids: list[int]) -> None:
    from .tasks import notify_answered

    if signal_ids:
        transaction.on_commit(partial(notify_answered.enqueue, list(signal_ids)))


def answered_notify(*, signal_ids: list[int]) -> int:
    """Mail each professional whose signal was answered; the number of mails."""
    from django.conf import settings
    from django.core.mail import EmailMessage, get_connection
    from django.urls import reverse

    signals = PolicySignal.objects.filter(pk__in=signal_ids).select_related("raised_by")
    messages = [
        EmailMessage(
            subject=_("Jeugdketen: uw beleidssignaal is beantwoord"),
            body=_("Uw beleidssignaal “%(title)s” is beantwoord. Lees het antwoord in Jeugdketen: %(link)s")
            % {
                "title": signal.title,
                "link": settings.SITE_URL.rstrip("/") + reverse("policysignals:detail", args=[signal.pk]),
            },
            to=[signal.raised_by.email],
        )
        for signal in signals
        if signal.raised_by.email
    ]
    if messages:
        get_connection().send_messages(messages)
    return len(messages)
