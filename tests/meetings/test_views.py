"""The pages: plan an MDO, the meeting with its agenda per case, minutes, a decision, decisions into
the plan, closing, the PDF; a Dutch message at each field; who gets 200, 403 or 404; and a pinned
query count for the meeting page, the same for one case as for five."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from jeugdketen.auditlog.models import AccessLogEntry
from jeugdketen.auditlog.services import CLI
from jeugdketen.meetings import services
from jeugdketen.meetings.models import Decision, Meeting, Minute
from jeugdketen.plans.models import Agreement
from tests.factories import YouthFactory, case_with, involve, parent_of

from .conftest import decide, invite, item_of, minute, schedule

pytestmark = pytest.mark.django_db


def as_user(client, user):
    client.force_login(user)
    return client


def page(meeting, action=""):
    return f"/overleg/{meeting.pk}/{action}"


def item_url(meeting, case, action):
    return f"/overleg/{meeting.pk}/agenda/{item_of(meeting, case).pk}/{action}"


# --- planning -----------------------------------------------------------------------------------------


def test_planning_an_mdo_from_the_case(client, people, case_a, case_b):
    as_user(client, people["consulent"].user)
    response = client.get(f"/overleg/nieuw/?casus={case_a.pk}")
    html = response.content.decode()
    assert response.status_code == 200
    assert f'value="{case_a.pk}" id="id_cases_0" checked' in html or f'value="{case_a.pk}"' in html
    assert "Noah Jansen" in html and "Lisa Bos" in html
    response = client.post(
        "/overleg/nieuw/",
        {
            "kind": "mdo",
            "date": timezone.localdate().isoformat(),
            "time": "09:30",
            "place": "OBS De Vecht",
            "chair": people["ib"].pk,
            "cases": [case_a.pk],
        },
    )
    meeting = Meeting.objects.get()
    assert response.status_code == 302 and response.url == f"/overleg/{meeting.pk}/"
    assert (meeting.chair, timezone.localtime(meeting.starts_at).strftime("%H:%M")) == (people["ib"], "09:30")


def test_planning_with_bad_input_shows_each_field_and_saves_nothing(client, people, case_a):
    as_user(client, people["consulent"].user)
    response = client.post("/overleg/nieuw/", {"kind": "", "date": "morgen", "time": "half tien", "place": ""})
    assert response.status_code == 422
    html = response.content.decode()
    for message in (
        "Soort overleg: Kies het soort overleg.",
        "Datum: Vul een geldige datum in.",
        "Tijd: Vul een geldige tijd in, bijvoorbeeld 09:30.",
        "Plaats: Vul in waar het overleg is: een adres, een ruimte of ‘online’.",
        "Te bespreken casussen: Kies minstens één casus om te bespreken.",
    ):
        assert message in html, message
    response = client.post(
        "/overleg/nieuw/",
        {
            "kind": "mdo",
            "date": (timezone.localdate() - timedelta(days=20)).isoformat(),
            "time": "09:00",
            "place": "School",
            "chair": people["consulent"].pk,
            "cases": [case_a.pk],
        },
    )
    assert response.status_code == 422
    assert "Datum: Een overleg van meer dan twee weken geleden legt u hier niet meer vast." in response.content.decode()
    response = client.post("/overleg/nieuw/", {})
    assert response.status_code == 422 and "Datum: Vul de datum in." in response.content.decode()
    assert not Meeting.objects.exists()


def test_a_case_not_ones_own_cannot_be_chosen(client, people, case_a, case_b):
    as_user(client, people["ib"].user)
    response = client.post(
        "/overleg/nieuw/",
        {"kind": "mdo", "date": timezone.localdate().isoformat(), "time": "09:00", "place": "School",
         "chair": people["ib"].pk, "cases": [case_a.pk, case_b.pk]},
    )  # fmt: skip
    assert response.status_code == 422
    assert "Te bespreken casussen: U kunt alleen casussen agenderen waarbij u zelf betrokken bent." in (
        response.content.decode()
    )
    assert "Lisa" not in response.content.decode()
    assert not Meeting.objects.exists()


# --- the meeting page ---------------------------------------------------------------------------------


def test_the_meeting_page_has_the_hgw_questions_per_case_and_the_forms(client, meeting, people, case_a, case_b):
    html = as_user(client, people["consulent"].user).get(page(meeting)).content.decode()
    assert html.count("1. Wat speelt er?") == 2
    assert html.count("2. Wat heeft het kind nodig?") == 2
    assert html.count("3. Wat spreken we af?") == 2
    for action in ("verslag/", "besluiten/", "uitkomst/"):
        assert f'action="{item_url(meeting, case_a, action)}"' in html
    assert f'action="{page(meeting, "afronden/")}"' in html
    assert "Iedereen die u kunt uitnodigen, is uitgenodigd." in html  # the fixture invited them all


def test_an_ib_er_sees_only_noahs_item(client, meeting, people, case_a, case_b):
    minute(people["mentor"].user, item_of(meeting, case_b), "school", "Lisa verzuimt op maandag.")
    html = as_user(client, people["ib"].user).get(page(meeting)).content.decode()
    assert "Noah Jansen" in html
    assert "Lisa" not in html and case_b.reference not in html and "verzuimt" not in html
    assert "afronden/" not in html and "deelnemers/" not in html  # the chair or organiser does that


def test_minutes_and_a_decision_on_the_page(client, meeting, people, case_a):
    as_user(client, people["ib"].user)
    prefix = f"item{item_of(meeting, case_a).pk}"
    response = client.post(item_url(meeting, case_a, "verslag/"), {f"{prefix}-minute-category": "police"})
    assert response.status_code == 422
    html = response.content.decode()
    assert "Bij de vraag: Kies bij welke vraag dit hoort." in html
    assert "Categorie: Kies een categorie uit de lijst." in html
    assert "Verslag: Schrijf wat er besproken is." in html
    assert not Minute.objects.exists()
    response = client.post(
        item_url(meeting, case_a, "verslag/"),
        {f"{prefix}-minute-section": "situatie", f"{prefix}-minute-category": "school",
         f"{prefix}-minute-text": "Onrustig na de pauze."},
    )  # fmt: skip
    assert response.status_code == 302 and response.url.endswith(f"#item-{item_of(meeting, case_a).pk}")
    response = client.post(item_url(meeting, case_a, "besluiten/"), {f"{prefix}-decision-what": "Observeren."})
    assert response.status_code == 422
    html = response.content.decode()
    assert "Wie doet het: Kies wie het besluit uitvoert." in html
    assert "Uiterlijk: Vul in wanneer het klaar moet zijn." in html
    response = client.post(
        item_url(meeting, case_a, "besluiten/"),
        {f"{prefix}-decision-what": "Observeren.", f"{prefix}-decision-owner": f"professional:{people['mentor'].pk}",
         f"{prefix}-decision-due_on": (timezone.localdate() + timedelta(days=7)).isoformat()},
    )  # fmt: skip
    assert response.status_code == 422  # Sanne is not involved in Noah's case (and not among the choices)
    assert not Decision.objects.exists()
    response = client.post(
        item_url(meeting, case_a, "besluiten/"),
        {f"{prefix}-decision-what": "Observeren.", f"{prefix}-decision-owner": f"professional:{people['ib'].pk}",
         f"{prefix}-decision-due_on": (timezone.localdate() + timedelta(days=7)).isoformat()},
    )  # fmt: skip
    assert response.status_code == 302
    assert Decision.objects.get().owner_professional == people["ib"]


def test_the_police_writes_in_the_police_category_and_no_decisions(client, meeting, people, case_a):
    as_user(client, people["agent"].user)
    html = client.get(page(meeting)).content.decode()
    prefix = f"item{item_of(meeting, case_a).pk}"
    assert f'name="{prefix}-minute-category"' in html and f'name="{prefix}-decision-what"' not in html
    response = client.post(
        item_url(meeting, case_a, "verslag/"),
        {f"{prefix}-minute-section": "situatie", f"{prefix}-minute-category": "police",
         f"{prefix}-minute-text": "Overlast gemeld."},
    )  # fmt: skip
    assert response.status_code == 302
    assert client.post(item_url(meeting, case_a, "besluiten/"), {}).status_code in (403, 422)
    assert "Overlast gemeld." not in as_user(client, people["consulent"].user).get(page(meeting)).content.decode()


def test_converting_and_closing_on_the_page(client, meeting, people, case_a, case_b, mother):
    decide(people["ib"].user, item_of(meeting, case_a), what="Observatie in de klas.")
    as_user(client, people["ib"].user)
    assert client.post(item_url(meeting, case_a, "naar-plan/")).status_code == 403
    as_user(client, people["consulent"].user)
    response = client.post(item_url(meeting, case_a, "naar-plan/"), follow=True)
    assert "1 besluit staat nu als afspraak in het plan van aanpak." in response.content.decode()
    assert Agreement.objects.get().what == "Observatie in de klas."
    response = client.post(item_url(meeting, case_a, "naar-plan/"), follow=True)
    assert "Alle besluiten stonden al in het plan van aanpak" in response.content.decode()
    assert Agreement.objects.count() == 1

    response = client.post(page(meeting, "afronden/"))
    assert response.status_code == 422
    assert "Bij 2 casussen is nog geen uitkomst vastgelegd." in response.content.decode()
    for case in (case_a, case_b):
        prefix = f"item{item_of(meeting, case).pk}"
        assert client.post(item_url(meeting, case, "uitkomst/"), {f"{prefix}-outcome-outcome": ""}).status_code == 422
        client.post(item_url(meeting, case, "uitkomst/"), {f"{prefix}-outcome-outcome": "Afspraken gemaakt."})
    response = client.post(page(meeting, "afronden/"), follow=True)
    html = response.content.decode()
    assert "Het overleg is afgerond." in html
    assert "teruggekoppeld aan:" in html and mother.full_name in html
    assert "terugkoppeling.pdf" in html


def test_the_parent_reads_the_terugkoppeling_and_downloads_the_pdf(client, meeting, people, case_a, case_b, mother):
    minute(people["agent"].user, item_of(meeting, case_a), "police", "Overlast gemeld.")
    decide(people["consulent"].user, item_of(meeting, case_a), what="Gesprek met moeder.")
    for case in (case_a, case_b):
        services.outcome_set(actor=people["consulent"].user, item=item_of(meeting, case), outcome="Hulp thuis.",
                             access_point=CLI)  # fmt: skip
    services.meeting_close(actor=people["consulent"].user, meeting=meeting, access_point=CLI)
    as_user(client, mother.user)
    html = client.get("/overleg/").content.decode()
    assert f'href="/overleg/{meeting.pk}/"' in html
    html = client.get(page(meeting)).content.decode()
    assert "Hulp thuis." in html and "Gesprek met moeder." in html
    assert "Overlast" not in html and "Lisa" not in html and "Peter Mensink" not in html
    assert "Verslag toevoegen" not in html
    response = client.get(item_url(meeting, case_a, "terugkoppeling.pdf"))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    entry = AccessLogEntry.objects.filter(user=mother.user, event="print").get()
    assert (entry.youth_id, entry.ground) == (case_a.youth_id, "parent")
    assert client.get(item_url(meeting, case_b, "terugkoppeling.pdf")).status_code == 404


# --- who gets what ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "expected"),
    [("consulent", 200), ("ib", 200), ("agent", 200), ("mentor", 200), ("mother", 200), ("lisa", 200),
     ("outsider", 404)],
)  # fmt: skip
def test_who_opens_the_meeting_page(client, meeting, people, mother, lisa, who, expected):
    user = {"mother": mother.user, "lisa": lisa.user}.get(who) or people[who].user
    assert as_user(client, user).get(page(meeting)).status_code == expected


@pytest.mark.parametrize(
    ("who", "url", "expected"),
    [
        ("outsider", "deelnemers/", 404),
        ("ib", "deelnemers/", 403),
        ("outsider", "afronden/", 404),
        ("ib", "afronden/", 403),
        ("mentor", "noah/verslag/", 404),
        ("mother", "noah/verslag/", 403),
        ("agent", "noah/naar-plan/", 403),
        ("mentor", "noah/naar-plan/", 404),
        ("agent", "noah/terugkoppeling.pdf", 404),
    ],
)
def test_refusals(client, meeting, people, mother, case_a, who, url, expected):
    user = {"mother": mother.user}.get(who) or people[who].user
    client.force_login(user)
    url = url.replace("noah/", f"agenda/{item_of(meeting, case_a).pk}/")
    method = client.get if url.endswith(".pdf") else client.post
    assert method(page(meeting, url), {}).status_code == expected
    if expected == 404:
        assert AccessLogEntry.objects.filter(user=user, event="refused").exists()


def test_the_list_and_the_case_page(client, meeting, people, case_a):
    as_user(client, people["ib"].user)
    html = client.get("/overleg/").content.decode()
    assert "Komende overleggen" in html and "Noah Jansen" in html and "Lisa" not in html
    html = client.get(f"/overleg/casus/{case_a.pk}/").content.decode()
    assert f'href="/overleg/{meeting.pk}/"' in html and f"/overleg/nieuw/?casus={case_a.pk}" in html
    assert as_user(client, people["outsider"].user).get(f"/overleg/casus/{case_a.pk}/").status_code == 404


# --- query counts -------------------------------------------------------------------------------------

# session, user, meeting, items, professional + functions, the family's consent decisions for the
# reader's organisation, the reader's involvements and emergency access, participants + their
# functions, minutes, decisions, all involvements, carers, log insert, session save (savepoint,
# update, release), and the navigation's count of open signals.
MEETING_PAGE_QUERIES = 19
# A parent: no professional (one query), the carer and their gezag (two); the page asks who the youth
# is; no signals in a parent's navigation.
MEETING_PAGE_QUERIES_PARENT = 18
MY_MEETINGS_QUERIES = 14  # upcoming and past are two queries; the consent decisions one


def meeting_with(n: int, people):
    jeroen = people["consulent"]
    cases = []
    parents = []
    for _ in range(n):
        youth = YouthFactory()
        parents.append(parent_of(youth))
        case = case_with(youth, jeroen, "jeugdconsulent")
        involve(case, people["ib"], "intern_begeleider")
        involve(case, people["agent"], "politie")
        cases.append(case)
    meeting = schedule(jeroen.user, cases)
    invite(jeroen.user, meeting, professionals=[people["ib"], people["agent"]],
           family=[(item_of(meeting, c), p) for c, p in zip(cases, parents, strict=True)])  # fmt: skip
    for case in cases:
        item = item_of(meeting, case)
        minute(people["ib"].user, item, "school")
        minute(people["agent"].user, item, "police")
        decide(jeroen.user, item)
    return meeting, parents[0]


def count(client, user, url) -> int:
    client.force_login(user)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("n", [1, 5])
def test_the_meeting_page_costs_the_same_for_one_case_as_for_five(client, people, n):
    meeting, parent = meeting_with(n, people)
    assert count(client, people["consulent"].user, page(meeting)) == MEETING_PAGE_QUERIES
    assert count(client, parent.user, page(meeting)) == MEETING_PAGE_QUERIES_PARENT


@pytest.mark.parametrize("n", [1, 5])
def test_my_meetings_costs_the_same_for_one_as_for_five(client, people, n):
    for _ in range(n):
        meeting_with(1, people)
    assert count(client, people["ib"].user, "/overleg/") == MY_MEETINGS_QUERIES
