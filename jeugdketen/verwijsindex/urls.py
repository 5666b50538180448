from django.urls import path

from . import views

app_name = "verwijsindex"
urlpatterns = [
    path("", views.mine, name="mine"),
    path("nieuw/", views.place, name="place"),
    path("<int:signal_id>/", views.detail, name="detail"),
    path("<int:signal_id>/intrekken/", views.withdraw, name="withdraw"),
]
