"""The REST API, version 1. Every endpoint asks the same policy and writes the same access log
as the pages."""

from django.urls import path
from rest_framework.routers import DefaultRouter

from jeugdketen.auditlog.apis import AccessLogView
from jeugdketen.cases.apis import CaseViewSet, InvolvementViewSet, JournalEntryViewSet
from jeugdketen.dashboards.apis import ROUTES as DASHBOARD_ROUTES
from jeugdketen.handover.apis import ROUTES as HANDOVER_ROUTES
from jeugdketen.intake.apis import ROUTES as INTAKE_ROUTES
from jeugdketen.intake.apis import URLS as INTAKE_URLS
from jeugdketen.investigation.apis import ROUTES as INVESTIGATION_ROUTES
from jeugdketen.leerplicht.apis import ROUTES as LEERPLICHT_ROUTES
from jeugdketen.meetings.apis import ROUTES as MEETING_ROUTES
from jeugdketen.meldcode.apis import ROUTES as MELDCODE_ROUTES
from jeugdketen.organisations.apis import OrganisationViewSet, ProfessionalViewSet
from jeugdketen.plans.apis import ROUTES as PLAN_ROUTES
from jeugdketen.policysignals.apis import ROUTES as POLICY_SIGNAL_ROUTES
from jeugdketen.schoolsupport.apis import ROUTES as SCHOOL_SUPPORT_ROUTES
from jeugdketen.signals.apis import ROUTES as SIGNAL_ROUTES
from jeugdketen.socialmap.apis import ROUTES as SOCIAL_MAP_ROUTES
from jeugdketen.subjectrights.apis import ROUTES as SUBJECT_RIGHTS_ROUTES
from jeugdketen.verwijsindex.apis import ROUTES as VERWIJSINDEX_ROUTES
from jeugdketen.youth.apis import YouthViewSet

router = DefaultRouter()
router.include_format_suffixes = False  # the views take no ``format`` argument; the API speaks JSON
router.register("youths", YouthViewSet, basename="youth")
router.register("cases", CaseViewSet, basename="case")
router.register("involvements", InvolvementViewSet, basename="involvement")
router.register("journal-entries", JournalEntryViewSet, basename="journal-entry")
router.register("organisations", OrganisationViewSet, basename="organisation")
router.register("professionals", ProfessionalViewSet, basename="professional")
for prefix, viewset, basename in [
    *INTAKE_ROUTES,
    *INVESTIGATION_ROUTES,
    *MELDCODE_ROUTES,
    *PLAN_ROUTES,
    *SIGNAL_ROUTES,
    *MEETING_ROUTES,
    *SCHOOL_SUPPORT_ROUTES,
    *LEERPLICHT_ROUTES,
    *SOCIAL_MAP_ROUTES,
    *VERWIJSINDEX_ROUTES,
    *POLICY_SIGNAL_ROUTES,
    *HANDOVER_ROUTES,
    *DASHBOARD_ROUTES,
    *SUBJECT_RIGHTS_ROUTES,
]:
    router.register(prefix, viewset, basename=basename)

urlpatterns = [*router.urls, path("access-log/", AccessLogView.as_view(), name="access-log"), *INTAKE_URLS]
