"""Factories for the test suite. ``professional("leerkracht", organisation=school)`` is the usual
entry point: a user holding one or more functions at an organisation."""

from datetime import date

import factory
from django.contrib.auth import get_user_model

from jeugdketen.cases.models import Case, Involvement, JournalEntry
from jeugdketen.intake.models import HelpRequest
from jeugdketen.organisations.models import Function, Municipality, Organisation, Professional
from jeugdketen.socialmap.models import Service
from jeugdketen.youth.models import Carer, CarerRelation, Enrolment, Youth


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Municipality
        django_get_or_create = ["cbs_code"]

    cbs_code = "0148"
    name = "Dalfsen"


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisatie {n}")
    kind = Organisation.Kind.GEMEENTE
    municipality = factory.SubFactory(MunicipalityFactory)


class SchoolFactory(OrganisationFactory):
    name = factory.Sequence(lambda n: f"Basisschool {n}")
    kind = Organisation.Kind.SCHOOL
    brin = factory.Sequence(lambda n: f"{10 + n % 89:02d}{chr(65 + n % 26)}{chr(65 + (n // 26) % 26)}")
    sector = Organisation.Sector.PO


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Sequence(lambda n: f"Voornaam{n}")
    last_name = "Tester"
    password = factory.django.Password("geheim-wachtwoord-123")


class ProfessionalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Professional

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    phone = "0529-123456"
    email = factory.LazyAttribute(lambda p: f"{p.user.username}@example.nl")


def professional(*codes: str, organisation: Organisation | None = None, **kwargs) -> Professional:
    """A professional holding the given function codes."""
    if organisation is None:
        organisation = OrganisationFactory()
    pro = ProfessionalFactory(organisation=organisation, **kwargs)
    pro.functions.set(Function.objects.filter(code__in=codes))
    return pro


def function(code: str) -> Function:
    return Function.objects.get(code=code)


class YouthFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Youth

    first_name = factory.Sequence(lambda n: f"Kind{n}")
    last_name = "Jansen"
    date_of_birth = date(2015, 5, 17)
    municipality = factory.SubFactory(MunicipalityFactory)


class CarerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Carer

    first_name = "Marloes"
    last_name = "Jansen"
    user = factory.SubFactory(UserFactory)


def parent_of(youth: Youth, *, has_gezag: bool = True) -> Carer:
    carer = CarerFactory()
    CarerRelation.objects.create(youth=youth, carer=carer, has_gezag=has_gezag)
    return carer


class EnrolmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Enrolment

    youth = factory.SubFactory(YouthFactory)
    school = factory.SubFactory(SchoolFactory)
    start = date(2020, 8, 20)
    group = "groep 5"


class CaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Case

    reference = factory.Sequence(lambda n: f"2026-{n:05d}")
    youth = factory.SubFactory(YouthFactory)
    subject = "Zorgen over schoolgang"
    status = Case.Status.UITVOERING


def involve(case: Case, pro: Professional, code: str, **kwargs) -> Involvement:
    return Involvement.objects.create(case=case, professional=pro, function=function(code), **kwargs)


def case_with(youth: Youth, regisseur: Professional, code: str, **kwargs) -> Case:
    case = CaseFactory(youth=youth, casusregisseur=regisseur, **kwargs)
    involve(case, regisseur, code)
    return case


def journal(case: Case, author: Professional, code: str, category: str, **kwargs) -> JournalEntry:
    return JournalEntry.objects.create(
        case=case,
        author=author,
        author_function=function(code),
        category=category,
        title=kwargs.pop("title", f"Verslag {category}"),
        text=kwargs.pop("text", "Gesprek gevoerd."),
        **kwargs,
    )


class HelpRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = HelpRequest

    reference = factory.Sequence(lambda n: f"HV-2026-{n + 1:05d}")
    municipality = factory.SubFactory(MunicipalityFactory)
    source = HelpRequest.Source.PHONE
    question = "Onze zoon slaapt slecht en is vaak boos; wij weten niet meer wat we moeten doen."
    first_name = factory.LazyAttribute(lambda r: r.youth.first_name if r.youth else "Sem")
    last_name = factory.LazyAttribute(lambda r: r.youth.last_name if r.youth else "Jansen")
    date_of_birth = factory.LazyAttribute(lambda r: r.youth.date_of_birth if r.youth else date(2015, 5, 17))
    requester_kind = HelpRequest.Requester.PARENT
    requester_name = "Petra Jansen"
    requester_phone = "06-12345678"
    status = HelpRequest.Status.NEW


class ServiceFactory(factory.django.DjangoModelFactory):
    """An offer on the sociale kaart; its keeper is a professional of the organisation."""

    class Meta:
        model = Service

    organisation = factory.SubFactory(OrganisationFactory, kind=Organisation.Kind.VOORLIGGENDE_VOORZIENING)
    name = factory.Sequence(lambda n: f"Aanbod {n}")
    offer = "Gesprekken met ouders over opvoeden."
    audience = "Ouders met vragen over opvoeden"
    age_min = 0
    age_max = 18
    keeper = factory.LazyAttribute(lambda s: professional("lichte_jeugdhulp", organisation=s.organisation))
    last_confirmed_by = factory.LazyAttribute(lambda s: s.keeper)
