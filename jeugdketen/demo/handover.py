"""The demo's handovers: OBS De Vecht has started the warm po→vo handover of Sara Visser (groep 8)
to the Vechtdal Lyceum; Sem de Boer and Siem Veldhuis, also in groep 8, have no receiving school
yet, and Lieke ter Horst leaves the Vechtdal Lyceum without one: all on "alle leerlingen in beeld"
(Lieke and Sem also on the consulent leerplicht's risk list)."""

from __future__ import annotations

from datetime import date

from jeugdketen.handover.law import school_year_of
from jeugdketen.handover.models import Handover, Method, Transfer


def load_demo_handover(*, today: date, youths: dict, pros: dict, orgs: dict) -> int:
    Handover.objects.create(
        youth=youths["visser_sara"],
        from_school=orgs["obs_de_vecht"],
        to_school=orgs["vechtdal_lyceum"],
        transfer=Transfer.PO_VO,
        school_year=school_year_of(today) + 1,
        method=Method.WARM,
        learning="Sara leest en rekent op het niveau van eind groep 8; begrijpend lezen is haar sterke kant.",
        support="Extra instructie bij rekenen in een kleine groep, twee keer per week; dat werkte goed.",
        wellbeing="Sara is rustig en behulpzaam, maar trekt zich terug bij drukte. Ze werkt zelfstandig.",
        attendance="Geen bijzonderheden.",
        created_by=pros["ilse"],
    )
    return 1
