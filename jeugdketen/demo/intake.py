"""The demo's toegang: the Triagechecklist (version 1 retired, version 2 in use) and help requests
at every step — new (online, by phone, from the JGZ), in triage, on the waiting list (with
suspension and contacts), referred, assigned to a jeugdconsulent and a safety concern. Fictional;
dates relative to today."""

from __future__ import annotations

import random
import uuid
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from jeugdketen.access import consent
from jeugdketen.access.categories import Category
from jeugdketen.auditlog.services import CLI
from jeugdketen.cases.models import Case, Involvement, JournalEntry
from jeugdketen.intake import services
from jeugdketen.intake.models import (
    Answer,
    ChecklistVersion,
    Contact,
    Decision,
    HelpRequest,
    Question,
    Referral,
    Suspension,
    Triage,
)
from jeugdketen.organisations.models import Function, Municipality, Professional
from jeugdketen.youth.models import Youth

# (key, first, last, age, source, requester kind, requester name, urgency, days ago, question, story)
# story: the step reached — "new", "triage", ("wait", priority, waiting days), ("refer", org key,
# status), ("assigned", consulent), "safety", "closed". Flags: the triage's yes-answers.
REQUESTS = [
    {
        "first": "Daan",
        "last": "Oosterveld",
        "age": 8,
        "source": "online",
        "requester": ("ouder", "Ilona Oosterveld"),
        "urgency": "normaal",
        "days_ago": 1,
        "linked": False,
        "question": "Daan heeft sinds de scheiding veel driftbuien, thuis en op school. We weten niet goed hoe we "
        "hem moeten helpen en of hij hulp nodig heeft.",
        "story": "new",
    },
    {
        "first": "Jesse",
        "last": "Hendriks",
        "age": 13,
        "source": "professional",
        "requester": ("jgz", "Jolien Oosterhof"),
        "referrer": "jolien",
        "urgency": "snel",
        "days_ago": 2,
        "linked": False,
        "consent": consent.PARENTS_AND_YOUTH,
        "question": "Jesse meldt zich vaak ziek, slaapt slecht en piekert veel. Ouders en Jesse willen graag hulp; "
        "ik heb geadviseerd om aan te melden bij Samen Doen.",
        "story": "new",
    },
    {
        "first": "Lieke",
        "last": "Brouwer",
        "age": 5,
        "source": "telefoon",
        "requester": ("ouder", "Sandra Brouwer"),
        "urgency": "normaal",
        "days_ago": 3,
        "linked": False,
        "question": "Lieke eet heel slecht en de avonden lopen steeds uit de hand. Tips zijn welkom.",
        "story": "new",
    },
    {
        "first": "Mees",
        "last": "Kamphuis",
        "age": 10,
        "source": "balie",
        "requester": ("ouder", "Jan Kamphuis"),
        "urgency": "normaal",
        "days_ago": 6,
        "flags": ["Spelen er in het gezin"],
        "question": "Sinds ik mijn werk kwijt ben, gaat het thuis niet goed. Mees trekt zich terug en zijn cijfers "
        "gaan achteruit.",
        "story": "triage",
    },
    {
        "first": "Noor",
        "last": "Scholten",
        "age": 14,
        "source": "telefoon",
        "requester": ("ouder", "Karin Scholten"),
        "urgency": "snel",
        "days_ago": 52,
        "flags": ["Spelen er in het gezin", "Is er al hulp"],
        "question": "Noor gaat al weken nauwelijks naar school, er is veel ruzie thuis en de schuldhulp loopt al.",
        "story": ("wait", 1, 44),
        "suspension": (40, 31, "Verslag van de schuldhulpverlening opgevraagd"),
        "contacts": [(20, "telefoon", "Moeder gebeld: wachttijd uitgelegd, school is op de hoogte.")],
    },
    {
        "first": "Sven",
        "last": "Meijer",
        "age": 11,
        "source": "professional",
        "requester": ("school", "Ilse Dekker"),
        "referrer": "ilse",
        "urgency": "normaal",
        "days_ago": 33,
        "consent": consent.PARENTS,
        "flags": ["Wordt de ontwikkeling"],
        "question": "Sven loopt sterk achter en is sinds de zomer veel afwezig. Ouders staan open voor hulp.",
        "story": ("wait", 2, 27),
        "suspension": (10, None, "Gegevens van de eerdere hulpverlener opgevraagd bij ouders"),
    },
    {
        "first": "Yara",
        "last": "de Graaf",
        "age": 15,
        "source": "online",
        "requester": ("jeugdige", "Yara de Graaf"),
        "urgency": "snel",
        "days_ago": 25,
        "consent": consent.YOUTH,
        "flags": ["Zijn er signalen van psychische"],
        "question": "Ik voel me al maanden somber en kan me niet concentreren. Mijn moeder weet ervan.",
        "story": ("wait", 1, 18),
        "contacts": [(5, "telefoon", "Yara gebeld: ze kan terecht bij de huisarts-POH-GGZ in de tussentijd.")],
    },
    {
        "first": "Milan",
        "last": "Bos",
        "age": 9,
        "source": "telefoon",
        "requester": ("ouder", "Esra Bos"),
        "urgency": "normaal",
        "days_ago": 20,
        "flags": ["Spelen er in het gezin"],
        "question": "Na de verhuizing en de ziekte van zijn vader is Milan erg angstig en boos.",
        "story": ("wait", 2, 14),
    },
    {
        "first": "Tess",
        "last": "Wessels",
        "age": 6,
        "source": "balie",
        "requester": ("ouder", "Mark Wessels"),
        "urgency": "normaal",
        "days_ago": 12,
        "flags": ["Is er al hulp"],
        "question": "De hulp die we hadden is gestopt, maar het gaat nog niet goed met Tess.",
        "story": ("wait", 3, 8),
    },
    {
        "first": "Bram",
        "last": "ter Horst",
        "age": 7,
        "source": "telefoon",
        "requester": ("ouder", "Femke ter Horst"),
        "urgency": "normaal",
        "days_ago": 18,
        "question": "Bram slaapt heel onrustig en wil niet alleen in bed. Hoe pakken we dat aan?",
        "story": ("refer", "saam", "geaccepteerd"),
    },
    {
        "first": "Julia",
        "last": "Vos",
        "age": 3,
        "source": "online",
        "requester": ("ouder", "Sara Vos"),
        "urgency": "normaal",
        "days_ago": 4,
        "question": "Julia praat nog weinig voor haar leeftijd. Moeten we ons zorgen maken?",
        "story": ("refer", "ggd", "verstuurd"),
    },
    {
        "first": "Luuk",
        "last": "Dijkstra",
        "age": 12,
        "source": "professional",
        "requester": ("school", "Esther van Dam"),
        "referrer": "esther",
        "urgency": "snel",
        "days_ago": 45,
        "consent": consent.PARENTS_AND_YOUTH,
        "flags": ["Spelen er in het gezin", "Wordt de ontwikkeling"],
        "question": "Luuk komt niet meer naar school sinds de brugklas; thuis spelen meerdere problemen.",
        "story": ("assigned", "jeroen", 9),
    },
    {
        "first": "Eva",
        "last": "Mulder",
        "age": 9,
        "source": "telefoon",
        "requester": ("ouder", "oma Mulder"),
        "urgency": "spoed",
        "days_ago": 2,
        "flags": ["Is er nu zorg over de veiligheid", "Is er huiselijk geweld"],
        "question": "Ik ben de oma van Eva. Ze vertelde dat haar stiefvader haar slaat. Ik weet niet wat ik moet doen.",
        "story": "safety",
    },
    {
        "first": "Finn",
        "last": "Koster",
        "age": 11,
        "source": "telefoon",
        "requester": ("ouder", "Rob Koster"),
        "urgency": "normaal",
        "days_ago": 60,
        "question": "Vraag over de overgang naar de middelbare school.",
        "story": "closed",
    },
]


