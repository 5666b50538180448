"""``field__any``: membership in a long list as one parameter, with the same answers as ``__in``
on both databases (ints, relations, strings that need quoting in an array literal, none at all)."""

import pytest

from jeugdketen.youth.models import Enrolment, Youth
from tests.factories import EnrolmentFactory, YouthFactory

pytestmark = pytest.mark.django_db


def test_any_answers_as_in():
    a, b, c = EnrolmentFactory(), EnrolmentFactory(), EnrolmentFactory()
    for values in ({a.youth_id, c.youth_id}, frozenset(), {a.youth_id, 10**9}):
        assert set(Enrolment.objects.filter(youth_id__any=values)) == set(Enrolment.objects.filter(youth_id__in=values))
    assert set(Enrolment.objects.filter(youth__any={b.youth_id})) == {b}
    assert set(Youth.objects.filter(pk__any=[a.youth_id, b.youth_id])) == {a.youth, b.youth}


def test_any_quotes_strings():
    names = ['Jan "Sjonnie"', "Kim, Bo", "{Ali}", "back\\slash", "Sem"]
    youths = [YouthFactory(last_name=name) for name in names]
    assert set(Youth.objects.filter(last_name__any=set(names))) == set(youths)
    assert not Youth.objects.filter(last_name__any={"Kim", "Bo"}).exists()


def test_with_bsn_finds_youths_by_bsn_and_never_those_without():
    noah, _no_bsn = YouthFactory(bsn="111222333"), YouthFactory(bsn="")
    assert list(Youth.objects.with_bsn(["111222333", ""])) == [noah]
