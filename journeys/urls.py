from django.urls import path

from journeys import views

app_name = "journeys"

urlpatterns = [
    path("", views.project_list, name="project_list"),
]
