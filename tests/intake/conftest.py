"""The toegang of Dalfsen for the intake tests: a gemeente with a Samen Doen medewerker, a
teamleider, two jeugdconsulenten, a voorliggende voorziening, and the default checklist."""

from __future__ import annotations

from datetime import date

import pytest
from django.utils import timezone

from jeugdketen.auditlog.services import AccessPoint
from jeugdketen.intake import services
from jeugdketen.intake.models import HelpRequest
from jeugdketen.organisations.models import Organisation
from tests.factories import MunicipalityFactory, OrganisationFactory, ServiceFactory, professional

WEB = AccessPoint("web", "127.0.0.1")


def years_ago(years: int, days: int = 0) -> date:
    from datetime import timedelta

    today = timezone.localdate()
    return today.replace(year=today.year - years) - timedelta(days=days)


class Toegang:
    def __init__(self):
        self.municipality = MunicipalityFactory()
        self.gemeente = OrganisationFactory(name="Gemeente Dalfsen", kind="gemeente", municipality=self.municipality)
        self.medewerker = professional("samen_doen", organisation=self.gemeente)
        self.teamleider = professional("manager", organisation=self.gemeente)
        self.consulent = professional("jeugdconsulent", organisation=self.gemeente)
        self.consulent2 = professional("jeugdconsulent", organisation=self.gemeente)
        self.ggd = OrganisationFactory(
            name="GGD IJsselland", kind=Organisation.Kind.GGD, municipality=self.municipality
        )
        self.saam = OrganisationFactory(
            name="Saam Welzijn", kind=Organisation.Kind.VOORLIGGENDE_VOORZIENING, municipality=self.municipality
        )
        # Their offers on the sociale kaart, which the toegang refers to.
        self.ggd_service = ServiceFactory(organisation=self.ggd, name="Opvoedondersteuning JGZ")
        self.saam_service = ServiceFactory(organisation=self.saam, name="Opvoedspreekuur")
        self.version = services.checklist_install_default(self.municipality)

    def data(self, **kwargs) -> services.RequestData:
        values = dict(
            municipality=self.municipality,
            question="Onze dochter wil niet meer naar school en zit veel op haar kamer.",
            first_name="Fleur",
            last_name="de Boer",
            date_of_birth=years_ago(10),
            requester_kind=HelpRequest.Requester.PARENT,
            requester_name="Anne de Boer",
            requester_phone="06-11223344",
        )
        values.update(kwargs)
        return services.RequestData(**values)

    def public(self, **kwargs) -> HelpRequest:
        youth_agrees = kwargs.pop("youth_agrees", False)
        return services.request_submit_public(data=self.data(**kwargs), access_point=WEB, youth_agrees=youth_agrees)

    def taken_up(self, **kwargs) -> HelpRequest:
        request = self.public(**kwargs)
        return services.request_take_up(
            actor=self.medewerker.user, request=request, access_point=WEB, register_new=True
        )

    def answers(self, **by_text) -> dict:
        """Answers to every question: 'nee' / the first option / a text, unless given by the start
        of the question's text."""
        result = {}
        for q in self.version.questions.all():
            value = next((v for start, v in by_text.items() if q.text.startswith(start)), None)
            if value is None:
                value = q.options[0]["value"] if q.kind == "choice" else "nee" if q.kind == "yesno" else "Rust in huis."
            result[q.pk] = value
        return result

    def triaged(self, safety: bool = False, complex_: bool = False, **kwargs) -> HelpRequest:
        request = self.taken_up(**kwargs)
        answers = {}
        if safety:
            answers["Is er nu zorg over de veiligheid"] = "ja"
        if complex_:
            answers["Spelen er in het gezin meerdere problemen"] = "ja"
        services.triage_record(
            actor=self.medewerker.user, request=request, answers=self.answers(**answers), access_point=WEB
        )
        return request

    def waiting(self, priority: int = 2, **kwargs) -> HelpRequest:
        request = self.triaged(complex_=True, **kwargs)
        services.decide(
            actor=self.medewerker.user,
            request=request,
            kind="wachtlijst",
            motivation="Complexe gezinsproblematiek: onderzoek door een jeugdconsulent nodig.",
            priority=priority,
            access_point=WEB,
        )
        request.refresh_from_db()
        return request


@pytest.fixture
def toegang(db):
    return Toegang()
