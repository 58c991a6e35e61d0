from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from initiatives.figures import public_figures
from portal import health
from portal.accessibility import AUDIT
from portal.sitemap import site_map_sections


@login_not_required
@require_safe
def home(request: HttpRequest) -> HttpResponse:
    # Aggregates only, cached: no query on a warm cache (initiatives/figures.py).
    return render(request, "portal/home.html", {"figures": public_figures()})


@login_not_required
@require_safe
def legal_notice(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/legal_notice.html")


@login_not_required
@require_safe
def accessibility(request: HttpRequest) -> HttpResponse:
    context = {"audit": AUDIT, "contact_email": settings.ACCESSIBILITY_CONTACT_EMAIL}
    return render(request, "portal/accessibility.html", context)


@login_not_required
@require_safe
def privacy(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/privacy.html")


@login_not_required
@require_safe
def site_map(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/site_map.html", {"sections": site_map_sections(request.user)})


@login_not_required
@never_cache
@require_safe
def health_check(request: HttpRequest) -> JsonResponse:
    healthy, report = health.health_report()
    return JsonResponse(report, status=200 if healthy else 503)
