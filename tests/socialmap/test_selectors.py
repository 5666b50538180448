"""Searching the sociale kaart: every word must match somewhere (name, offer, audience,
organisation, place, theme); filters on age, theme and kind of organisation; archived entries
left out. What a professional keeps, and reading one entry."""

import pytest

from jeugdketen.access.exceptions import NotFoundOrForbidden
from jeugdketen.socialmap import selectors
from jeugdketen.socialmap.models import Theme

from .conftest import days_ago

pytestmark = pytest.mark.django_db


@pytest.fixture
def entries(sm):
    """Four entries, each findable by something the others lack."""
    return {
        "jongerenwerk": sm.service(
            name="Jongerenwerk",
            offer="Inloop in het jongerencentrum.",
            audience="Jongeren die een plek zoeken",
            age_min=10,
            age_max=23,
            themes=("Vrije tijd", "Weerbaarheid"),
        ),
        "spreekuur": sm.service(
            name="Opvoedspreekuur",
            offer="Wekelijks spreekuur voor ouders.",
            audience="Ouders met vragen",
            age_min=0,
            age_max=18,
            themes=("Opvoeden",),
        ),
        "jgz": sm.service(
            organisation=sm.ggd,
            keeper=sm.ggd_manager,
            name="Jeugdgezondheidszorg",
            offer="Gesprekken met een jeugdverpleegkundige over slapen en eten.",
            audience="Ouders van jonge kinderen",
            age_min=0,
            age_max=4,
            themes=("Gezondheid", "Opvoeden"),
        ),
        "training": sm.service(
            organisation=sm.gemeente,
            keeper=sm.teamleider,
            name="Kinderen uit de knel",
            offer="Groepstraining na een scheiding.",
            audience="Kinderen van gescheiden ouders",
            age_min=8,
            age_max=14,
            themes=("Scheiding",),
        ),
    }


def names(services):
    return [s.name for s in services]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("jongerenwerk", ["Jongerenwerk"]),  # name
        ("JEUGDVERPLEEGKUNDIGE", ["Jeugdgezondheidszorg"]),  # offer, any case
        ("gescheiden", ["Kinderen uit de knel"]),  # audience
        ("GGD", ["Jeugdgezondheidszorg"]),  # organisation
        ("Nieuwleusen", ["Jongerenwerk", "Opvoedspreekuur"]),  # the organisation's place
        ("weerbaar", ["Jongerenwerk"]),  # theme
        ("opvoeden", ["Jeugdgezondheidszorg", "Opvoedspreekuur"]),  # name or theme
        ("opvoeden zwolle", ["Jeugdgezondheidszorg"]),  # every word must match
        ("opvoeden nieuwleusen", ["Opvoedspreekuur"]),
        ("ouders scheiding", ["Kinderen uit de knel"]),
        ("opvoeden scheiding", []),
        ("  ", ["Jeugdgezondheidszorg", "Jongerenwerk", "Kinderen uit de knel", "Opvoedspreekuur"]),
    ],
)
def test_every_word_must_match_in_name_offer_audience_organisation_place_or_theme(entries, query, expected):
    assert names(selectors.service_search(query=query)) == expected


def test_each_word_may_match_another_theme_of_the_same_entry(entries):
    assert names(selectors.service_search(query="gezondheid opvoeden")) == ["Jeugdgezondheidszorg"]
    assert names(selectors.service_search(query="vrije weerbaarheid")) == ["Jongerenwerk"]


def test_a_query_of_many_words_is_answered(entries):
    # Up to 200 characters reach the search: a hundred one-letter words must not make a query
    # with a join per word (SQLite allows 64 tables in one join).
    assert names(selectors.service_search(query=" ".join(["e"] * 100))) == [
        "Jeugdgezondheidszorg",
        "Jongerenwerk",
        "Kinderen uit de knel",
        "Opvoedspreekuur",
    ]


def test_an_entry_with_several_matching_themes_is_found_once(entries):
    assert names(selectors.service_search(query="e")).count("Jeugdgezondheidszorg") == 1


@pytest.mark.parametrize(
    ("age", "expected"),
    [
        (0, ["Jeugdgezondheidszorg", "Opvoedspreekuur"]),
        (4, ["Jeugdgezondheidszorg", "Opvoedspreekuur"]),
        (5, ["Opvoedspreekuur"]),
        (10, ["Jongerenwerk", "Kinderen uit de knel", "Opvoedspreekuur"]),
        (18, ["Jongerenwerk", "Opvoedspreekuur"]),
        (19, ["Jongerenwerk"]),
        (24, []),
    ],
)
def test_the_age_filter_keeps_entries_whose_age_range_holds_the_age(entries, age, expected):
    assert names(selectors.service_search(age=age)) == expected


