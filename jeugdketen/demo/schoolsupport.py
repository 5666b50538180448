"""The demo's school support at OBS De Vecht, built through the services as the staff would:

- every demo school has its schoolondersteuningsprofiel (SWV Veld, Vaart en Vecht; GGD contact
  Jolien Oosterhof);
- Jesse Kuipers (reading): signal, conversations, basic support, a consultation, a handelingsplan
  evaluated last week with "verder", and a concept OPP due in three weeks;
- Sem de Boer: the whole cycle done, a set OPP the parents agreed with, and a TLV request on the
  agenda of next week's CAT with one advice (Olga, orthopedagoog) — the second still to come;
- Sara Visser: a leefvraag, discussed with the jeugdverpleegkundige with her parents' consent;
- Zoë Bakker: ambulante begeleiding by Bram after her parents' consent;
- an anonymous question to the GGD, the bespreekcyclus and an application under the zorgplicht."""

from __future__ import annotations

from datetime import date, timedelta

from jeugdketen.auditlog.services import AccessPoint, Channel
from jeugdketen.schoolsupport import services as s

DEMO = AccessPoint(Channel.CLI)

BASIC = (
    "Handelingsgericht werken in elke groep: groepsplannen lezen, rekenen en gedrag op drie niveaus, "
    "observatie en gesprekken met leerling en ouders, een sociaal-emotioneel volgsysteem, verlengde "
    "instructie, een rustige werkplek, dagritmekaarten en een beloningssysteem in overleg met ouders."
)
EXTRA = (
    "Een leesspecialist (2 ochtenden per week), een plusklas, handelingsplannen met de IB'er, "
    "ambulante begeleiding en een orthopedagoog via het samenwerkingsverband, en een OPP voor "
    "leerlingen die op een eigen leerlijn werken."
)


def _cycle(youth, *, today: date, pros: dict, area: str, observation: str, weeks_ago: int, plan: dict) -> None:
    sanne, ilse = pros["sanne"], pros["ilse"]
    start = today - timedelta(weeks=weeks_ago)
    signal = s.signal_record(
        actor=sanne.user, youth=youth, area=area, observation=observation, observed_on=start, access_point=DEMO
    )
    for kind, text, days in plan["notes"]:
        s.note_add(
            actor=sanne.user,
            youth=youth,
            kind=kind,
            text=text,
            held_on=start + timedelta(days=days),
            signal=signal,
            access_point=DEMO,
        )
    s.consultation_record(
        actor=ilse.user,
        signal=signal,
        question="leervraag",
        outcome="handelingsplan",
        note=plan["consult"],
        held_on=start + timedelta(days=14),
        access_point=DEMO,
    )
    support_plan = s.support_plan_create(
        actor=ilse.user,
        youth=youth,
        signal=signal,
        title=plan["title"],
        approach=plan["approach"],
        goals=plan["goals"],
        starts_on=start + timedelta(days=15),
        ends_on=start + timedelta(days=15 + 8 * 7),
        evaluate_on=start + timedelta(days=15 + 6 * 7),
        access_point=DEMO,
    )
    if plan.get("evaluation"):
        s.support_plan_evaluate(
            actor=ilse.user,
            plan=support_plan,
            held_on=start + timedelta(days=15 + 6 * 7),
            with_parents=True,
            with_teacher=True,
            conclusion=plan["evaluation"],
            next_step="verder",
            results={g.pk: "deels" for g in support_plan.goals.all()},
            access_point=DEMO,
        )


