"""The demo's beleidssignalen: two about waiting for ambulante hulp, grouped and answered by the
gemeente's teamleider, and one new from a school."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.utils import timezone

from jeugdketen.policysignals.models import Group, PolicySignal

SIGNALS = [
    ("jeroen", "Wachttijd ambulante gezinsbegeleiding",
     "Na een beschikking voor ambulante gezinsbegeleiding wachten gezinnen nu 10 tot 14 weken. In die tijd "
     "lopen problemen op en vragen scholen opnieuw om hulp.", "Een overbruggingsaanbod van Saam.",
     "wachttijd", "jeugdhulp", 40),
    ("esther", "Leerlingen wachten op hulp terwijl ze thuiszitten",
     "Bij thuiszitters is de hulp vaak pas na maanden beschikbaar. De school kan in die tijd weinig doen.",
     "", "wachttijd", "beide", 25),
    ("ilse", "Geen aanbod voor faalangst in groep 7 en 8",
     "Steeds meer leerlingen in de bovenbouw hebben last van faalangst. Er is in Dalfsen geen training "
     "voor deze leeftijd; de dichtstbijzijnde is in Zwolle.", "Een faalangsttraining op school, door de GGD of Saam.",
     "aanbod", "beide", 3),
]  # fmt: skip


def load_demo_policysignals(*, today: date, pros: dict) -> int:
    marieke = pros["marieke"]
    group = None
    for username, title, description, suggestion, theme, domain, days in SIGNALS:
        pro = pros[username]
        at = timezone.make_aware(datetime.combine(today - timedelta(days=days), time(14)))
        signal = PolicySignal.objects.create(
            raised_by=pro, organisation=pro.organisation, municipality_id=pro.organisation.municipality_id,
            title=title, description=description, suggestion=suggestion, theme=theme, domain=domain, raised_at=at,
        )  # fmt: skip
        if theme == "wachttijd":
            if group is None:
                group = Group.objects.create(
                    municipality_id=signal.municipality_id, title="Wachttijden jeugdhulp", created_by=marieke,
                    answer="Vanaf het nieuwe kwartaal koopt de gemeente extra ambulante hulp in, en biedt Saam "
                    "overbruggingsgesprekken aan gezinnen die wachten. We volgen de wachttijden maandelijks.",
                    answered_by=marieke, answered_at=at + timedelta(days=20),
                )  # fmt: skip
            signal.group, signal.status = group, PolicySignal.Status.ANSWERED
            signal.save(update_fields=["group", "status"])
    return len(SIGNALS)
