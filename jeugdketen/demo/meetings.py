"""The demo's MDO about Noah: held nine days ago with school, GGD, leerplicht and his mother,
minutes per HGW question, an outcome, two decisions taken into the plan and the terugkoppeling
sent; and the next MDO planned in three weeks. Built through the services, as a user would."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.utils import timezone

from jeugdketen.auditlog.services import AccessPoint, Channel
from jeugdketen.meetings.models import Section
from jeugdketen.meetings.services import (
    decision_add,
    decisions_convert,
    meeting_close,
    meeting_schedule,
    minute_add,
    outcome_set,
    participants_invite,
)

DEMO = AccessPoint(Channel.CLI)


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def load_demo_meetings(*, today: date, cases: dict, pros: dict) -> int:
    noah = cases["jansen_noah"]
    jeroen, ilse, sanne, jolien, lotte = (pros[k] for k in ("jeroen", "ilse", "sanne", "jolien", "lotte"))
    mother = noah.youth.carer_relations.select_related("carer").get(has_gezag=True, carer__first_name="Marloes").carer

    held = meeting_schedule(
        actor=jeroen.user, kind="mdo", starts_at=_at(today - timedelta(days=9), 14, 30),
        place="OBS De Vecht, kamer van de IB'er", chair=ilse, cases=[noah], access_point=DEMO,
    )  # fmt: skip
    item = held.items.get()
    participants_invite(
        actor=jeroen.user, meeting=held, professionals=[ilse, sanne, jolien, lotte], family=[(item, mother)],
        access_point=DEMO,
    )  # fmt: skip
    minutes = [
        (sanne, Section.SITUATION, "school", "Noah is sinds de herfstvakantie 6 ochtenden afwezig geweest, vooral op "
         "maandag. In de klas is hij stil; met het ochtendgesprek gaat het beter."),
        (jolien, Section.SITUATION, "health", "Geen lichamelijke oorzaak voor de buikpijn gevonden bij de huisarts; "
         "spanning lijkt een rol te spelen."),
        (jeroen, Section.NEEDS, "youthcare", "Noah heeft rust en voorspelbaarheid nodig, en een vast moment om te "
         "vertellen wat hem dwarszit. Moeder wil graag tips voor de ochtenden."),
    ]  # fmt: skip
    for author, section, category, text in minutes:
        minute_add(actor=author.user, item=item, section=section, category=category, text=text, access_point=DEMO)
    outcome_set(
        actor=jeroen.user, item=item, access_point=DEMO,
        outcome="We houden het ochtendgesprek vast, de jeugdverpleegkundige geeft moeder tips voor de ochtenden, "
        "en over vier weken kijken we samen of Noah weer elke dag naar school gaat.",
    )  # fmt: skip
    decision_add(
        actor=jeroen.user, item=item, what="Gesprek met moeder over de ochtenden thuis", owner_kind="professional",
        owner_professional=jolien, due_on=today + timedelta(days=10), access_point=DEMO,
    )  # fmt: skip
    decision_add(
        actor=jeroen.user, item=item, what="Bijhouden op welke dagen Noah buikpijn heeft", owner_kind="ouder",
        owner_carer=mother, due_on=today + timedelta(days=20), access_point=DEMO,
    )  # fmt: skip
    meeting_close(actor=jeroen.user, meeting=held, access_point=DEMO)
    decisions_convert(actor=jeroen.user, item=item, access_point=DEMO)

    upcoming = meeting_schedule(
        actor=jeroen.user, kind="mdo", starts_at=_at(today + timedelta(days=21), 14, 30),
        place="OBS De Vecht, kamer van de IB'er", chair=ilse, cases=[noah], access_point=DEMO,
    )  # fmt: skip
    participants_invite(
        actor=jeroen.user, meeting=upcoming, professionals=[ilse, sanne, jolien],
        family=[(upcoming.items.get(), mother)], access_point=DEMO,
    )  # fmt: skip
    return 2
