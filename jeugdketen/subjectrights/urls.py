from django.urls import path

from . import views

app_name = "subjectrights"
urlpatterns = [
    path("", views.find, name="find"),
    path("<int:youth_id>/", views.subject, name="subject"),
    path("<int:youth_id>/inzage.<str:fmt>", views.export, name="export"),
    path("<int:youth_id>/corrigeren/", views.correct, name="correct"),
    path("<int:youth_id>/wissen/", views.erase, name="erase"),
]
