"""The data of the demo municipality "Dalfsen (demo)", read by ``services.load_demo``.

Everything here is fictional: organisations, people, addresses, phone numbers and stories. Only
the places (the kernen Dalfsen, Nieuwleusen and Lemelerveld, and neighbouring Ommen) are real.
Dates are given in days relative to today so the demo always looks current.

Journal authors write only the categories their function may write
(``access.policy.FUNCTION_CATEGORIES``) and are involved in the case in that function.
"""

from __future__ import annotations

# key -> keyword arguments for Organisation.objects.create, plus "municipality" (CBS code,
# default "0148" Dalfsen).
ORGANISATIONS: dict[str, dict] = {
    "gemeente": {
        "name": "Gemeente Dalfsen (demo)",
        "kind": "gemeente",
        "description": (
            "Gemeente voor de kernen Dalfsen, Nieuwleusen en Lemelerveld. Samen Doen is de toegang "
            "voor jeugdhulp en ondersteuning: inwoners, scholen en huisartsen melden hier elke "
            "hulpvraag; de jeugdconsulenten en de consulenten leerplicht werken vanuit de gemeente."
        ),
        "street": "Vechtkade 1",
        "postcode": "7721 AB",
        "city": "Dalfsen",
        "phone": "0529-488100",
        "email": "samendoen@gemeente.demo.jeugdketen.nl",
        "website": "https://example.nl/gemeente-dalfsen",
    },
    "gemeente_ommen": {
        "name": "Gemeente Ommen (demo)",
        "kind": "gemeente",
        "municipality": "0175",
        "description": (
            "Buurgemeente van Dalfsen. Leerlingen uit Ommen gaan deels in Dalfsen naar school; "
            "de leerplicht van de woongemeente Ommen blijft dan voor hen verantwoordelijk."
        ),
        "street": "Stationsweg 10",
        "postcode": "7731 AC",
        "city": "Ommen",
        "phone": "0529-459100",
        "email": "leerplicht@gemeente-ommen.demo.jeugdketen.nl",
        "website": "https://example.nl/gemeente-ommen",
    },
    "obs_de_vecht": {
        "name": "OBS De Vecht (demo)",
        "kind": "school",
        "brin": "99DV",
        "sector": "po",
        "description": (
            "Openbare basisschool in Dalfsen met zo'n 250 leerlingen in groep 1 tot en met 8. "
            "Werkt handelingsgericht; de jeugdverpleegkundige houdt elke twee weken inloopspreekuur."
        ),
        "street": "Schoolstraat 12",
        "postcode": "7721 CK",
        "city": "Dalfsen",
        "phone": "0529-431220",
        "email": "info@obs-devecht.demo.jeugdketen.nl",
        "website": "https://example.nl/obs-de-vecht",
    },
    "cbs_wegwijzer": {
        "name": "CBS De Wegwijzer (demo)",
        "kind": "school",
        "brin": "99WW",
        "sector": "po",
        "description": (
            "Christelijke basisschool in Nieuwleusen met ruim 300 leerlingen. Biedt extra "
            "ondersteuning bij lezen en een plusklas voor meer- en hoogbegaafde leerlingen."
        ),
        "street": "Kerkweg 5",
        "postcode": "7711 GH",
        "city": "Nieuwleusen",
        "phone": "0529-481350",
        "email": "info@cbs-dewegwijzer.demo.jeugdketen.nl",
        "website": "https://example.nl/cbs-de-wegwijzer",
    },
    "kc_lemelerveld": {
        "name": "Kindcentrum Lemelerveld (demo)",
        "kind": "school",
        "brin": "99KL",
        "sector": "po",
        "description": (
            "Kindcentrum met basisonderwijs, kinderopvang en peuterspeelzaal onder één dak. "
            "Eén team voor kinderen van 0 tot 12 jaar, met een doorgaande lijn van peuter naar groep 1."
        ),
        "street": "Kanaalweg 21",
        "postcode": "7251 BD",
        "city": "Lemelerveld",
        "phone": "0572-371480",
        "email": "info@kc-lemelerveld.demo.jeugdketen.nl",
        "website": "https://example.nl/kindcentrum-lemelerveld",
    },
    "vechtdal_lyceum": {
        "name": "Vechtdal Lyceum (demo)",
        "kind": "school",
        "brin": "99VL",
        "sector": "vo",
        "description": (
            "School voor voortgezet onderwijs (vmbo-t, havo en vwo) in Dalfsen voor leerlingen uit "
            "Dalfsen, Ommen en omgeving. Heeft een zorgcoördinator, mentoren per klas en een "
            "ondersteuningsruimte waar leerlingen terechtkunnen."
        ),
        "street": "Ruitenborghlaan 40",
        "postcode": "7722 LP",
        "city": "Dalfsen",
        "phone": "0529-437700",
        "email": "zorg@vechtdal-lyceum.demo.jeugdketen.nl",
        "website": "https://example.nl/vechtdal-lyceum",
    },
    "swv": {
        "name": "Samenwerkingsverband Veld, Vaart en Vecht (demo)",
        "kind": "swv",
        "municipality": "0175",
        "description": (
            "Samenwerkingsverband passend onderwijs voor de scholen in de regio. Adviseert scholen, "
            "levert ambulante begeleiding en orthopedagogen, en geeft via de CAT "
            "toelaatbaarheidsverklaringen (TLV) af."
        ),
        "street": "Hammerweg 8",
        "postcode": "7731 RB",
        "city": "Ommen",
        "phone": "0529-453900",
        "email": "info@swv-vvv.demo.jeugdketen.nl",
        "website": "https://example.nl/swv-veld-vaart-vecht",
    },
    "ggd": {
        "name": "GGD IJsselland (demo)",
        "kind": "ggd",
        "municipality": "0193",
        "description": (
            "Jeugdgezondheidszorg voor kinderen van 0 tot 18 jaar. Jeugdverpleegkundigen zijn "
            "schoolcontactpersoon voor leefvragen; jeugdartsen adviseren onder meer bij "
            "ziekteverzuim (M@ZL)."
        ),
        "street": "Zeven Alleetjes 1",
        "postcode": "8011 CV",
        "city": "Zwolle",
        "phone": "038-4281428",
        "email": "jgz@ggd-ijsselland.demo.jeugdketen.nl",
        "website": "https://example.nl/ggd-ijsselland",
    },
    "saam": {
        "name": "Saam Welzijn (demo)",
        "kind": "voorliggend",
        "description": (
            "Welzijnsorganisatie met jongerenwerk, opvoedondersteuning en lichte jeugdhulp "
            "(trajectbegeleiding). Beheert ook het Informatiepunt Dalfsen voor vragen over welzijn."
        ),
        "street": "Wilhelminastraat 3",
        "postcode": "7721 CE",
        "city": "Dalfsen",
        "phone": "0529-433050",
        "email": "jongerenwerk@saam.demo.jeugdketen.nl",
        "website": "https://example.nl/saam-welzijn",
    },
    "amw": {
        "name": "Algemeen maatschappelijk werk (demo)",
        "kind": "voorliggend",
        "description": (
            "Kortdurende, gratis hulp zonder verwijzing bij problemen met geld, relaties, scheiding "
            "of opvoeding. Spreekuur in Dalfsen en Nieuwleusen."
        ),
        "street": "Burgemeester Backxlaan 30",
        "postcode": "7711 AG",
        "city": "Nieuwleusen",
        "phone": "0529-482210",
        "email": "info@amw.demo.jeugdketen.nl",
        "website": "https://example.nl/amw-dalfsen",
    },
    "jeugdhulp": {
        "name": "Jeugdhulp Vechtdal (demo)",
        "kind": "jeugdhulp",
        "description": (
            "Aanbieder van ambulante jeugd- en gezinshulp, trainingen voor kinderen en ouders na "
            "een scheiding en pleegzorg in de regio IJsselland. Hulp na een beschikking van de gemeente."
        ),
        "street": "Industrieweg 14",
        "postcode": "7722 RW",
        "city": "Dalfsen",
        "phone": "0529-439800",
        "email": "aanmelden@jeugdhulp-vechtdal.demo.jeugdketen.nl",
        "website": "https://example.nl/jeugdhulp-vechtdal",
    },
    "politie": {
        "name": "Politie basisteam Vechtdal (demo)",
        "kind": "politie",
        "municipality": "0175",
        "description": (
            "Basisteam met jeugdagenten voor Dalfsen en Ommen: preventie, vroegsignalering, "
            "verwijzing naar Halt en het Openbaar Ministerie."
        ),
        "street": "Hardenbergerweg 2",
        "postcode": "7731 PA",
        "city": "Ommen",
        "phone": "0529-900900",
        "email": "jeugd@politie-vechtdal.demo.jeugdketen.nl",
        "website": "https://example.nl/politie-vechtdal",
    },
    "halt": {
        "name": "Halt Oost-Nederland (demo)",
        "kind": "halt",
        "municipality": "0193",
        "description": (
            "Voert Halt-afdoeningen uit voor jongeren van 12 tot 18 jaar na een licht strafbaar feit "
            "of schoolverzuim: een leertraject, excuses en zo nodig herstel van schade."
        ),
        "street": "Stationsplein 9",
        "postcode": "8011 CW",
        "city": "Zwolle",
        "phone": "038-4210420",
        "email": "oost@halt.demo.jeugdketen.nl",
        "website": "https://example.nl/halt-oost-nederland",
    },
}

