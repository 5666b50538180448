"""Every function of the source documents exists, and "Wie doet wat" carries their tasks per
phase — loaded from data, shown on its page and on each professional's profile."""

import pytest

from jeugdketen.organisations.models import Function, RoleDescription, Task
from jeugdketen.organisations.services import load_reference_data
from tests.factories import professional

pytestmark = pytest.mark.django_db

# domain.md, section 1: the functions a professional can hold (plus the privacy officer).
FUNCTIONS = {
    "samen_doen",
    "jeugdconsulent",
    "leerplicht",
    "leerkracht",
    "intern_begeleider",
    "schoolleider",
    "coordinator_swv",
    "ambulant_begeleider",
    "orthopedagoog",
    "jeugdverpleegkundige",
    "jeugdarts",
    "lichte_jeugdhulp",
    "politie",
    "manager",
    "privacy_officer",
}


def test_every_function_from_the_seeds_exists():
    assert set(Function.objects.values_list("code", flat=True)) == FUNCTIONS


def test_both_source_documents_are_loaded_with_every_task():
    assert RoleDescription.objects.filter(source="dalfsen").count() == 10
    assert RoleDescription.objects.filter(source="taken_en_functies").count() == 7
    assert Task.objects.count() == 185
    phases = set(Task.objects.filter(role_description__source="taken_en_functies").values_list("phase", flat=True))
    assert phases == {
        "kerntaken",
        "specifieke_taak",
        "preventie_signalering",
        "wegen_arrangeren",
        "samenwerken_uitvoering",
        "doorgaande_lijnen",
    }


def test_loading_again_changes_nothing():
    before = (Function.objects.count(), RoleDescription.objects.count(), Task.objects.count())
    load_reference_data()
    assert (Function.objects.count(), RoleDescription.objects.count(), Task.objects.count()) == before


def test_who_does_what_filtered_by_function_shows_only_its_tasks(client):
    client.force_login(professional("leerkracht").user)
    page = client.get("/organisaties/wie-doet-wat/?functie=politie").text
    assert "Relevante informatie inbrengen vanuit politiedossiers" in page
    assert "Preventief spreekuur" not in page  # a leerplicht-only task in the shared Veiligheid block
    assert "Observeert de leerlingen en voert kindgesprekken." not in page


def test_a_professionals_profile_shows_the_tasks_of_their_functions(client):
    nurse = professional("jeugdverpleegkundige")
    client.force_login(professional("intern_begeleider").user)
    page = client.get(f"/organisaties/professionals/{nurse.pk}/").text
    assert "Taken als Jeugdverpleegkundige" in page
    assert "Is schoolcontactpersoon en eerste aanspreekpunt bij leefvragen;" in page
    assert nurse.phone in page


def test_the_directory_finds_professionals_by_function(client):
    nurse = professional("jeugdverpleegkundige")
    client.force_login(professional("intern_begeleider").user)
    page = client.get("/organisaties/?functie=jeugdverpleegkundige").text
    assert nurse.user.get_full_name() in page
