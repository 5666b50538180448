import pytest

from jeugdketen.organisations.services import load_reference_data

_db_blocker = None


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Functions and the "Wie doet wat" tasks are reference data every test relies on."""
    global _db_blocker
    _db_blocker = django_db_blocker
    with django_db_blocker.unblock():
        load_reference_data()


def _flushes(item) -> bool:
    """Whether the test ran on a transactional database (flushed afterwards): through the
    ``transactional_db`` fixture (also behind ``live_server``) or ``@pytest.mark.django_db(transaction=True)``."""
    if "transactional_db" in getattr(item, "fixturenames", ()):
        return True
    marker = item.get_closest_marker("django_db")
    return bool(marker and (marker.kwargs.get("transaction") or (marker.args and marker.args[0])))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    result = yield
    # A transactional_db test (live server, task worker, schemathesis) has flushed the database
    # by now: put the reference data back for the tests that follow. Not after the last test:
    # then the test database is gone and the connection points at the real database again.
    if nextitem is not None and _flushes(item) and _db_blocker is not None:
        with _db_blocker.unblock():
            load_reference_data()
    return result
