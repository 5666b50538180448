from datetime import date, timedelta

import pytest
from django.utils import timezone

from jeugdketen.auditlog.services import AccessPoint, Channel
from jeugdketen.handover import law
from tests.factories import (
    EnrolmentFactory,
    MunicipalityFactory,
    OrganisationFactory,
    SchoolFactory,
    YouthFactory,
    professional,
)

WEB = AccessPoint(Channel.WEB, "127.0.0.1")


def years_ago(years: int) -> date:
    today = timezone.localdate()
    return today.replace(year=today.year - years) - timedelta(days=30)


class Schools:
    def __init__(self):
        self.municipality = MunicipalityFactory()
        self.today = timezone.localdate()
        self.next_year = law.school_year_of(self.today) + 1
        self.po = SchoolFactory(name="OBS De Vecht", municipality=self.municipality, sector="po")
        self.vo = SchoolFactory(name="Vechtdal Lyceum", municipality=self.municipality, sector="vo")
        self.other_vo = SchoolFactory(name="Agnieten College", municipality=self.municipality, sector="vo")
        self.mbo = SchoolFactory(name="Deltion", municipality=self.municipality, sector="mbo")
        self.ib = professional("intern_begeleider", organisation=self.po)
        self.teacher = professional("leerkracht", organisation=self.po)
        self.vo_ib = professional("intern_begeleider", organisation=self.vo)
        self.other_vo_ib = professional("intern_begeleider", organisation=self.other_vo)
        self.gemeente = OrganisationFactory(kind="gemeente", municipality=self.municipality)
        self.consulent = professional("leerplicht", organisation=self.gemeente)
        self.pupil = YouthFactory(first_name="Sem", last_name="de Boer", date_of_birth=years_ago(11),
                                  municipality=self.municipality)  # fmt: skip
        EnrolmentFactory(youth=self.pupil, school=self.po, group="groep 8", start=self.today - timedelta(days=2000))

    def enrol_at_vo(self, youth=None, **kwargs):
        start = kwargs.pop("start", date(self.next_year, 8, 1))
        return EnrolmentFactory(youth=youth or self.pupil, school=self.vo, group="1A", start=start, **kwargs)


@pytest.fixture
def schools(db):
    return Schools()