# username -> (first_name, last_name, organisation key, function codes, job title, phone)
PROFESSIONALS: dict[str, tuple] = {
    "anouk": ("Anouk", "Wolters", "gemeente", ["samen_doen"], "Medewerker Samen Doen", "0529-488140"),
    "jeroen": ("Jeroen", "Hulshof", "gemeente", ["jeugdconsulent"], "Jeugdconsulent", "06-21487350"),
    "fatima": ("Fatima", "El Amrani", "gemeente", ["jeugdconsulent"], "Jeugdconsulent", "06-21487355"),
    "lotte": ("Lotte", "ten Hove", "gemeente", ["leerplicht"], "Consulent leerplicht en RMC", "06-21487361"),
    "sanne": ("Sanne", "Kroeze", "obs_de_vecht", ["leerkracht"], "Leerkracht groep 6", "0529-431220"),
    "ilse": ("Ilse", "Dekker", "obs_de_vecht", ["intern_begeleider"], "Intern begeleider", "0529-431225"),
    "henk": ("Henk", "Zwiers", "obs_de_vecht", ["schoolleider"], "Directeur", "0529-431221"),
    "carla": ("Carla", "Nijenhuis", "swv", ["coordinator_swv"], "Coördinator passend onderwijs", "0529-453910"),
    "bram": ("Bram", "Veneman", "swv", ["ambulant_begeleider"], "Ambulant begeleider", "06-38294517"),
    "olga": ("Olga", "Timmerman", "swv", ["orthopedagoog"], "Orthopedagoog-generalist", "06-38294522"),
    "jolien": (
        "Jolien",
        "Oosterhof",
        "ggd",
        ["jeugdverpleegkundige"],
        "Jeugdverpleegkundige, schoolcontactpersoon",
        "06-52019384",
    ),
    "daan": ("Daan", "Brinkman", "ggd", ["jeugdarts"], "Jeugdarts KNMG", "038-4281450"),
    "gerrit": ("Gerrit", "Lambers", "saam", ["lichte_jeugdhulp"], "Jongerenwerker en trajectbegeleider", "06-47710293"),
    "peter": ("Peter", "Mensink", "politie", ["politie"], "Jeugdagent", "06-11903847"),
    "marieke": ("Marieke", "de Jong", "gemeente", ["manager"], "Teamleider sociaal domein", "0529-488110"),
    "pieter": ("Pieter", "Bouwmeester", "gemeente", ["privacy_officer"], "Privacy officer", "0529-488190"),
    "wouter": (
        "Wouter",
        "Schuurman",
        "vechtdal_lyceum",
        ["leerkracht"],
        "Docent aardrijkskunde en mentor",
        "0529-437712",
    ),
    "esther": ("Esther", "van Dam", "vechtdal_lyceum", ["intern_begeleider"], "Zorgcoördinator", "0529-437720"),
    "karin": ("Karin", "Slot", "cbs_wegwijzer", ["intern_begeleider"], "Intern begeleider", "0529-481355"),
    "tom": ("Tom", "Reimink", "kc_lemelerveld", ["leerkracht"], "Leerkracht groep 6", "0572-371482"),
    "ruud": ("Ruud", "Nijboer", "gemeente_ommen", ["leerplicht"], "Leerplichtambtenaar", "0529-459130"),
}

