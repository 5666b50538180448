import pytest

from jeugdketen.organisations.services import load_reference_data


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Functions and the "Wie doet wat" tasks are reference data every test relies on."""
    with django_db_blocker.unblock():
        load_reference_data()
