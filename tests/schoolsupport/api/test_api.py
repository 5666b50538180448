"""School support in the API: the same services and selectors as the pages, so the same policy
(the school's IB'er yes, a teacher of another school 404, the SWV's coördinator reads the request
but not the pupil's file unless involved in the case), Dutch messages per field, nothing half saved,
and every read and change in the access log as coming through the API."""

from datetime import timedelta

import pytest
from django.utils import timezone

from jeugdketen.auditlog.models import AccessLogEntry
from jeugdketen.schoolsupport.models import (
    ABAssignment,
    GGDConsultation,
    GGDNote,
    PupilSignal,
    SupportNote,
    SupportPlan,
    SWVRequest,
)
from tests.api.conftest import token_client
from tests.factories import case_with, involve, professional

from ..conftest import OPP_CONTENT, consult, days_ago, document_support, log_of, opp_final, signal

pytestmark = pytest.mark.django_db

API = "/api/v1"


def pupil_url(youth, action: str = "") -> str:
    return f"{API}/school-support/pupils/{youth.pk}/" + (f"{action}/" if action else "")


def later(days: int) -> str:
    return (timezone.localdate() + timedelta(days=days)).isoformat()


# --- reading a pupil -------------------------------------------------------------------------------------


def test_the_ib_reads_the_pupil_a_teacher_of_another_school_does_not(people, profile, noah):
    sig = signal(people.teacher, noah, observed_on=days_ago(10))
    consult(people.ib, sig, held_on=days_ago(5))
    response = token_client(people.ib.user).get(pupil_url(noah))
    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["youth"], body["youth_name"], body["school"]) == (noah.pk, "Noah Jansen", people.school.pk)
    assert (body["can_signal"], body["is_ib"], body["is_lead"]) == (True, True, True)
    [read] = body["signals"]
    assert (read["id"], read["status"], read["raised_by_name"]) == (sig.pk, "besproken", "Sanne Kroeze")
    assert (read["consultation"]["outcome"], read["consultation"]["ib_name"]) == ("handelingsplan", "Ilse Dekker")
    assert set(body["readiness"]) == {"arrangement", "tlv"}
    assert {s["key"] for s in body["readiness"]["tlv"]} >= {"signal", "consultation", "opp"}
    assert log_of(noah, event="read", user=people.ib.user).get().channel == "api"

    # A teacher of another school: 404, the same as for a pupil that does not exist, and logged.
    other = token_client(people.other_teacher.user)
    assert other.get(pupil_url(noah)).status_code == 404
    assert other.get(f"{API}/school-support/pupils/999999/").status_code == 404
    assert log_of(noah, event="refused", user=people.other_teacher.user).exists()


def test_a_teacher_signals_and_records_conversations(people, profile, noah, lisa):
    teacher = token_client(people.teacher.user)
    response = teacher.post(
        pupil_url(noah, "signals"), {"area": "gedrag", "observation": "Onrustig na de pauze."}, format="json"
    )
    assert response.status_code == 201, response.content
    sig = response.json()
    assert (sig["status"], sig["observed_on"], sig["consultation"]) == ("open", timezone.localdate().isoformat(), None)
    response = teacher.post(
        pupil_url(noah, "notes"),
        {"kind": "gesprek_ouders", "text": "Moeder herkent het.", "signal": sig["id"]},
        format="json",
    )
    assert response.status_code == 201, response.content
    assert (response.json()["signal"], response.json()["author_function"]) == (sig["id"], "Leerkracht / mentor")

    # A signal about another pupil, or one that does not exist: 400 at the field, nothing saved.
    lisas = signal(people.teacher, lisa)
    for signal_id in (lisas.pk, 999999):
        response = teacher.post(
            pupil_url(noah, "notes"), {"kind": "gesprek_ouders", "text": "x", "signal": signal_id}, format="json"
        )
        assert response.status_code == 400
        assert response.json() == {"signal": ["Kies een signaal over deze leerling."]}
    assert SupportNote.objects.count() == 1

    # A teacher of another school may not: 404, and nothing is saved.
    other = token_client(people.other_teacher.user)
    response = other.post(pupil_url(noah, "signals"), {"area": "gedrag", "observation": "x"}, format="json")
    assert response.status_code == 404
    assert PupilSignal.objects.filter(youth=noah).count() == 1


