"""The demo municipality "Dalfsen (demo)": organisations, one login per function, about forty
youths with their parents, and twelve cases at different stages. Entirely fictional; dates are
relative to today so the demo always looks current."""

from __future__ import annotations

import random
from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from jeugdketen.access.categories import Category
from jeugdketen.cases.models import Case, Involvement, JournalEntry
from jeugdketen.organisations.models import Function, Municipality, Organisation, Professional
from jeugdketen.organisations.services import load_reference_data
from jeugdketen.youth.models import Carer, CarerRelation, Enrolment, Youth

from .data import CASES, FAMILIES, ORGANISATIONS, PROFESSIONALS
from .handover import load_demo_handover
from .intake import load_demo_intake
from .leerplicht import load_demo_leerplicht
from .meetings import load_demo_meetings
from .plans import load_demo_plans
from .policysignals import load_demo_policysignals
from .schoolsupport import load_demo_schoolsupport
from .socialmap import load_demo_socialmap
from .verwijsindex import load_demo_verwijsindex

# The one password of every demo login. Demo only: production users set their own.
DEMO_PASSWORD = "Jeugdketen-demo-2026"
DEMO_MARKER_ORG = "Gemeente Dalfsen (demo)"

User = get_user_model()


def demo_loaded() -> bool:
    return Organisation.objects.filter(name=DEMO_MARKER_ORG).exists()


def _bsn(rng: random.Random) -> str:
    """A random number that passes the elfproef (fictional, for the demo)."""
    while True:
        digits = [rng.randint(0, 9) for _ in range(8)]
        digits[0] = rng.randint(1, 6)
        total = sum(d * w for d, w in zip(digits, (9, 8, 7, 6, 5, 4, 3, 2), strict=True))
        check = total % 11
        if check < 10:
            return "".join(map(str, digits)) + str(check)


def _birth(today: date, age: int, day_offset: int) -> date:
    """A date of birth on which the youth is exactly ``age`` today (birthday 1–364 days ago)."""
    try:
        anniversary = today.replace(year=today.year - age)
    except ValueError:  # 29 February
        anniversary = today.replace(year=today.year - age, day=28)
    return anniversary - timedelta(days=day_offset % 364 + 1)


