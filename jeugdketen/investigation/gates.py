"""What each phase must contain before the next one opens. One message per missing field, in
Dutch, naming the field; the services raise them as one ValidationError."""

from __future__ import annotations

from django.utils.translation import gettext as _

from .models import HelpKind, Investigation, Phase


def _blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def analyse_errors(investigation: Investigation, conversation_count: int) -> dict[str, str]:
    """At least one conversation and all four findings (``geen zorgen`` is an answer, blank is not)."""
    errors = {}
    if conversation_count < 1:
        errors["conversations"] = _("Leg eerst minstens één gesprek vast, bijvoorbeeld het keukentafelgesprek.")
    findings = {
        "upbringing_findings": _(
            "Vul in wat u vond over opgroei- en opvoedingsproblemen; schrijf ‘geen zorgen’ als u niets vond."
        ),
        "psychological_findings": _(
            "Vul in wat u vond over psychische problemen en/of stoornissen; schrijf ‘geen zorgen’ als u niets vond."
        ),
        "safety_findings": _("Vul in wat u vond over de veiligheid; schrijf ‘geen zorgen’ als u niets vond."),
        "strengths": _("Beschrijf de sterke kanten van het gezin."),
    }
    for name, message in findings.items():
        if _blank(getattr(investigation, name)):
            errors[name] = message
    return errors


def oordeelsvorming_errors(investigation: Investigation) -> dict[str, str]:
    if _blank(investigation.judgement):
        return {"judgement": _("Schrijf uw oordeel: wat is er aan de hand en welke hulp is nodig?")}
    return {}


def besluitvorming_errors(investigation: Investigation) -> dict[str, str]:
    """The help decided and its motivation; for specialist youth care the whole beschikking."""
    errors = {}
    if _blank(investigation.help_kind):
        errors["help_kind"] = _("Kies welke hulp nodig is.")
    if _blank(investigation.motivation):
        errors["motivation"] = _("Motiveer het besluit over de hulp.")
    if investigation.help_kind == HelpKind.SPECIALISTISCH:
        required = {
            "care_product": _("Vul de soort hulp van de beschikking in."),
            "provider": _("Kies de aanbieder van de beschikking."),
            "beschikking_start": _("Vul de ingangsdatum van de beschikking in."),
            "beschikking_end": _("Vul de einddatum van de beschikking in."),
            "beschikking_number": _("Vul het beschikkingsnummer in."),
        }
        for name, message in required.items():
            value = investigation.provider_id if name == "provider" else getattr(investigation, name)
            if _blank(value):
                errors[name] = message
    return errors


def gate_errors(investigation: Investigation, conversation_count: int) -> dict[str, str]:
    """What is missing to leave the investigation's current phase (empty: it may move on)."""
    if investigation.phase == Phase.ANALYSE:
        return analyse_errors(investigation, conversation_count)
    if investigation.phase == Phase.OORDEELSVORMING:
        return oordeelsvorming_errors(investigation)
    if investigation.phase == Phase.BESLUITVORMING:
        return besluitvorming_errors(investigation)
    return {}
