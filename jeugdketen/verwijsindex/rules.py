"""Who may place a signal in the verwijsindex, and who sees what of it.

The index is for the professionals whom the gemeente designates as meldingsbevoegd (Jeugdwet
paragraaf 7.1.4): those who give help, care or guidance to youths. Here: the toegang and its
jeugdconsulenten, the consulent leerplicht, the school's intern begeleider or zorgcoördinator,
the samenwerkingsverband's coördinator, ambulant begeleiders and orthopedagogen, the GGD's
jeugdverpleegkundigen and jeugdartsen, light youth care and the police. A teacher signals through
the intern begeleider (seed 004, "Leerkracht"); managers and the privacy officer give no help to a
youth, so they place no signals.

A placer sees only their own signals and, per youth, the other active signals on that youth (a
match): who, organisation, function and how to reach them. Nobody else sees a signal — not even a
professional involved in the youth's case — except the family, who are told that a signal was
placed and by whom. A signal is no ground to read the youth's dossier.
"""

from __future__ import annotations

from jeugdketen.access import policy
from jeugdketen.organisations.models import Function, Professional

PLACER_FUNCTIONS = (
    "samen_doen",
    "jeugdconsulent",
    "leerplicht",
    "intern_begeleider",
    "coordinator_swv",
    "ambulant_begeleider",
    "orthopedagoog",
    "jeugdverpleegkundige",
    "jeugdarts",
    "lichte_jeugdhulp",
    "politie",
)


def placer(actor) -> tuple[Professional, Function] | None:
    """The working professional behind ``actor`` and the function they place signals in (the
    first of theirs in ``PLACER_FUNCTIONS``), or None."""
    professional = policy.professional_of(actor)
    if professional is None:
        return None
    by_code = {f.code: f for f in professional.functions.all()}
    for code in PLACER_FUNCTIONS:
        if code in by_code:
            return professional, by_code[code]
    return None
