"""The right of access: the export holds every record of the youth that the database holds —
checked here by walking every model's foreign keys to the youth, independently of the export's own
walk — and nothing of another youth."""

import json

import pytest
from django.apps import apps
from django.db.models import Q
from django.utils import timezone

from jeugdketen.auditlog.models import AccessLogEntry
from jeugdketen.auditlog.services import AccessPoint, Channel
from jeugdketen.demo.services import load_demo
from jeugdketen.subjectrights import services
from jeugdketen.youth.models import Youth
from tests.factories import professional

pytestmark = pytest.mark.django_db
WEB = AccessPoint(Channel.WEB, "127.0.0.1")
MAX_DEPTH = 6


def paths_to_youth(model, depth=0, seen=()) -> list[str]:
    """Every chain of forward foreign keys from ``model`` to Youth ("case__youth", ...)."""
    if depth > MAX_DEPTH:
        return []
    found = []
    for field in model._meta.get_fields():
        if not (field.concrete and (field.many_to_one or field.one_to_one) and field.related_model):
            continue
        target = field.related_model
        if target is Youth:
            found.append(field.name)
        elif target not in seen and target is not model:
            found += [f"{field.name}__{rest}" for rest in paths_to_youth(target, depth + 1, (*seen, model))]
    return found


def expected_records(youth) -> set[tuple[str, int]]:
    expected = {("youth.youth", youth.pk)}
    for model in apps.get_models():
        if model is AccessLogEntry or model is Youth:
            continue
        paths = paths_to_youth(model)
        if not paths:
            continue
        query = Q()
        for path in paths:
            query |= Q(**{path: youth})
        expected |= {
            (model._meta.label_lower, pk) for pk in model._base_manager.filter(query).values_list("pk", flat=True)
        }
    return expected


def youths_of(label: str, pk) -> set:
    model = apps.get_model(label)
    youths = set()
    for path in paths_to_youth(model):
        youths |= set(model._base_manager.filter(pk=pk).values_list(path, flat=True))
    return youths - {None}


@pytest.fixture
def demo(db):
    load_demo(today=timezone.localdate())


@pytest.mark.parametrize(
    ("first", "last"),
    [("Noah", "Jansen"), ("Thijs", "Veen"), ("Lisa", "Kuipers"), ("Sara", "Visser"), ("Julia", "Veen")],
)
def test_the_export_holds_every_record_of_the_youth_and_nothing_of_another(demo, first, last):
    youth = Youth.objects.get(first_name=first, last_name=last)
    officer = professional(
        "privacy_officer", organisation=youth.municipality.organisations.filter(kind="gemeente").first()
    )
    export = services.subject_export(actor=officer.user, youth=youth, access_point=WEB, fmt="json")
    exported = {(part.model, record["id"]) for part in export.parts for record in part.records}
    expected = expected_records(youth)
    assert len(expected) > 5
    assert expected - exported == set(), "records of the youth missing from the export"
    for label, pk in exported:
        assert youths_of(label, pk) <= {youth.pk}, f"{label} {pk} belongs to another youth"
    # The access log is in it, the export itself included; the JSON holds every part.
    assert export.access_log and export.access_log[-1]["gebeurtenis"] == "Geëxporteerd"
    data = json.loads(export.as_json())
    assert {p["model"] for p in data["gegevens"]} == {part.model for part in export.parts}
    assert len(data["toegangslog"]) == AccessLogEntry.objects.filter(youth_id=youth.pk).count()


def test_models_that_hang_on_a_youth_are_all_reached_by_the_walk():
    """Every model with a foreign-key path to the youth is one the walk can reach (so a new model
    is covered without changing the walk)."""
    from jeugdketen.subjectrights import walk

    reachable = {Youth}
    frontier = [Youth]
    while frontier:
        model = frontier.pop()
        for rel in walk._reverse_relations(model):
            if rel.related_model not in reachable:
                reachable.add(rel.related_model)
                frontier.append(rel.related_model)
    for model in apps.get_models():
        if model is AccessLogEntry or model._meta.auto_created:
            continue
        if paths_to_youth(model):
            assert model in reachable, model._meta.label


def test_only_the_privacy_officer_of_the_youths_municipality_exports(demo):
    from jeugdketen.access.exceptions import NotFoundOrForbidden
    from tests.factories import MunicipalityFactory, OrganisationFactory

    youth = Youth.objects.get(first_name="Noah", last_name="Jansen")
    elsewhere = professional(
        "privacy_officer",
        organisation=OrganisationFactory(kind="gemeente", municipality=MunicipalityFactory(cbs_code="0166")),
    )
    consulent = professional(
        "jeugdconsulent", organisation=youth.municipality.organisations.filter(kind="gemeente").first()
    )
    for who in (elsewhere, consulent):
        with pytest.raises(NotFoundOrForbidden):
            services.subject_export(actor=who.user, youth=youth, access_point=WEB, fmt="json")
        assert AccessLogEntry.objects.filter(user_id=who.user.pk, event="refused").exists()
    assert not AccessLogEntry.objects.filter(event="export", object_type="betrokkene").exists()


def test_the_copy_for_the_subject_leaves_out_police_and_meldcode_data(demo):
    youth = Youth.objects.get(first_name="Noah", last_name="Jansen")
    officer = professional(
        "privacy_officer", organisation=youth.municipality.organisations.filter(kind="gemeente").first()
    )
    full = services.subject_export(actor=officer.user, youth=youth, access_point=WEB, fmt="json")
    copy = services.subject_export(actor=officer.user, youth=youth, access_point=WEB, fmt="json", for_subject=True)
    full_models = {p.model for p in full.parts}
    copy_records = [(p.model, r) for p in copy.parts for r in p.records]
    assert not any(model.startswith("meldcode.") for model, _ in copy_records)
    assert not any(r.get("category") in ("police", "safety") for _, r in copy_records)
    assert all(e["functie"] != "Jeugdagent" for e in copy.access_log)
    assert json.loads(copy.as_json())["niet_opgenomen"].startswith("politiegegevens")
    assert len(copy_records) <= sum(len(p.records) for p in full.parts) and full_models
