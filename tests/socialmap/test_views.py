"""The sociale kaart's pages over HTTP: search (full page and htmx fragment, with a fixed number
of queries), an entry, what one keeps, and the forms to add, change, confirm and archive —
allowed and refused."""

import re
from html import unescape

import pytest
from django.urls import reverse
from django.utils import timezone

from jeugdketen.socialmap.models import Service, ServiceEvent, Theme
from tests.factories import professional

from .conftest import days_ago

pytestmark = pytest.mark.django_db
SEARCH = "/sociale-kaart/"
CREATE = "/sociale-kaart/nieuw/"
MINE = "/sociale-kaart/beheer/"
KEEPERS = "/sociale-kaart/beheerders/"


def detail(service):
    return f"/sociale-kaart/{service.pk}/"


def text(response) -> str:
    return unescape(response.content.decode())


def main_of(response) -> str:
    return text(response).split("<main", 1)[1].split("</main>", 1)[0]


def as_(client, who):
    client.force_login(getattr(who, "user", who))
    return client


def form_data(sm, **changes):
    data = {
        "organisation": sm.saam.pk,
        "name": "Opvoedspreekuur",
        "offer": "Wekelijks spreekuur voor ouders met vragen over opvoeden.",
        "audience": "Ouders en verzorgers",
        "age_min": "0",
        "age_max": "18",
        "new_themes": "Opvoeden, Slapen",
        "how_to_refer": "Ouders komen zelf langs.",
        "phone": "",
        "email": "",
        "website": "",
        "keeper": sm.worker.pk,
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


# --- who may read the map ----------------------------------------------------------------------


def test_someone_not_logged_in_is_sent_to_the_login_page(client, sm):
    service = sm.service()
    for url in (SEARCH, detail(service), MINE, CREATE):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/account/inloggen/")


def test_a_parent_gets_no_page_of_the_map(client, sm):
    service = sm.service(name="Jongerenwerk")
    as_(client, sm.parent)
    for url in (SEARCH, detail(service), MINE, CREATE, f"{detail(service)}wijzigen/", f"{detail(service)}archiveren/"):
        response = client.get(url)
        assert response.status_code == 403, url
        assert "Jongerenwerk" not in text(response)
    assert "De sociale kaart is voor professionals." in text(client.get(SEARCH))
    assert client.post(f"{detail(service)}bevestigen/").status_code == 403
    assert client.get(KEEPERS, {"organisation": sm.saam.pk}).status_code == 403


@pytest.mark.parametrize("who", ["ib", "colleague", "consulent", "zwolle_manager"])
def test_every_working_professional_searches_and_reads_the_map(client, sm, who):
    service = sm.service(name="Jongerenwerk", audience="Jongeren die een plek zoeken")
    as_(client, getattr(sm, who))
    response = client.get(SEARCH)
    assert response.status_code == 200
    assert "Jongerenwerk" in main_of(response)
    response = client.get(detail(service))
    assert response.status_code == 200
    assert "Jongeren die een plek zoeken" in main_of(response)


def test_a_professional_who_has_left_gets_no_page_of_the_map(client, sm):
    sm.ib.left_on = timezone.localdate()
    sm.ib.save()
    as_(client, sm.ib)
    assert client.get(SEARCH).status_code == 403


def test_an_entry_that_does_not_exist_is_a_404(client, sm):
    as_(client, sm.ib)
    assert client.get("/sociale-kaart/987654/").status_code == 404


# --- search ------------------------------------------------------------------------------------


@pytest.fixture
def entries(sm):
    return [
        sm.service(name="Jongerenwerk", age_min=10, age_max=23, themes=("Vrije tijd",)),
        sm.service(name="Opvoedspreekuur", age_min=0, age_max=18, themes=("Opvoeden",)),
        sm.service(organisation=sm.ggd, keeper=sm.ggd_manager, name="Spreekuur jeugdarts", age_min=4, age_max=18),
    ]


def result_names(response) -> list[str]:
    return re.findall(r'<h3 class="utrecht-heading-3 jk-card__heading"><a [^>]*>([^<]+)</a>', text(response))


def test_the_search_page_filters_by_words_theme_age_and_kind(client, sm, entries):
    as_(client, sm.ib)
    assert result_names(client.get(SEARCH)) == ["Jongerenwerk", "Opvoedspreekuur", "Spreekuur jeugdarts"]
    assert result_names(client.get(SEARCH, {"q": "spreekuur"})) == ["Opvoedspreekuur", "Spreekuur jeugdarts"]
    assert result_names(client.get(SEARCH, {"q": "spreekuur ggd"})) == ["Spreekuur jeugdarts"]
    opvoeden = Theme.objects.get(name="Opvoeden")
    assert result_names(client.get(SEARCH, {"thema": opvoeden.pk})) == ["Opvoedspreekuur"]
    assert result_names(client.get(SEARCH, {"leeftijd": "20"})) == ["Jongerenwerk"]
    assert result_names(client.get(SEARCH, {"leeftijd": "3"})) == ["Opvoedspreekuur"]
    assert result_names(client.get(SEARCH, {"soort": "ggd"})) == ["Spreekuur jeugdarts"]
    response = client.get(SEARCH, {"q": "spreekuur", "leeftijd": "12", "soort": "voorliggend"})
    assert result_names(response) == ["Opvoedspreekuur"]
    assert "1 resultaat" in text(response)


def test_the_search_page_keeps_what_was_asked_in_the_form(client, sm, entries):
    opvoeden = Theme.objects.get(name="Opvoeden")
    as_(client, sm.ib)
    html = text(client.get(SEARCH, {"q": "spreekuur", "thema": opvoeden.pk, "leeftijd": "7", "soort": "ggd"}))
    assert 'name="q" id="id_q" value="spreekuur"' in html
    assert f'<option value="{opvoeden.pk}" selected>Opvoeden</option>' in html
    assert 'name="leeftijd" id="id_leeftijd" value="7"' in html
    assert '<option value="ggd" selected>GGD</option>' in html


def test_the_search_page_answers_an_htmx_request_with_the_results_only(client, sm, entries):
    as_(client, sm.ib)
    response = client.get(SEARCH, {"q": "jongeren"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    html = text(response)
    assert "<html" not in html and "<form" not in html and "<main" not in html
    assert html.lstrip().startswith('<h2 class="utrecht-heading-2">1 resultaat</h2>')
    assert result_names(response) == ["Jongerenwerk"]
    assert "HX-Request" in response["Vary"]
    full = client.get(SEARCH, {"q": "jongeren"})
    assert "<form" in text(full) and "HX-Request" in full["Vary"]


@pytest.mark.parametrize("age", ["abc", "28", "-1", "1.5", "٣"])
def test_an_invalid_age_shows_the_dutch_error_and_does_not_filter(client, sm, entries, age):
    as_(client, sm.ib)
    response = client.get(SEARCH, {"leeftijd": age})
    assert response.status_code == 200
    html = text(response)
    assert "Leeftijd van de jeugdige: vul een leeftijd in van 0 tot en met 27 jaar." in html
    assert 'aria-invalid="true" aria-describedby="id_leeftijd_error"' in html
    assert len(result_names(response)) == 3


def test_an_invalid_age_is_also_named_in_the_htmx_fragment(client, sm, entries):
    # The live search swaps only the results: the message must be among them, once.
    as_(client, sm.ib)
    html = text(client.get(SEARCH, {"leeftijd": "30"}, HTTP_HX_REQUEST="true"))
    assert html.count("Leeftijd van de jeugdige: vul een leeftijd in van 0 tot en met 27 jaar.") == 1
    full = text(client.get(SEARCH, {"leeftijd": "30"}))
    assert full.count("Leeftijd van de jeugdige: vul een leeftijd in") == 1
    assert "Leeftijd van de jeugdige: vul" not in text(client.get(SEARCH, {"leeftijd": "3"}, HTTP_HX_REQUEST="true"))


def test_an_empty_age_is_no_error(client, sm, entries):
    as_(client, sm.ib)
    html = text(client.get(SEARCH, {"leeftijd": " ", "thema": "x", "soort": "onbekend"}))
    assert "vul een leeftijd in" not in html
    assert "3 resultaten" in html


def test_nothing_found_says_what_to_try(client, sm, entries):
    as_(client, sm.ib)
    html = text(client.get(SEARCH, {"q": "paardrijden"}))
    assert "Geen aanbod gevonden. Probeer minder of andere woorden, of een ander thema." in html


def test_the_results_come_in_pages_of_25(client, sm):
    for n in range(30):
        sm.service(name=f"Aanbod {n:02d}")
    as_(client, sm.ib)
    first = client.get(SEARCH, {"q": "aanbod"})
    assert result_names(first) == [f"Aanbod {n:02d}" for n in range(25)]
    assert "30 resultaten" in text(first)
    second = client.get(SEARCH, {"q": "aanbod", "pagina": "2"})
    assert result_names(second) == [f"Aanbod {n:02d}" for n in range(25, 30)]


def test_a_stale_entry_is_marked_in_the_results(client, sm):
    sm.service(name="Oud", last_confirmed_on=days_ago(366))
    sm.service(name="Net op tijd", last_confirmed_on=days_ago(365))
    as_(client, sm.ib)
    html = main_of(client.get(SEARCH))
    assert html.count("niet recent bevestigd") == 1
    assert html.index("niet recent bevestigd") > html.index(">Oud<")


def test_archived_entries_are_not_in_the_results(client, sm, entries):
    entries[0].archived_on = days_ago(1)
    entries[0].save()
    as_(client, sm.ib)
    assert "Jongerenwerk" not in result_names(client.get(SEARCH))
    assert "Vrije tijd" not in main_of(client.get(SEARCH))  # nor its theme in the theme list


@pytest.mark.parametrize("n", [2, 40])
def test_the_search_page_costs_a_fixed_number_of_queries(client, sm, django_assert_num_queries, n):
    for i in range(n):
        sm.service(name=f"Aanbod {i:02d}", themes=(f"Thema {i}", "Opvoeden", "Gezondheid"))
    as_(client, sm.ib)
    client.get(SEARCH)
    # The session and the user, the professional and their functions, the number of results,
    # the themes for the filter, one page of entries (organisation, keeper, confirmer joined),
    # their themes; the session saved (savepoint, update, release).
    with django_assert_num_queries(11):
        response = client.get(SEARCH, {"q": "aanbod", "leeftijd": "10"})
    assert len(result_names(response)) == min(n, 25)
    with django_assert_num_queries(10):  # the fragment needs no themes for the filter
        client.get(SEARCH, {"q": "aanbod"}, HTTP_HX_REQUEST="true")


def test_only_a_manager_sees_the_link_to_add_an_entry(client, sm):
    as_(client, sm.ib)
    assert "Aanbod toevoegen" not in main_of(client.get(SEARCH))
    as_(client, sm.saam_manager)
    assert f'href="{CREATE}">Aanbod toevoegen' in main_of(client.get(SEARCH))


# --- one entry -----------------------------------------------------------------------------------


def test_the_entry_shows_what_for_whom_and_how_to_refer_with_the_organisations_contact(client, sm):
    sm.saam.phone = "0529-431111"
    sm.saam.email = "info@saam.example.nl"
    sm.saam.save()
    service = sm.service(
        name="Jongerenwerk",
        offer="Inloop op woensdagavond.",
        audience="Jongeren die een plek zoeken",
        age_min=10,
        age_max=23,
        how_to_refer="Jongeren lopen zelf binnen.",
        needs_referral=True,
        themes=("Vrije tijd",),
    )
    as_(client, sm.ib)
    html = main_of(client.get(detail(service)))
    for expected in (
        "Inloop op woensdagavond.",
        "Jongeren die een plek zoeken",
        "10 tot en met 23 jaar",
        "Jongeren lopen zelf binnen.",
        "Alleen met een verwijzing",
        'href="tel:0529-431111"',
        'href="mailto:info@saam.example.nl"',
        "Gerrit Mulder</a> (Saam Welzijn)",
        ">Vrije tijd</a>",
    ):
        assert expected in html, expected


def test_the_entrys_own_phone_and_e_mail_come_before_the_organisations(client, sm):
    sm.saam.phone = "0529-431111"
    sm.saam.save()
    service = sm.service(phone="06-11112222", email="jongerenwerk@saam.example.nl")
    as_(client, sm.ib)
    html = main_of(client.get(detail(service)))
    assert 'href="tel:06-11112222"' in html and "0529-431111" not in html
    assert 'href="mailto:jongerenwerk@saam.example.nl"' in html


def test_a_stale_entry_says_it_was_not_confirmed_recently(client, sm):
    service = sm.service(last_confirmed_on=days_ago(400))
    as_(client, sm.ib)
    assert "Niet recent bevestigd: de beheerder bevestigde dit aanbod voor het laatst op" in main_of(
        client.get(detail(service))
    )
    service.last_confirmed_on = days_ago(10)
    service.save()
    assert "Niet recent bevestigd" not in main_of(client.get(detail(service)))


def test_an_archived_entry_says_so_and_offers_no_actions(client, sm):
    service = sm.service(last_confirmed_on=days_ago(400), archived_on=days_ago(2))
    as_(client, sm.worker)
    html = main_of(client.get(detail(service)))
    assert "Dit aanbod wordt sinds" in html and "niet meer aangeboden." in html
    assert "Niet recent bevestigd" not in html
    assert "Klopt nog: bevestigen" not in html and "Wijzigen" not in html


@pytest.mark.parametrize("who", ["worker", "saam_manager", "teamleider"])
def test_who_may_keep_the_entry_sees_the_actions_and_the_history(client, sm, who):
    service = sm.service()
    ServiceEvent.objects.create(service=service, kind=ServiceEvent.Kind.CREATED, by=sm.saam_manager)
    as_(client, getattr(sm, who))
    html = main_of(client.get(detail(service)))
    assert "Klopt nog: bevestigen" in html
    assert f'href="{detail(service)}wijzigen/"' in html
    assert f'href="{detail(service)}archiveren/"' in html
    assert "Geschiedenis" in html
    assert f"Toegevoegd — {sm.saam_manager.name}" in html


@pytest.mark.parametrize("who", ["colleague", "ib", "ggd_manager", "zwolle_manager"])
def test_others_see_neither_the_actions_nor_the_history(client, sm, who):
    service = sm.service()
    ServiceEvent.objects.create(service=service, kind=ServiceEvent.Kind.CREATED, by=sm.saam_manager)
    as_(client, getattr(sm, who))
    html = main_of(client.get(detail(service)))
    assert "Klopt nog" not in html and "wijzigen/" not in html and "archiveren/" not in html
    assert "Geschiedenis" not in html and "Toegevoegd" not in html


@pytest.mark.parametrize(
    ("codes", "shown"),
    [
        (("intern_begeleider",), True),
        (("leerkracht",), True),
        (("jeugdverpleegkundige",), True),
        (("lichte_jeugdhulp",), True),
        (("samen_doen",), True),
        (("manager",), False),
        (("jeugdconsulent",), False),
        (("privacy_officer",), False),
    ],
)
def test_the_link_to_register_a_help_request_is_only_for_those_who_may_register_one(client, sm, codes, shown):
    service = sm.service()
    as_(client, professional(*codes, organisation=sm.gemeente))
    html = main_of(client.get(detail(service)))
    assert (f'href="{reverse("intake:register")}">Hulpvraag aanmelden bij de toegang</a>' in html) is shown
    assert ("Hulpvraag aanmelden" in html) is shown


def test_there_is_no_link_to_register_a_help_request_for_an_archived_entry(client, sm):
    service = sm.service(archived_on=days_ago(1))
    as_(client, sm.ib)
    assert "Hulpvraag aanmelden bij de toegang" not in main_of(client.get(detail(service)))


# --- what one keeps ------------------------------------------------------------------------------


def test_what_one_keeps_lists_the_due_entries_first(client, sm):
    sm.service(name="Oud aanbod", last_confirmed_on=days_ago(400))
    sm.service(name="Vers aanbod", last_confirmed_on=days_ago(3))
    sm.service(organisation=sm.ggd, keeper=sm.ggd_manager, name="Niet van mij")
    as_(client, sm.worker)
    html = main_of(client.get(MINE))
    assert "Oud aanbod" in html and "Vers aanbod" in html and "Niet van mij" not in html
    assert html.index("Te bevestigen") < html.index("Oud aanbod") < html.index("Actueel") < html.index("Vers aanbod")
    assert "Aanbod toevoegen" not in html  # a keeper who is no manager adds nothing


def test_what_one_keeps_says_when_there_is_nothing(client, sm):
    as_(client, sm.ib)
    html = main_of(client.get(MINE))
    assert "Niets te bevestigen." in html and "Geen actueel aanbod." in html


# --- adding an entry -----------------------------------------------------------------------------


def test_a_manager_gets_the_form_for_their_own_organisation(client, sm):
    as_(client, sm.saam_manager)
    response = client.get(CREATE)
    assert response.status_code == 200
    html = text(response)
    assert f'<option value="{sm.saam.pk}" selected>Saam Welzijn</option>' in html
    assert "GGD IJsselland" not in html
    assert f'<option value="{sm.saam_manager.pk}" selected>Ilse Bakker (Saam Welzijn)</option>' in html


def test_a_gemeente_manager_may_pick_any_organisation_of_the_municipality(client, sm):
    as_(client, sm.teamleider)
    html = text(client.get(CREATE))
    for organisation in (sm.gemeente, sm.saam, sm.ggd, sm.school):
        assert f'<option value="{organisation.pk}"' in html
    assert "Gemeente Zwolle" not in html


@pytest.mark.parametrize("who", ["worker", "ib", "consulent", "parent"])
def test_who_is_no_manager_gets_no_form_to_add_an_entry(client, sm, who):
    as_(client, getattr(sm, who))
    assert client.get(CREATE).status_code == 403
    assert client.post(CREATE, form_data(sm)).status_code == 403
    assert not Service.objects.exists()


def test_a_manager_adds_an_entry_through_the_form(client, sm):
    as_(client, sm.saam_manager)
    opvoeden = Theme.objects.create(name="Opvoeden")
    response = client.post(CREATE, form_data(sm, themes=[opvoeden.pk], new_themes="slapen, Opvoeden"))
    service = Service.objects.get()
    assert response.status_code == 302 and response["Location"] == detail(service)
    assert (service.organisation, service.keeper, service.last_confirmed_by) == (sm.saam, sm.worker, sm.saam_manager)
    assert sorted(t.name for t in service.themes.all()) == ["Opvoeden", "slapen"]
    assert "Het aanbod staat op de sociale kaart." in text(client.get(response["Location"]))


def test_a_gemeente_manager_adds_an_entry_for_the_ggd_kept_by_its_professional(client, sm):
    jolien = professional("jeugdverpleegkundige", organisation=sm.ggd)
    as_(client, sm.teamleider)
    response = client.post(CREATE, form_data(sm, organisation=sm.ggd.pk, keeper=jolien.pk))
    assert response.status_code == 302
    service = Service.objects.get()
    assert (service.organisation, service.keeper) == (sm.ggd, jolien)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"name": ""}, "Naam van het aanbod: Vul de naam van het aanbod in."),
        ({"offer": " "}, "Wat wordt geboden: Beschrijf wat er wordt geboden."),
        ({"audience": ""}, "Voor wie: Vul in voor wie het aanbod is."),
        ({"age_min": ""}, "Leeftijd vanaf: Vul de leeftijd vanaf in."),
        ({"age_min": "twaalf"}, "Leeftijd vanaf: Vul een heel getal in."),
        ({"age_max": "30"}, "Leeftijd tot en met: De leeftijd tot en met is hoogstens 27."),
        ({"age_min": "-2"}, "Leeftijd vanaf: De leeftijd vanaf is 0 of hoger."),
        (
            {"age_min": "12", "age_max": "8"},
            "Leeftijd tot en met: De leeftijd tot en met is lager dan de leeftijd vanaf.",
        ),
        ({"name": "<script>x</script>"}, "Naam van het aanbod: Naam bevat HTML- of scriptcode. Schrijf gewone tekst."),
        ({"new_themes": ",".join(f"T{n}" for n in range(11))}, "Thema's: Kies hoogstens 10 thema's."),
        ({"email": "geen-adres"}, "E-mail: Vul een geldig e-mailadres in."),
        ({"website": "niet een adres"}, "Website: Vul een geldig webadres in."),
        ({"keeper": ""}, "Beheerder: Kies wie dit aanbod beheert."),
        ({"organisation": ""}, "Organisatie: Kies de organisatie die het aanbod biedt."),
    ],
)
def test_bad_input_in_the_form_gets_a_dutch_message_per_field_and_nothing_is_saved(client, sm, changes, message):
    as_(client, sm.saam_manager)
    response = client.post(CREATE, form_data(sm, **changes))
    assert response.status_code == 422
    assert message in text(response)
    assert 'class="utrecht-form-field-error-message"' in text(response)
    assert not Service.objects.exists() and not ServiceEvent.objects.exists()


