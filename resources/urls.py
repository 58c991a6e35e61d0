from django.urls import path

from resources import views

app_name = "resources"

urlpatterns = [
    # The list keeps the name `index`: the site header, home page and site map link to it.
    path("", views.index, name="index"),
    path("<slug:slug>/", views.resource_detail, name="resource_detail"),
]