def load_demo_schoolsupport(*, today: date, youths: dict, pros: dict, orgs: dict) -> int:
    swv, jolien = orgs["swv"], pros["jolien"]
    leads = {"obs_de_vecht": pros["ilse"]}
    for key in ("obs_de_vecht", "cbs_wegwijzer", "kc_lemelerveld", "vechtdal_lyceum"):
        school = orgs[key]
        actor = leads.get(key)
        profile = dict(basic_support=BASIC, extra_support=EXTRA, samenwerkingsverband=swv, ggd_contact=jolien)
        if actor is not None:
            s.support_profile_update(actor=actor.user, school=school, expertise="IB'er, leesspecialist", **profile)
        else:
            from jeugdketen.schoolsupport.models import SupportProfile

            SupportProfile.objects.create(school=school, **profile)
    ilse, sanne, carla, olga, bram = (pros[k] for k in ("ilse", "sanne", "carla", "olga", "bram"))
    school = orgs["obs_de_vecht"]

    jesse = youths["kuipers_jesse"]
    _cycle(
        jesse,
        today=today,
        pros=pros,
        area="leren",
        observation="Jesse leest op AVI M4 terwijl de groep op E5 zit. Hij raadt woorden en haakt af bij stillezen.",
        weeks_ago=10,
        plan={
            "notes": [
                ("gesprek_leerling", "Jesse vindt lezen ‘saai en moeilijk’; strips leest hij wel.", 2),
                ("gesprek_ouders", "Moeder herkent het: thuis leest hij niet. Vader had ook leesproblemen.", 5),
                ("basisondersteuning", "Drie weken verlengde instructie en duolezen met een klasgenoot.", 7),
            ],
            "consult": "Leesproblemen ondanks verlengde instructie; dyslexie uitsluiten.",
            "title": "Technisch lezen",
            "approach": "Vier keer per week 20 minuten RALFI-lezen met de leesspecialist, thuis samen lezen.",
            "goals": ["AVI E4 aan het eind van de periode", "Elke dag 15 minuten lezen (thuis of op school)"],
            "evaluation": "Vooruitgang naar AVI E4 nog niet gehaald; onderzoek naar dyslexie via het SWV aanvragen.",
        },
    )
    opp = s.opp_create(actor=ilse.user, youth=jesse, enrolled_on=today - timedelta(days=21), access_point=DEMO)
    s.opp_update(
        actor=ilse.user,
        opp=opp,
        uitstroom="vervolgonderwijs",
        uitstroom_level="vmbo basis- en kaderberoepsgerichte leerweg",
        belemmerende_factoren="Technisch lezen ver achter; faalangst bij lezen hardop.",
        bevorderende_factoren="Sterk in rekenen en techniek; betrokken ouders; werkt goed één op één.",
        access_point=DEMO,
    )

    sem = youths["deboer_sem"]
    _cycle(
        sem,
        today=today,
        pros=pros,
        area="gedrag",
        observation="Sem raakt meerdere keren per dag ontregeld bij overgangen en loopt de klas uit.",
        weeks_ago=30,
        plan={
            "notes": [
                ("gesprek_leerling", "Sem zegt dat het ‘te druk in zijn hoofd’ wordt in de klas.", 1),
                ("gesprek_ouders", "Ouders zien thuis hetzelfde; diagnose ASS in groep 4.", 3),
                ("basisondersteuning", "Vaste werkplek, dagritme op tafel, time-out-plek afgesproken.", 6),
            ],
            "consult": "Ondanks aanpassingen dagelijks ontregeld; extra ondersteuning nodig.",
            "title": "Overgangen en zelfregulatie",
            "approach": "Begeleiding bij overgangen, prikkelarme werkplek, wekelijkse check-in met de IB'er.",
            "goals": ["Sem blijft bij overgangen in de klas", "Sem gebruikt zelf de time-out-plek"],
            "evaluation": "Beperkte vooruitgang; Sem heeft meer structuur en kleinere groepen nodig dan wij bieden.",
        },
    )
    sem_opp = s.opp_create(actor=ilse.user, youth=sem, enrolled_on=today - timedelta(weeks=12), access_point=DEMO)
    s.opp_update(
        actor=ilse.user,
        opp=sem_opp,
        uitstroom="vervolgonderwijs",
        uitstroom_level="vmbo theoretische leerweg (in een kleine setting)",
        onderbouwing="Cognitief gemiddeld (WISC-V TIQ 104); de uitval komt door prikkelverwerking, niet door leren.",
        belemmerende_factoren="Prikkelgevoelig, ontregeld bij overgangen en in grote groepen.",
        bevorderende_factoren="Goede cijfers bij rekenen en wereldoriëntatie; ouders en jeugdhulp werken mee.",
        afwijkingen="Geen afwijking van de kerndoelen; aangepaste roosters bij gym en excursies.",
        ondersteuning="Kleine groep met vaste leerkracht, voorspelbaar dagprogramma, begeleiding bij overgangen.",
        handelingsdeel="Doelen: zelfregulatie bij overgangen; aanpak: vaste structuur en check-ins; wie: leerkracht, IB'er, ouders; evaluatie elk half jaar.",
        access_point=DEMO,
    )
    s.opp_consent_record(
        actor=ilse.user,
        opp=sem_opp,
        consent_by="Beide ouders",
        consent_on=today - timedelta(weeks=8),
        access_point=DEMO,
    )
    s.opp_finalise(actor=ilse.user, opp=sem_opp, finalised_on=today - timedelta(weeks=8), access_point=DEMO)
    request = s.swv_request_submit(
        actor=ilse.user,
        youth=sem,
        kind="tlv",
        question="Wij vragen een TLV voor speciaal basisonderwijs: Sem heeft een kleinere groep en meer structuur nodig.",
        access_point=DEMO,
    )
    meeting = s.cat_meeting_plan(
        actor=carla.user, swv=swv, held_on=today + timedelta(days=7), location="Kantoor SWV, Ommen"
    )
    s.swv_request_schedule(actor=carla.user, request=request, meeting=meeting, access_point=DEMO)
    s.cat_advice_add(
        actor=carla.user,
        request=request,
        expert_name=olga.name,
        expertise="orthopedagoog",
        advice="Positief over SBO: de ondersteuningsbehoefte past bij een kleine groep met vaste structuur.",
        given_on=today - timedelta(days=2),
        access_point=DEMO,
    )

    sara = youths["visser_sara"]
    signal = s.signal_record(
        actor=sanne.user,
        youth=sara,
        area="sociaal",
        observation="Sara is stil, eet haar lunch niet op en zegt vaak buikpijn te hebben.",
        observed_on=today - timedelta(days=12),
        access_point=DEMO,
    )
    s.consultation_record(
        actor=ilse.user,
        signal=signal,
        question="leefvraag",
        outcome="evalueren",
        note="Leefvraag: de jeugdverpleegkundige denkt mee; over vier weken evalueren met ouders.",
        held_on=today - timedelta(days=9),
        ggd_question="Sara eet slecht en heeft vaak buikpijn. Kunt u met ouders en Sara in gesprek?",
        consent_given_by="ouders",
        consent_on=today - timedelta(days=10),
        access_point=DEMO,
    )
    consultation = sara.ggd_consultations.get()
    s.ggd_consult_answer(
        actor=jolien.user,
        consultation=consultation,
        advice="Ik nodig Sara en haar ouders uit op het spreekuur; voorlopig geen zorgen over de groei.",
        access_point=DEMO,
    )
    s.ggd_note_add(
        actor=jolien.user,
        consultation=consultation,
        kind="contact_ouders",
        text="Gebeld met moeder: spreekuur gepland. Zij vindt het goed dat school het advies kent.",
        held_on=today - timedelta(days=5),
        shared_with_school=True,
        share_consent_by="ouders",
        access_point=DEMO,
    )

    zoe = youths["bakker_zoe"]
    assignment = s.ab_assign(
        actor=ilse.user,
        youth=zoe,
        school=school,
        ab=bram,
        question="Zoë heeft moeite met samenspelen en raakt snel boos; leerkracht wil handvatten.",
        consent_given_by="ouders",
        consent_on=today - timedelta(days=20),
        starts_on=today - timedelta(days=14),
        access_point=DEMO,
    )
    s.ab_note_add(
        actor=bram.user,
        assignment=assignment,
        kind="observatie",
        text="Observatie in groep 4: conflicten vooral bij vrij spel; in gestructureerde opdrachten gaat het goed.",
        held_on=today - timedelta(days=7),
        access_point=DEMO,
    )

    s.ggd_consult_ask(
        actor=sanne.user,
        professional=jolien,
        question="Hoe ga ik in de klas om met een leerling die na de scheiding van ouders erg verdrietig is?",
        age_group="8-12",
        school=school,
        access_point=DEMO,
    )
    s.cycle_meeting_plan(
        actor=ilse.user,
        school=school,
        kind="groepsbespreking",
        cycle="lang",
        held_on=today + timedelta(days=5),
        group="6",
    )
    s.cycle_meeting_plan(
        actor=ilse.user,
        school=school,
        kind="leerlingbespreking",
        cycle="kort",
        held_on=today + timedelta(days=19),
        group="6",
        topic="Jesse: uitkomst leesonderzoek",
    )
    s.admission_register(
        actor=ilse.user,
        school=school,
        first_name="Daan",
        last_name="Hofman",
        date_of_birth=today - timedelta(days=8 * 365 + 42),
        support_need="Daan heeft een motorische beperking en gebruikt een rolstoel; ouders vragen een aangepaste werkplek.",
        received_on=today - timedelta(weeks=4),
    )
    return 4
