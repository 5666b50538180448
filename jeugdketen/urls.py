from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from jeugdketen.core import views as core_views

urlpatterns = [
    path("", core_views.home, name="home"),
    path("account/", include("jeugdketen.accounts.urls")),
    path("casussen/", include("jeugdketen.cases.urls")),
    path("toegang/", include("jeugdketen.intake.urls")),
    path("aanmelden/", include("jeugdketen.intake.public_urls")),
    path("onderzoek/", include("jeugdketen.investigation.urls")),
    path("meldcode/", include("jeugdketen.meldcode.urls")),
    path("plan/", include("jeugdketen.plans.urls")),
    path("signalen/", include("jeugdketen.signals.urls")),
    path("overleg/", include("jeugdketen.meetings.urls")),
    path("vernietiging/", include("jeugdketen.retention.urls")),
    path("mijn/", include("jeugdketen.portal.urls")),
    path("ondersteuning/", include("jeugdketen.schoolsupport.urls")),
    path("leerplicht/", include("jeugdketen.leerplicht.urls")),
    path("jeugdigen/", include("jeugdketen.youth.urls")),
    path("organisaties/", include("jeugdketen.organisations.urls")),
    path("sociale-kaart/", include("jeugdketen.socialmap.urls")),
    path("verwijsindex/", include("jeugdketen.verwijsindex.urls")),
    path("beleidssignalen/", include("jeugdketen.policysignals.urls")),
    path("overdracht/", include("jeugdketen.handover.urls")),
    path("stuurinformatie/", include("jeugdketen.dashboards.urls")),
    path("privacy/verzoeken/", include("jeugdketen.subjectrights.urls")),
    path("", include("jeugdketen.access.urls")),
    path("api/v1/", include("jeugdketen.api.urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"),
    path("beheer/", admin.site.urls),
]
if settings.OIDC_RP_CLIENT_ID:  # the municipality's identity provider (OpenID Connect)
    urlpatterns.append(path("oidc/", include("mozilla_django_oidc.urls")))

handler404 = "jeugdketen.core.views.page_not_found"
handler403 = "jeugdketen.core.views.permission_denied"
