"""The demo's verwijsindex: the GGD's jeugdverpleegkundige and Saam's trajectbegeleider both have a
signal on Noah Jansen (a match, regie not yet agreed; his mother Marloes sees both in Mijn gezin),
and the jeugdarts has one on Thijs van der Veen, with no match yet."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.utils import timezone

from jeugdketen.verwijsindex import law
from jeugdketen.verwijsindex.models import Match, Signal

# (youth key, placer username, function code, placed days ago)
SIGNALS = [
    ("jansen_noah", "jolien", "jeugdverpleegkundige", 20),
    ("jansen_noah", "gerrit", "lichte_jeugdhulp", 6),
    ("vdveen_thijs", "daan", "jeugdarts", 45),
]


def load_demo_verwijsindex(*, today: date, youths: dict, pros: dict) -> int:
    placed: dict[str, list[Signal]] = {}
    for youth_key, username, code, days in SIGNALS:
        professional, youth = pros[username], youths[youth_key]
        on = today - timedelta(days=days)
        signal = Signal.objects.create(
            youth=youth,
            professional=professional,
            organisation=professional.organisation,
            function=professional.functions.get(code=code),
            phone=professional.phone,
            email=professional.email,
            placed_on=on,
            ends_on=law.ends_on(on, youth.date_of_birth),
            family_informed_at=timezone.make_aware(datetime.combine(on, time(10))),
        )
        for earlier in placed.get(youth_key, []):
            Match.objects.create(youth=youth, first=earlier, second=signal, notified_at=signal.family_informed_at)
        placed.setdefault(youth_key, []).append(signal)
    return len(SIGNALS)