def test_a_manager_cannot_add_for_an_organisation_outside_their_scope(client, sm):
    as_(client, sm.saam_manager)
    response = client.post(CREATE, form_data(sm, organisation=sm.ggd.pk, keeper=sm.ggd_manager.pk))
    assert response.status_code == 422
    assert "Organisatie: Kies een organisatie uit de lijst." in text(response)
    assert not Service.objects.exists()


def test_a_keeper_from_another_organisation_is_refused_in_the_form(client, sm):
    as_(client, sm.saam_manager)
    response = client.post(CREATE, form_data(sm, keeper=sm.ggd_manager.pk))
    assert response.status_code == 422
    assert "Beheerder: Kies als beheerder iemand van de organisatie, of een manager van de gemeente." in text(response)
    assert not Service.objects.exists()


# --- the keeper choices for the organisation picked in the form ------------------------------------------


def options(response) -> list[str]:
    return re.findall(r'<option value="(\d*)"', response.content.decode())


def test_the_keeper_choices_are_the_organisations_people_and_the_gemeentes_managers(client, sm):
    as_(client, sm.teamleider)
    response = client.get(KEEPERS, {"organisation": sm.saam.pk})
    assert response.status_code == 200
    assert sorted(options(response)) == sorted(
        ["", str(sm.saam_manager.pk), str(sm.worker.pk), str(sm.colleague.pk), str(sm.teamleider.pk)]
    )
    assert f'<option value="{sm.teamleider.pk}" selected>' in response.content.decode()


