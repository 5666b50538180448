from django.urls import path

from . import views

app_name = "policysignals"
urlpatterns = [
    path("", views.mine, name="mine"),
    path("nieuw/", views.raise_signal, name="raise"),
    path("behandelen/", views.review, name="review"),
    path("groepen/<int:group_id>/", views.group_detail, name="group"),
    path("<int:signal_id>/", views.detail, name="detail"),
    path("<int:signal_id>/in-behandeling/", views.take_up, name="take_up"),
    path("<int:signal_id>/antwoord/", views.answer, name="answer"),
    path("<int:signal_id>/groep/", views.group, name="group_assign"),
]
