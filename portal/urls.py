from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from portal import views

site_patterns = (
    [
        path("", views.home, name="home"),
        path("mentions-legales/", views.legal_notice, name="legal_notice"),
        path("accessibilite/", views.accessibility, name="accessibility"),
        path("donnees-personnelles/", views.privacy, name="privacy"),
        path("plan-du-site/", views.site_map, name="site_map"),
        path("sante/", views.health_check, name="health"),
    ],
    "portal",
)

urlpatterns = [
    path("", include(site_patterns)),
    path("compte/", include("allauth.urls")),
    path("mon-compte/", include("accounts.urls")),
    path("territoires/", include("territories.urls")),
    path("catalogue/", include("catalogue.urls")),
    path("projets/", include("journeys.urls")),
    path("ingenierie/", include("assistance.urls")),
    path("espace-anct/", include("assistance.espace_urls")),
    path("rapports/", include("reports.urls")),
    path("ressources/", include("resources.urls")),
    path("", include("awareness.urls")),
    path("initiatives/", include("initiatives.urls")),
    path(settings.ADMIN_URL, admin.site.urls),
]

handler400 = "portal.errors.bad_request"
handler403 = "portal.errors.permission_denied"
handler404 = "portal.errors.page_not_found"
handler500 = "portal.errors.server_error"
