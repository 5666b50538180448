from django.urls import path

from . import views

app_name = "socialmap"
urlpatterns = [
    path("", views.search, name="search"),
    path("nieuw/", views.create, name="create"),
    path("beheer/", views.mine, name="mine"),
    path("beheerders/", views.keeper_options, name="keeper_options"),
    path("<int:service_id>/", views.detail, name="detail"),
    path("<int:service_id>/wijzigen/", views.update, name="update"),
    path("<int:service_id>/bevestigen/", views.confirm, name="confirm"),
    path("<int:service_id>/archiveren/", views.archive, name="archive"),
]
