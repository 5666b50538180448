"""The meldcode pages: who sees what (200, 403 or 404, refusals logged), walking the five steps
through the forms, a Dutch message at every wrong field with nothing saved, and a pinned number
of queries for the track page."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from jeugdketen.auditlog.models import AccessLogEntry
from jeugdketen.meldcode.models import Decision, StepRecord, Track, Weighing

from .conftest import ALL_YES, days_ago, open_track, walk

pytestmark = pytest.mark.django_db


def main_of(response) -> str:
    return response.text.split("<main", 1)[1].split("</main>", 1)[0]


def login(client, who):
    client.force_login(getattr(who, "user", who))
    return client


@pytest.fixture
def track(setting):
    return walk(open_track(setting), setting.consulent, 2)


# -- who sees what --------------------------------------------------------------------------------

ALLOWED = ["consulent", "samen_doen"]
SEES_CASE_NOT_SAFETY = ["teacher", "nurse", "parent_user", "youth_user"]


@pytest.mark.parametrize("who", ALLOWED)
def test_involved_safety_functions_see_every_page(client, setting, track, who):
    login(client, getattr(setting, who))
    for url in [
        "/meldcode/",
        f"/meldcode/casus/{setting.case.pk}/",
        f"/meldcode/{track.pk}/",
        f"/meldcode/{track.pk}/stap/3/",
        f"/meldcode/{track.pk}/afsluiten/",
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert "Blauwe plekken" in response.text or url.endswith("/stap/3/") or url.endswith("/afsluiten/")


@pytest.mark.parametrize("who", SEES_CASE_NOT_SAFETY)
def test_who_sees_the_case_but_not_safety_data_gets_403_for_its_meldcode_and_404_for_a_track(
    client, setting, track, who
):
    user = getattr(setting, who)
    user = getattr(user, "user", user)
    login(client, user)
    response = client.get(f"/meldcode/casus/{setting.case.pk}/")
    assert response.status_code == 403
    assert "alleen in te zien voor wie in deze casus met veiligheidsgegevens werkt" in response.text
    for url in [f"/meldcode/{track.pk}/", f"/meldcode/{track.pk}/stap/3/", f"/meldcode/{track.pk}/afsluiten/"]:
        assert client.get(url).status_code == 404, url
    response = client.post(f"/meldcode/{track.pk}/stap/3/", {"done_on": days_ago(1), "held": "ja", "notes": "x"})
    assert response.status_code == 404
    assert client.post(f"/meldcode/casus/{setting.case.pk}/starten/", {"reason": "x"}).status_code == 403
    assert AccessLogEntry.objects.filter(event="refused", user_id=user.pk, object_type="meldcode").count() == 6
    assert StepRecord.objects.count() == 2


def test_a_stranger_gets_404_everywhere_and_each_refusal_is_logged(client, setting, track):
    login(client, setting.stranger)
    for url in [
        f"/meldcode/casus/{setting.case.pk}/",
        f"/meldcode/{track.pk}/",
        f"/meldcode/casus/{setting.case.pk}/starten/",
    ]:
        assert client.get(url).status_code == 404, url
    refused = AccessLogEntry.objects.filter(event="refused", user_id=setting.stranger.user_id)
    assert refused.count() == 3
    assert set(refused.values_list("youth_id", "channel")) == {(setting.youth.pk, "web")}
    assert "Blauwe plekken" not in client.get("/meldcode/").text


def test_a_missing_track_is_404(client, setting):
    login(client, setting.consulent)
    assert client.get("/meldcode/999999/").status_code == 404
    assert client.get("/meldcode/casus/999999/").status_code == 404


def test_parents_are_sent_to_their_children_from_the_overview(client, setting):
    login(client, setting.parent_user)
    response = client.get("/meldcode/")
    assert (response.status_code, response["Location"]) == (302, "/jeugdigen/")


# -- the pages ------------------------------------------------------------------------------------


def test_the_track_page_shows_the_steps_and_the_form_of_the_step_at_turn(client, setting, track):
    login(client, setting.consulent)
    response = client.get(f"/meldcode/{track.pk}/")
    main = main_of(response)
    assert "Stap 1: Breng signalen in kaart" in main
    assert "Verslag van stap 2." in main
    assert "Stap 3 vastleggen" in main
    assert f'action="/meldcode/{track.pk}/stap/3/"' in main
    assert "Is het gesprek met de betrokkene(n) gevoerd?" in main
    assert "Nog niet aan de beurt" in main
    entry = AccessLogEntry.objects.filter(event="read").latest("id")
    assert (entry.object_type, entry.categories, entry.channel) == ("meldcode", ["safety"], "web")


def test_the_page_of_a_step_not_at_turn_sends_back_to_the_track(client, setting, track):
    login(client, setting.consulent)
    response = client.get(f"/meldcode/{track.pk}/stap/5/")
    assert (response.status_code, response["Location"]) == (302, f"/meldcode/{track.pk}/")
    assert client.get(f"/meldcode/{track.pk}/stap/6/").status_code == 404


def test_walking_all_five_steps_through_the_forms(client, setting):
    login(client, setting.samen_doen)
    response = client.post(
        f"/meldcode/casus/{setting.case.pk}/starten/",
        {"opened_on": days_ago(5), "reason": "Kind vertelt over klappen."},
    )
    track = Track.objects.get()
    assert response["Location"] == f"/meldcode/{track.pk}/"
    for number in (1, 2):
        response = client.post(
            f"/meldcode/{track.pk}/stap/{number}/", {"done_on": days_ago(3), "notes": f"Stap {number} gedaan."}
        )
        assert response.status_code == 302, main_of(response)
    client.post(f"/meldcode/{track.pk}/stap/3/", {"done_on": days_ago(2), "held": "nee", "notes": "Te gevaarlijk."})
    weighing = {"done_on": days_ago(2)} | {f"answer_{n}": "ja" for n in range(1, 6)}
    weighing |= {f"motivation_{n}": f"Omdat {n}." for n in range(1, 6)}
    assert client.post(f"/meldcode/{track.pk}/stap/4/", weighing).status_code == 302
    page = main_of(client.get(f"/meldcode/{track.pk}/"))
    assert "Melden bij Veilig Thuis is noodzakelijk; hulp bieden of organiseren is ook mogelijk." in page
    decision = {
        "done_on": days_ago(1),
        "report": "ja",
        "reported_on": days_ago(1),
        "report_what": "De signalen en het overleg.",
        "report_motivation": "Structurele onveiligheid.",
        "help_possible": "ja",
        "help_motivation": "Gezinscoach naast de melding.",
    }
    assert client.post(f"/meldcode/{track.pk}/stap/5/", decision).status_code == 302
    assert client.post(f"/meldcode/{track.pk}/afsluiten/", {"closed_on": days_ago(0)}).status_code == 302
    track.refresh_from_db()
    assert track.status == "gesloten"
    assert list(track.steps.values_list("number", "held")) == [(1, None), (2, None), (3, False), (4, None), (5, None)]
    assert Weighing.objects.get().answers == (True,) * 5
    assert Decision.objects.get().report
    page = main_of(client.get(f"/meldcode/{track.pk}/"))
    assert "Afgesloten" in page and "vastleggen" not in page
    assert "Het gesprek met de betrokkene(n) is niet gevoerd" in page


def test_bad_input_shows_a_dutch_message_at_each_field_and_saves_nothing(client, setting):
    track = walk(open_track(setting), setting.consulent, 3)
    login(client, setting.consulent)
    response = client.post(
        f"/meldcode/{track.pk}/stap/4/",
        {"done_on": "", "answer_1": "ja", "motivation_1": "Signalen passen bij mishandeling.", "answer_3": "nee"},
    )
    assert response.status_code == 422
    main = main_of(response)
    for field, message in {
        "done_on": "Vul de datum in.",
        "answer_2": "Beantwoord vraag 2 met ja of nee.",
        "motivation_3": "Motiveer uw antwoord op vraag 3.",
        "answer_5": "Beantwoord vraag 5 met ja of nee.",
    }.items():
        assert re.search(rf'id="id_{field}_error">.*{re.escape(message)}', main), field
    assert 'value="nee" id="id_answer_3_1" checked' in main  # what was chosen stays chosen
    assert not Weighing.objects.exists()
    assert StepRecord.objects.filter(number=4).count() == 0


def test_a_deviating_decision_asks_for_the_extra_motivation_at_its_field(client, setting):
    track = walk(open_track(setting), setting.consulent, 4, answers=ALL_YES)
    login(client, setting.consulent)
    data = {
        "done_on": days_ago(1),
        "report": "nee",
        "report_motivation": "Ouders werken mee.",
        "help_possible": "ja",
        "help_motivation": "Gezinscoach.",
    }
    response = client.post(f"/meldcode/{track.pk}/stap/5/", data)
    assert response.status_code == 422
    assert re.search(
        r'id="id_deviation_motivation_error">.*Uw besluit wijkt af van het advies', main_of(response), re.S
    )
    assert not Decision.objects.exists()
    response = client.post(f"/meldcode/{track.pk}/stap/5/", data | {"deviation_motivation": "Besproken met VT."})
    assert response.status_code == 302
    assert Decision.objects.get().deviates


def test_an_invalid_date_is_a_form_message(client, setting, track):
    login(client, setting.consulent)
    response = client.post(f"/meldcode/{track.pk}/stap/3/", {"done_on": "gisteren", "held": "ja", "notes": "x"})
    assert response.status_code == 422
    assert "Datum: Vul een geldige datum in." in main_of(response)


def test_closing_early_without_a_motivation_is_refused_at_the_field(client, setting, track):
    login(client, setting.consulent)
    response = client.post(f"/meldcode/{track.pk}/afsluiten/", {"closed_on": days_ago(0), "motivation": ""})
    assert response.status_code == 422
    assert re.search(r'id="id_motivation_error">.*Motiveer waarom u de meldcode afsluit', main_of(response), re.S)
    track.refresh_from_db()
    assert track.is_open


def test_the_case_meldcode_page_offers_to_start_only_when_none_runs(client, setting):
    login(client, setting.consulent)
    page = main_of(client.get(f"/meldcode/casus/{setting.case.pk}/"))
    assert "In deze casus is de meldcode nog niet gestart." in page
    assert f'href="/meldcode/casus/{setting.case.pk}/starten/"' in page
    open_track(setting)
    page = main_of(client.get(f"/meldcode/casus/{setting.case.pk}/"))
    assert "starten/" not in page
    assert "1 meldcode" in page


# -- queries --------------------------------------------------------------------------------------

# session, user, track (with case, youth, weighing, decision), professional + functions, the policy
# (involvements, open help request, emergency access), the steps, the log insert, the session save (3)
TRACK_PAGE_QUERIES = 14  # incl. the family's consent decisions (policy)


@pytest.mark.parametrize("steps", [1, 4])
def test_the_track_page_costs_the_same_queries_for_one_and_many_steps(client, setting, steps):
    track = walk(open_track(setting), setting.consulent, steps)
    login(client, setting.consulent)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/meldcode/{track.pk}/")
    assert response.status_code == 200
    assert len(queries) == TRACK_PAGE_QUERIES, "\n".join(q["sql"][:150] for q in queries)


def test_the_block_for_the_case_page(setting):
    from django.template.loader import render_to_string

    from jeugdketen.auditlog.services import CLI
    from jeugdketen.meldcode.selectors import tracks_for_case

    def block(user):
        tracks = tracks_for_case(actor=user, case=setting.case, access_point=CLI)
        return render_to_string("meldcode/_case_block.html", {"tracks": tracks, "case": setting.case})

    assert "nog niet gestart" in block(setting.consulent.user)
    open_track(setting)
    html = block(setting.consulent.user)
    assert "1 meldcode" in html and f'href="/meldcode/casus/{setting.case.pk}/"' in html
    assert block(setting.teacher.user).strip() == ""
