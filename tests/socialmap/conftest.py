"""The sociale kaart of Dalfsen for the socialmap tests: the gemeente with its teamleider (a
manager), Saam Welzijn with its manager and a jongerenwerker who keeps entries, the GGD with its
manager, a school's intern begeleider, the gemeente Zwolle with its manager, and a parent."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from jeugdketen.organisations.models import Organisation
from jeugdketen.socialmap.models import Service, Theme
from jeugdketen.socialmap.services import ServiceData
from tests.factories import (
    MunicipalityFactory,
    OrganisationFactory,
    SchoolFactory,
    ServiceFactory,
    UserFactory,
    YouthFactory,
    parent_of,
    professional,
)


def days_ago(days: int):
    return timezone.localdate() - timedelta(days=days)


class Map:
    def __init__(self):
        self.dalfsen = MunicipalityFactory()
        self.zwolle = MunicipalityFactory(cbs_code="0193", name="Zwolle")
        self.gemeente = OrganisationFactory(
            name="Gemeente Dalfsen", kind=Organisation.Kind.GEMEENTE, municipality=self.dalfsen, city="Dalfsen"
        )
        self.teamleider = professional(
            "manager", organisation=self.gemeente, user=UserFactory(first_name="Marieke", last_name="Wolters")
        )
        self.consulent = professional("jeugdconsulent", organisation=self.gemeente)
        self.saam = OrganisationFactory(
            name="Saam Welzijn",
            kind=Organisation.Kind.VOORLIGGENDE_VOORZIENING,
            municipality=self.dalfsen,
            city="Nieuwleusen",
        )
        self.saam_manager = professional(
            "manager", organisation=self.saam, user=UserFactory(first_name="Ilse", last_name="Bakker")
        )
        self.worker = professional(
            "lichte_jeugdhulp", organisation=self.saam, user=UserFactory(first_name="Gerrit", last_name="Mulder")
        )
        self.colleague = professional("lichte_jeugdhulp", organisation=self.saam)
        self.ggd = OrganisationFactory(
            name="GGD IJsselland", kind=Organisation.Kind.GGD, municipality=self.dalfsen, city="Zwolle"
        )
        self.ggd_manager = professional("manager", organisation=self.ggd)
        self.zwolle_gemeente = OrganisationFactory(
            name="Gemeente Zwolle", kind=Organisation.Kind.GEMEENTE, municipality=self.zwolle, city="Zwolle"
        )
        self.zwolle_manager = professional("manager", organisation=self.zwolle_gemeente)
        self.school = SchoolFactory(name="De Springplank", municipality=self.dalfsen)
        self.ib = professional("intern_begeleider", organisation=self.school)
        self.parent = parent_of(YouthFactory(municipality=self.dalfsen)).user

    def data(self, **changes) -> ServiceData:
        values = dict(
            name="Opvoedspreekuur",
            offer="Wekelijks spreekuur voor ouders met vragen over opvoeden, zonder afspraak.",
            audience="Ouders en verzorgers met vragen over opvoeden",
            age_min=0,
            age_max=18,
            keeper=self.worker,
            how_to_refer="Ouders komen zelf langs op dinsdagochtend.",
            themes=["Opvoeden"],
        )
        values.update(changes)
        return ServiceData(**values)

    def service(self, *, themes: tuple[str, ...] = (), **kwargs) -> Service:
        kwargs.setdefault("organisation", self.saam)
        kwargs.setdefault("keeper", self.worker)
        service = ServiceFactory(**kwargs)
        service.themes.set([Theme.objects.get_or_create(name=name)[0] for name in themes])
        return service


@pytest.fixture
def sm(db) -> Map:
    return Map()
