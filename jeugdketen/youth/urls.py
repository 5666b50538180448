from django.urls import path

from jeugdketen.auditlog import views as log_views

from . import views

app_name = "youth"
urlpatterns = [
    path("", views.youth_list, name="list"),
    path("registreren/", views.register, name="register"),
    path("<int:youth_id>/", views.dossier, name="dossier"),
    path("<int:youth_id>/wijzigen/", views.edit, name="edit"),
    path("<int:youth_id>/inschrijving/", views.enrolment_add, name="enrolment_add"),
    path("<int:youth_id>/inschrijving/<int:enrolment_id>/uitschrijven/", views.enrolment_end, name="enrolment_end"),
    path("<int:youth_id>/ouder/", views.carer_add, name="carer_add"),
    path("<int:youth_id>/toegangslog/", log_views.youth_access_log, name="access_log"),
    path("<int:youth_id>/toegangslog/pdf/", log_views.youth_access_log_pdf, name="access_log_pdf"),
]
