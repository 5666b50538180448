"""Keeping the sociale kaart: who may add, change, confirm and archive an entry (each rule from
both sides), the Dutch message per field for bad input with nothing half-saved, a change that
counts as a confirmation, archived entries, themes and the entry's own history."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from jeugdketen.access.exceptions import NotAllowed
from jeugdketen.socialmap import selectors, services
from jeugdketen.socialmap.models import Service, ServiceEvent, Theme

from .conftest import days_ago

pytestmark = pytest.mark.django_db


def nothing_saved():
    return not Service.objects.exists() and not ServiceEvent.objects.exists()


# --- adding an entry: who may ------------------------------------------------------------------


def test_a_manager_adds_an_entry_for_their_own_organisation(sm):
    service = services.service_create(actor=sm.saam_manager.user, organisation=sm.saam, data=sm.data())
    service.refresh_from_db()
    assert (service.organisation, service.name, service.keeper) == (sm.saam, "Opvoedspreekuur", sm.worker)
    assert (service.age_min, service.age_max) == (0, 18)
    assert [t.name for t in service.themes.all()] == ["Opvoeden"]
    # Adding it confirms it.
    assert service.last_confirmed_on == timezone.localdate()
    assert service.last_confirmed_by == sm.saam_manager
    assert service.reminded_on is None and service.archived_on is None
    [event] = service.events.all()
    assert (event.kind, event.by) == (ServiceEvent.Kind.CREATED, sm.saam_manager)


def test_a_gemeente_manager_adds_an_entry_for_another_organisation_in_the_municipality(sm):
    service = services.service_create(
        actor=sm.teamleider.user, organisation=sm.ggd, data=sm.data(name="Spreekuur jeugdarts", keeper=sm.teamleider)
    )
    assert service.organisation == sm.ggd
    assert service.keeper == sm.teamleider  # a manager of the gemeente may keep it
    assert service.last_confirmed_by == sm.teamleider


def test_a_manager_of_another_organisation_cannot_add_an_entry(sm):
    with pytest.raises(NotAllowed, match="Alleen een manager van de organisatie of van de gemeente voegt aanbod toe"):
        services.service_create(actor=sm.ggd_manager.user, organisation=sm.saam, data=sm.data())
    assert nothing_saved()


def test_a_gemeente_manager_of_another_municipality_cannot_add_an_entry(sm):
    with pytest.raises(NotAllowed):
        services.service_create(actor=sm.zwolle_manager.user, organisation=sm.saam, data=sm.data())
    assert nothing_saved()


def test_a_manager_of_an_organisation_that_is_no_gemeente_cannot_add_for_another_one_in_the_municipality(sm):
    with pytest.raises(NotAllowed):
        services.service_create(actor=sm.saam_manager.user, organisation=sm.ggd, data=sm.data())
    assert nothing_saved()


@pytest.mark.parametrize("who", ["worker", "colleague", "consulent", "ib"])
def test_a_professional_who_is_no_manager_cannot_add_an_entry(sm, who):
    with pytest.raises(NotAllowed):
        services.service_create(actor=getattr(sm, who).user, organisation=sm.saam, data=sm.data())
    assert nothing_saved()


def test_someone_who_is_no_professional_cannot_add_an_entry(sm):
    with pytest.raises(NotAllowed) as exc:
        services.service_create(actor=sm.parent, organisation=sm.saam, data=sm.data())
    assert exc.value.message == "De sociale kaart is voor professionals."
    assert nothing_saved()


def test_a_manager_who_has_left_cannot_add_an_entry(sm):
    sm.saam_manager.left_on = timezone.localdate()
    sm.saam_manager.save()
    with pytest.raises(NotAllowed):
        services.service_create(actor=sm.saam_manager.user, organisation=sm.saam, data=sm.data())
    assert nothing_saved()


def test_an_entry_needs_an_organisation(sm):
    with pytest.raises(ValidationError) as exc:
        services.service_create(actor=sm.teamleider.user, organisation=None, data=sm.data())
    assert exc.value.message_dict == {"organisation": ["Kies de organisatie die het aanbod biedt."]}
    assert nothing_saved()


# --- bad input: a Dutch message per field, nothing half-saved -------------------------------------


BAD_INPUT = [
    ({"name": ""}, "name", "Vul de naam van het aanbod in."),
    ({"name": "   "}, "name", "Vul de naam van het aanbod in."),
    ({"name": "x" * 201}, "name", "De naam is te lang (hoogstens 200 tekens)."),
    ({"offer": ""}, "offer", "Beschrijf wat er wordt geboden."),
    ({"offer": "x" * 4001}, "offer", "De beschrijving is te lang (hoogstens 4000 tekens)."),
    ({"audience": " "}, "audience", "Vul in voor wie het aanbod is."),
    ({"audience": "x" * 301}, "audience", "'Voor wie' is te lang (hoogstens 300 tekens)."),
    ({"how_to_refer": "x" * 4001}, "how_to_refer", "De aanmeldroute is te lang (hoogstens 4000 tekens)."),
    ({"age_min": None}, "age_min", "Vul de leeftijd vanaf in."),
    ({"age_max": None}, "age_max", "Vul de leeftijd tot en met in."),
    ({"age_min": 12, "age_max": 8}, "age_max", "De leeftijd tot en met is lager dan de leeftijd vanaf."),
    ({"age_min": -1}, "age_min", "De leeftijd vanaf ligt tussen 0 en 27."),
    ({"age_min": 28, "age_max": 27}, "age_min", "De leeftijd vanaf ligt tussen 0 en 27."),
    ({"age_max": 28}, "age_max", "De leeftijd tot en met ligt tussen 0 en 27."),
    ({"keeper": None}, "keeper", "Kies wie dit aanbod beheert."),
    # A keeper is a person of the organisation, or a manager of its gemeente (named here, looked
    # up on the map): not a manager of another organisation, not a gemeente colleague who is no
    # manager, not a manager of another gemeente, not someone of a school.
    ({"keeper": "ggd_manager"}, "keeper", "Kies als beheerder iemand van Saam Welzijn, of een manager van de gemeente."),
    ({"keeper": "consulent"}, "keeper", "Kies als beheerder iemand van Saam Welzijn, of een manager van de gemeente."),
    ({"keeper": "zwolle_manager"}, "keeper", "Kies als beheerder iemand van Saam Welzijn, of een manager van de gemeente."),
    ({"keeper": "ib"}, "keeper", "Kies als beheerder iemand van Saam Welzijn, of een manager van de gemeente."),
    ({"name": "<b>Spreekuur</b>"}, "name", "Naam bevat HTML- of scriptcode. Schrijf gewone tekst."),
    ({"offer": "Kom <script>alert(1)</script>"}, "offer", "Wat wordt geboden bevat HTML- of scriptcode. Schrijf gewone tekst."),
    ({"audience": "<i>ouders</i>"}, "audience", "Voor wie bevat HTML- of scriptcode. Schrijf gewone tekst."),
    ({"how_to_refer": 'Mail <a href="https://x.nl">ons</a>'}, "how_to_refer", "Aanmeldroute bevat HTML- of scriptcode. Schrijf gewone tekst."),
    ({"themes": [f"Thema {n}" for n in range(11)]}, "themes", "Kies hoogstens 10 thema's."),
    ({"themes": ["x" * 61]}, "themes", "Een thema is hoogstens 60 tekens."),
    ({"themes": ["Opvoeden", "<b>Geld</b>"]}, "themes", "Thema bevat HTML- of scriptcode. Schrijf gewone tekst."),
]  # fmt: skip


def with_people(sm, changes: dict) -> dict:
    """``changes`` with a keeper named by attribute replaced by that professional of the map."""
    if isinstance(changes.get("keeper"), str):
        return {**changes, "keeper": getattr(sm, changes["keeper"])}
    return changes


@pytest.mark.parametrize(("changes", "field", "message"), BAD_INPUT)
def test_bad_input_is_refused_with_a_dutch_message_naming_the_field_and_nothing_is_saved(sm, changes, field, message):
    with pytest.raises(ValidationError) as exc:
        services.service_create(
            actor=sm.saam_manager.user, organisation=sm.saam, data=sm.data(**with_people(sm, changes))
        )
    assert exc.value.message_dict == {field: [message]}
    assert nothing_saved()
    assert not Theme.objects.exists()


@pytest.mark.parametrize(("changes", "field", "message"), BAD_INPUT)
def test_bad_input_in_a_change_is_refused_the_same_way_and_changes_nothing(sm, changes, field, message):
    service = sm.service(name="Jongerenwerk", last_confirmed_on=days_ago(100))
    with pytest.raises(ValidationError) as exc:
        services.service_update(actor=sm.worker.user, service=service, data=sm.data(**with_people(sm, changes)))
    assert exc.value.message_dict == {field: [message]}
    service.refresh_from_db()
    assert (service.name, service.last_confirmed_on) == ("Jongerenwerk", days_ago(100))
    assert not service.events.exists()


def test_every_bad_field_is_named_at_once(sm):
    with pytest.raises(ValidationError) as exc:
        services.service_create(
            actor=sm.saam_manager.user, organisation=sm.saam, data=sm.data(name="", age_min=20, age_max=4, keeper=None)
        )
    assert set(exc.value.message_dict) == {"name", "age_max", "keeper"}


def test_text_is_stored_without_surrounding_spaces_and_ten_themes_are_allowed(sm):
    service = services.service_create(
        actor=sm.saam_manager.user,
        organisation=sm.saam,
        data=sm.data(
            name="  Opvoedspreekuur ", themes=[f"Thema {n}" for n in range(10)] + ["", "  "], age_min=0, age_max=27
        ),
    )
    assert service.name == "Opvoedspreekuur"
    assert service.themes.count() == 10


# --- changing, confirming, archiving: who may ------------------------------------------------------


@pytest.mark.parametrize("who", ["worker", "saam_manager", "teamleider"])
def test_the_keeper_and_the_managers_who_keep_it_may_change_an_entry(sm, who):
    service = sm.service(name="Jongerenwerk")
    actor = getattr(sm, who)
    updated = services.service_update(actor=actor.user, service=service, data=sm.data(name="Jongerenwerk Dalfsen"))
    assert updated.name == "Jongerenwerk Dalfsen"
    service.refresh_from_db()
    assert service.name == "Jongerenwerk Dalfsen"
    assert service.last_confirmed_by == actor
    assert service.events.first().kind == ServiceEvent.Kind.UPDATED


@pytest.mark.parametrize("who", ["colleague", "ib", "consulent", "ggd_manager", "zwolle_manager", "parent"])
def test_others_may_not_change_an_entry(sm, who):
    service = sm.service(name="Jongerenwerk")
    actor = getattr(sm, who)
    with pytest.raises(NotAllowed):
        services.service_update(actor=getattr(actor, "user", actor), service=service, data=sm.data(name="Anders"))
    service.refresh_from_db()
    assert service.name == "Jongerenwerk"
    assert not service.events.exists()


def test_a_keeper_who_is_no_manager_may_confirm_the_entry(sm):
    service = sm.service(last_confirmed_on=days_ago(400), last_confirmed_by=sm.saam_manager, reminded_on=days_ago(30))
    services.service_confirm(actor=sm.worker.user, service=service)
    service.refresh_from_db()
    assert service.last_confirmed_on == timezone.localdate()
    assert service.last_confirmed_by == sm.worker
    assert service.reminded_on is None
    [event] = service.events.all()
    assert (event.kind, event.by) == (ServiceEvent.Kind.CONFIRMED, sm.worker)


@pytest.mark.parametrize("who", ["colleague", "ib", "ggd_manager", "zwolle_manager"])
def test_another_professional_may_not_confirm_the_entry(sm, who):
    service = sm.service(last_confirmed_on=days_ago(400))
    with pytest.raises(NotAllowed):
        services.service_confirm(actor=getattr(sm, who).user, service=service)
    service.refresh_from_db()
    assert service.last_confirmed_on == days_ago(400)
    assert not service.events.exists()


def test_a_keeper_who_is_no_manager_may_archive_the_entry_and_it_leaves_the_search(sm):
    service = sm.service(name="Jongerenwerk")
    services.service_archive(actor=sm.worker.user, service=service, reason="  De subsidie is gestopt. ")
    service.refresh_from_db()
    assert service.archived_on == timezone.localdate()
    [event] = service.events.all()
    assert (event.kind, event.by, event.note) == (ServiceEvent.Kind.ARCHIVED, sm.worker, "De subsidie is gestopt.")
    assert not selectors.service_search(query="Jongerenwerk").exists()
    assert not Service.objects.current().exists()
    # It stays readable, with its history.
    assert selectors.service_get(actor=sm.ib.user, service_id=service.pk) == service


@pytest.mark.parametrize("who", ["colleague", "ib", "ggd_manager", "zwolle_manager"])
def test_another_professional_may_not_archive_the_entry(sm, who):
    service = sm.service()
    with pytest.raises(NotAllowed):
        services.service_archive(actor=getattr(sm, who).user, service=service, reason="Gestopt.")
    service.refresh_from_db()
    assert service.archived_on is None


@pytest.mark.parametrize(
    ("reason", "message"),
    [("", "Vul in waarom het aanbod stopt."), ("x" * 301, "De reden is te lang (hoogstens 300 tekens).")],
)
def test_archiving_needs_a_reason(sm, reason, message):
    service = sm.service()
    with pytest.raises(ValidationError) as exc:
        services.service_archive(actor=sm.worker.user, service=service, reason=reason)
    assert exc.value.message_dict == {"reason": [message]}
    service.refresh_from_db()
    assert service.archived_on is None and not service.events.exists()


def test_an_archived_entry_cannot_be_changed_confirmed_or_archived_again(sm):
    service = sm.service(name="Jongerenwerk", last_confirmed_on=days_ago(400))
    services.service_archive(actor=sm.worker.user, service=service, reason="Gestopt.")
    with pytest.raises(ValidationError) as exc:
        services.service_update(actor=sm.worker.user, service=service, data=sm.data(name="Anders"))
    assert exc.value.messages == ["Dit aanbod is gearchiveerd en wordt niet meer gewijzigd."]
    with pytest.raises(ValidationError) as exc:
        services.service_confirm(actor=sm.worker.user, service=service)
    assert exc.value.messages == ["Dit aanbod is gearchiveerd."]
    with pytest.raises(ValidationError) as exc:
        services.service_archive(actor=sm.worker.user, service=service, reason="Nog eens.")
    assert exc.value.messages == ["Dit aanbod is al gearchiveerd."]
    service.refresh_from_db()
    assert (service.name, service.last_confirmed_on) == ("Jongerenwerk", days_ago(400))
    assert [e.kind for e in service.events.all()] == [ServiceEvent.Kind.ARCHIVED]


# --- a change is a confirmation --------------------------------------------------------------------


def test_a_change_counts_as_a_confirmation(sm):
    service = sm.service(last_confirmed_on=days_ago(400), last_confirmed_by=sm.saam_manager, reminded_on=days_ago(35))
    services.service_update(actor=sm.worker.user, service=service, data=sm.data(age_min=4, age_max=12))
    service.refresh_from_db()
    assert (service.age_min, service.age_max) == (4, 12)
    assert service.last_confirmed_on == timezone.localdate()
    assert service.last_confirmed_by == sm.worker
    assert service.reminded_on is None
    assert not service.is_stale()


def test_a_refused_change_changes_nothing(sm):
    service = sm.service(name="Jongerenwerk", last_confirmed_on=days_ago(400), themes=("Vrije tijd",))
    with pytest.raises(ValidationError):
        services.service_update(
            actor=sm.worker.user, service=service, data=sm.data(name="Anders", age_min=15, age_max=3, themes=["Geld"])
        )
    service.refresh_from_db()
    assert (service.name, service.last_confirmed_on) == ("Jongerenwerk", days_ago(400))
    assert [t.name for t in service.themes.all()] == ["Vrije tijd"]
    assert not service.events.exists()
    assert not Theme.objects.filter(name="Geld").exists()


def test_a_change_can_name_a_new_keeper_of_the_organisation(sm):
    service = sm.service()
    services.service_update(actor=sm.saam_manager.user, service=service, data=sm.data(keeper=sm.colleague))
    service.refresh_from_db()
    assert service.keeper == sm.colleague


def test_a_keeper_who_has_left_may_no_longer_keep_the_entry(sm):
    service = sm.service()
    sm.worker.left_on = timezone.localdate() - timedelta(days=1)
    sm.worker.save()
    with pytest.raises(NotAllowed):
        services.service_confirm(actor=sm.worker.user, service=service)
    # ... nor be named keeper again.
    with pytest.raises(ValidationError) as exc:
        services.service_update(actor=sm.saam_manager.user, service=service, data=sm.data(keeper=sm.worker))
    assert list(exc.value.message_dict) == ["keeper"]


# --- themes --------------------------------------------------------------------------------------


def test_themes_are_reused_case_insensitively(sm):
    existing = Theme.objects.create(name="Opvoeden")
    service = services.service_create(
        actor=sm.saam_manager.user,
        organisation=sm.saam,
        data=sm.data(themes=["opvoeden", " OPVOEDEN ", "Slapen", "slapen"]),
    )
    assert sorted(t.name for t in Theme.objects.all()) == ["Opvoeden", "Slapen"]
    assert set(service.themes.all()) == {existing, Theme.objects.get(name="Slapen")}


def test_a_change_replaces_the_themes_and_keeps_the_theme_rows(sm):
    service = sm.service(themes=("Opvoeden", "Geld"))
    services.service_update(actor=sm.worker.user, service=service, data=sm.data(themes=["geld", "Wonen"]))
    assert sorted(t.name for t in service.themes.all()) == ["Geld", "Wonen"]
    assert Theme.objects.count() == 3


# --- the entry's own history ---------------------------------------------------------------------


def test_every_change_is_a_history_row_with_who_did_it(sm):
    service = services.service_create(actor=sm.teamleider.user, organisation=sm.saam, data=sm.data())
    services.service_update(actor=sm.worker.user, service=service, data=sm.data(name="Opvoedspreekuur Saam"))
    services.service_confirm(actor=sm.saam_manager.user, service=service)
    services.service_archive(actor=sm.worker.user, service=service, reason="Opgegaan in het JGZ-spreekuur.")
    history = [(e.kind, e.by, e.note) for e in service.events.all()]  # newest first
    assert history == [
        (ServiceEvent.Kind.ARCHIVED, sm.worker, "Opgegaan in het JGZ-spreekuur."),
        (ServiceEvent.Kind.CONFIRMED, sm.saam_manager, ""),
        (ServiceEvent.Kind.UPDATED, sm.worker, ""),
        (ServiceEvent.Kind.CREATED, sm.teamleider, ""),
    ]
    assert str(service.events.last()) == f"{service.pk}: Toegevoegd"


def test_the_keeper_must_still_have_an_active_account(sm):
    sm.colleague.user.is_active = False
    sm.colleague.user.save()
    with pytest.raises(ValidationError) as exc:
        services.service_create(actor=sm.saam_manager.user, organisation=sm.saam, data=sm.data(keeper=sm.colleague))
    assert list(exc.value.message_dict) == ["keeper"]
    assert nothing_saved()


def test_spellings_of_one_theme_count_once_towards_the_limit(sm):
    service = services.service_create(
        actor=sm.saam_manager.user,
        organisation=sm.saam,
        data=sm.data(themes=[*(f"Thema {i}" for i in range(9)), "Opvoeden", "opvoeden", "OPVOEDEN"]),
    )
    assert service.themes.count() == 10