def test_the_theme_filter(entries):
    opvoeden = Theme.objects.get(name="Opvoeden")
    assert names(selectors.service_search(theme=opvoeden.pk)) == ["Jeugdgezondheidszorg", "Opvoedspreekuur"]
    assert names(selectors.service_search(theme=opvoeden.pk, age=10)) == ["Opvoedspreekuur"]


def test_the_kind_filter(entries):
    assert names(selectors.service_search(kind="ggd")) == ["Jeugdgezondheidszorg"]
    assert names(selectors.service_search(kind="voorliggend")) == ["Jongerenwerk", "Opvoedspreekuur"]
    assert names(selectors.service_search(kind="school")) == []


def test_the_organisation_filter(entries, sm):
    assert names(selectors.service_search(organisation=sm.gemeente.pk)) == ["Kinderen uit de knel"]


def test_archived_entries_are_left_out_of_the_search_and_their_themes_out_of_the_theme_list(entries):
    training = entries["training"]
    training.archived_on = days_ago(1)
    training.save()
    assert "Kinderen uit de knel" not in names(selectors.service_search())
    assert not selectors.service_search(query="knel").exists()
    assert names(selectors.service_search(query="knel", include_archived=True)) == ["Kinderen uit de knel"]
    assert [t.name for t in selectors.themes_in_use()] == [
        "Gezondheid",
        "Opvoeden",
        "Vrije tijd",
        "Weerbaarheid",
    ]


def test_the_theme_list_names_a_theme_once(entries):
    assert [t.name for t in selectors.themes_in_use()].count("Opvoeden") == 1


# --- what a professional keeps ---------------------------------------------------------------------


def test_a_keeper_keeps_their_own_entries_and_a_manager_those_of_the_organisation(entries, sm):
    assert names(selectors.kept_by(sm.worker.user)) == ["Jongerenwerk", "Opvoedspreekuur"]
    assert names(selectors.kept_by(sm.colleague.user)) == []
    assert names(selectors.kept_by(sm.ggd_manager.user)) == ["Jeugdgezondheidszorg"]
    assert names(selectors.kept_by(sm.saam_manager.user)) == ["Jongerenwerk", "Opvoedspreekuur"]
    assert names(selectors.kept_by(sm.ib.user)) == []
    assert names(selectors.kept_by(sm.parent)) == []


def test_a_gemeente_manager_keeps_every_entry_in_the_municipality_and_none_elsewhere(entries, sm):
    sm.service(organisation=sm.zwolle_gemeente, keeper=sm.zwolle_manager, name="Jongerenloket Zwolle")
    assert sorted(names(selectors.kept_by(sm.teamleider.user))) == [
        "Jeugdgezondheidszorg",
        "Jongerenwerk",
        "Kinderen uit de knel",
        "Opvoedspreekuur",
    ]
    assert names(selectors.kept_by(sm.zwolle_manager.user)) == ["Jongerenloket Zwolle"]


def test_what_one_keeps_comes_longest_unconfirmed_first_without_archived_entries(sm):
    sm.service(name="B", last_confirmed_on=days_ago(10))
    sm.service(name="A", last_confirmed_on=days_ago(400))
    sm.service(name="C", last_confirmed_on=days_ago(10))
    sm.service(name="Gestopt", last_confirmed_on=days_ago(500), archived_on=days_ago(2))
    assert names(selectors.kept_by(sm.worker.user)) == ["A", "B", "C"]


# --- one entry -----------------------------------------------------------------------------------


def test_any_professional_reads_an_entry_also_an_archived_one(entries, sm):
    jgz = entries["jgz"]
    jgz.archived_on = days_ago(3)
    jgz.save()
    for who in (sm.ib, sm.colleague, sm.zwolle_manager):
        assert selectors.service_get(actor=who.user, service_id=jgz.pk) == jgz


def test_someone_who_is_no_professional_reads_no_entry(entries, sm):
    with pytest.raises(NotFoundOrForbidden):
        selectors.service_get(actor=sm.parent, service_id=entries["jgz"].pk)


def test_an_entry_that_does_not_exist_is_not_found(sm):
    with pytest.raises(NotFoundOrForbidden):
        selectors.service_get(actor=sm.ib.user, service_id=987654)
