"""The public request form: no login."""

from django.urls import path

from . import views

app_name = "intake_public"
urlpatterns = [
    path("", views.public_request, name="form"),
    path("ontvangen/", views.public_done, name="done"),
    path("<str:cbs_code>/", views.public_request, name="form_for"),
]
