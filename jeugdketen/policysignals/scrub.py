"""Keeping child identity out of a beleidssignaal.

A beleidssignaal is about a pattern, never about a child. Before a text is stored the app
*strips* what identifies a person — BSN numbers, dates (a date of birth), e-mail addresses, phone
numbers, postcodes — and *checks* for names: a capitalised word that is the first name of a youth
the app knows, followed by a capitalised word (with or without a tussenvoegsel), is refused, with
a message naming the field. The list of first names comes from the youth register, so the check
follows the region's own children; organisation names ("Saam Welzijn") pass.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from jeugdketen.youth.validators import bsn_is_valid

# What is stripped, in this order (a phone number must not be read as a date).
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
DATE = re.compile(r"\b\d{1,2}[-/.]\d{1,2}[-/.](\d{4}|\d{2})\b|\b\d{4}-\d{2}-\d{2}\b")
PHONE = re.compile(r"(\+31|0031|\b0)[\s-]?\d{1,3}[\s-]?\d{3}[\s-]?\d{2,4}[\s-]?\d{0,4}\b")
POSTCODE = re.compile(r"\b\d{4}\s?[A-Z]{2}\b")
NUMBER9 = re.compile(r"\b\d{8,9}\b|\b\d{4}[.\s]\d{2}[.\s]\d{3}\b")
REMOVED = "[…]"

LABELS = {
    "bsn": _("een BSN"),
    "date": _("een datum"),
    "email": _("een e-mailadres"),
    "phone": _("een telefoonnummer"),
    "postcode": _("een postcode"),
}

PREFIXES = {"van", "de", "der", "den", "ter", "ten", "te", "het", "in", "'t", "van der", "van de", "van den"}
WORD = re.compile(r"[A-ZÀ-Ý][a-zà-ÿ'’-]+")


@dataclass
class Scrubbed:
    text: str
    removed: list[str] = field(default_factory=list)


def _bsn(match: re.Match) -> str:
    digits = re.sub(r"\D", "", match.group(0))
    digits = digits.zfill(9) if len(digits) == 8 else digits
    return REMOVED if bsn_is_valid(digits) else match.group(0)


def strip(text: str) -> Scrubbed:
    """``text`` without BSNs, dates, e-mail addresses, phone numbers and postcodes, and which of
    those kinds were removed."""
    removed: list[str] = []
    for kind, pattern, replace in (
        ("email", EMAIL, REMOVED),
        ("bsn", NUMBER9, _bsn),
        ("date", DATE, REMOVED),
        ("phone", PHONE, REMOVED),
        ("postcode", POSTCODE, REMOVED),
    ):
        new = pattern.sub(replace, text)
        if new != text:
            removed.append(kind)
            text = new
    return Scrubbed(text, removed)


def names_in(text: str, first_names: set[str]) -> list[str]:
    """Word sequences in ``text`` that look like a youth's full name: a known first name followed
    by a capitalised word, optionally with a tussenvoegsel in between."""
    words = re.findall(r"[\wÀ-ÿ'’-]+", text)
    found = []
    for i, word in enumerate(words):
        if word not in first_names:
            continue
        j = i + 1
        while j < len(words) and words[j].lower() in PREFIXES and j - i <= 3:
            j += 1
        if j < len(words) and WORD.fullmatch(words[j]):
            found.append(" ".join(words[i : j + 1]))
    return found


def capitalised_words(*texts: str) -> set[str]:
    return {w for text in texts for w in WORD.findall(text)}
