from django.urls import path

from . import views

app_name = "intake"
urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("nieuw/", views.register, name="register"),
    path("nieuw/<int:request_id>/aangemeld/", views.register_done, name="register_done"),
    path("wachtlijst/", views.waiting_list, name="waiting_list"),
    path("wachtlijst/toewijzen/", views.assign_selected, name="assign_selected"),
    path("hulpvragen/<int:request_id>/", views.detail, name="detail"),
    path("hulpvragen/<int:request_id>/in-behandeling/", views.take_up, name="take_up"),
    path("hulpvragen/<int:request_id>/triage/", views.triage, name="triage"),
    path("hulpvragen/<int:request_id>/besluit/", views.decide, name="decide"),
    path("hulpvragen/<int:request_id>/opschorten/", views.suspend, name="suspend"),
    path("hulpvragen/<int:request_id>/hervatten/", views.resume, name="resume"),
    path("hulpvragen/<int:request_id>/contact/", views.contact, name="contact"),
    path("hulpvragen/<int:request_id>/toewijzen/", views.assign, name="assign"),
    path("verwijzingen/", views.referrals, name="referrals"),
    path("verwijzingen/<int:referral_id>/", views.referral_detail, name="referral"),
    path("checklist/", views.checklist, name="checklist"),
    path("checklist/versies/<int:number>/", views.checklist_version, name="checklist_version"),
    path("checklist/vragen/nieuw/", views.question_edit, name="question_add"),
    path("checklist/vragen/<int:question_id>/", views.question_edit, name="question_edit"),
    path("checklist/vragen/<int:question_id>/verwijderen/", views.question_delete, name="question_delete"),
    path("checklist/vragen/<int:question_id>/verplaatsen/", views.question_move, name="question_move"),
    path("checklist/publiceren/", views.checklist_publish, name="checklist_publish"),
]