def _at(day: date, hour: int = 10) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, 0)))


def _bsn(rng: random.Random) -> str:
    while True:
        digits = [rng.randint(1, 6)] + [rng.randint(0, 9) for _ in range(7)]
        check = sum(d * w for d, w in zip(digits, (9, 8, 7, 6, 5, 4, 3, 2), strict=True)) % 11
        if check < 10:
            return "".join(map(str, digits)) + str(check)


def _checklist(municipality: Municipality, manager: Professional, today: date) -> ChecklistVersion:
    """Version 1 (the default) published a year ago and retired; version 2 adds a school question."""
    v1 = services.checklist_install_default(municipality)
    ChecklistVersion.objects.filter(pk=v1.pk).update(published_at=_at(today - timedelta(days=365)))
    v1.refresh_from_db()
    ChecklistVersion.objects.filter(pk=v1.pk).update(status=ChecklistVersion.Status.RETIRED)
    v2 = ChecklistVersion.objects.create(
        checklist=v1.checklist,
        number=2,
        status=ChecklistVersion.Status.PUBLISHED,
        note="Vraag over schoolgang toegevoegd, na evaluatie met de scholen.",
        created_by=manager.user,
        published_by=manager.user,
        published_at=_at(today - timedelta(days=40)),
    )
    for q in v1.questions.all():
        Question.objects.create(
            version=v2, order=q.order, theme=q.theme, text=q.text, help_text=q.help_text, kind=q.kind,
            required=q.required, options=q.options,
        )  # fmt: skip
    Question.objects.create(
        version=v2, order=45, theme="Ontwikkeling", kind="yesno",
        text="Gaat de jeugdige nog (bijna) elke dag naar school of opvang?",
        options=services._options("yesno", [{"value": "nee", "flag": "development"}]),
    )  # fmt: skip
    return v2


