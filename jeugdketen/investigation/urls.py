from django.urls import path

from . import views

app_name = "investigation"
urlpatterns = [
    path("", views.my_investigations, name="mine"),
    path("team/", views.team_overview, name="team"),
    path("casus/<int:case_id>/", views.for_case, name="for_case"),
    path("casus/<int:case_id>/starten/", views.open_investigation, name="open"),
    path("<int:investigation_id>/", views.detail, name="detail"),
    path("<int:investigation_id>/gesprekken/", views.conversation_add, name="conversation_add"),
    path("<int:investigation_id>/bevindingen/", views.findings, name="findings"),
    path("<int:investigation_id>/oordeel/", views.judgement, name="judgement"),
    path("<int:investigation_id>/besluit/", views.decision, name="decision"),
    path("<int:investigation_id>/volgende-fase/", views.advance, name="advance"),
    path("<int:investigation_id>/terug/", views.step_back, name="step_back"),
    path("<int:investigation_id>/zienswijze/", views.zienswijze, name="zienswijze"),
    path("<int:investigation_id>/definitief/", views.finalise, name="finalise"),
    path("<int:investigation_id>/onderzoeksverslag.pdf", views.report_pdf, name="report_pdf"),
]
