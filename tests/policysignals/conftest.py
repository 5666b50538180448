import pytest

from tests.factories import MunicipalityFactory, OrganisationFactory, SchoolFactory, YouthFactory, professional


class Setting:
    def __init__(self):
        self.municipality = MunicipalityFactory()
        self.gemeente = OrganisationFactory(kind="gemeente", municipality=self.municipality)
        self.school = SchoolFactory(municipality=self.municipality)
        self.other_school = SchoolFactory(municipality=self.municipality)
        self.teacher = professional("leerkracht", organisation=self.school)
        self.consulent = professional("jeugdconsulent", organisation=self.gemeente)
        self.teamleider = professional("manager", organisation=self.gemeente)
        self.schoolleider = professional("schoolleider", organisation=self.school)
        self.other_schoolleider = professional("schoolleider", organisation=self.other_school)
        ommen = MunicipalityFactory(cbs_code="0175", name="Ommen")
        self.ommen_teamleider = professional(
            "manager", organisation=OrganisationFactory(kind="gemeente", municipality=ommen)
        )
        self.youth = YouthFactory(first_name="Noah", last_name="Jansen", municipality=self.municipality)


@pytest.fixture
def setting(db):
    return Setting()
