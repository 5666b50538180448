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


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    result = yield
    # A transactional_db test (live server, task worker, schemathesis) has flushed the database
    # by now: put the reference data back for the tests that follow. Not after the last test:
    # then the test database is gone and the connection points at the real database again.
    if nextitem is not None and "transactional_db" in getattr(item, "fixturenames", ()) and _db_blocker is not None:
        with _db_blocker.unblock():
            load_reference_data()
    return result
