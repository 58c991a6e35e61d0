from django.shortcuts import render
from django.urls import path


def bare(request):
    items = [f"Élément {i}" for i in range(10)]
    return render(request, "bare.html", {"title": "Page de référence", "items": items})


urlpatterns = [path("", bare)]
