"""The REST API, version 1. Every endpoint asks the same policy and writes the same access log
as the pages."""

from django.urls import path
from rest_framework.routers import DefaultRouter

from jeugdketen.auditlog.apis import AccessLogView
from jeugdketen.cases.apis import CaseViewSet, InvolvementViewSet, JournalEntryViewSet
from jeugdketen.organisations.apis import OrganisationViewSet, ProfessionalViewSet
from jeugdketen.youth.apis import YouthViewSet

router = DefaultRouter()
router.include_format_suffixes = False  # the views take no ``format`` argument; the API speaks JSON
router.register("youths", YouthViewSet, basename="youth")
router.register("cases", CaseViewSet, basename="case")
router.register("involvements", InvolvementViewSet, basename="involvement")
router.register("journal-entries", JournalEntryViewSet, basename="journal-entry")
router.register("organisations", OrganisationViewSet, basename="organisation")
router.register("professionals", ProfessionalViewSet, basename="professional")

urlpatterns = [*router.urls, path("access-log/", AccessLogView.as_view(), name="access-log")]
