from django.contrib.auth.decorators import login_not_required
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from territories.models import Programme


@login_not_required
@require_safe
def programme_list(request: HttpRequest) -> HttpResponse:
    programmes = Programme.objects.annotate(commune_count=Count("communes", distinct=True))
    return render(request, "territories/programme_list.html", {"programmes": programmes})


@login_not_required
@require_safe
def programme_detail(request: HttpRequest, slug: str) -> HttpResponse:
    programme = get_object_or_404(Programme, slug=slug)
    communes = programme.communes.order_by("departement_id", "name").only("name", "insee_code", "departement_id")
    return render(request, "territories/programme_detail.html", {"programme": programme, "communes": communes})
