from datetime import date

import pytest
from django.utils import timezone

from jeugdketen.auditlog.services import AccessPoint, Channel
from jeugdketen.verwijsindex import services
from tests.factories import MunicipalityFactory, OrganisationFactory, SchoolFactory, YouthFactory, professional

WEB = AccessPoint(Channel.WEB, "127.0.0.1")
# A valid BSN (elfproef) for a youth the app does not know yet, and the one of the known youth.
NEW_BSN = "111222333"
KNOWN_BSN = "123456782"


def years_ago(years: int, days: int = 0) -> date:
    from datetime import timedelta

    today = timezone.localdate()
    return today.replace(year=today.year - years) - timedelta(days=days)


class Index:
    def __init__(self):
        self.municipality = MunicipalityFactory()
        self.school = SchoolFactory(municipality=self.municipality)
        self.ggd = OrganisationFactory(name="GGD IJsselland", kind="ggd", municipality=self.municipality)
        self.saam = OrganisationFactory(name="Saam Welzijn", kind="voorliggend", municipality=self.municipality)
        self.ib = professional("intern_begeleider", organisation=self.school)
        self.nurse = professional("jeugdverpleegkundige", organisation=self.ggd)
        self.worker = professional("lichte_jeugdhulp", organisation=self.saam)
        self.teacher = professional("leerkracht", organisation=self.school)
        self.manager = professional("manager", organisation=self.ggd)
        self.youth = YouthFactory(bsn=KNOWN_BSN, date_of_birth=years_ago(10), municipality=self.municipality)

    def placement(self, youth=None, **kwargs) -> services.Placement:
        youth = youth or self.youth
        values = dict(
            bsn=youth.bsn,
            date_of_birth=youth.date_of_birth,
            first_name=youth.first_name,
            last_name=youth.last_name,
            municipality=self.municipality,
            phone="06-12345678",
        )
        values.update(kwargs)
        return services.Placement(**values)

    def place(self, who, youth=None, **kwargs):
        return services.signal_place(actor=who.user, data=self.placement(youth, **kwargs), access_point=WEB)


@pytest.fixture
def index(db):
    return Index()
