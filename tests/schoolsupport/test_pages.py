"""The school-support pages through HTTP: the IB'er's overview and the pupil page answer in a fixed
number of queries however many pupils and records the school has (no N+1), log what they show, and
answer 404 to a teacher of another school."""

import pytest

from jeugdketen.auditlog.models import AccessLogEntry
from jeugdketen.schoolsupport.models import OPP
from tests.factories import EnrolmentFactory, YouthFactory

from .conftest import born, consult, days_ago, document_support, make_plan, opp_final, signal

# Pinned: session, user and professional; the overview's lists and counts, one query each; the
# school's profile; the access log's one insert; the session save.
OVERVIEW_QUERIES = 20
PUPIL_QUERIES = 25


def _pupils(people, n: int):
    youths = []
    for i in range(n):
        youth = YouthFactory(first_name=f"Leerling{i}", date_of_birth=born(8 + i % 4))
        EnrolmentFactory(youth=youth, school=people.school, group="groep 5")
        sig = signal(people.teacher, youth, observed_on=days_ago(3))
        if i % 2:
            consult(people.ib, sig, held_on=days_ago(2))
            make_plan(people.ib, youth, starts_on=days_ago(60))
        youths.append(youth)
    return youths


def _login(client, professional):
    client.force_login(professional.user)
    return client


@pytest.mark.parametrize("n", [2, 12])
def test_the_ib_overview_takes_the_same_queries_for_2_or_12_pupils(
    client, people, profile, n, django_assert_num_queries
):
    _pupils(people, n)
    _login(client, people.ib)
    client.get("/ondersteuning/")  # the session and the professional are cached after the first
    with django_assert_num_queries(OVERVIEW_QUERIES):
        response = client.get("/ondersteuning/")
    assert response.status_code == 200
    assert "Signalen die op een consultatie wachten" in response.content.decode()


def test_the_overview_logs_each_pupil_it_shows(client, people, profile):
    youths = _pupils(people, 3)
    _login(client, people.ib)
    client.get("/ondersteuning/")
    listed = set(
        AccessLogEntry.objects.filter(event="list", object_type="schoolsupport").values_list("youth_id", flat=True)
    )
    assert listed == {y.pk for y in youths}


@pytest.mark.parametrize("rounds", [1, 4])
def test_the_pupil_page_takes_the_same_queries_however_long_the_history(
    client, people, profile, noah, rounds, django_assert_num_queries
):
    for _ in range(rounds):
        document_support(people, noah)
    OPP.objects.all().delete()
    opp_final(people.ib, noah)
    _login(client, people.ib)
    client.get(f"/ondersteuning/leerlingen/{noah.pk}/")
    with django_assert_num_queries(PUPIL_QUERIES):
        response = client.get(f"/ondersteuning/leerlingen/{noah.pk}/")
    assert response.status_code == 200


def test_a_teacher_of_another_school_gets_404_on_the_pupil_page(client, people, noah):
    signal(people.teacher, noah)
    _login(client, people.other_teacher)
    assert client.get(f"/ondersteuning/leerlingen/{noah.pk}/").status_code == 404
    assert AccessLogEntry.objects.filter(
        youth_id=noah.pk, event="refused", user_id=people.other_teacher.user_id
    ).exists()


def test_a_bad_signal_is_shown_again_with_dutch_messages_and_nothing_saved(client, people, noah):
    _login(client, people.teacher)
    response = client.post(
        f"/ondersteuning/leerlingen/{noah.pk}/signaal/", {"signal-area": "", "signal-observation": ""}
    )
    assert response.status_code == 422
    body = response.content.decode()
    assert "Waar gaat het over?: Kies waar het signaal over gaat." in body
    assert "Wat ziet u?: Beschrijf wat u ziet." in body
    assert not noah.pupil_signals.exists()


