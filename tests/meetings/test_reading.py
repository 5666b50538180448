"""Who reads what of one meeting: per agenda item the policy of that case. Police information only for
who reads police data; a participant not involved in a case sees nothing of its item; parents and the
youth read the terugkoppeling of their own case, never the police's minutes."""

import pytest
from django.utils import timezone

from jeugdketen.access.exceptions import NotFoundOrForbidden
from jeugdketen.auditlog.models import AccessLogEntry
from jeugdketen.auditlog.services import CLI
from jeugdketen.meetings import selectors, services
from tests.factories import involve

from .conftest import decide, item_of, minute

pytestmark = pytest.mark.django_db


def read(user, meeting):
    return selectors.meeting_detail(actor=user, meeting_id=meeting.pk, access_point=CLI)


def texts(view, case):
    [item_view] = [v for v in view.items if v.case == case]
    return {m.text for m in item_view.minutes}


@pytest.fixture
def minutes(meeting, people, case_a, case_b):
    item_a = item_of(meeting, case_a)
    minute(people["ib"].user, item_a, "school", "Noah is onrustig in de klas.")
    minute(people["nurse"].user, item_a, "health", "Slaapt slecht sinds de zomer.")
    minute(people["agent"].user, item_a, "police", "Twee meldingen van overlast in de wijk.")
    minute(people["consulent"].user, item_a, "safety", "Geen zorgen over de veiligheid thuis.")
    minute(people["mentor"].user, item_of(meeting, case_b), "school", "Lisa verzuimt op maandag.")
    decide(people["ib"].user, item_a, what="Observatie in de klas.")
    services.outcome_set(
        actor=people["consulent"].user, item=item_a, outcome="Hulp thuis en op school.", access_point=CLI
    )
    services.outcome_set(
        actor=people["consulent"].user, item=item_of(meeting, case_b), outcome="Gesprek over verzuim.", access_point=CLI
    )


POLICE = "Twee meldingen van overlast in de wijk."


def test_police_minutes_only_for_who_reads_police_data(meeting, minutes, people, case_a):
    assert POLICE in texts(read(people["agent"].user, meeting), case_a)
    for name in ("consulent", "ib", "nurse"):  # the casusregisseur too: the policy gives him no police data
        assert POLICE not in texts(read(people[name].user, meeting), case_a), name


def test_each_reads_the_categories_of_their_function(meeting, minutes, people, case_a):
    assert texts(read(people["ib"].user, meeting), case_a) == {"Noah is onrustig in de klas."}
    assert texts(read(people["nurse"].user, meeting), case_a) == {
        "Noah is onrustig in de klas.",
        "Slaapt slecht sinds de zomer.",
    }
    assert texts(read(people["consulent"].user, meeting), case_a) == {
        "Noah is onrustig in de klas.",
        "Geen zorgen over de veiligheid thuis.",
    }
    assert texts(read(people["agent"].user, meeting), case_a) == {POLICE}


def test_a_participant_not_involved_in_a_case_sees_nothing_of_its_item(meeting, minutes, people, case_a, case_b):
    ilse = read(people["ib"].user, meeting)
    assert [v.case for v in ilse.items] == [case_a]
    sanne = read(people["mentor"].user, meeting)
    assert [v.case for v in sanne.items] == [case_b]
    assert texts(sanne, case_b) == {"Lisa verzuimt op maandag."}
    # Nothing of Noah is logged as read by Sanne either.
    assert not AccessLogEntry.objects.filter(user=people["mentor"].user, youth=case_a.youth).exists()
    peter = read(people["agent"].user, meeting)
    assert [v.case for v in peter.items] == [case_a]
    assert peter.items[0].decisions == [] and not peter.items[0].reads_plan  # the plan is not the police's


def test_parents_read_their_childs_item_without_police_or_safety(meeting, minutes, mother, case_a, case_b):
    view = read(mother.user, meeting)
    assert [v.case for v in view.items] == [case_a]
    [item] = view.items
    assert texts(view, case_a) == {"Noah is onrustig in de klas.", "Slaapt slecht sinds de zomer."}
    assert [d.what for d in item.decisions] == ["Observatie in de klas."]
    assert item.item.outcome == "Hulp thuis en op school." and item.reads_plan
    assert not item.may_write and not item.may_decide and not item.may_convert
    # Who takes part is shown like who is involved: not the jeugdagent to the mother.
    assert "Peter Mensink" not in {p.name for p in view.professionals}
    assert "Peter Mensink" in {p.name for p in read(case_a.casusregisseur.user, meeting).professionals}