def test_bad_input_answers_per_field_in_dutch(people, profile, noah):
    teacher = token_client(people.teacher.user)
    response = teacher.post(pupil_url(noah, "signals"), {"area": "boos", "observation": " "}, format="json")
    assert response.status_code == 400
    body = response.json()
    assert set(body) == {"area", "observation"}
    assert body["area"] == ['"boos" is een ongeldige keuze.']
    assert body["observation"] == ["Dit veld mag niet leeg zijn."]
    # The service's own checks answer the same way: a date in the future.
    response = teacher.post(
        pupil_url(noah, "signals"), {"area": "gedrag", "observation": "x", "observed_on": later(3)}, format="json"
    )
    assert (response.status_code, response.json()) == (400, {"observed_on": ["De datum ligt in de toekomst."]})
    # A NUL character and an id beyond any database: 400, never a server error.
    response = teacher.post(pupil_url(noah, "signals"), {"area": "gedrag", "observation": "a\x00b"}, format="json")
    assert response.status_code == 400 and "observation" in response.json()
    response = teacher.post(
        pupil_url(noah, "notes"), {"kind": "gesprek_ouders", "text": "x", "signal": 2**64}, format="json"
    )
    assert response.status_code == 400 and "signal" in response.json()
    assert not PupilSignal.objects.exists()


# --- consultation and handelingsplan ---------------------------------------------------------------------


def test_consultation_plan_and_evaluation_by_the_ib(people, profile, noah):
    sig = signal(people.teacher, noah, observed_on=days_ago(20))
    ib = token_client(people.ib.user)
    response = ib.post(
        f"{API}/school-support/signals/{sig.pk}/consultation/",
        {"question": "leervraag", "outcome": "handelingsplan"},
        format="json",
    )
    assert response.status_code == 201, response.content
    # The teacher may record signals but not plan: 403 with the service's message.
    plan = {
        "title": "Rustig werken",
        "approach": "Een vaste plek en een time-timer.",
        "goals": ["Werkt 20 minuten zelfstandig", "Vraagt om hulp"],
        "starts_on": days_ago(14).isoformat(),
        "ends_on": later(40),
        "evaluate_on": later(20),
        "signal": sig.pk,
    }
    response = token_client(people.teacher.user).post(pupil_url(noah, "plans"), plan, format="json")
    assert (response.status_code, response.json()) == (
        403,
        {"detail": "Een handelingsplan stelt de intern begeleider op."},
    )
    too_many = ib.post(pupil_url(noah, "plans"), {**plan, "goals": [f"Doel {i}" for i in range(11)]}, format="json")
    assert too_many.status_code == 400 and "goals" in too_many.json()
    response = ib.post(pupil_url(noah, "plans"), plan, format="json")
    assert response.status_code == 201, response.content
    created = response.json()
    assert [g["text"] for g in created["goals"]] == plan["goals"] and created["signal"] == sig.pk
    first, second = (g["id"] for g in created["goals"])

    url = f"{API}/school-support/plans/{created['id']}/evaluations/"
    evaluation = {"conclusion": "Doelen bereikt.", "next_step": "afsluiten", "with_parents": True}
    twice = ib.post(url, {**evaluation, "results": [{"goal": first, "result": "behaald"}] * 2}, format="json")
    assert (twice.status_code, twice.json()) == (400, {"results": ["Geef per doel één resultaat."]})
    response = ib.post(
        url,
        {**evaluation, "results": [{"goal": first, "result": "behaald"}, {"goal": second, "result": "deels"}]},
        format="json",
    )
    assert response.status_code == 201, response.content
    plan_row = SupportPlan.objects.get()
    assert plan_row.status == "afgesloten"
    assert list(plan_row.goals.values_list("result", flat=True)) == ["behaald", "deels"]
    assert token_client(people.other_teacher.user).post(url, evaluation, format="json").status_code == 404


# --- the OPP ---------------------------------------------------------------------------------------------