@transaction.atomic
def load_demo(*, today: date | None = None) -> dict[str, int]:
    """Create the demo municipality. Does nothing when it is already there."""
    if demo_loaded():
        return {}
    load_reference_data()
    today = today or timezone.localdate()
    rng = random.Random(148)
    municipalities = {
        code: Municipality.objects.get_or_create(cbs_code=code, defaults={"name": name})[0]
        for code, name in (("0148", "Dalfsen"), ("0175", "Ommen"), ("0193", "Zwolle"))
    }
    orgs: dict[str, Organisation] = {}
    for key, item in ORGANISATIONS.items():
        item = dict(item)
        item["municipality"] = municipalities[item.pop("municipality", "0148")]
        orgs[key] = Organisation.objects.create(**item)

    functions = {f.code: f for f in Function.objects.all()}
    pros: dict[str, Professional] = {}
    for username, (first, last, org, codes, title, phone) in PROFESSIONALS.items():
        user = User.objects.create_user(
            username=username,
            password=DEMO_PASSWORD,
            first_name=first,
            last_name=last,
            email=f"{username}@{org.replace('_', '-')}.demo.jeugdketen.nl",
        )
        professional = Professional.objects.create(
            user=user,
            organisation=orgs[org],
            job_title=title,
            phone=phone,
            email=user.email,
        )
        professional.functions.set([functions[c] for c in codes])
        pros[username] = professional

    schools_po = [orgs["obs_de_vecht"], orgs["cbs_wegwijzer"], orgs["kc_lemelerveld"]]
    school_vo = orgs["vechtdal_lyceum"]
    this_year_start = date(today.year, 8, 25)
    school_year_start = this_year_start if today >= this_year_start else date(today.year - 1, 8, 25)
    youths: dict[str, Youth] = {}
    for family in FAMILIES:
        carers = []
        for index, (first, last, gezag, login) in enumerate(family["carers"]):
            user = None
            if login:
                user = User.objects.create_user(
                    username=login, password=DEMO_PASSWORD, first_name=first, last_name=last
                )
            carers.append(
                (
                    Carer.objects.create(
                        first_name=first,
                        last_name=last,
                        user=user,
                        phone=f"06-{rng.randint(10000000, 99999999)}",
                        email=f"{first.lower()}.{last.lower().replace(' ', '')}@example.nl",
                    ),
                    gezag,
                    index,
                )
            )
        for child in family["children"]:
            key, first, age, gender, *rest = child
            options = rest[0] if rest else {}
            last = options.get("last_name", family["name"])
            prefix = ""
            if " " in last and last.split(" ")[0] in {"de", "van", "ter", "ten", "van der", "van de"}:
                prefix, last = last.rsplit(" ", 1)
            youth = Youth.objects.create(
                first_name=first,
                name_prefix=prefix,
                last_name=last,
                gender=gender,
                date_of_birth=_birth(today, age, rng.randint(0, 300)),
                bsn=_bsn(rng) if options.get("bsn", True) else "",
                municipality=municipalities[options.get("municipality", "0148")],
            )
            if options.get("login"):
                youth.user = User.objects.create_user(
                    username=options["login"], password=DEMO_PASSWORD, first_name=first, last_name=last
                )
                youth.save(update_fields=["user"])
            for carer, gezag, index in carers:
                kind = CarerRelation.Kind.PARENT if index < 2 else CarerRelation.Kind.FOSTER
                CarerRelation.objects.create(youth=youth, carer=carer, has_gezag=gezag, kind=kind)
            school = options.get("school")
            if school != "none" and 4 <= age <= 17:
                if age >= 12:
                    org, group = school_vo, f"{['1', '2', '3', '4', '5', '6'][min(age - 12, 5)]}{rng.choice('ABC')}"
                else:
                    org = orgs[school] if school else schools_po[len(youths) % 3]
                    group = f"groep {max(1, min(8, age - 3))}"
                Enrolment.objects.create(
                    youth=youth, school=org, start=school_year_start - timedelta(days=365 * (age % 4)), group=group
                )
            youths[key] = youth

    case_count = 0
    cases_by_youth: dict[str, Case] = {}
    for spec in CASES:
        youth = youths[spec["youth"]]
        opened = today - timedelta(days=spec["opened_days_ago"])
        regisseur = pros[spec["regisseur"]]
        status = spec["status"]
        case = Case.objects.create(
            reference=f"tmp-{case_count}",
            youth=youth,
            subject=spec["subject"],
            status=status,
            opened_on=opened,
            closed_on=today - timedelta(days=spec.get("closed_days_ago", 0))
            if status == Case.Status.AFGESLOTEN
            else None,
            casusregisseur=regisseur,
            next_date=today + timedelta(days=spec["next_in_days"]) if "next_in_days" in spec else None,
            next_date_label=spec.get("next_label", ""),
            created_by=regisseur.user,
        )
        case.reference = f"{opened:%Y}-{case.pk:05d}"
        case.save(update_fields=["reference"])
        for username, code, since_days, note in spec["involved"]:
            Involvement.objects.create(
                case=case,
                professional=pros[username],
                function=functions[code],
                since=opened + timedelta(days=since_days),
                note="" if note == "casusregisseur" else note,  # the role follows from Case.casusregisseur
            )
        for days_ago, username, code, category, title, text in spec["journal"]:
            JournalEntry.objects.create(
                case=case,
                author=pros[username],
                author_function=functions[code],
                category=Category(category),
                occurred_on=today - timedelta(days=days_ago),
                title=title,
                text=text,
            )
        case_count += 1
        cases_by_youth[spec["youth"]] = case
    plans = load_demo_plans(today=today, cases=cases_by_youth, pros=pros)
    meetings = load_demo_meetings(today=today, cases=cases_by_youth, pros=pros)
    pupils = load_demo_schoolsupport(today=today, youths=youths, pros=pros, orgs=orgs)
    from jeugdketen.signals.services import stagnation_sweep

    stagnation_sweep(today=today)  # the demo's overdue agreement and missed evaluation show at once
    load_demo_socialmap(today=today, pros=pros, orgs=orgs)
    load_demo_verwijsindex(today=today, youths=youths, pros=pros)
    load_demo_policysignals(today=today, pros=pros)
    load_demo_handover(today=today, youths=youths, pros=pros, orgs=orgs)
    requests = load_demo_intake(today=today, municipality=municipalities["0148"], pros=pros, orgs=orgs)
    meldingen = load_demo_leerplicht(today=today, youths=youths, pros=pros, municipality=municipalities["0148"])
    from jeugdketen.dashboards.compute import compute_all

    compute_all(today=today)  # the dashboards show figures at once (the worker recomputes nightly)
    return {
        "organisations": len(orgs),
        "professionals": len(pros),
        "youths": len(youths),
        "cases": case_count,
        "help requests": requests,
        "plans": plans,
        "meetings": meetings,
        "pupils with school support": pupils,
        "verzuimmeldingen": meldingen,
    }