def test_the_youth_from_12_reads_her_own_item(meeting, minutes, lisa, case_b):
    view = read(lisa.user, meeting)
    assert [v.case for v in view.items] == [case_b]
    assert view.items[0].item.outcome == "Gesprek over verzuim."


def test_outsiders_get_404_and_a_logged_refusal(meeting, minutes, people, case_a):
    with pytest.raises(NotFoundOrForbidden):
        read(people["outsider"].user, meeting)
    assert AccessLogEntry.objects.filter(user=people["outsider"].user, event="refused").count() == 2


def test_after_closing_everyone_involved_reads_the_terugkoppeling(meeting, minutes, people, case_a):
    """Fatima joins Noah's case after the MDO: she did not take part, but the terugkoppeling is hers."""
    involve(case_a, people["outsider"], "jeugdconsulent")
    with pytest.raises(NotFoundOrForbidden):
        read(people["outsider"].user, meeting)  # not yet: the meeting is for its participants until closed
    services.meeting_close(actor=people["consulent"].user, meeting=meeting, access_point=CLI)
    view = read(people["outsider"].user, meeting)
    assert [v.case for v in view.items] == [case_a]
    assert view.items[0].item.outcome == "Hulp thuis en op school."
    assert not view.is_member and not view.items[0].may_write


def test_a_read_is_logged_per_item_with_what_was_shown(meeting, minutes, people, case_a, case_b):
    AccessLogEntry.objects.all()  # (append-only: count the new ones)
    before = AccessLogEntry.objects.count()
    view = read(people["consulent"].user, meeting)
    entries = list(AccessLogEntry.objects.order_by("id")[before:])
    assert {e.youth_id for e in entries} == {case_a.youth_id, case_b.youth_id}
    noah = next(e for e in entries if e.youth_id == case_a.youth_id)
    assert noah.event == "read" and noah.ground == "case" and noah.function_code == "jeugdconsulent"
    assert set(noah.categories) == {"identity", "plan", "safety", "school", "youthcare"}
    item_a = next(v for v in view.items if v.case == case_a)
    assert {f"minute:{m.pk}" for m in item_a.minutes} <= set(noah.object_ids)
    assert f"decision:{item_a.decisions[0].pk}" in noah.object_ids


def test_my_meetings_lists_upcoming_and_past_with_only_visible_youths(meeting, people, case_a, case_b):
    mine = selectors.my_meetings(actor=people["ib"].user, access_point=CLI)
    rows = mine.upcoming + mine.past
    assert [r.meeting for r in rows] == [meeting]
    assert rows[0].cases == [case_a]
    logged = AccessLogEntry.objects.filter(user=people["ib"].user, event="list")
    assert [e.youth_id for e in logged] == [case_a.youth_id]
    assert selectors.my_meetings(actor=people["outsider"].user, access_point=CLI).upcoming == []


def test_meetings_of_a_case(meeting, people, case_a, case_b):
    case, rows = selectors.meetings_for_case(actor=people["consulent"].user, case_id=case_a.pk, access_point=CLI)
    assert case == case_a and [r.meeting for r in rows] == [meeting]
    with pytest.raises(NotFoundOrForbidden):
        selectors.meetings_for_case(actor=people["ib"].user, case_id=case_b.pk, access_point=CLI)


def test_the_meeting_page_tells_who_may_do_what(meeting, people, case_a, case_b):
    jeroen = read(people["consulent"].user, meeting)
    assert jeroen.is_manager and jeroen.may_close and jeroen.invitable == []
    item = next(v for v in jeroen.items if v.case == case_a)
    assert item.may_write and item.may_decide and not item.may_convert  # no decisions yet
    decide(people["ib"].user, item_of(meeting, case_a))
    item = next(v for v in read(people["consulent"].user, meeting).items if v.case == case_a)
    assert item.may_convert
    ilse = read(people["ib"].user, meeting)
    assert not ilse.is_manager and not ilse.items[0].may_convert
    assert timezone.localdate() == jeroen.today
