from django.urls import path

from territories import views

app_name = "territories"

urlpatterns = [
    path("", views.territory_search, name="territory_search"),
    path("recherche/", views.autocomplete, name="autocomplete"),
    path("programmes/", views.programme_list, name="programme_list"),
    path("programmes/<slug:slug>/", views.programme_detail, name="programme_detail"),
]
