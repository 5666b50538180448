from django.urls import path

from . import views

app_name = "organisations"
urlpatterns = [
    path("", views.directory, name="directory"),
    path("<int:organisation_id>/", views.organisation_detail, name="detail"),
    path("professionals/<int:professional_id>/", views.professional_detail, name="professional"),
    path("professionals/<int:professional_id>/vertrek/", views.departure, name="departure"),
    path("wie-doet-wat/", views.who_does_what, name="who_does_what"),
]
