from django.urls import path

from . import views

app_name = "meldcode"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("casus/<int:case_id>/", views.case_meldcode, name="case"),
    path("casus/<int:case_id>/starten/", views.track_open, name="open"),
    path("<int:track_id>/", views.track_detail, name="track"),
    path("<int:track_id>/stap/<int:number>/", views.step_form, name="step"),
    path("<int:track_id>/afsluiten/", views.track_close, name="close"),
]
