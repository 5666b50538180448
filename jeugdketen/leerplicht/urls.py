from django.urls import path

from . import views

app_name = "leerplicht"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("verzuim/", views.absence_upload, name="absence_upload"),
    path("inschrijvingen/", views.enrolment_upload, name="enrolment_upload"),
    path("bevolking/", views.population_upload, name="population_upload"),
    path("meldingen/<int:melding_id>/", views.melding, name="melding"),
]
