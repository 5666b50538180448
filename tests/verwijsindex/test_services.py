"""Placing, matching, withdrawing and ending signals, and agreeing who holds regie: each rule from
both sides, with the access log."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from jeugdketen.access.exceptions import NotAllowed, NotFoundOrForbidden
from jeugdketen.auditlog.models import AccessLogEntry
from jeugdketen.verwijsindex import selectors, services
from jeugdketen.verwijsindex.models import Match, RegieAgreement, Signal
from jeugdketen.youth.models import Youth
from tests.factories import CaseFactory, UserFactory, YouthFactory, involve, professional

from .conftest import NEW_BSN, WEB, years_ago

pytestmark = pytest.mark.django_db


def test_a_placer_places_a_signal_with_only_who_and_how_to_reach_them(index):
    signal, matches = index.place(index.ib, phone="0529-123123")
    assert matches == []
    assert (signal.youth, signal.professional, signal.organisation) == (index.youth, index.ib, index.school)
    assert signal.function.code == "intern_begeleider" and signal.phone == "0529-123123"
    assert signal.email == index.ib.email  # their own address when none is given
    assert {f.name for f in Signal._meta.fields} >= {"phone", "email"}
    assert not {"reason", "text", "note", "content"} & {f.name for f in Signal._meta.fields}
    entry = AccessLogEntry.objects.get(object_type="verwijsindex_signal", event="create")
    assert (entry.youth_id, entry.user_id, entry.ground, entry.categories) == (
        index.youth.pk, index.ib.user.pk, "verwijsindex", ["identity"]
    )  # fmt: skip


@pytest.mark.parametrize("code", ["leerkracht", "manager", "privacy_officer", "schoolleider"])
def test_functions_that_give_no_help_place_no_signals(index, code):
    pro = professional(code, organisation=index.school if code != "privacy_officer" else index.ggd)
    with pytest.raises(NotAllowed):
        index.place(pro)
    assert not Signal.objects.exists()


def test_a_parent_places_no_signal(index):
    with pytest.raises(NotAllowed):
        services.signal_place(actor=UserFactory(), data=index.placement(), access_point=WEB)


def test_an_unknown_bsn_registers_the_youth_for_the_index(index):
    signal, _ = index.place(index.nurse, youth=YouthFactory.build(bsn=NEW_BSN, date_of_birth=years_ago(4)))
    youth = Youth.objects.get(bsn=NEW_BSN)
    assert signal.youth == youth and youth.municipality == index.municipality


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"bsn": "123456789"}, "bsn", "Dit is geen geldig BSN"),
        ({"bsn": ""}, "bsn", "Vul het BSN van de jeugdige in"),
        ({"date_of_birth": None}, "date_of_birth", "Vul de geboortedatum in."),
        ({"first_name": " "}, "first_name", "Vul de voornaam in."),
        ({"last_name": "<b>X</b>"}, "last_name", "HTML- of scriptcode"),
        ({"phone": ""}, "phone", "Vul uw telefoonnummer in"),
        ({"municipality": None}, "municipality", "Kies de woongemeente"),
    ],
)
def test_bad_input_names_the_field_and_saves_nothing(index, change, field, message):
    youth = YouthFactory.build(bsn=NEW_BSN, date_of_birth=years_ago(8))
    with pytest.raises(ValidationError) as excinfo:
        index.place(index.nurse, youth=youth, **change)
    assert message in excinfo.value.message_dict[field][0]
    assert not Signal.objects.exists() and not Youth.objects.filter(bsn=NEW_BSN).exists()


def test_a_bsn_with_another_date_of_birth_is_refused(index):
    with pytest.raises(ValidationError) as excinfo:
        index.place(index.nurse, date_of_birth=index.youth.date_of_birth - timedelta(days=1))
    assert "horen niet bij dezelfde jeugdige" in excinfo.value.message_dict["date_of_birth"][0]
    assert not Signal.objects.exists()


def test_no_signal_for_a_youth_of_23(index):
    youth = YouthFactory(bsn=NEW_BSN, date_of_birth=years_ago(23))
    with pytest.raises(ValidationError) as excinfo:
        index.place(index.nurse, youth=youth)
    assert "jonger dan 23 jaar" in excinfo.value.message_dict["date_of_birth"][0]
    younger = YouthFactory(bsn="111222345", date_of_birth=years_ago(23, days=-1))
    signal, _ = index.place(index.nurse, youth=younger)
    assert signal.ends_on == younger.date_of_birth.replace(year=younger.date_of_birth.year + 23)


def test_one_open_signal_per_professional_per_youth(index):
    index.place(index.ib)
    with pytest.raises(ValidationError) as excinfo:
        index.place(index.ib)
    assert "al een signaal" in excinfo.value.message_dict["bsn"][0]
    assert Signal.objects.count() == 1


def test_a_second_signal_on_the_same_youth_is_a_match_for_both(index):
    first, _ = index.place(index.ib)
    second, matches = index.place(index.nurse)
    [match] = matches
    assert (match.first, match.second, match.youth) == (first, second, index.youth)
    for placer, other in ((index.ib, index.nurse), (index.nurse, index.ib)):
        [row] = selectors.my_signals(actor=placer.user, access_point=WEB)
        assert [s.professional for s in row.others] == [other]


def test_a_match_is_seen_by_both_placers_and_by_no_one_else(index):
    index.place(index.ib)
    index.place(index.nurse)
    # Involved in the youth's case, or placing on another youth: neither sees the signals.
    case = CaseFactory(youth=index.youth)
    involve(case, index.worker, "lichte_jeugdhulp")
    assert selectors.my_signals(actor=index.worker.user, access_point=WEB) == []
    other_youth = YouthFactory(bsn=NEW_BSN, date_of_birth=years_ago(9))
    index.place(index.worker, youth=other_youth)
    [row] = selectors.my_signals(actor=index.worker.user, access_point=WEB)
    assert row.youth == other_youth and row.others == []
    assert selectors.match_count(index.worker.user) == 0
    assert selectors.match_count(index.ib.user) == selectors.match_count(index.nurse.user) == 1
    assert selectors.my_signals(actor=index.teacher.user, access_point=WEB) == []


def test_a_third_signal_matches_both_earlier_ones(index):
    index.place(index.ib)
    index.place(index.nurse)
    _, matches = index.place(index.worker)
    assert len(matches) == 2 and Match.objects.count() == 3


def test_reading_my_signals_is_logged_per_youth(index):
    index.place(index.ib)
    before = AccessLogEntry.objects.filter(event="read").count()
    selectors.my_signals(actor=index.ib.user, access_point=WEB)
    entry = AccessLogEntry.objects.filter(event="read").latest("pk")
    assert AccessLogEntry.objects.filter(event="read").count() == before + 1
    assert (entry.youth_id, entry.ground) == (index.youth.pk, "verwijsindex")


def test_the_placer_withdraws_their_own_signal_and_the_match_ends(index):
    first, _ = index.place(index.ib)
    index.place(index.nurse)
    services.signal_withdraw(actor=index.ib.user, signal_id=first.pk, access_point=WEB)
    first.refresh_from_db()
    assert (first.ended_on, first.end_reason) == (timezone.localdate(), "ingetrokken")
    [row] = selectors.my_signals(actor=index.nurse.user, access_point=WEB)
    assert row.others == []
    # Placing again after withdrawing is allowed.
    index.place(index.ib)


def test_nobody_else_withdraws_a_signal(index):
    first, _ = index.place(index.ib)
    index.place(index.nurse)
    with pytest.raises(NotFoundOrForbidden):
        services.signal_withdraw(actor=index.nurse.user, signal_id=first.pk, access_point=WEB)
    first.refresh_from_db()
    assert first.ended_on is None
    assert AccessLogEntry.objects.filter(event="refused", user_id=index.nurse.user.pk).exists()


def test_after_a_match_the_placers_agree_who_holds_regie(index):
    first, _ = index.place(index.ib)
    second, _ = index.place(index.nurse)
    services.regie_agree(actor=index.nurse.user, signal_id=second.pk, holder_id=first.pk, note="IB belt ouders.",
                         access_point=WEB)  # fmt: skip
    for placer in (index.ib, index.nurse):
        [row] = selectors.my_signals(actor=placer.user, access_point=WEB)
        assert row.regie.holder == first and row.regie.recorded_by == index.nurse
    # The holder withdraws: no regie any more.
    services.signal_withdraw(actor=index.ib.user, signal_id=first.pk, access_point=WEB)
    [row] = selectors.my_signals(actor=index.nurse.user, access_point=WEB)
    assert row.regie is None


def test_regie_goes_only_to_a_placer_with_an_active_signal_and_only_after_a_match(index):
    first, _ = index.place(index.ib)
    with pytest.raises(ValidationError) as excinfo:
        services.regie_agree(actor=index.ib.user, signal_id=first.pk, holder_id=first.pk, note="", access_point=WEB)
    assert "nog geen ander signaal" in excinfo.value.message_dict["holder"][0]
    other = index.place(index.worker, youth=YouthFactory(bsn=NEW_BSN, date_of_birth=years_ago(9)))[0]
    index.place(index.nurse)
    with pytest.raises(ValidationError) as excinfo:
        services.regie_agree(actor=index.ib.user, signal_id=first.pk, holder_id=other.pk, note="", access_point=WEB)
    assert "holder" in excinfo.value.message_dict
    with pytest.raises(NotFoundOrForbidden):  # the regie of a youth is for its placers
        services.regie_agree(actor=index.worker.user, signal_id=first.pk, holder_id=first.pk, note="", access_point=WEB)
    assert not RegieAgreement.objects.exists()


def test_signals_end_after_two_years_at_23_and_when_the_placer_leaves(index):
    today = timezone.localdate()
    term, _ = index.place(index.ib)
    Signal.objects.filter(pk=term.pk).update(placed_on=today - timedelta(days=800), ends_on=today)
    almost_23 = YouthFactory(bsn=NEW_BSN, date_of_birth=years_ago(23, days=-1))
    age, _ = index.place(index.nurse, youth=almost_23)
    gone, _ = index.place(index.worker)
    index.worker.left_on = today
    index.worker.save()
    assert services.signals_expire(today=today) == 2
    assert services.signals_expire(today=age.ends_on) == 1
    reasons = dict(Signal.objects.values_list("pk", "end_reason"))
    assert reasons == {term.pk: "termijn", age.pk: "leeftijd", gone.pk: "uit_dienst"}
    assert AccessLogEntry.objects.filter(object_type="verwijsindex_signal", event="update", user_id=None).count() == 3
    assert not Signal.objects.active(age.ends_on).exists()


def test_a_signal_past_its_term_no_longer_matches_even_before_the_daily_run(index):
    old, _ = index.place(index.ib)
    Signal.objects.filter(pk=old.pk).update(ends_on=timezone.localdate())
    _, matches = index.place(index.nurse)
    assert matches == []


def test_a_professional_involved_in_a_case_gets_no_dossier_access_from_a_signal(index):
    from jeugdketen.access import policy

    index.place(index.worker)
    assert not policy.access_for(index.worker.user, index.youth).grants


def test_a_bsn_with_another_date_of_birth_is_logged_as_refused(index):
    with pytest.raises(ValidationError):
        index.place(index.nurse, date_of_birth=index.youth.date_of_birth - timedelta(days=2))
    assert AccessLogEntry.objects.filter(event="refused", youth_id=index.youth.pk, user_id=index.nurse.user.pk).exists()
