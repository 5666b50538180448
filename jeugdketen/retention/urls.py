from django.urls import path

from . import views

app_name = "retention"
urlpatterns = [
    path("casussen/<int:case_id>/", views.request_destruction, name="request"),
    path("verzoeken/<int:request_id>/besluit/", views.decide, name="decide"),
]