def test_the_keeper_choices_only_answer_for_organisations_the_manager_may_add_for(client, sm):
    as_(client, sm.teamleider)
    assert options(client.get(KEEPERS, {"organisation": sm.zwolle_gemeente.pk})) == [""]
    as_(client, sm.saam_manager)
    assert options(client.get(KEEPERS, {"organisation": sm.ggd.pk})) == [""]
    assert len(options(client.get(KEEPERS, {"organisation": sm.saam.pk}))) == 5
    as_(client, sm.worker)  # no manager: adds for no organisation
    assert options(client.get(KEEPERS, {"organisation": sm.saam.pk})) == [""]
    as_(client, sm.teamleider)
    assert options(client.get(KEEPERS, {"organisation": "x"})) == [""]
    assert options(client.get(KEEPERS)) == [""]


def test_the_keeper_choices_leave_out_who_has_left(client, sm):
    sm.colleague.left_on = days_ago(1)
    sm.colleague.save()
    as_(client, sm.saam_manager)
    assert str(sm.colleague.pk) not in options(client.get(KEEPERS, {"organisation": sm.saam.pk}))


# --- changing an entry -------------------------------------------------------------------------


def test_the_keeper_changes_the_entry_and_so_confirms_it(client, sm):
    service = sm.service(name="Jongerenwerk", last_confirmed_on=days_ago(400), reminded_on=days_ago(40))
    as_(client, sm.worker)
    page = client.get(f"{detail(service)}wijzigen/")
    assert page.status_code == 200
    assert 'value="Jongerenwerk"' in text(page)
    assert 'name="organisation"' not in text(page)  # the organisation stays
    data = form_data(sm, name="Jongerenwerk Dalfsen")
    del data["organisation"]
    response = client.post(f"{detail(service)}wijzigen/", data)
    assert response.status_code == 302 and response["Location"] == detail(service)
    service.refresh_from_db()
    assert service.name == "Jongerenwerk Dalfsen"
    assert (service.last_confirmed_on, service.last_confirmed_by, service.reminded_on) == (
        timezone.localdate(),
        sm.worker,
        None,
    )
    assert "Het aanbod is gewijzigd en bevestigd." in text(client.get(detail(service)))


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"name": ""}, "Naam van het aanbod: Vul de naam van het aanbod in."),
        (
            {"age_min": "12", "age_max": "8"},
            "Leeftijd tot en met: De leeftijd tot en met is lager dan de leeftijd vanaf.",
        ),
        ({"offer": "<b>Inloop</b>"}, "Wat wordt geboden: Wat wordt geboden bevat HTML- of scriptcode."),
    ],
)
def test_a_bad_change_gets_a_dutch_message_and_changes_nothing(client, sm, changes, message):
    service = sm.service(name="Jongerenwerk", last_confirmed_on=days_ago(400))
    as_(client, sm.worker)
    response = client.post(f"{detail(service)}wijzigen/", form_data(sm, **changes))
    assert response.status_code == 422
    assert message in text(response)
    service.refresh_from_db()
    assert (service.name, service.last_confirmed_on) == ("Jongerenwerk", days_ago(400))


