from html import escape

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.views.decorators.http import require_safe

from common.fragments import cached, version_token
from territories import selectors
from territories.forms import TerritoryPickerForm
from territories.signals import PROGRAMME_PAGES

AUTOCOMPLETE_LIMIT = 10


@login_not_required
@require_safe
def autocomplete(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "")[:200]
    kinds = request.GET.get("types") or None
    answer = selectors.autocomplete_answer(query, kinds, AUTOCOMPLETE_LIMIT)
    response = HttpResponse(answer, content_type="application/json")
    # The referential changes once a year: browsers may reuse an answer for a few minutes.
    response["Cache-Control"] = "public, max-age=300"
    return response


@login_not_required
@require_safe
def territory_search(request: HttpRequest) -> HttpResponse:
    form = TerritoryPickerForm(request.GET or None)
    territory = form.cleaned_data["territory"] if form.is_bound and form.is_valid() else None
    context = {"form": form, "fiche": selectors.territory_fiche(territory) if territory else None}
    return render(request, "territories/territory_search.html", context)


@login_not_required
@require_safe
def programme_list(request: HttpRequest) -> HttpResponse:
    return render(request, "territories/programme_list.html", {"programmes": selectors.programmes_with_counts()})


def _commune_links(search_url: str, communes: list[tuple[int, str]]) -> SafeString:
    """The <li> links of a département's communes, written here rather than by a template loop or format_html:
    the largest programmes list about 1,700 communes. Names are escaped; ids are integers, the URL is reversed."""
    links = "".join(
        f'<li><a href="{search_url}?territory=commune:{pk}">{escape(name)}</a></li>' for pk, name in communes
    )
    return mark_safe(links)  # noqa: S308 (escaped above)


# The programme pages are the same for every visitor and change with the members and the referential only:
# cached whole (but the site layout), under a token that every such write moves (territories.signals). The expiry
# only bounds what a process serves from its own memory while Redis is down (common.cache): no token reaches it.
PROGRAMME_PAGE_SECONDS = 600


def _programme_page(slug: str) -> dict[str, str]:
    programme = get_object_or_404(selectors.programmes_with_counts(), slug=slug)
    search_url = reverse("territories:territory_search")
    groups = [
        {
            "code": group.departement_code,
            "name": group.departement_name,
            "count": len(group.communes),
            # Written here rather than by a template loop: about 1,700 links for the largest programmes.
            "links": _commune_links(search_url, group.communes),
        }
        for group in selectors.programme_commune_groups(programme)
    ]
    context = {"programme": programme, "groups": groups, "epcis": selectors.programme_epcis(programme)}
    return {"name": programme.name, "content": render_to_string("territories/_programme_content.html", context)}


@login_not_required
@require_safe
def programme_detail(request: HttpRequest, slug: str) -> HttpResponse:
    key = f"territories:programme:{slug}:{version_token(PROGRAMME_PAGES)}"
    page = cached(key, lambda: _programme_page(slug), PROGRAMME_PAGE_SECONDS)
    # The content is the output of our own (autoescaping) template, rendered now or by an earlier request.
    context = {"programme_name": page["name"], "content": mark_safe(page["content"])}  # noqa: S308
    return render(request, "territories/programme_detail.html", context)
