from django.urls import path

from . import views

app_name = "cases"
urlpatterns = [
    path("", views.my_cases, name="my_cases"),
    path("<int:case_id>/", views.case_detail, name="detail"),
    path("nieuw/<int:youth_id>/", views.case_open, name="open"),
    path("<int:case_id>/journaal/", views.journal_add, name="journal_add"),
    path("<int:case_id>/betrokkenen/", views.involvement_add, name="involvement_add"),
    path("<int:case_id>/betrokkenen/opties/", views.involvement_options, name="involvement_options"),
    path("<int:case_id>/betrokkenen/<int:involvement_id>/beeindigen/", views.involvement_end, name="involvement_end"),
    path("<int:case_id>/bijwerken/", views.case_update, name="update"),
]
