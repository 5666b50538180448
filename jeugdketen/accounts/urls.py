from django.contrib.auth import views as auth_views
from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path("inloggen/", views.LoginView.as_view(), name="login"),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("tweestapsverificatie/", views.second_factor, name="second_factor"),
    path("tweestapsverificatie/instellen/", views.second_factor_setup, name="second_factor_setup"),
]