@pytest.mark.parametrize("who", ["colleague", "ib", "ggd_manager", "zwolle_manager"])
def test_others_may_not_change_the_entry(client, sm, who):
    service = sm.service(name="Jongerenwerk")
    as_(client, getattr(sm, who))
    assert client.get(f"{detail(service)}wijzigen/").status_code == 403
    assert client.post(f"{detail(service)}wijzigen/", form_data(sm, name="Anders")).status_code == 403
    service.refresh_from_db()
    assert service.name == "Jongerenwerk"


def test_an_archived_entry_cannot_be_changed(client, sm):
    service = sm.service(archived_on=days_ago(1))
    as_(client, sm.worker)
    assert client.get(f"{detail(service)}wijzigen/").status_code == 403
    assert client.post(f"{detail(service)}wijzigen/", form_data(sm, name="Anders")).status_code == 403


# --- confirming ----------------------------------------------------------------------------------


def test_the_keeper_confirms_the_entry(client, sm):
    service = sm.service(last_confirmed_on=days_ago(400), reminded_on=days_ago(30))
    as_(client, sm.worker)
    response = client.post(f"{detail(service)}bevestigen/")
    assert response.status_code == 302 and response["Location"] == detail(service)
    service.refresh_from_db()
    assert (service.last_confirmed_on, service.last_confirmed_by, service.reminded_on) == (
        timezone.localdate(),
        sm.worker,
        None,
    )
    html = main_of(client.get(detail(service)))
    assert "Bevestigd: het aanbod klopt nog." in html
    assert "Niet recent bevestigd" not in html