# Families: carers are (first, last, has_gezag, login or None); carers from index 2 on are
# verzorgers. Children are (key, first name, age, gender, options); see services.load_demo.
FAMILIES: list[dict] = [
    {
        "name": "Jansen",
        "carers": [("Marloes", "Jansen", True, "marloes"), ("Erik", "Jansen", True, None)],
        "children": [
            ("jansen_noah", "Noah", 9, "m", {"school": "obs_de_vecht"}),
            ("jansen_mila", "Mila", 6, "v", {"school": "obs_de_vecht"}),
        ],
    },
    {
        "name": "Kuipers",  # single mother
        "carers": [("Sandra", "Kuipers", True, None)],
        "children": [
            ("lisa", "Lisa", 14, "v", {"login": "lisa"}),
            ("kuipers_jesse", "Jesse", 10, "m", {"school": "obs_de_vecht"}),
        ],
    },
    {
        "name": "de Boer",
        "carers": [("Mark", "de Boer", True, None), ("Linda", "de Boer", True, None)],
        "children": [
            ("deboer_sem", "Sem", 11, "m", {"school": "obs_de_vecht"}),
            ("deboer_fenna", "Fenna", 8, "v", {"school": "obs_de_vecht"}),
            ("deboer_luuk", "Luuk", 2, "m"),
        ],
    },
    {
        "name": "Mulder",  # single father
        "carers": [("Kevin", "Mulder", True, None)],
        "children": [
            ("mulder_finn", "Finn", 7, "m", {"school": "obs_de_vecht"}),
            ("mulder_tess", "Tess", 13, "v"),
        ],
    },
    {
        "name": "van der Veen",  # father without gezag
        "carers": [("Petra", "van der Veen", True, "petra"), ("Rob", "Hendriks", False, None)],
        "children": [
            ("vdveen_julia", "Julia", 10, "v", {"school": "obs_de_vecht"}),
            ("vdveen_thijs", "Thijs", 15, "m"),
        ],
    },
    {
        "name": "Hoekstra",  # foster family: the parents keep gezag, the pleegmoeder is verzorger
        "carers": [
            ("Chantal", "Hoekstra", True, None),
            ("Dennis", "Hoekstra", True, None),
            ("Gerda", "Schuiling", False, None),
        ],
        "children": [
            ("hoekstra_jayden", "Jayden", 9, "m", {"school": "kc_lemelerveld"}),
        ],
    },
    {
        "name": "Brink",
        "carers": [("Harm", "Brink", True, None), ("Jolanda", "Brink", True, None)],
        "children": [
            ("brink_lars", "Lars", 16, "m"),
            ("brink_ties", "Ties", 5, "m", {"school": "cbs_wegwijzer"}),
        ],
    },
    {
        "name": "Koster",  # lives in Ommen
        "carers": [("Bert", "Koster", True, None), ("Ilona", "Koster", True, None)],
        "children": [
            ("koster_bas", "Bas", 14, "m", {"municipality": "0175"}),
            ("koster_roos", "Roos", 8, "v", {"school": "obs_de_vecht", "municipality": "0175"}),
        ],
    },
    {
        "name": "Wessels",  # single mother in Ommen
        "carers": [("Monique", "Wessels", True, None)],
        "children": [
            ("wessels_nina", "Nina", 16, "v", {"municipality": "0175"}),
        ],
    },
    {
        "name": "Bakker",
        "carers": [("Arjan", "Bakker", True, None), ("Wendy", "Bakker", True, None)],
        "children": [
            ("bakker_zoe", "Zoë", 7, "v", {"school": "obs_de_vecht"}),
            ("bakker_milan", "Milan", 4, "m", {"school": "none"}),  # starts at school soon
        ],
    },
    {
        "name": "Visser",
        "carers": [("Niels", "Visser", True, None), ("Femke", "Visser", True, None)],
        "children": [
            ("visser_sara", "Sara", 11, "v", {"school": "obs_de_vecht"}),
            ("visser_bo", "Bo", 3, "v"),
        ],
    },
    {
        "name": "Meijer",
        "carers": [("Tim", "Meijer", True, None), ("Iris", "Meijer", True, None)],
        "children": [
            ("meijer_gijs", "Gijs", 10, "m", {"school": "cbs_wegwijzer"}),
        ],
    },
    {
        "name": "Dijkstra",  # single mother
        "carers": [("Kim", "Dijkstra", True, None)],
        "children": [
            ("dijkstra_levi", "Levi", 8, "m", {"school": "obs_de_vecht"}),
        ],
    },
    {
        "name": "ter Horst",
        "carers": [("Jan", "ter Horst", True, None), ("Anja", "ter Horst", True, None)],
        "children": [
            ("terhorst_niek", "Niek", 11, "m", {"school": "kc_lemelerveld"}),
            ("terhorst_lieke", "Lieke", 17, "v"),
        ],
    },
    {
        "name": "Yilmaz",
        "carers": [("Emre", "Yilmaz", True, None), ("Ayse", "Yilmaz", True, None)],
        "children": [
            ("yilmaz_elif", "Elif", 9, "v", {"school": "obs_de_vecht"}),
            ("yilmaz_deniz", "Deniz", 13, "m"),
        ],
    },
    {
        "name": "Schipper",
        "carers": [("Ronald", "Schipper", True, None), ("Natasja", "Schipper", True, None)],
        "children": [
            ("schipper_isa", "Isa", 10, "v", {"school": "obs_de_vecht"}),
            ("schipper_mees", "Mees", 6, "m", {"school": "obs_de_vecht"}),
        ],
    },
    {
        "name": "Pot",
        "carers": [("Gert-Jan", "Pot", True, None), ("Hilde", "Pot", True, None)],
        "children": [
            ("pot_robin", "Robin", 15, "x"),
        ],
    },
    {
        "name": "Kamphuis",
        "carers": [("Bart", "Kamphuis", True, None), ("Eva", "Kamphuis", True, None)],
        "children": [
            ("kamphuis_jens", "Jens", 8, "m", {"school": "cbs_wegwijzer"}),
            ("kamphuis_noor", "Noor", 1, "v", {"bsn": False}),  # BSN not yet recorded
        ],
    },
    {
        "name": "Scholten",  # single father
        "carers": [("Sander", "Scholten", True, None)],
        "children": [
            ("scholten_max", "Max", 19, "m"),  # 18+, left mbo, no school
            ("scholten_fleur", "Fleur", 17, "v"),
        ],
    },
    {
        "name": "Nijland",
        "carers": [("Ruben", "Nijland", True, None), ("Marit", "Nijland", True, None)],
        "children": [
            ("nijland_jasmijn", "Jasmijn", 10, "v", {"school": "kc_lemelerveld"}),
            ("nijland_tygo", "Tygo", 6, "m", {"school": "kc_lemelerveld"}),
        ],
    },
    {
        "name": "Lubbers",  # single mother
        "carers": [("Wilma", "Lubbers", True, None)],
        "children": [
            ("lubbers_stijn", "Stijn", 13, "m"),
        ],
    },
    {
        "name": "van Dijk",
        "carers": [("Martijn", "van Dijk", True, None), ("Sabine", "van Dijk", True, None)],
        "children": [
            ("vandijk_hanna", "Hanna", 9, "v", {"school": "obs_de_vecht"}),
            ("vandijk_olivier", "Olivier", 5, "m", {"school": "obs_de_vecht"}),
        ],
    },
    {
        "name": "Brouwer",  # lives in Ommen
        "carers": [("Dirk", "Brouwer", True, None), ("Anke", "Brouwer", True, None)],
        "children": [
            ("brouwer_sven", "Sven", 15, "m", {"municipality": "0175"}),
        ],
    },
    {
        "name": "Veldhuis",
        "carers": [("Johan", "Veldhuis", True, None), ("Ria", "Veldhuis", True, None)],
        "children": [
            ("veldhuis_siem", "Siem", 11, "m", {"school": "obs_de_vecht"}),
            ("veldhuis_emma", "Emma", 5, "v", {"school": "obs_de_vecht"}),
        ],
    },
    {
        "name": "Bos",  # single mother; Amber carries her father's name
        "carers": [("Laura", "Bos", True, None)],
        "children": [
            ("bos_amber", "Amber", 16, "v", {"last_name": "van Wijk"}),
        ],
    },
]

