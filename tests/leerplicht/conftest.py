from datetime import date

import pytest

from jeugdketen.leerplicht.models import SchoolHoliday
from jeugdketen.youth.validators import bsn_is_valid
from tests.factories import EnrolmentFactory, OrganisationFactory, SchoolFactory, YouthFactory, professional

# A fixed "today" for the services: Friday 20 November 2026, in a school year whose holidays
# (regio noord) the fixture below stores.
TODAY = date(2026, 11, 20)


def bsn(n: int) -> str:
    """The n-th valid BSN from 100000000 upwards (elfproef)."""
    candidate = 100_000_000 + n * 1000
    while not bsn_is_valid(str(candidate)):
        candidate += 1
    return str(candidate)


@pytest.fixture
def holidays(db):
    for name, start, end, kind in [
        ("Herfstvakantie", date(2026, 10, 10), date(2026, 10, 18), "vakantie"),
        ("Kerstvakantie", date(2026, 12, 19), date(2027, 1, 3), "vakantie"),
        ("Zomervakantie", date(2026, 7, 4), date(2026, 8, 16), "vakantie"),
        ("Studiedag", date(2026, 11, 4), date(2026, 11, 4), "vrij"),
    ]:
        SchoolHoliday.objects.create(region="noord", name=name, start=start, end=end, kind=kind)


@pytest.fixture
def school(db, holidays):
    return SchoolFactory(name="OBS De Vecht")


@pytest.fixture
def ib(school):
    return professional("intern_begeleider", organisation=school)


@pytest.fixture
def consulent(db):
    return professional("leerplicht", organisation=OrganisationFactory(name="Gemeente Dalfsen", kind="gemeente"))


def pupil(school, n: int, **kwargs):
    youth = YouthFactory(bsn=bsn(n), date_of_birth=kwargs.pop("date_of_birth", date(2014, 3, 10)), **kwargs)
    EnrolmentFactory(youth=youth, school=school, start=date(2020, 8, 20))
    return youth