def test_confirming_from_what_one_keeps_returns_there(client, sm):
    service = sm.service(last_confirmed_on=days_ago(400))
    as_(client, sm.worker)
    response = client.post(f"{detail(service)}bevestigen/", {"next": "mine"})
    assert response.status_code == 302 and response["Location"] == MINE
    assert "Niets te bevestigen." in main_of(client.get(MINE))


def test_confirming_is_a_post(client, sm):
    service = sm.service(last_confirmed_on=days_ago(400))
    as_(client, sm.worker)
    assert client.get(f"{detail(service)}bevestigen/").status_code == 405
    service.refresh_from_db()
    assert service.last_confirmed_on == days_ago(400)


@pytest.mark.parametrize("who", ["colleague", "ib", "ggd_manager", "zwolle_manager"])
def test_others_may_not_confirm_the_entry(client, sm, who):
    service = sm.service(last_confirmed_on=days_ago(400))
    as_(client, getattr(sm, who))
    assert client.post(f"{detail(service)}bevestigen/").status_code == 403
    service.refresh_from_db()
    assert service.last_confirmed_on == days_ago(400)


def test_confirming_an_archived_entry_says_why_not(client, sm):
    service = sm.service(last_confirmed_on=days_ago(400), archived_on=days_ago(1))
    as_(client, sm.worker)
    response = client.post(f"{detail(service)}bevestigen/", follow=True)
    assert "Dit aanbod is gearchiveerd." in main_of(response)
    service.refresh_from_db()
    assert service.last_confirmed_on == days_ago(400)


