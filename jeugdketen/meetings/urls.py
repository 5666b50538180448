from django.urls import path

from . import views

app_name = "meetings"
urlpatterns = [
    path("", views.my_meetings, name="mine"),
    path("nieuw/", views.create, name="create"),
    path("casus/<int:case_id>/", views.for_case, name="for_case"),
    path("<int:meeting_id>/", views.detail, name="detail"),
    path("<int:meeting_id>/deelnemers/", views.participants_invite, name="participants"),
    path("<int:meeting_id>/afronden/", views.close, name="close"),
    path("<int:meeting_id>/agenda/<int:item_id>/verslag/", views.minute_add, name="minute_add"),
    path("<int:meeting_id>/agenda/<int:item_id>/besluiten/", views.decision_add, name="decision_add"),
    path("<int:meeting_id>/agenda/<int:item_id>/uitkomst/", views.outcome_set, name="outcome"),
    path("<int:meeting_id>/agenda/<int:item_id>/naar-plan/", views.decisions_convert, name="convert"),
    path("<int:meeting_id>/agenda/<int:item_id>/terugkoppeling.pdf", views.feedback_pdf, name="feedback_pdf"),
]