def test_the_opp_from_draft_to_set_and_as_pdf(people, profile, noah):
    ib = token_client(people.ib.user)
    response = ib.post(pupil_url(noah, "opps"), {"enrolled_on": days_ago(20).isoformat()}, format="json")
    assert response.status_code == 201, response.content
    opp_id = response.json()["id"]
    url = f"{API}/school-support/opps/{opp_id}/"
    assert response.json()["status"] == "concept" and response.json()["missing_content"]

    assert ib.patch(url, {}, format="json").status_code == 400
    response = ib.patch(url, {"uitstroom": "elders"}, format="json")
    assert response.status_code == 400 and "uitstroom" in response.json()
    response = ib.patch(url, OPP_CONTENT, format="json")
    assert response.status_code == 200, response.content
    assert response.json()["missing_content"] == []
    response = ib.post(
        url + "consent/",
        {"consent_by": "Marloes Jansen (moeder)", "consent_on": days_ago(1).isoformat()},
        format="json",
    )
    assert response.status_code == 200 and response.json()["consent_on"] == days_ago(1).isoformat()
    response = ib.post(url + "finalise/", {}, format="json")
    assert response.status_code == 200 and response.json()["status"] == "vastgesteld"
    # A set OPP changes only through a new one.
    response = ib.patch(url, {"onderbouwing": "Anders."}, format="json")
    assert response.status_code == 400 and "status" in response.json()
    response = ib.post(url + "evaluations/", {"conclusion": "Het perspectief blijft."}, format="json")
    assert response.status_code == 201, response.content

    detail = ib.get(url).json()
    assert (detail["can_change"], detail["status"], len(detail["evaluations"])) == (True, "vastgesteld", 1)
    assert detail["evaluation_due"]
    teacher = token_client(people.teacher.user).get(url).json()
    assert teacher["can_change"] is False
    assert token_client(people.teacher.user).patch(url, {"afwijkingen": "x"}, format="json").status_code == 403
    assert token_client(people.other_teacher.user).get(url).status_code == 404

    pdf = ib.get(url + "pdf/", HTTP_ACCEPT="application/pdf")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    assert log_of(noah, event="print", user=people.ib.user).get().channel == "api"
    assert token_client(people.other_teacher.user).get(url + "pdf/").status_code == 404


# --- the samenwerkingsverband ----------------------------------------------------------------------------


def test_a_tlv_request_without_the_documented_steps_is_refused_and_nothing_saved(people, profile, noah):
    document_support(people, noah)  # up to an evaluated handelingsplan: no OPP yet
    ib = token_client(people.ib.user)
    before = AccessLogEntry.objects.count()
    response = ib.post(pupil_url(noah, "swv-requests"), {"kind": "tlv", "question": "SBO?"}, format="json")
    assert response.status_code == 400
    assert response.json() == {
        "kind": ["Nog niet gedocumenteerd: OPP vastgesteld; Ouders stemden in met het handelingsdeel van het OPP."]
    }
    assert not SWVRequest.objects.exists()
    assert AccessLogEntry.objects.count() == before  # no "submitted" entry for what was not saved
    # An arrangement needs no OPP: that one goes.
    response = ib.post(pupil_url(noah, "swv-requests"), {"kind": "arrangement", "question": "AB?"}, format="json")
    assert response.status_code == 201, response.content


@pytest.fixture
def tlv_request(people, profile, noah):
    document_support(people, noah)
    opp_final(people.ib, noah)
    response = token_client(people.ib.user).post(
        pupil_url(noah, "swv-requests"), {"kind": "tlv", "question": "Is het SBO passend?"}, format="json"
    )
    assert response.status_code == 201, response.content
    return SWVRequest.objects.get(pk=response.json()["id"])


def test_the_coordinator_reads_the_request_but_not_the_pupil_unless_involved(people, noah, tlv_request):
    coordinator = token_client(people.coordinator.user)
    overview = coordinator.get(f"{API}/swv-requests/")
    assert overview.status_code == 200
    assert [r["reference"] for r in overview.json()["open"]] == [tlv_request.reference]
    detail = coordinator.get(f"{API}/swv-requests/{tlv_request.pk}/")
    assert detail.status_code == 200
    body = detail.json()
    assert (body["is_coordinator"], body["status"], body["youth_name"]) == (True, "ingediend", "Noah Jansen")
    assert body["sent"]["opp"]["uitstroom"]["value"] == "Vervolgonderwijs"
    assert len(body["advice_missing"]) == 2
    # The school's file is not the coördinator's: 404 on the pupil, as for anyone not involved.
    assert coordinator.get(pupil_url(noah)).status_code == 404
    # The coördinator of another SWV and a teacher of another school read nothing.
    assert token_client(people.other_coordinator.user).get(f"{API}/swv-requests/{tlv_request.pk}/").status_code == 404
    assert token_client(people.other_teacher.user).get(f"{API}/swv-requests/{tlv_request.pk}/").status_code == 404
    assert token_client(people.other_teacher.user).get(f"{API}/swv-requests/").status_code == 404
    # The school reads its own request.
    school = token_client(people.ib.user).get(f"{API}/swv-requests/{tlv_request.pk}/").json()
    assert (school["is_school"], school["is_coordinator"]) == (True, False)

    # Involved in the youth's case, the coördinator reads the pupil too.
    involve(case_with(noah, professional("jeugdconsulent"), "jeugdconsulent"), people.coordinator, "coordinator_swv")
    response = coordinator.get(pupil_url(noah))
    assert response.status_code == 200
    assert [r["reference"] for r in response.json()["requests"]] == [tlv_request.reference]


