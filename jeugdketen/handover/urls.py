from django.urls import path

from . import views

app_name = "handover"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("nieuw/<int:youth_id>/", views.start, name="start"),
    path("<int:handover_id>/", views.detail, name="detail"),
    path("<int:handover_id>/overdragen/", views.complete, name="complete"),
    path("<int:handover_id>/reactie/", views.parents_view, name="parents_view"),
]