def load_demo_intake(*, today: date, municipality: Municipality, pros: dict, orgs: dict) -> int:
    from jeugdketen.investigation.services import investigation_start
    from jeugdketen.meldcode.services import meldcode_open, meldcode_step_record

    rng = random.Random(4013)
    anouk, marieke = pros["anouk"], pros["marieke"]
    functions = {f.code: f for f in Function.objects.all()}
    v2 = _checklist(municipality, marieke, today)
    versions = {v.number: v for v in v2.checklist.versions.prefetch_related("questions")}
    for spec in REQUESTS:
        received = today - timedelta(days=spec["days_ago"])
        kind, name = spec["requester"]
        age = spec["age"]
        birth = today.replace(year=today.year - age) - timedelta(days=rng.randint(20, 300))
        bsn = _bsn(rng)
        request = HelpRequest.objects.create(
            reference=f"tmp-{uuid.uuid4().hex[:12]}",
            municipality=municipality,
            source=spec["source"],
            received_on=received,
            received_at=_at(received, 9 + rng.randint(0, 7)),
            question=spec["question"],
            urgency=spec["urgency"],
            first_name=spec["first"],
            name_prefix="",
            last_name=spec["last"],
            date_of_birth=birth,
            bsn=bsn if spec["source"] != "online" else "",
            requester_kind=kind,
            requester_name=name,
            requester_phone=f"06-{rng.randint(10000000, 99999999)}",
            registered_by=pros[spec["referrer"]].user if "referrer" in spec else (
                anouk.user if spec["source"] in ("telefoon", "balie") else None
            ),
            referrer=pros.get(spec.get("referrer")),
            consent_by=spec.get("consent", consent.PARENTS if spec["source"] == "online" else ""),
            consent_on=received if spec.get("consent") or spec["source"] == "online" else None,
        )  # fmt: skip
        request.reference = f"HV-{received:%Y}-{request.pk:05d}"
        request.save(update_fields=["reference"])
        story = spec["story"]
        if story == "new":
            continue
        # Taken up: the youth registered, a case opened with the medewerker as casusregisseur.
        youth = Youth.objects.create(
            first_name=spec["first"], last_name=spec["last"], date_of_birth=birth, bsn=bsn, municipality=municipality
        )
        taken = received + timedelta(days=1)
        case = Case.objects.create(
            reference=f"tmp-{uuid.uuid4().hex[:12]}", youth=youth, subject=f"Hulpvraag {request.reference}",
            status=Case.Status.AANGEMELD, opened_on=taken, casusregisseur=anouk, created_by=anouk.user,
        )  # fmt: skip
        case.reference = f"{taken:%Y}-{case.pk:05d}"
        case.save(update_fields=["reference"])
        Involvement.objects.create(case=case, professional=anouk, function=functions["samen_doen"], since=taken)
        request.youth, request.case, request.status = youth, case, HelpRequest.Status.TRIAGE
        JournalEntry.objects.create(
            case=case, author=anouk, author_function=functions["samen_doen"], category=Category.YOUTH_CARE,
            occurred_on=taken, title=f"Hulpvraag {request.reference} in behandeling genomen", text=spec["question"],
        )  # fmt: skip
        # Triage under the version in use that day.
        version = versions[2] if taken >= today - timedelta(days=40) else versions[1]
        flags = set()
        triage = Triage.objects.create(
            request=request, version=version, performed_by=anouk, performed_at=_at(taken, 14), flags=[]
        )
        answers = []
        for q in version.questions.all():
            yes = any(q.text.startswith(start) for start in spec.get("flags", []))
            if q.kind == "yesno":
                value = "ja" if yes else ("ja" if q.text.startswith("Gaat de jeugdige nog") else "nee")
            elif q.kind == "choice":
                value = q.options[-1]["value"] if yes else q.options[0]["value"]
            else:
                value = "Ouders zoeken hulp en willen meedenken." if q.required else ""
            if q.flag_for(value):
                flags.add(q.flag_for(value))
            if value:
                answers.append(Answer(triage=triage, question=q, value=value))
        Answer.objects.bulk_create(answers)
        triage.flags = sorted(flags)
        triage.save(update_fields=["flags"])
        safety = "safety" in flags
        JournalEntry.objects.create(
            case=case, author=anouk, author_function=functions["samen_doen"],
            category=Category.SAFETY if safety else Category.YOUTH_CARE, occurred_on=taken,
            title=f"Triage met de checklist (versie {version.number})",
            text="Signalen uit de triage: " + (", ".join(sorted(flags)) or "geen") + ".",
        )  # fmt: skip
        decided = taken + timedelta(days=1)

        def decision(kind_, motivation, priority=None, on=decided, triage=triage, request=request, case=case):
            Decision.objects.create(
                request=request, triage=triage, kind=kind_, motivation=motivation, priority=priority,
                decided_by=anouk, decided_at=_at(on, 15),
            )  # fmt: skip
            JournalEntry.objects.create(
                case=case, author=anouk, author_function=functions["samen_doen"],
                category=Category.SAFETY if kind_ == "veiligheid" else Category.YOUTH_CARE, occurred_on=on,
                title=f"Besluit: {Decision.Kind(kind_).label}", text=motivation,
            )  # fmt: skip
            request.decided_on = on

        if story == "triage":
            pass
        elif story == "closed":
            decision("afsluiten", "Vraag beantwoord met informatie over de open dagen; geen hulp nodig.")
            request.status, request.closed_on = HelpRequest.Status.CLOSED, decided
            case.status, case.closed_on = Case.Status.AFGESLOTEN, decided
        elif story[0] == "wait":
            _, priority, waiting = story
            since = today - timedelta(days=waiting)
            decision(
                "wachtlijst", "Meerdere problemen tegelijk: onderzoek door een jeugdconsulent nodig.", priority, since
            )
            request.status, request.priority, request.waiting_since = HelpRequest.Status.WAITING, priority, since
        elif story[0] == "refer":
            _, org_key, status = story
            decision("verwijzen", "Een opvoedvraag die past bij een voorliggende voorziening.")
            d = Decision.objects.filter(request=request).latest("decided_at")
            Referral.objects.create(
                request=request, decision=d, organisation=orgs[org_key],
                service=orgs[org_key].services.order_by("pk").first(),
                shared={"hulpvraag": request.question, "contact": f"{name}, {request.requester_phone}"},
                consent_by=consent.PARENTS, consent_on=decided, status=status, sent_at=_at(decided, 16),
                status_changed_at=_at(decided + timedelta(days=2 if status != "verstuurd" else 0), 11),
                status_changed_by=anouk.name,
            )  # fmt: skip
            request.status = HelpRequest.Status.REFERRED
        elif story[0] == "assigned" or story == "safety":
            if story == "safety":
                consulent, assigned_days_ago = pros["fatima"], spec["days_ago"] - 1
                decision("veiligheid", "Een kind vertelt over geweld thuis: direct toewijzen, meldcode volgen.", 1)
                request.priority, request.waiting_since = 1, decided
            else:
                _, who, assigned_days_ago = story
                consulent = pros[who]
                decision("wachtlijst", "Langdurig schoolverzuim en complexe gezinsproblematiek.", 1)
                request.priority, request.waiting_since = 1, decided
            assigned = today - timedelta(days=assigned_days_ago)
            Involvement.objects.create(
                case=case, professional=consulent, function=functions["jeugdconsulent"], since=assigned
            )
            if story != "safety":
                Involvement.objects.filter(case=case, professional=anouk).update(until=assigned)
            case.casusregisseur, case.status = consulent, Case.Status.ONDERZOEK
            request.status, request.assigned_to, request.assigned_on = HelpRequest.Status.ASSIGNED, consulent, assigned
            JournalEntry.objects.create(
                case=case, author=marieke if story != "safety" else anouk,
                author_function=functions["manager" if story != "safety" else "samen_doen"], category=Category.YOUTH_CARE,
                occurred_on=assigned, title=f"Toegewezen aan jeugdconsulent {consulent.name}",
                text=f"{consulent.name} is casusregisseur en start het onderzoek.",
            )  # fmt: skip
            case.save()
            term = services.request_term(request, today)
            investigation_start(case=case, consulent=consulent, decide_by=term.deadline, started_on=assigned)
            if story == "safety":
                track = meldcode_open(
                    actor=anouk.user, case=case, access_point=CLI, opened_on=decided,
                    reason="Eva vertelde haar oma dat haar stiefvader haar slaat; triage: zorg over veiligheid.",
                )  # fmt: skip
                meldcode_step_record(
                    actor=anouk.user, track=track, number=1, done_on=decided, access_point=CLI,
                    notes="Signalen: wat Eva haar oma vertelde; de school meldt blauwe plekken op haar arm.",
                )  # fmt: skip
        if "suspension" in spec:
            started, ended, reason = spec["suspension"]
            Suspension.objects.create(
                request=request, started_on=today - timedelta(days=started),
                ended_on=today - timedelta(days=ended) if ended is not None else None, reason=reason,
                created_by=anouk.user,
            )  # fmt: skip
        for days, channel, note in spec.get("contacts", []):
            Contact.objects.create(
                request=request, on=today - timedelta(days=days), channel=channel, note=note, by=anouk
            )
        case.save()
        request.save()
    return len(REQUESTS)
