"""The demo's sociale kaart: what the organisations of the demo municipality offer, kept by the
gemeente's teamleider and by professionals of the organisations. One entry has not been
confirmed for over a year, so the warning and the keeper's list show."""

from __future__ import annotations

from datetime import date, timedelta

from jeugdketen.socialmap.models import Service, ServiceEvent, Theme

# (organisation key, keeper username, name, offer, audience, ages, themes, needs referral,
#  how to refer, confirmed days ago)
SERVICES = [
    ("saam", "gerrit", "Jongerenwerk Dalfsen",
     "Inloop in het jongerencentrum op woensdag- en vrijdagavond, activiteiten en een gesprek "
     "als een jongere ergens mee zit. Jongerenwerkers zijn ook op straat en op school te vinden.",
     "Jongeren die een plek zoeken, of iemand om mee te praten", (10, 23),
     ["Vrije tijd", "Sociale contacten", "Weerbaarheid"], False,
     "Jongeren lopen zelf binnen. Professionals bellen of mailen de jongerenwerker.", 40),
    ("saam", "gerrit", "Trajectbegeleiding jongeren",
     "Een vaste begeleider helpt een jongere met school, werk, geld en wonen, enkele maanden lang, "
     "met afspraken die de jongere zelf kiest.",
     "Jongeren die vastlopen met school of werk", (16, 23),
     ["School en werk", "Geld"], True,
     "Via Samen Doen (de toegang) of na een gesprek met de leerplichtambtenaar.", 120),
    ("saam", "marieke", "Opvoedspreekuur Saam",
     "Wekelijks spreekuur voor ouders met vragen over opvoeden, zonder afspraak; daarna zo nodig "
     "enkele gesprekken thuis.",
     "Ouders en verzorgers met vragen over opvoeden", (0, 18),
     ["Opvoeden"], False,
     "Ouders komen zelf langs op dinsdagochtend in het Kulturhus.", 420),
    ("ggd", "jolien", "Opvoedondersteuning JGZ",
     "Gesprekken met een jeugdverpleegkundige over opvoeden, slapen, eten en gedrag; ook in een "
     "groep (cursus Positief Opvoeden).",
     "Ouders van kinderen van 0 tot 18 jaar", (0, 18),
     ["Opvoeden", "Gezondheid"], False,
     "Ouders bellen de JGZ. De toegang of de school verwijst met toestemming van de ouders.", 60),
    ("ggd", "daan", "Spreekuur jeugdarts",
     "Consult bij de jeugdarts over ziekteverzuim, groei, ontwikkeling of gezondheidsklachten; "
     "advies aan school en ouders.",
     "Kinderen en jongeren tot 18 jaar, en hun ouders", (4, 18),
     ["Gezondheid", "Schoolverzuim"], True,
     "De school meldt via M@ZL of vraagt met toestemming van ouders een consult aan.", 30),
    ("amw", "marieke", "Maatschappelijk werk",
     "Kortdurende, gratis hulp bij problemen met geld, relaties, scheiding of opvoeding.",
     "Ouders en jongeren vanaf 16 jaar", (16, 27),
     ["Geld", "Scheiding", "Opvoeden"], False,
     "Zelf bellen of langskomen op het spreekuur in Dalfsen of Nieuwleusen.", 90),
    ("jeugdhulp", "marieke", "Kinderen uit de knel (na scheiding)",
     "Groepstraining voor kinderen van gescheiden ouders, met een parallelle groep voor de ouders.",
     "Kinderen met ouders in een vechtscheiding", (8, 14),
     ["Scheiding", "Weerbaarheid"], True,
     "Alleen na een beschikking van de gemeente (jeugdconsulent).", 200),
    ("jeugdhulp", "marieke", "Ambulante gezinsbegeleiding",
     "Begeleiding thuis bij opvoedproblemen die blijven, 3 tot 6 maanden, met een plan samen met "
     "het gezin.",
     "Gezinnen met complexe of langdurige opvoedvragen", (0, 18),
     ["Opvoeden", "Gezinsproblemen"], True,
     "Alleen na een beschikking van de gemeente (jeugdconsulent).", 150),
    ("swv", "carla", "Ambulante begeleiding passend onderwijs",
     "Begeleiding van leerling en leerkracht in de klas door een ambulant begeleider van het "
     "samenwerkingsverband.",
     "Leerlingen met extra ondersteuning op school", (4, 18),
     ["School en werk", "Gedrag"], True,
     "De intern begeleider vraagt aan via het samenwerkingsverband, met toestemming van ouders.", 75),
]  # fmt: skip


def load_demo_socialmap(*, today: date, pros: dict, orgs: dict) -> int:
    themes: dict[str, Theme] = {}
    for org_key, keeper, name, offer, audience, (age_min, age_max), names, needs, how, days in SERVICES:
        confirmed = today - timedelta(days=days)
        service = Service.objects.create(
            organisation=orgs[org_key],
            name=name,
            offer=offer,
            audience=audience,
            age_min=age_min,
            age_max=age_max,
            needs_referral=needs,
            how_to_refer=how,
            keeper=pros[keeper],
            last_confirmed_on=confirmed,
            last_confirmed_by=pros[keeper],
        )
        service.themes.set([themes.setdefault(n, Theme.objects.get_or_create(name=n)[0]) for n in names])
        ServiceEvent.objects.create(service=service, kind=ServiceEvent.Kind.CREATED, by=pros[keeper])
    return len(SERVICES)
