from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_safe

from common.fragments import cached, query_key
from common.pagination import pagination_html
from resources import selectors
from resources.filters import ResourceFilter
from resources.models import Resource
from resources.rendering import render_markdown

CACHE_SECONDS = 300
# A table of contents helps from this many sections on.
TOC_MIN_SECTIONS = 3
USE_CASE_SECTIONS = [
    ("problem", "Le problème à résoudre"),
    ("data_used", "Les données utilisées"),
    ("approach", "La démarche"),
    ("results", "Résultats et limites"),
    ("adopters", "Les collectivités qui l’ont fait"),
    ("ethics", "Points d’attention éthiques et juridiques"),
]


def _render_results(request: HttpRequest) -> str:
    filterset = ResourceFilter(request.GET or None, queryset=Resource.objects.none())
    library = selectors.resource_page(filterset, page_number=request.GET.get("page"))
    form = filterset.form
    facets = []
    for facet in library.facets:
        if not facet.values:
            continue
        form.fields[facet.name].choices = [(value.value, f"{value.label} ({value.count})") for value in facet.values]
        facets.append({"facet": facet, "field": form[facet.name]})
    context = {
        "form": form,
        "library": library,
        "facets": facets,
        "page_obj": library.page,
        "pagination_html": pagination_html(library.page, request.GET),
    }
    return render_to_string("resources/_results.html", context, request=request)


@login_not_required
@require_safe
def index(request: HttpRequest) -> HttpResponse:
    """The library: filters by type, theme and public, accent-insensitive search, pagination."""
    # The filters and results are the same for every visitor: they are cached under a key that includes a version
    # of the data (any edit shows at once). Rendering the facet checkboxes and cards is most of the page's cost.
    key = query_key("resources:results", request.GET, selectors.library_version())
    results = cached(key, lambda: _render_results(request), CACHE_SECONDS)
    context = {
        "results": mark_safe(results),  # noqa: S308 (rendered by our own template, autoescaped)
        "breadcrumb_data": {"root_dir": "/", "links": [], "current": "Ressources"},
    }
    return render(request, "resources/resource_list.html", context)


@login_not_required
@require_safe
def resource_detail(request: HttpRequest, slug: str) -> HttpResponse:
    resource = selectors.resource_for_page(slug)
    if resource is None:
        raise Http404("Cette ressource n’existe pas ou n’est plus publiée.")
    body = render_markdown(resource.body)
    sections = []
    if resource.is_use_case:
        for field_name, title in USE_CASE_SECTIONS:
            text = getattr(resource, field_name)
            if text:
                anchor = f"cas-{field_name.replace('_', '-')}"
                sections.append({"anchor": anchor, "title": title, "html": render_markdown(text).html})
    toc = [{"anchor": section["anchor"], "title": section["title"]} for section in sections]
    toc += [{"anchor": entry.anchor, "title": entry.title} for entry in body.toc]
    themes = list(resource.themes.all())
    context = {
        "resource": resource,
        "themes": themes,
        "body_html": body.html,
        "sections": sections,
        "toc": toc if len(toc) >= TOC_MIN_SECTIONS else [],
        "related": selectors.related_resources(resource),
        "kind_url": f"{reverse('resources:index')}?type={resource.kind}",
        "breadcrumb_data": {
            "root_dir": "/",
            "links": [
                {"url": reverse("resources:index"), "title": "Ressources"},
                {"url": f"{reverse('resources:index')}?type={resource.kind}", "title": resource.get_kind_display()},
            ],
            "current": resource.title,
        },
    }
    return render(request, "resources/resource_detail.html", context)