def test_the_cat_schedules_advises_and_decides(people, noah, tlv_request):
    coordinator = token_client(people.coordinator.user)
    url = f"{API}/swv-requests/{tlv_request.pk}/"
    response = coordinator.post(f"{API}/cat-meetings/", {"held_on": later(7), "location": "Dalfsen"}, format="json")
    assert response.status_code == 201, response.content
    meeting = response.json()
    assert (meeting["chair_name"], meeting["requests"]) == ("Carla Nijenhuis", [])
    assert (
        token_client(people.ib.user).post(f"{API}/cat-meetings/", {"held_on": later(7)}, format="json").status_code
        == 404
    )

    missing = coordinator.post(url + "schedule/", {"meeting": 999999}, format="json")
    assert (missing.status_code, missing.json()) == (400, {"meeting": ["Kies een komende CAT-vergadering."]})
    response = coordinator.post(url + "schedule/", {"meeting": meeting["id"]}, format="json")
    assert response.status_code == 200 and response.json()["status"] == "geagendeerd"
    agenda = coordinator.get(f"{API}/cat-meetings/{meeting['id']}/").json()
    assert [r["reference"] for r in agenda["requests"]] == [tlv_request.reference]
    assert token_client(people.other_coordinator.user).get(f"{API}/cat-meetings/{meeting['id']}/").status_code == 404

    # A TLV without the advice of two deskundigen is refused, and the request stays as it was.
    decision = {
        "outcome": "tlv",
        "motivation": "De basis- en extra ondersteuning zijn uitgeput.",
        "tlv_school_type": "sbo",
        "tlv_category": "laag",
        "valid_from": later(0),
        "valid_until": later(700),
    }
    response = coordinator.post(url + "decision/", decision, format="json")
    assert response.status_code == 400 and "outcome" in response.json()
    tlv_request.refresh_from_db()
    assert (tlv_request.status, tlv_request.outcome, tlv_request.tlv_category) == ("geagendeerd", "", "")

    for name, expertise in (("Drs. P. de Vries", "orthopedagoog"), ("J. Bakker", "arts")):
        response = coordinator.post(
            url + "advices/",
            {"expert_name": name, "expertise": expertise, "advice": "Het SBO past."},
            format="json",
        )
        assert response.status_code == 201, response.content
    from jeugdketen.schoolsupport.models import CATAdvice

    print("ADVICES", list(CATAdvice.objects.values_list("request_id", "expertise")), tlv_request.pk)
    # The school may not decide: 404 (the decision is the coördinator's, of that SWV).
    assert token_client(people.ib.user).post(url + "decision/", decision, format="json").status_code == 404
    response = coordinator.post(url + "decision/", decision, format="json")
    assert response.status_code == 200, response.content
    assert (response.json()["status"], response.json()["outcome"]) == ("besloten", "tlv")
    response = token_client(people.ib.user).post(url + "withdraw/")
    assert (response.status_code, response.json()) == (400, {"status": ["Over deze aanvraag is al besloten."]})


# --- ambulante begeleiding and the GGD -------------------------------------------------------------------


