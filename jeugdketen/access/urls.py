from django.urls import path

from . import views

app_name = "access"
urlpatterns = [
    path("noodtoegang/", views.emergency_access, name="emergency"),
    path("jeugdigen/<int:youth_id>/toestemmingen/", views.consents, name="consents"),
    path("privacy/", views.privacy_overview, name="privacy"),
    path("privacy/noodtoegang/<int:emergency_id>/", views.emergency_review, name="emergency_review"),
]