# --- archiving -----------------------------------------------------------------------------------


def test_the_keeper_archives_the_entry_with_a_reason(client, sm):
    service = sm.service(name="Jongerenwerk")
    as_(client, sm.worker)
    assert client.get(f"{detail(service)}archiveren/").status_code == 200
    response = client.post(f"{detail(service)}archiveren/", {"reason": ""})
    assert response.status_code == 422
    assert "Waarom stopt het aanbod?: Vul in waarom het aanbod stopt." in text(response)
    service.refresh_from_db()
    assert service.archived_on is None

    response = client.post(f"{detail(service)}archiveren/", {"reason": "De subsidie stopt."})
    assert response.status_code == 302 and response["Location"] == detail(service)
    service.refresh_from_db()
    assert service.archived_on == timezone.localdate()
    assert "Het aanbod staat niet meer in de zoekresultaten." in text(client.get(detail(service)))
    assert "Jongerenwerk" not in result_names(client.get(SEARCH))
    # Archiving twice is refused with a message on the form.
    response = client.post(f"{detail(service)}archiveren/", {"reason": "Nog eens."})
    assert response.status_code == 422
    assert "Dit aanbod is al gearchiveerd." in text(response)


@pytest.mark.parametrize("who", ["colleague", "ib", "ggd_manager", "zwolle_manager"])
def test_others_may_not_archive_the_entry(client, sm, who):
    service = sm.service()
    as_(client, getattr(sm, who))
    assert client.get(f"{detail(service)}archiveren/").status_code == 403
    assert client.post(f"{detail(service)}archiveren/", {"reason": "Weg ermee."}).status_code == 403
    service.refresh_from_db()
    assert service.archived_on is None
