"""A handover from start to the receiving school and the parents: each rule from both sides."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from jeugdketen.access.exceptions import NotAllowed, NotFoundOrForbidden
from jeugdketen.auditlog.models import AccessLogEntry
from jeugdketen.handover import selectors, services
from jeugdketen.handover.models import Handover
from jeugdketen.schoolsupport.models import OPP
from jeugdketen.youth.models import CarerRelation
from tests.factories import CarerFactory, UserFactory, professional

from .conftest import WEB

pytestmark = pytest.mark.django_db


def _start(schools, who=None, **kwargs):
    values = dict(youth=schools.pupil, transfer="po_vo", method="koud", school_year=schools.next_year,
                  to_school=schools.vo)  # fmt: skip
    values.update(kwargs)
    return services.handover_start(actor=(who or schools.ib).user, access_point=WEB, **values)


def _report(schools, handover, **kwargs):
    values = dict(learning="Leest op niveau.", support="Extra rekeninstructie.", wellbeing="Rustig, werkt zelfstandig.",
                  schooladvies="havo", schooladvies_on=schools.today)  # fmt: skip
    values.update(kwargs)
    return services.handover_update(actor=schools.ib.user, handover_id=handover.pk, access_point=WEB, **values)


def _done(schools, **kwargs):
    handover = _start(schools, **kwargs)
    _report(schools, handover)
    return services.handover_complete(actor=schools.ib.user, handover_id=handover.pk, access_point=WEB)


def test_the_sending_school_starts_writes_and_hands_over_cold(schools):
    handover = _done(schools)
    assert (handover.status, handover.handed_over_by, handover.handed_over_on) == (
        "overgedragen", schools.ib, schools.today
    )  # fmt: skip
    events = list(AccessLogEntry.objects.filter(object_type="handover").order_by("pk").values_list("event", flat=True))
    assert events == ["create", "update", "update"]


def test_a_teacher_or_mentor_may_hand_over_too(schools):
    assert _start(schools, who=schools.teacher).created_by == schools.teacher


def test_another_school_cannot_start_a_handover_for_a_pupil_not_enrolled_there(schools):
    with pytest.raises(NotFoundOrForbidden):
        _start(schools, who=schools.vo_ib)
    assert not Handover.objects.exists()
    assert AccessLogEntry.objects.filter(event="refused", user_id=schools.vo_ib.user.pk).exists()


def test_a_professional_outside_schools_cannot_start_one(schools):
    with pytest.raises(NotFoundOrForbidden):
        _start(schools, who=schools.consulent)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"to_school": "mbo"}, "to_school"),  # po→vo goes to a vo school
        ({"to_school": "po"}, "to_school"),  # not the own school
        ({"transfer": "x"}, "transfer"),
        ({"method": "lauw"}, "method"),
        ({"school_year": 2000}, "school_year"),
    ],
)
def test_a_start_that_does_not_fit_names_the_field(schools, change, field):
    if "to_school" in change:
        change["to_school"] = getattr(schools, change["to_school"])
    with pytest.raises(ValidationError) as excinfo:
        _start(schools, **change)
    assert field in excinfo.value.message_dict
    assert not Handover.objects.exists()


def test_one_handover_per_pupil_school_and_year(schools):
    _start(schools)
    with pytest.raises(ValidationError) as excinfo:
        _start(schools)
    assert "al een overdracht" in excinfo.value.message_dict["school_year"][0]


def test_a_cold_po_vo_handover_needs_the_report_and_the_schooladvies(schools):
    handover = _start(schools, to_school=None)
    with pytest.raises(ValidationError) as excinfo:
        services.handover_complete(actor=schools.ib.user, handover_id=handover.pk, access_point=WEB)
    assert set(excinfo.value.message_dict) == {
        "to_school", "learning", "support", "wellbeing", "schooladvies", "schooladvies_on"
    }  # fmt: skip
    assert Handover.objects.get().status == "concept"


def test_the_schooladvies_is_given_before_24_march(schools):
    handover = _start(schools)
    _report(schools, handover)
    Handover.objects.filter(pk=handover.pk).update(schooladvies_on=date(schools.next_year, 3, 24))
    with pytest.raises(ValidationError) as excinfo:
        services.handover_complete(actor=schools.ib.user, handover_id=handover.pk, access_point=WEB)
    assert "vóór 24 maart" in excinfo.value.message_dict["schooladvies_on"][0]
    Handover.objects.filter(pk=handover.pk).update(schooladvies_on=date(schools.next_year, 3, 23))
    services.handover_complete(actor=schools.ib.user, handover_id=handover.pk, access_point=WEB)


def test_a_schooladvies_belongs_to_po_vo_only(schools):
    from tests.factories import EnrolmentFactory, YouthFactory

    vo_pupil = YouthFactory()
    EnrolmentFactory(youth=vo_pupil, school=schools.vo, group="4 mavo", start=schools.today - timedelta(days=900))
    handover = services.handover_start(actor=schools.vo_ib.user, youth=vo_pupil, transfer="vo_mbo", method="koud",
                                       school_year=schools.next_year, to_school=schools.mbo, access_point=WEB)  # fmt: skip
    with pytest.raises(ValidationError) as excinfo:
        services.handover_update(
            actor=schools.vo_ib.user, handover_id=handover.pk, access_point=WEB, schooladvies="havo"
        )
    assert "po naar vo" in excinfo.value.message_dict["schooladvies"][0]


def test_a_warm_handover_records_the_conversation_with_date_and_who(schools):
    handover = _start(schools, method="warm")
    _report(schools, handover)
    with pytest.raises(ValidationError) as excinfo:
        services.handover_complete(actor=schools.ib.user, handover_id=handover.pk, access_point=WEB)
    assert set(excinfo.value.message_dict) == {"conversation_on", "conversation_with"}
    with pytest.raises(ValidationError):
        _report(schools, handover, conversation_on=schools.today + timedelta(days=1))
    _report(schools, handover, conversation_on=schools.today, conversation_with="Mw. Smit, zorgcoördinator")
    done = services.handover_complete(actor=schools.ib.user, handover_id=handover.pk, access_point=WEB)
    assert (done.conversation_by, done.conversation_with) == (schools.ib, "Mw. Smit, zorgcoördinator")


def test_a_handed_over_handover_no_longer_changes(schools):
    handover = _done(schools)
    with pytest.raises(ValidationError):
        _report(schools, handover, learning="Anders.")


def test_the_final_opp_goes_with_the_handover(schools):
    opp = OPP.objects.create(youth=schools.pupil, school=schools.po, status="vastgesteld", enrolled_on=schools.today,
                             finalised_on=schools.today, created_by=schools.ib)  # fmt: skip
    assert _done(schools).opp == opp


def test_the_receiving_school_reads_it_only_once_the_pupil_is_enrolled_there(schools):
    handover = _done(schools)
    with pytest.raises(NotFoundOrForbidden):
        selectors.handover_read(actor=schools.vo_ib.user, handover_id=handover.pk, access_point=WEB)
    assert selectors.received(actor=schools.vo_ib.user, access_point=WEB) == []
    schools.enrol_at_vo()  # from the new school year: enrolled, not yet started
    view = selectors.handover_read(actor=schools.vo_ib.user, handover_id=handover.pk, access_point=WEB)
    assert view.role == "receiver" and view.grant.ground == "handover"
    assert selectors.received(actor=schools.vo_ib.user, access_point=WEB) == [handover]
    # Another school, and the receiving school's other pupils' handovers, stay out of sight.
    with pytest.raises(NotFoundOrForbidden):
        selectors.handover_read(actor=schools.other_vo_ib.user, handover_id=handover.pk, access_point=WEB)


def test_the_receiving_school_does_not_read_a_draft(schools):
    handover = _start(schools)
    schools.enrol_at_vo()
    with pytest.raises(NotFoundOrForbidden):
        selectors.handover_read(actor=schools.vo_ib.user, handover_id=handover.pk, access_point=WEB)


def test_an_ended_enrolment_at_the_receiving_school_gives_no_access(schools):
    handover = _done(schools)
    schools.enrol_at_vo(start=schools.today - timedelta(days=10), end=schools.today)
    with pytest.raises(NotFoundOrForbidden):
        selectors.handover_read(actor=schools.vo_ib.user, handover_id=handover.pk, access_point=WEB)


def test_the_parents_get_a_copy_and_add_their_view(schools):
    mother, father = CarerFactory(email="moeder@example.nl"), CarerFactory(email="vader@example.nl")
    CarerRelation.objects.create(youth=schools.pupil, carer=mother, has_gezag=True)
    CarerRelation.objects.create(youth=schools.pupil, carer=father, has_gezag=False)
    with pytest.raises(NotFoundOrForbidden):  # not before it is handed over
        selectors.handover_read(actor=mother.user, handover_id=_start(schools).pk, access_point=WEB)
    Handover.objects.all().delete()
    handover = _done(schools)
    assert services.parents_notify(handover_id=handover.pk) == 1
    assert mail.outbox[-1].to == ["moeder@example.nl"] and "Sem" not in mail.outbox[-1].body
    assert selectors.handover_read(actor=mother.user, handover_id=handover.pk, access_point=WEB).may_add_view
    services.handover_parents_view(actor=mother.user, handover_id=handover.pk, text="Sem kan meer dan dit.",
                                   access_point=WEB)  # fmt: skip
    assert Handover.objects.get().parents_view == "Sem kan meer dan dit."
    with pytest.raises(NotFoundOrForbidden):
        services.handover_parents_view(actor=father.user, handover_id=handover.pk, text="x", access_point=WEB)
    with pytest.raises(NotFoundOrForbidden):
        services.handover_parents_view(actor=UserFactory(), handover_id=handover.pk, text="x", access_point=WEB)


def test_the_sending_school_reads_only_while_the_pupil_is_enrolled_there(schools):
    handover = _done(schools)
    assert (
        selectors.handover_read(actor=schools.teacher.user, handover_id=handover.pk, access_point=WEB).role == "sender"
    )
    schools.pupil.enrolments.update(end=schools.today)
    with pytest.raises(NotFoundOrForbidden):
        selectors.handover_read(actor=schools.teacher.user, handover_id=handover.pk, access_point=WEB)


def test_the_year_handover_stays_within_the_school(schools):
    handover = _start(schools, transfer="schooljaar", to_school=None, method="warm")
    assert handover.to_school == schools.po
    services.handover_update(actor=schools.ib.user, handover_id=handover.pk, access_point=WEB,
                             conversation_on=schools.today, conversation_with="Juf Anna, groep 8")  # fmt: skip
    assert services.handover_complete(actor=schools.ib.user, handover_id=handover.pk, access_point=WEB).is_done


def test_not_allowed_for_a_school_function_outside_handover(schools):
    ortho = professional("orthopedagoog", organisation=schools.po)
    with pytest.raises((NotAllowed, NotFoundOrForbidden)):
        _start(schools, who=ortho)
