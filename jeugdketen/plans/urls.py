from django.urls import path

from . import views

app_name = "plans"
urlpatterns = [
    path("casus/<int:case_id>/", views.plan, name="plan"),
    path("casus/<int:case_id>/starten/", views.start, name="start"),
    path("casus/<int:case_id>/doelen/", views.goal_add, name="goal_add"),
    path("casus/<int:case_id>/doelen/<int:goal_id>/", views.goal_status, name="goal_status"),
    path("casus/<int:case_id>/afspraken/", views.agreement_add, name="agreement_add"),
    path("casus/<int:case_id>/afspraken/<int:agreement_id>/", views.agreement_update, name="agreement_update"),
    path("casus/<int:case_id>/evaluaties/", views.evaluation_add, name="evaluation_add"),
    path("casus/<int:case_id>/evaluaties/<int:evaluation_id>/", views.evaluation_record, name="evaluation_record"),
    path("casus/<int:case_id>/eindevaluatie/", views.end_evaluation, name="end_evaluation"),
    path("casus/<int:case_id>/instemming/", views.approve, name="approve"),
    path("casus/<int:case_id>/berichten/", views.message, name="message"),
    path("casus/<int:case_id>/berichten/<int:message_id>/antwoord/", views.answer, name="answer"),
]
