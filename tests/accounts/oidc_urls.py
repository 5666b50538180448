"""The project's URLs with the OpenID Connect routes, as when ``OIDC_RP_CLIENT_ID`` is set."""

from django.urls import include, path

from jeugdketen.urls import urlpatterns as project_urlpatterns

urlpatterns = [*project_urlpatterns, path("oidc/", include("mozilla_django_oidc.urls"))]
