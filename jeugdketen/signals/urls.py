from django.urls import path

from . import views

app_name = "signals"
urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("aantal/", views.count, name="count"),
    path("<int:signal_id>/afhandelen/", views.handle, name="handle"),
]
