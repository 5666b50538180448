"""Two sweeps at the same moment (the daily task and someone running the command): together they
raise each signal once, and each new signal is reported — and so mailed — by exactly one of them.
Needs PostgreSQL's row locks and ON CONFLICT; CI runs it there."""

import threading
from datetime import timedelta

import pytest
from django.db import connection

from jeugdketen.plans.models import Plan
from jeugdketen.signals import services
from jeugdketen.signals.models import Signal
from tests.factories import YouthFactory, case_with, involve, professional

from .conftest import TODAY, agreement, close, evaluation, quiet_since

Kind = Signal.Kind


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL: SQLite serialises writers, so two sweeps never overlap there",
)
def test_two_sweeps_at_once_raise_each_signal_once(transactional_db, monkeypatch):
    from jeugdketen.organisations.services import load_reference_data

    load_reference_data()  # transactional tests start from flushed tables
    regisseur = professional("jeugdconsulent")
    begeleider = professional("ambulant_begeleider")
    for i in range(12):
        case = case_with(YouthFactory(), regisseur, "jeugdconsulent")
        involve(case, begeleider, "ambulant_begeleider")
        plan = Plan.objects.create(case=case)
        for days in (1, 2, 3, 4, 5):
            agreement(plan, begeleider, due_on=TODAY - timedelta(days=days))
        evaluation(plan, planned_on=TODAY - timedelta(days=7))
        if i % 3 == 0:
            quiet_since(case, TODAY - timedelta(weeks=8))
        if i % 4 == 1:
            Plan.objects.filter(pk=plan.pk).update(nazorg_on=TODAY - timedelta(days=1))
            close(case)

    # Both sweeps wait for each other right before every INSERT, so they insert the same causes
    # at the same moment, each in its own transaction.
    barrier = threading.Barrier(2, timeout=30)
    insert = services._insert_new

    def insert_together(source, columns):
        barrier.wait()
        return insert(source, columns)

    monkeypatch.setattr(services, "_insert_new", insert_together)
    results, errors = [], []

    def run():
        try:
            results.append(services.stagnation_sweep(today=TODAY))
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)
            barrier.abort()
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert errors == [], [repr(e) for e in errors]
    assert len(results) == 2

    counts = {kind: Signal.objects.filter(kind=kind).count() for kind in Kind}
    # 9 open cases × 5 agreements and 1 evaluation; 4 silent (of which 1 closed); 3 closed with nazorg.
    assert counts == {
        Kind.AGREEMENT_OVERDUE: 45,
        Kind.EVALUATION_MISSED: 9,
        Kind.CASE_SILENT: 3,
        Kind.NAZORG_DUE: 3,
    }
    first, second = results
    assert {k: first.raised[k] + second.raised[k] for k in Kind} == counts
    assert sorted(first.new_ids + second.new_ids) == sorted(Signal.objects.values_list("pk", flat=True))
    assert not set(first.new_ids) & set(second.new_ids)
    monkeypatch.undo()
    assert services.stagnation_sweep(today=TODAY).total_raised == 0
