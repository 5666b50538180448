"""Both placers of a match are told at once, and the family is told that a signal was placed: by
mail from the task queue, without anything about the child in it."""

import pytest
from django.core import mail
from django_tasks_db.models import DBTaskResult

from jeugdketen.verwijsindex import notify
from jeugdketen.verwijsindex.models import Signal
from jeugdketen.verwijsindex.tasks import notify_placement
from jeugdketen.youth.models import CarerRelation
from tests.factories import CarerFactory, YouthFactory

from .conftest import NEW_BSN, years_ago

pytestmark = pytest.mark.django_db


def _carer(youth, email, has_gezag=True):
    carer = CarerFactory(email=email)
    CarerRelation.objects.create(youth=youth, carer=carer, has_gezag=has_gezag)
    return carer


def test_placing_queues_the_mail_once_it_has_committed(index, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        signal, _ = index.place(index.ib)
    [queued] = DBTaskResult.objects.filter(task_path=notify_placement.module_path)
    assert queued.args_kwargs == {"args": [signal.pk], "kwargs": {}}


def test_both_placers_of_a_match_get_one_mail_without_child_data(index, settings):
    settings.SITE_URL = "https://jeugdketen.dalfsen.nl/"
    index.place(index.ib)
    second, _ = index.place(index.nurse, email="jgz@ggd.example.nl")
    mail.outbox.clear()
    assert notify.placement_notify(signal_id=second.pk) == 2
    assert sorted(m.to[0] for m in mail.outbox) == sorted([index.ib.email, "jgz@ggd.example.nl"])
    for message in mail.outbox:
        assert "match in de verwijsindex" in message.subject
        assert "https://jeugdketen.dalfsen.nl/verwijsindex/" in message.body
        assert index.youth.first_name not in message.body and index.youth.bsn not in message.body
    assert notify.placement_notify(signal_id=second.pk) == 0  # once


def test_the_carers_with_gezag_are_told_a_signal_was_placed(index):
    with_gezag = _carer(index.youth, "moeder@example.nl")
    _carer(index.youth, "vader@example.nl", has_gezag=False)
    _carer(index.youth, "")
    signal, _ = index.place(index.ib)
    assert notify.placement_notify(signal_id=signal.pk) == 1
    [message] = mail.outbox
    assert message.to == [with_gezag.email] and "signaal afgegeven in de verwijsindex" in message.subject
    assert index.youth.first_name not in message.body
    assert Signal.objects.get().family_informed_at is not None


def test_from_16_the_parents_are_not_mailed(index):
    youth = YouthFactory(bsn=NEW_BSN, date_of_birth=years_ago(16))
    _carer(youth, "moeder@example.nl")
    signal, _ = index.place(index.ib, youth=youth)
    assert notify.placement_notify(signal_id=signal.pk) == 0
    assert Signal.objects.get().family_informed_at is not None


def test_a_placer_without_email_gets_no_mail(index):
    index.ib.email = ""
    index.ib.save()
    index.place(index.ib)
    second, _ = index.place(index.nurse, email="")
    index.nurse.email = ""
    index.nurse.save()
    Signal.objects.filter(pk=second.pk).update(email="")
    assert notify.placement_notify(signal_id=second.pk) == 0


def test_a_police_signal_is_not_told_to_the_family(index, client):
    from jeugdketen.youth.models import CarerRelation as Relation
    from tests.factories import OrganisationFactory, professional

    mother = CarerFactory(email="moeder@example.nl")
    Relation.objects.create(youth=index.youth, carer=mother, has_gezag=True)
    agent = professional("politie", organisation=OrganisationFactory(kind="politie"))
    signal, _ = index.place(agent)
    assert notify.placement_notify(signal_id=signal.pk) == 0
    client.force_login(mother.user)
    assert agent.name not in client.get("/mijn/").content.decode()