# Twelve cases: 2 aangemeld, 3 onderzoek, 4 uitvoering, 2 evaluatie, 1 afgesloten.
# involved: (username, function code, days after opening, note)
# journal: (days ago, author, author's function, category, title, text)
CASES: list[dict] = [
    # 1. The showcase: need-to-know across school, youth care, health and leerplicht.
    {
        "youth": "jansen_noah",
        "subject": "Noah zit niet lekker in zijn vel, heeft vaak buikpijn en mist schooldagen",
        "status": "uitvoering",
        "opened_days_ago": 120,
        "regisseur": "jeroen",
        "next_in_days": 5,
        "next_label": "Evaluatie plan van aanpak met ouders, Noah en school",
        "involved": [
            ("jeroen", "jeugdconsulent", 0, "casusregisseur"),
            ("sanne", "leerkracht", 0, "groepsleerkracht groep 6"),
            ("ilse", "intern_begeleider", 0, "intern begeleider OBS De Vecht"),
            ("jolien", "jeugdverpleegkundige", 10, "schoolcontactpersoon GGD"),
            ("lotte", "leerplicht", 20, "verzuim (MAS)"),
        ],
        "journal": [
            (
                118,
                "sanne",
                "leerkracht",
                "school",
                "Signaal: Noah trekt zich terug en mist maandagen",
                "Noah is sinds de start van het schooljaar stiller, werkt minder zelfstandig en mist regelmatig de "
                "maandagochtend. In een kindgesprek vertelde hij dat hij vaak buikpijn heeft en dat het 'druk in zijn "
                "hoofd' is. Moeder gebeld; zij herkent het beeld en komt graag langs.",
            ),
            (
                112,
                "ilse",
                "intern_begeleider",
                "school",
                "Gesprek met moeder, leerkracht en IB",
                "Samen met moeder de onderwijsbehoeften van Noah besproken: hij heeft voorspelbaarheid nodig en een vast "
                "moment om bij de leerkracht in te checken. We zien vooral een leefvraag. Met toestemming van moeder is "
                "de jeugdverpleegkundige gevraagd mee te kijken; vader ontvangt het verslag ook.",
            ),
            (
                104,
                "jolien",
                "jeugdverpleegkundige",
                "health",
                "Consult met Noah en moeder",
                "Noah slaapt slecht en heeft vooral op zondagavond en maandagochtend buikpijn; groei en gewicht zijn "
                "goed. De klachten passen bij spanning rond de wissel tussen het huis van vader en dat van moeder. "
                "Advies over een vast avondritme gegeven en met ouders besproken dat een aanmelding bij Samen Doen "
                "kan helpen; ouders stemmen in.",
            ),
            (
                97,
                "lotte",
                "leerplicht",
                "leerplicht",
                "Verzuimmelding en preventief gesprek",
                "De school meldde 18 uur ongeoorloofd verzuim in vier weken: Noah werd op maandag thuisgehouden zonder "
                "ziekmelding. Preventief gesprek gevoerd met beide ouders. Omdat er hulp in gang wordt gezet geen "
                "waarschuwing; afgesproken dat afwezigheid voortaan dezelfde ochtend wordt gemeld en dat we na zes "
                "weken samen terugkijken.",
            ),
            (
                80,
                "jeroen",
                "jeugdconsulent",
                "youthcare",
                "Onderzoek afgerond, plan van aanpak vastgesteld",
                "Na twee gesprekken met beide ouders en een gesprek met Noah zelf is het onderzoeksverslag afgerond. "
                "Doel: Noah gaat elke dag naar school en voelt zich veilig bij de wissel tussen beide huizen. "
                "Afspraken: ouders volgen gesprekken over ouderschap na scheiding bij Jeugdhulp Vechtdal, Noah doet mee "
                "aan een groepstraining voor kinderen van gescheiden ouders en school biedt een dagelijks check-in.",
            ),
            (
                21,
                "sanne",
                "leerkracht",
                "school",
                "Tussenstand in de klas",
                "Noah is de afgelopen zes weken op één dag na elke dag op school geweest. Het korte ochtendgesprek "
                "helpt: hij vertelt zelf als hij buikpijn heeft en gaat daarna aan het werk. Rekenen gaat weer vooruit; "
                "begrijpend lezen blijft een aandachtspunt.",
            ),
        ],
    },
    # 2. Lisa (14), who reads her own dossier.
    {
        "youth": "lisa",
        "subject": "Lisa voelt zich vaak somber en er is veel ruzie thuis",
        "status": "evaluatie",
        "opened_days_ago": 160,
        "regisseur": "gerrit",
        "next_in_days": 7,
        "next_label": "Eindevaluatie met Lisa en moeder",
        "involved": [
            ("gerrit", "lichte_jeugdhulp", 0, "casusregisseur"),
            ("jolien", "jeugdverpleegkundige", 0, "schoolcontactpersoon GGD"),
            ("esther", "intern_begeleider", 15, "zorgcoördinator Vechtdal Lyceum"),
        ],
        "journal": [
            (
                158,
                "jolien",
                "jeugdverpleegkundige",
                "health",
                "Lisa op het inloopspreekuur",
                "Lisa kwam zelf naar het inloopspreekuur op school. Ze slaapt slecht, voelt zich vaak somber en heeft "
                "veel ruzie met haar moeder; er zijn geen acute zorgen over haar veiligheid. Met Lisa afgesproken dat "
                "zij haar moeder vertelt over het gesprek; zij geeft toestemming om Saam Welzijn te benaderen.",
            ),
            (
                150,
                "gerrit",
                "lichte_jeugdhulp",
                "youthcare",
                "Kennismaking thuis met Lisa en moeder",
                "Huisbezoek bij Lisa en haar moeder. Beiden willen minder ruzie; Lisa wil meer vrijheid, moeder wil "
                "weten waar Lisa is. Samen drie doelen opgesteld: vaste afspraken over uitgaan, elke week één moment "
                "samen iets leuks doen en Lisa weet bij wie ze terechtkan als het niet goed gaat.",
            ),
            (
                140,
                "esther",
                "intern_begeleider",
                "school",
                "Afspraken met school",
                "Met toestemming van Lisa en haar moeder afgesproken dat Lisa bij spanning de les mag verlaten en naar "
                "de ondersteuningsruimte gaat. De mentor houdt elke week een kort gesprek met haar. Haar cijfers zijn "
                "voldoende; wel blijft huiswerk vaak liggen.",
            ),
            (
                90,
                "gerrit",
                "lichte_jeugdhulp",
                "youthcare",
                "Tussenevaluatie",
                "Lisa en moeder geven aan dat de ruzies minder vaak en minder heftig zijn. De afspraken over uitgaan "
                "werken meestal; het samen-moment schiet er soms bij in. Moeder volgt nu ook drie opvoedgesprekken. "
                "Afgesproken door te gaan tot de eindevaluatie.",
            ),
            (
                60,
                "jolien",
                "jeugdverpleegkundige",
                "health",
                "Vervolggesprek met Lisa",
                "Lisa slaapt beter sinds ze haar telefoon 's avonds beneden laat en voelt zich minder vaak somber. Zij "
                "weet waar ze terechtkan als het weer slechter gaat. Op dit moment geen aanleiding voor een verwijzing "
                "naar de huisarts.",
            ),
            (
                10,
                "gerrit",
                "lichte_jeugdhulp",
                "youthcare",
                "Voorbereiding eindevaluatie",
                "Met Lisa apart besproken wat ze in de eindevaluatie wil inbrengen. Ze wil het contact met Saam "
                "afronden maar wel bij het jongerenwerk blijven komen. Moeder is uitgenodigd voor het gesprek.",
            ),
        ],
    },
    # 3. Police and Halt: only the jeugdagent reads the police entries.
    {
        "youth": "lubbers_stijn",
        "subject": "Stijn was betrokken bij een vernieling bij de sporthal en hangt veel op straat",
        "status": "uitvoering",
        "opened_days_ago": 90,
        "regisseur": "gerrit",
        "next_in_days": 12,
        "next_label": "Afsluitend gesprek met Stijn en moeder",
        "involved": [
            ("gerrit", "lichte_jeugdhulp", 0, "casusregisseur"),
            ("peter", "politie", 0, "jeugdagent"),
            ("esther", "intern_begeleider", 7, "zorgcoördinator Vechtdal Lyceum"),
        ],
        "journal": [
            (
                89,
                "peter",
                "politie",
                "police",
                "Aanhouding na vernieling fietsenstalling",
                "Stijn is met twee oudere jongens aangetroffen bij de vernielde fietsenstalling van de sporthal. Hij "
                "heeft zijn aandeel direct toegegeven. Moeder is ingelicht; omdat Stijn niet eerder met de politie in "
                "aanraking kwam, is een Halt-afdoening voorgesteld.",
            ),
            (
                84,
                "gerrit",
                "lichte_jeugdhulp",
                "youthcare",
                "Gesprek met Stijn en moeder",
                "Stijn vertelt dat hij zich na school verveelt en dan met oudere jongens optrekt. Moeder werkt tot laat "
                "en maakt zich zorgen. Samen afgesproken dat Stijn twee middagen per week naar de inloop van het "
                "jongerenwerk komt en dat hij een sport kiest om uit te proberen.",
            ),
            (
                76,
                "esther",
                "intern_begeleider",
                "school",
                "Hoe gaat het op school",
                "Op school gaat het redelijk: cijfers zijn voldoende, wel komt Stijn geregeld te laat en is hij in de "
                "pauze vaak bij dezelfde groep. De mentor heeft met hem gesproken; hij wil het zelf anders doen. School "
                "houdt het laat komen bij en bespreekt het met moeder.",
            ),
            (
                60,
                "peter",
                "politie",
                "police",
                "Halt-afdoening gestart",
                "Stijn en moeder hebben ingestemd met de Halt-afdoening bij Halt Oost-Nederland: een excuusbrief aan de "
                "beheerder van de sporthal, een leeropdracht en een bijdrage aan de schade. Stijn was in het gesprek "
                "open en meewerkend.",
            ),
            (
                30,
                "gerrit",
                "lichte_jeugdhulp",
                "youthcare",
                "Voortgang jongerenwerk",
                "Stijn komt sinds vier weken op dinsdag en vrijdag naar de inloop en traint mee bij de voetbalclub. Hij "
                "zegt dat hij de oudere jongens minder ziet. Moeder merkt dat hij thuis rustiger is.",
            ),
            (
                8,
                "peter",
                "politie",
                "police",
                "Halt-afdoening afgerond",
                "Halt meldt dat Stijn de afdoening goed heeft afgerond. Er zijn sinds de aanhouding geen nieuwe "
                "politiecontacten geweest; de zaak gaat niet naar het Openbaar Ministerie.",
            ),
        ],
    },
    # 4. Leerplicht holds the case: absence at the Vechtdal Lyceum, with the jeugdarts (M@ZL).
    {
        "youth": "vdveen_thijs",
        "subject": "Thijs komt vaak te laat of niet op school",
        "status": "onderzoek",
        "opened_days_ago": 45,
        "regisseur": "lotte",
        "next_in_days": 4,
        "next_label": "Gesprek met Thijs en moeder over de afspraken",
        "involved": [
            ("lotte", "leerplicht", 0, "casusregisseur"),
            ("esther", "intern_begeleider", 0, "zorgcoördinator Vechtdal Lyceum"),
            ("daan", "jeugdarts", 20, "advies ziekteverzuim (M@ZL)"),
        ],
        "journal": [
            (
                44,
                "esther",
                "intern_begeleider",
                "school",
                "Verzuimmelding aan leerplicht",
                "Thijs heeft in vier weken 19 uur ongeoorloofd verzuimd, vooral het eerste uur. De school heeft dit bij "
                "het verzuimloket gemeld en moeder vooraf gebeld. De mentor sprak Thijs twee keer; hij zegt dat hij "
                "'s nachts slecht slaapt.",
            ),
            (
                38,
                "lotte",
                "leerplicht",
                "leerplicht",
                "Verzuimgesprek met Thijs en moeder",
                "Thijs vertelt dat hij tot laat gamet en 's ochtends niet uit bed komt; moeder herkent dat en vindt "
                "grenzen stellen lastig. Afgesproken dat Thijs de komende vier weken om 8.15 uur op school is en dat "
                "de school elk verzuim dezelfde dag doorgeeft. Vader heeft geen gezag; moeder informeert hem zelf.",
            ),
            (
                30,
                "esther",
                "intern_begeleider",
                "school",
                "Tussenstand verzuim",
                "Thijs was drie weken op tijd, daarna weer vier keer te laat en twee dagen ziek gemeld. In het zorgteam "
                "besproken dat laat komen en ziekmelden samenhangen met zijn slaap. Moeder en Thijs gaan akkoord met "
                "een consult bij de jeugdarts.",
            ),
            (
                22,
                "daan",
                "jeugdarts",
                "health",
                "Consult jeugdarts (M@ZL)",
                "Thijs en moeder op het spreekuur. Thijs slaapt moeilijk in en is overdag moe; er zijn geen aanwijzingen "
                "voor een lichamelijke oorzaak. Advies over slaapritme en schermgebruik gegeven, vervolgconsult over "
                "zes weken. Aan school en leerplicht alleen teruggekoppeld dat Thijs volledig naar school kan.",
            ),
            (
                9,
                "lotte",
                "leerplicht",
                "leerplicht",
                "Afspraken aangescherpt",
                "Het verzuim is minder maar niet gestopt: 6 uur in de laatste twee weken. Thijs wil zelf zijn telefoon "
                "'s nachts beneden laten en een wekker buiten zijn kamer zetten. Besproken dat bij nieuw ongeoorloofd "
                "verzuim een officiële waarschuwing volgt en dat Halt daarna een mogelijke stap is.",
            ),
        ],
    },
    # 5. Vechtdal Lyceum: mentor and zorgcoördinator, with the SWV; Bas lives in Ommen.
    {
        "youth": "koster_bas",
        "subject": "Bas raakt het overzicht kwijt, zijn cijfers zakken en hij is vaak boos na school",
        "status": "uitvoering",
        "opened_days_ago": 150,
        "regisseur": "esther",
        "next_in_days": 20,
        "next_label": "Evaluatie handelingsplan met Bas en ouders",
        "involved": [
            ("esther", "intern_begeleider", 0, "casusregisseur"),
            ("wouter", "leerkracht", 0, "mentor"),
            ("olga", "orthopedagoog", 25, "observatie en advies"),
            ("bram", "ambulant_begeleider", 80, "ambulante begeleiding"),
        ],
        "journal": [
            (
                149,
                "wouter",
                "leerkracht",
                "school",
                "Signaal mentor: cijfers zakken",
                "Bas haalde in de eerste periode vijf onvoldoendes en levert veel werk niet in. In de klas is hij "
                "vriendelijk maar snel afgeleid. Hij zegt zelf dat hij niet weet waar hij moet beginnen. Ouders vertellen "
                "dat hij thuis vaak boos is na schooldagen.",
            ),
            (
                140,
                "esther",
                "intern_begeleider",
                "school",
                "Gesprek met Bas en ouders",
                "Samen met Bas en zijn ouders in kaart gebracht wat goed gaat (sport, praktische vakken) en wat lastig is "
                "(plannen, grote opdrachten). Bas wil graag een vaste plek om huiswerk te maken. Ouders geven "
                "toestemming om de orthopedagoog van het samenwerkingsverband te laten meekijken.",
            ),
            (
                120,
                "olga",
                "orthopedagoog",
                "school",
                "Observatie en adviesgesprek",
                "Bas twee lessen geobserveerd en met hem gesproken. Hij heeft moeite met het opdelen van taken en raakt "
                "overprikkeld in drukke lessen. Advies: een weekplanner die hij met de mentor invult, korte instructies "
                "en een rustige werkplek bij zelfstandig werken.",
            ),
            (
                100,
                "esther",
                "intern_begeleider",
                "school",
                "Handelingsplan vastgesteld",
                "Handelingsplan opgesteld met Bas, ouders en mentor. Doelen: Bas levert binnen acht weken 90 procent "
                "van zijn opdrachten op tijd in en gebruikt de weekplanner zelfstandig. Ouders geven toestemming voor "
                "ambulante begeleiding vanuit het samenwerkingsverband.",
            ),
            (
                60,
                "bram",
                "ambulant_begeleider",
                "school",
                "Start ambulante begeleiding",
                "Kennismaking met Bas en de mentor. We werken zes weken lang eens per week aan plannen en het maken van "
                "een start bij grote opdrachten. Bas is gemotiveerd en kiest zelf aardrijkskunde als oefenvak.",
            ),
            (
                14,
                "wouter",
                "leerkracht",
                "school",
                "Tussenstand",
                "Bas levert nu het meeste werk op tijd in en heeft nog twee onvoldoendes. Hij gebruikt de planner "
                "zonder herinnering. Ouders merken dat hij thuis rustiger is.",
            ),
        ],
    },
    # 6. Leefvraag: jeugdverpleegkundige and jeugdarts.
    {
        "youth": "vandijk_hanna",
        "subject": "Hanna heeft vaak buikpijn en is veel ziek thuis",
        "status": "evaluatie",
        "opened_days_ago": 110,
        "regisseur": "jolien",
        "next_in_days": 2,
        "next_label": "Eindgesprek met ouders, Hanna en jeugdarts",
        "involved": [
            ("jolien", "jeugdverpleegkundige", 0, "casusregisseur"),
            ("ilse", "intern_begeleider", 0, "intern begeleider OBS De Vecht"),
            ("sanne", "leerkracht", 0, "groepsleerkracht groep 6"),
            ("daan", "jeugdarts", 14, "consult ziekteverzuim (M@ZL)"),
        ],
        "journal": [
            (
                108,
                "ilse",
                "intern_begeleider",
                "school",
                "Leefvraag uit de groepsbespreking",
                "In de groepsbespreking viel op dat Hanna in zes weken vier keer ziek is gemeld, steeds met buikpijn. "
                "Ouders gebeld; zij herkennen het en zien thuis ook dat Hanna zich zorgen maakt. Ouders willen graag "
                "dat de jeugdverpleegkundige meekijkt.",
            ),
            (
                101,
                "jolien",
                "jeugdverpleegkundige",
                "health",
                "Gesprek met ouders en Hanna",
                "Hanna vertelt dat ze bang is om fouten te maken en dat haar buik dan pijn doet. Ouders zijn bezorgd en "
                "houden haar dan thuis. Gezien de vier ziekmeldingen in korte tijd is met ouders afgesproken de "
                "jeugdarts te consulteren.",
            ),
            (
                95,
                "daan",
                "jeugdarts",
                "health",
                "Consult jeugdarts",
                "Lichamelijk onderzoek zonder bijzonderheden; de buikpijn past bij spanning. Met ouders besproken dat "
                "naar school blijven gaan helpt, ook met wat buikpijn. Met toestemming van ouders de huisarts "
                "geïnformeerd.",
            ),
            (
                70,
                "sanne",
                "leerkracht",
                "school",
                "Aanpassingen in de klas",
                "Hanna mag bij spanning even naar de leeshoek en krijgt bij toetsen vooraf uitleg over wat er komt. In "
                "kindgesprekken oefenen we met 'fouten maken mag'. Ze doet weer mee in de gymles.",
            ),
            (
                40,
                "jolien",
                "jeugdverpleegkundige",
                "youthcare",
                "Opvoedondersteuning afgerond",
                "Drie gesprekken met ouders gevoerd over omgaan met Hanna's zorgen: geruststellen zonder haar thuis te "
                "houden. Ouders passen dit toe en merken dat Hanna 's ochtends makkelijker vertrekt.",
            ),
            (
                12,
                "ilse",
                "intern_begeleider",
                "school",
                "Verzuim en welbevinden",
                "In de afgelopen acht weken is Hanna één keer ziek gemeld. Zij geeft in het kindgesprek zelf aan dat ze "
                "het fijner vindt op school. Voorstel voor het eindgesprek: de aanpassingen in de klas houden, de "
                "casus afsluiten.",
            ),
        ],
    },
    # 7. Passend onderwijs: IB as regisseur, with the SWV.
    {
        "youth": "deboer_sem",
        "subject": "Sem loopt achter met lezen en spelling en ziet op tegen de middelbare school",
        "status": "onderzoek",
        "opened_days_ago": 60,
        "regisseur": "ilse",
        "next_in_days": 14,
        "next_label": "Bespreking onderzoeksresultaten met ouders en Sem",
        "involved": [
            ("ilse", "intern_begeleider", 0, "casusregisseur"),
            ("olga", "orthopedagoog", 10, "onderzoek lezen en spelling"),
            ("carla", "coordinator_swv", 30, "advies passend vervolgonderwijs"),
        ],
        "journal": [
            (
                58,
                "ilse",
                "intern_begeleider",
                "school",
                "Gesprek met ouders en Sem",
                "Sem leest op het niveau van halverwege groep 6 ondanks een jaar extra leesbegeleiding. Hij vertelt dat "
                "hij zich schaamt als hij hardop moet lezen. Ouders herkennen dat en vragen om onderzoek; zij geven "
                "toestemming om de orthopedagoog van het samenwerkingsverband in te schakelen.",
            ),
            (
                45,
                "olga",
                "orthopedagoog",
                "school",
                "Start onderzoek lezen en spelling",
                "De gegevens uit het leerlingvolgsysteem en het handelingsplan van vorig jaar doorgenomen; de stappen in "
                "de basisondersteuning zijn goed vastgelegd. Sem twee ochtenden getest. Hij werkte geconcentreerd en "
                "gaf zelf aan wat hem helpt: grotere letters en meer tijd.",
            ),
            (
                25,
                "carla",
                "coordinator_swv",
                "school",
                "Advies over passend vervolgonderwijs",
                "Met IB en ouders de mogelijkheden in het voortgezet onderwijs besproken: ondersteuning bij dyslexie is "
                "op alle vo-scholen in de regio basisondersteuning. Een aanvraag bij de CAT is op dit moment niet nodig.",
            ),
            (
                6,
                "olga",
                "orthopedagoog",
                "school",
                "Onderzoek afgerond, verslag in concept",
                "Het onderzoek is afgerond; het conceptverslag gaat eerst naar ouders. Bij de bespreking lichten we de "
                "uitkomst en de adviezen voor groep 8 en de overstap toe, met Sem erbij.",
            ),
        ],
    },
    # 8. Foster care: the parents keep gezag, the pleegmoeder is verzorger. Evaluation is overdue.
    {
        "youth": "hoekstra_jayden",
        "subject": "Jayden is onrustig na de bezoekweekenden bij zijn ouders",
        "status": "uitvoering",
        "opened_days_ago": 75,
        "regisseur": "jeroen",
        "next_in_days": -3,
        "next_label": "Evaluatie met ouders, pleegmoeder en school",
        "involved": [
            ("jeroen", "jeugdconsulent", 0, "casusregisseur"),
            ("tom", "leerkracht", 0, "groepsleerkracht Kindcentrum Lemelerveld"),
            ("olga", "orthopedagoog", 25, "advies gedrag in de klas"),
        ],
        "journal": [
            (
                74,
                "jeroen",
                "jeugdconsulent",
                "youthcare",
                "Vraag van pleegmoeder en ouders",
                "Pleegmoeder meldt dat Jayden na elk bezoekweekend bij zijn ouders een paar dagen boos en verdrietig is. "
                "Ouders herkennen dat en willen dat de bezoeken doorgaan. Met ouders, pleegmoeder en de pleegzorgwerker "
                "van Jeugdhulp Vechtdal afgesproken samen te kijken hoe de overgang rustiger kan.",
            ),
            (
                70,
                "tom",
                "leerkracht",
                "school",
                "Observaties in de klas",
                "Op maandag en dinsdag na een bezoekweekend is Jayden onrustig, loopt vaak weg van zijn plek en heeft "
                "ruzie in de pauze. Later in de week gaat het beter. In een kindgesprek zei hij dat hij zijn moeder mist.",
            ),
            (
                50,
                "olga",
                "orthopedagoog",
                "youthcare",
                "Advies aan leerkracht en pleegmoeder",
                "Met leerkracht en pleegmoeder besproken wat Jayden helpt: een vaste begroeting op maandag, een plek waar "
                "hij even tot rust kan komen en een foto van zijn ouders in zijn laatje. Jayden vond het fijn dat hij "
                "zelf mocht kiezen waar die rustplek komt.",
            ),
            (
                28,
                "jeroen",
                "jeugdconsulent",
                "youthcare",
                "Plan van aanpak vastgesteld",
                "Met ouders en pleegmoeder afgesproken dat de overdracht op zondag voortaan op een vaste tijd bij de "
                "pleegzorgwerker plaatsvindt. Ouders en pleegmoeder houden een schriftje bij dat met Jayden meegaat. "
                "Evaluatie over vier weken met school erbij.",
            ),
            (
                20,
                "tom",
                "leerkracht",
                "school",
                "Eerste weken met de nieuwe afspraken",
                "Jayden gebruikt de rustplek op maandag meestal één keer en gaat daarna weer aan het werk. Het aantal "
                "conflicten in de pauze is gehalveerd.",
            ),
        ],
    },
    # 9. Aangemeld at Samen Doen.
    {
        "youth": "yilmaz_elif",
        "subject": "Ouders maken zich zorgen over de driftbuien van Elif thuis",
        "status": "aangemeld",
        "opened_days_ago": 12,
        "regisseur": "anouk",
        "next_in_days": 3,
        "next_label": "Triagegesprek met beide ouders",
        "involved": [
            ("anouk", "samen_doen", 0, "casusregisseur"),
        ],
        "journal": [
            (
                12,
                "anouk",
                "samen_doen",
                "youthcare",
                "Aanmelding door moeder",
                "Moeder belde Samen Doen. Elif heeft thuis sinds enkele maanden heftige driftbuien, vooral rond bedtijd; "
                "op school gaat het volgens ouders goed. Er zijn geen zorgen over de veiligheid. Triagegesprek met "
                "beide ouders ingepland.",
            ),
            (
                5,
                "anouk",
                "samen_doen",
                "identity",
                "Gegevens en toestemming",
                "Beide ouders hebben het gezag; contactgegevens bijgewerkt. Ouders geven toestemming om voor het "
                "triagegesprek de intern begeleider van OBS De Vecht te raadplegen.",
            ),
        ],
    },
    # 10. Aangemeld by the school.
    {
        "youth": "meijer_gijs",
        "subject": "Gijs is erg druk in de klas en heeft vaak ruzie op het schoolplein",
        "status": "aangemeld",
        "opened_days_ago": 18,
        "regisseur": "karin",
        "next_in_days": 6,
        "next_label": "Gesprek met ouders, leerkracht en jeugdverpleegkundige",
        "involved": [
            ("karin", "intern_begeleider", 0, "casusregisseur"),
            ("jolien", "jeugdverpleegkundige", 8, "schoolcontactpersoon GGD"),
        ],
        "journal": [
            (
                18,
                "karin",
                "intern_begeleider",
                "school",
                "Bespreking in het ondersteuningsteam",
                "De leerkracht van groep 7 signaleert dat Gijs moeilijk stil kan zitten en in de pauze vaak ruzie krijgt. "
                "Met Gijs en zijn ouders gesproken; ouders zien thuis ook veel drukte. Ouders geven toestemming om de "
                "jeugdverpleegkundige te betrekken.",
            ),
            (
                8,
                "jolien",
                "jeugdverpleegkundige",
                "youthcare",
                "Eerste contact met moeder",
                "Telefonisch kennisgemaakt met moeder. Zij vraagt vooral tips voor de ochtenden en het slapen gaan. "
                "Afgesproken eerst samen met school in gesprek te gaan en daarna te kijken of meer nodig is.",
            ),
        ],
    },
    # 11. In onderzoek at the jeugdconsulent; the onderzoeksverslag is overdue.
    {
        "youth": "mulder_finn",
        "subject": "Vader zoekt hulp bij de opvoeding; Finn is thuis en op school vaak boos",
        "status": "onderzoek",
        "opened_days_ago": 35,
        "regisseur": "jeroen",
        "next_in_days": -2,
        "next_label": "Onderzoeksverslag bespreken met vader",
        "involved": [
            ("jeroen", "jeugdconsulent", 0, "casusregisseur"),
            ("anouk", "samen_doen", 0, "triage"),
            ("ilse", "intern_begeleider", 14, "intern begeleider OBS De Vecht"),
        ],
        "journal": [
            (
                35,
                "anouk",
                "samen_doen",
                "youthcare",
                "Triage na aanmelding door vader",
                "Vader meldde zich zelf. Hij voedt Finn en Tess alleen op, werkt in ploegendienst en komt niet meer toe "
                "aan rust en regelmaat. Finn is vaak boos en gooit dan met spullen. Geen acute zorgen over de veiligheid; "
                "gezien de samenloop van vragen geplaatst op de wachtlijst jeugdconsulenten.",
            ),
            (
                20,
                "jeroen",
                "jeugdconsulent",
                "youthcare",
                "Huisbezoek bij vader en Finn",
                "Kennisgemaakt met vader en Finn. Finn liet zijn kamer zien en vertelde dat hij boos wordt als het 'ineens "
                "anders gaat'. Vader wil graag meer vaste momenten. Afgesproken ook met oma, die vaak oppast, te praten.",
            ),
            (
                14,
                "ilse",
                "intern_begeleider",
                "school",
                "Informatie van school",
                "Met toestemming van vader: Finn doet goed mee met rekenen en lezen. Hij raakt van slag bij "
                "onverwachte veranderingen, zoals een invaller. In de klas helpt een dagplanning op zijn tafel.",
            ),
            (
                6,
                "jeroen",
                "jeugdconsulent",
                "youthcare",
                "Netwerkgesprek",
                "Gesprek met vader en oma. Oma kan twee middagen per week vast oppassen, zodat de week voorspelbaarder "
                "wordt. Het onderzoeksverslag is bijna klaar; de bespreking met vader moest worden verzet.",
            ),
        ],
    },
    # 12. Closed: RMC, a young adult without startkwalificatie back in training.
    {
        "youth": "scholten_max",
        "subject": "Max is gestopt met zijn mbo-opleiding en zoekt een nieuwe opleiding of werk",
        "status": "afgesloten",
        "opened_days_ago": 200,
        "closed_days_ago": 30,
        "regisseur": "lotte",
        "involved": [
            ("lotte", "leerplicht", 0, "casusregisseur (RMC)"),
            ("gerrit", "lichte_jeugdhulp", 30, "trajectbegeleiding"),
        ],
        "journal": [
            (
                198,
                "lotte",
                "leerplicht",
                "leerplicht",
                "Melding voortijdig schoolverlaten",
                "Het mbo meldde dat Max zich heeft uitgeschreven zonder startkwalificatie. Max telefonisch gesproken: de "
                "opleiding paste niet bij hem en hij werkt nu parttime in een supermarkt. Afspraak gemaakt voor een "
                "gesprek.",
            ),
            (
                185,
                "lotte",
                "leerplicht",
                "leerplicht",
                "Gesprek over opleiding en werk",
                "Max wil liever leren in de praktijk. Samen de mogelijkheden van een BBL-opleiding bekeken. Hij wil "
                "hulp bij het zoeken naar een leerbedrijf en gaat akkoord met een trajectbegeleider van Saam.",
            ),
            (
                165,
                "gerrit",
                "lichte_jeugdhulp",
                "youthcare",
                "Start trajectbegeleiding",
                "Kennismaking met Max. Hij heeft weinig zelfvertrouwen na het stoppen en slaapt onregelmatig. We maken "
                "elke twee weken een afspraak; Max maakt zelf een lijst van bedrijven die hij wil benaderen.",
            ),
            (
                90,
                "gerrit",
                "lichte_jeugdhulp",
                "youthcare",
                "Voortgang",
                "Max heeft drie sollicitatiegesprekken gehad en kan binnenkort beginnen bij een installatiebedrijf. Hij "
                "gaat erop vooruit en wil de begeleiding afbouwen.",
            ),
            (
                35,
                "lotte",
                "leerplicht",
                "leerplicht",
                "Afsluiting: gestart met BBL-opleiding",
                "Max is begonnen met een BBL-opleiding bij een installatiebedrijf. Met Max geëvalueerd: hij heeft geen "
                "verdere ondersteuning nodig. De casus wordt afgesloten; nieuw verzuim meldt de opleiding aan het RMC.",
            ),
        ],
    },
]