def test_the_opp_pdf_is_a_pdf_and_logged_as_a_print(client, people, profile, noah):
    document_support(people, noah)
    opp = opp_final(people.ib, noah)
    _login(client, people.ib)
    response = client.get(f"/ondersteuning/opp/{opp.pk}/opp.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert AccessLogEntry.objects.filter(youth_id=noah.pk, event="print").exists()


def test_a_parent_with_gezag_reads_the_school_support_and_the_decision_but_changes_nothing(
    client, people, profile, noah
):
    from tests.factories import UserFactory, parent_of

    document_support(people, noah)
    opp_final(people.ib, noah)
    mother = parent_of(noah)
    mother.user = UserFactory(username="marloes")
    mother.save()
    client.force_login(mother.user)
    response = client.get(f"/ondersteuning/leerlingen/{noah.pk}/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Noah is onrustig" in body
    assert "Signaal vastleggen" not in body and "Handelingsplan opstellen" not in body
    assert (
        client.post(
            f"/ondersteuning/leerlingen/{noah.pk}/signaal/",
            {"signal-area": "leren", "signal-observation": "x", "signal-observed_on": days_ago(1).isoformat()},
        ).status_code
        == 404
    )
    assert "Ondersteuning op school" in client.get("/mijn/").content.decode()


def test_a_parent_without_gezag_gets_404(client, people, noah):
    from tests.factories import UserFactory, parent_of

    signal(people.teacher, noah)
    father = parent_of(noah, has_gezag=False)
    father.user = UserFactory(username="vader")
    father.save()
    client.force_login(father.user)
    assert client.get(f"/ondersteuning/leerlingen/{noah.pk}/").status_code == 404


def test_assigning_an_ab_has_its_own_page_for_the_ib_only(client, people, profile, noah):
    _login(client, people.ib)
    page = client.get(f"/ondersteuning/leerlingen/{noah.pk}/ambulante-begeleiding/")
    assert page.status_code == 200
    assert "Bram Veneman" in page.content.decode()
    refused = client.post(
        f"/ondersteuning/leerlingen/{noah.pk}/ambulante-begeleiding/",
        {"ab-ab": people.ab.pk, "ab-question": "Samenspelen", "ab-consent_given_by": "", "ab-starts_on": ""},
    )
    assert refused.status_code == 422
    assert "Vul in wie toestemming gaf." in refused.content.decode()
    assert not noah.ab_assignments.exists()
    client.logout()
    _login(client, people.teacher)
    assert client.get(f"/ondersteuning/leerlingen/{noah.pk}/ambulante-begeleiding/").status_code == 404


def test_a_named_question_to_the_ggd_needs_consent(client, people, profile, noah):
    _login(client, people.teacher)
    assert client.get(f"/ondersteuning/leerlingen/{noah.pk}/ggd-vraag/").status_code == 200
    response = client.post(
        f"/ondersteuning/leerlingen/{noah.pk}/ggd-vraag/",
        {
            "ggd-professional": people.nurse.pk,
            "ggd-question": "Buikpijn?",
            "ggd-consent_given_by": "",
            "ggd-consent_on": "",
        },
    )
    assert response.status_code == 422
    assert not noah.ggd_consultations.exists()
    ok = client.post(
        f"/ondersteuning/leerlingen/{noah.pk}/ggd-vraag/",
        {
            "ggd-professional": people.nurse.pk,
            "ggd-question": "Buikpijn?",
            "ggd-consent_given_by": "ouders",
            "ggd-consent_on": days_ago(1).isoformat(),
        },
    )
    assert ok.status_code == 302
    assert noah.ggd_consultations.get().consent_given_by == "ouders"


def test_the_overview_shows_25_signals_and_says_there_are_more(client, people, profile):
    pupils = []
    for i in range(26):
        youth = YouthFactory(first_name=f"Leerling{i}", date_of_birth=born(9))
        EnrolmentFactory(youth=youth, school=people.school, group="groep 5")
        signal(people.teacher, youth, observed_on=days_ago(1))
        pupils.append(youth)
    _login(client, people.ib)
    body = client.get("/ondersteuning/").content.decode()
    assert "Er wachten meer signalen; hier staan de 25 oudste." in body
    assert body.count("#signal-") == 25


def test_an_admission_refused_without_motivation_is_shown_again_and_not_decided(client, people):
    from jeugdketen.schoolsupport import services
    from jeugdketen.schoolsupport.models import Admission

    admission = services.admission_register(
        actor=people.ib.user,
        school=people.school,
        first_name="Daan",
        last_name="Hofman",
        date_of_birth=born(8),
        support_need="Een aangepaste werkplek.",
        received_on=days_ago(3),
    )
    _login(client, people.ib)
    response = client.post(f"/ondersteuning/aanmeldingen/{admission.pk}/besluit/", {"outcome": "afgewezen", "note": ""})
    assert response.status_code == 422
    assert "Motivering: Motiveer het besluit" in response.content.decode()
    assert Admission.objects.get().outcome == ""
    done = client.post(f"/ondersteuning/aanmeldingen/{admission.pk}/besluit/", {"outcome": "toegelaten", "note": ""})
    assert done.status_code == 302
    assert Admission.objects.get().outcome == "toegelaten"


def test_a_teacher_does_not_decide_an_admission(client, people):
    from jeugdketen.schoolsupport import services

    admission = services.admission_register(
        actor=people.ib.user,
        school=people.school,
        first_name="Daan",
        last_name="Hofman",
        date_of_birth=born(8),
        support_need="Een aangepaste werkplek.",
        received_on=days_ago(3),
    )
    _login(client, people.teacher)
    assert (
        client.post(f"/ondersteuning/aanmeldingen/{admission.pk}/besluit/", {"outcome": "toegelaten"}).status_code
        == 403
    )
