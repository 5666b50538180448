from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from jeugdketen.core import views as core_views

urlpatterns = [
    path("", core_views.home, name="home"),
    path("account/", include("jeugdketen.accounts.urls")),
    path("casussen/", include("jeugdketen.cases.urls")),
    path("jeugdigen/", include("jeugdketen.youth.urls")),
    path("organisaties/", include("jeugdketen.organisations.urls")),
    path("", include("jeugdketen.access.urls")),
    path("api/v1/", include("jeugdketen.api.urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"),
    path("beheer/", admin.site.urls),
]

handler404 = "jeugdketen.core.views.page_not_found"
handler403 = "jeugdketen.core.views.permission_denied"
