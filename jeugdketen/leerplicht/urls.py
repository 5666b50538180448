from django.urls import path

from . import views

app_name = "leerplicht"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("verzuim/", views.absence_upload, name="absence_upload"),
    path("inschrijvingen/", views.enrolment_upload, name="enrolment_upload"),
    path("bevolking/", views.population_upload, name="population_upload"),
    path("meldingen/<int:melding_id>/", views.melding, name="melding"),
    path("meldingen/<int:melding_id>/in-behandeling/", views.melding_take_up, name="melding_take_up"),
    path(
        "meldingen/<int:melding_id>/verzuim-verwijderen/",
        views.melding_absence_remove,
        name="melding_absence_remove",
    ),
    path("zaken/<int:case_id>/", views.case, name="case"),
    path("zaken/<int:case_id>/afspraken/<int:step_id>/", views.agreement_settle, name="agreement_settle"),
    path("zaken/<int:case_id>/brieven/<int:step_id>.pdf", views.letter_pdf, name="letter_pdf"),
    path("zaken/<int:case_id>/processen-verbaal/<int:pv_id>.pdf", views.pv_pdf, name="pv_pdf"),
    path("zaken/<int:case_id>/processen-verbaal/<int:pv_id>/versturen/", views.pv_send, name="pv_send"),
    path("zaken/<int:case_id>/<slug:action>/", views.case_action, name="case_action"),
    path("verlof/", views.leave_register, name="leave_register"),
    path("verlof/<int:leave_id>/", views.leave, name="leave"),
]