def test_the_ib_assigns_an_ambulant_begeleider_who_logs_notes(people, profile, noah):
    ib = token_client(people.ib.user)
    assignment = {
        "question": "Plannen en boze buien.",
        "consent_given_by": "ouders",
        "consent_on": days_ago(2).isoformat(),
    }
    response = ib.post(pupil_url(noah, "ab-assignments"), {**assignment, "ab": people.other_ab.pk}, format="json")
    assert response.status_code == 400
    assert response.json() == {"ab": ["Kies een ambulant begeleider van het samenwerkingsverband van de school."]}
    response = ib.post(
        pupil_url(noah, "ab-assignments"),
        {**assignment, "ab": people.ab.pk, "consent_given_by": "jeugdige"},
        format="json",
    )
    assert response.status_code == 400 and "consent_given_by" in response.json()
    assert not ABAssignment.objects.exists()
    response = ib.post(pupil_url(noah, "ab-assignments"), {**assignment, "ab": people.ab.pk}, format="json")
    assert response.status_code == 201, response.content
    assignment_id = response.json()["id"]

    ab = token_client(people.ab.user)
    mine = ab.get(f"{API}/ab-assignments/")
    assert mine.status_code == 200
    assert [(a["id"], a["youth_name"], a["notes"]) for a in mine.json()] == [(assignment_id, "Noah Jansen", 0)]
    response = ab.post(
        f"{API}/ab-assignments/{assignment_id}/notes/", {"kind": "observatie", "text": "Geobserveerd."}, format="json"
    )
    assert response.status_code == 201, response.content
    assert response.json()["assignment"] == assignment_id
    wrong = ab.post(
        f"{API}/ab-assignments/{assignment_id}/notes/", {"kind": "gesprek_ouders", "text": "x"}, format="json"
    )
    assert wrong.status_code == 400 and "kind" in wrong.json()
    teacher = token_client(people.teacher.user)
    assert (
        teacher.post(
            f"{API}/ab-assignments/{assignment_id}/notes/", {"kind": "observatie", "text": "x"}, format="json"
        ).status_code
        == 404
    )
    assert teacher.get(f"{API}/ab-assignments/").status_code == 404


def test_the_ggd_anonymously_and_about_a_named_pupil(people, profile, noah):
    teacher = token_client(people.teacher.user)
    ask = {"question": "Hoe gaan we om met een kind dat niet eet?", "age_group": "8-12"}
    response = teacher.post(f"{API}/ggd-consultations/", {**ask, "professional": people.coordinator.pk}, format="json")
    assert (response.status_code, response.json()) == (400, {"professional": ["Kies aan wie bij de GGD u het vraagt."]})
    response = teacher.post(f"{API}/ggd-consultations/", {**ask, "professional": people.nurse.pk}, format="json")
    assert response.status_code == 201, response.content
    anonymous = response.json()
    assert (anonymous["youth"], anonymous["youth_name"], anonymous["school_name"]) == (None, None, "OBS De Vecht")

    nurse = token_client(people.nurse.user)
    inbox = nurse.get(f"{API}/ggd-consultations/").json()
    assert [c["id"] for c in inbox["open"]] == [anonymous["id"]]
    response = nurse.post(f"{API}/ggd-consultations/{anonymous['id']}/answer/", {"advice": "Bel mij."}, format="json")
    assert response.status_code == 200 and response.json()["status"] == "beantwoord"
    read = teacher.get(f"{API}/ggd-consultations/{anonymous['id']}/").json()
    assert (read["advice"], read["can_answer"], read["notes"]) == ("Bel mij.", False, [])
    assert token_client(people.other_teacher.user).get(f"{API}/ggd-consultations/{anonymous['id']}/").status_code == 404
    assert teacher.get(f"{API}/ggd-consultations/").status_code == 404

    # About Noah by name: only with the consent of those who decide, then notes shared with consent.
    named = {"professional": people.nurse.pk, "question": "Noah eet slecht.", "consent_given_by": "ouders",
             "consent_on": days_ago(1).isoformat()}  # fmt: skip
    response = token_client(people.ib.user).post(pupil_url(noah, "ggd-consultations"), named, format="json")
    assert response.status_code == 201, response.content
    consultation = response.json()["id"]
    url = f"{API}/ggd-consultations/{consultation}/notes/"
    assert nurse.post(url, {"kind": "contact_ouders", "text": "Moeder gebeld."}, format="json").status_code == 201
    response = nurse.post(
        url,
        {
            "kind": "advies_huisarts",
            "text": "Naar de huisarts.",
            "shared_with_school": True,
            "share_consent_by": "ouders",
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    assert teacher.post(url, {"kind": "overig", "text": "x"}, format="json").status_code == 404
    assert GGDNote.objects.count() == 2
    school = token_client(people.ib.user).get(pupil_url(noah)).json()
    assert [n["text"] for n in school["ggd_notes"]] == ["Naar de huisarts."]
    assert [c["id"] for c in school["ggd_consultations"]] == [consultation]
    assert GGDConsultation.objects.count() == 2
