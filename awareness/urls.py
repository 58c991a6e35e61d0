from django.urls import path

from awareness import views

app_name = "awareness"

urlpatterns = [
    path("glossaire/", views.glossary, name="glossary"),
    path("se-former/", views.module_list, name="module_list"),
    path("se-former/<slug:slug>/", views.module_detail, name="module_detail"),
    path("se-former/<slug:slug>/suivi/", views.module_complete, name="module_complete"),
    path("debat-public/", views.debate_kit, name="debate_kit"),
    path("charte/", views.charter_form, name="charter_form"),
]
