import functools
import hashlib
from html import escape

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import get_script_prefix, reverse
from django.utils.cache import patch_vary_headers
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.views.decorators.http import require_POST, require_safe

from accounts.permissions import organisations_of
from catalogue import selectors, services
from catalogue.filters import ServiceFilter
from catalogue.forms import ContactAdoptersForm, DeclareAdoptionForm, WithdrawAdoptionForm
from catalogue.models import Service
from catalogue.rendering import render_markdown
from common.fragments import cached, query_key
from common.memo import ProcessMemo
from common.pagination import pagination_html
from common.shells import render_in_shell

# The results region (facets, counts, one page of services) depends only on the query string and the data:
# it is kept under a key that includes a version of the data (services and declarations) and the token moved by
# the writes that version does not see (theme, publisher and programme names: catalogue.signals), so any write
# shows at once. A region not kept costs one query (the search's matches: selectors.catalogue_page counts the
# facets from the worker's index of the same version). Kept in the worker's memory, not the shared cache: a new
# search then costs no round trip to look for it and none to store it (0.2 ms of 2), and a search made again is
# answered without one; each worker keeps its own (anonymous visitors' whole pages are kept per worker too).
CACHE_SECONDS = 300
regions = ProcessMemo(max_entries=128, seconds=CACHE_SECONDS)  # about 40 kB each


@functools.cache
def _list_url_under(script_prefix: str) -> str:
    return reverse("catalogue:service_list")


def _list_url() -> str:
    return _list_url_under(get_script_prefix())


def _region_cache_key(request: HttpRequest, version: str) -> str:
    return query_key("catalogue:region:v3", request.GET, version)


def catalogue_title(total: int, terms: str, active_filters: list[str]) -> str:
    """The page title: it says what the visitor searched and filtered, and how many services match (RGAA 8.6)."""
    parts = []
    if terms:
        parts.append(f"«\u00a0{terms}\u00a0»")
    if active_filters:
        parts.append("filtres\u00a0: " + ", ".join(active_filters))
    if not parts:
        return "Catalogue des services numériques"
    found = f"{total} service{'s' if total > 1 else ''}" if total else "aucun service"
    return f"{found} pour {' ; '.join(parts)} — Catalogue des services numériques"


def _facets_html(facets: list[dict]) -> SafeString:
    """The filter groups, the same markup as the DSFR checkbox widgets (catalogue/forms/facet.html), written here:
    about 60 checkboxes through the template engine cost a search more than its two SQL queries. The standard
    library's escape, the one Django's wraps (same output), without its lazy-string check: 300-odd calls a page."""
    parts = []
    for facet in facets:
        name, field_id, label = escape(facet["name"]), escape(facet["id"]), escape(facet["label"])
        ticked = facet["ticked"]
        ticked_note = (
            f'<span class="fr-sr-only">, {ticked} sélectionné{"s" if ticked > 1 else ""}</span>' if ticked else ""
        )
        invalid = f' aria-invalid="true" aria-describedby="{field_id}-desc-error"' if facet["invalid"] else ""
        expanded = facet["expanded"]
        parts.append(
            '<section class="fr-accordion"><h3 class="fr-accordion__title">'
            f'<button type="button" class="fr-accordion__btn" aria-expanded="{"true" if expanded else "false"}" '
            f'aria-controls="facette-{name}-groupe">{label}{ticked_note}</button></h3>'
            f'<div class="fr-collapse{" fr-collapse--expanded" if expanded else ""}" id="facette-{name}-groupe">'
            f'<fieldset class="fr-fieldset tia-facet" id="facette-{name}" aria-labelledby="{field_id}-legend">'
            f'<legend class="fr-sr-only" id="{field_id}-legend">{label}</legend>'
        )
        for option in facet["options"]:
            option_id = escape(option["id"])
            parts.append(
                '<div class="fr-fieldset__element"><div class="fr-checkbox-group">'
                f'<input type="checkbox" name="{name}" value="{escape(option["value"])}" dsfr="dsfr"{invalid} '
                f'id="{option_id}"{" checked" if option["checked"] else ""}>'
                f'<label class="fr-label" for="{option_id}">{escape(option["label"])}</label></div></div>'
            )
        parts.append("</fieldset></div></section>")
    return mark_safe("".join(parts))  # noqa: S308 (every value escaped above)


AI_BADGE = '<li><p class="fr-badge fr-badge--sm fr-badge--purple-glycine">Utilise l’IA</p></li>'
# A card's markup depends on its values only (the card is its own key): each worker writes a service's card once
# per content instead of at every search that shows it (~4 µs a card, 20 a page).
_written_cards = ProcessMemo(max_entries=6000, seconds=CACHE_SECONDS)


def _card_html(card: selectors.ServiceCard) -> str:
    themes = "".join(f'<li><p class="fr-tag fr-tag--sm">{escape(theme)}</p></li>' for theme in card.themes)
    ai = AI_BADGE if card.uses_ai else ""
    count = card.adopter_count
    adopters = f"{count} collectivité{'s' if count > 1 else ''}" if count else "aucune collectivité déclarée"
    return (
        '<li class="fr-mb-3w"><div class="fr-card fr-card--horizontal fr-enlarge-link"><div class="fr-card__body">'
        '<div class="fr-card__content">'
        f'<h3 class="fr-card__title"><a href="{escape(card.url)}">{escape(card.name)}</a></h3>'
        f'<p class="fr-card__desc">{escape(card.pitch)}</p>'
        f'<div class="fr-card__start"><ul class="fr-tags-group">{themes}</ul></div>'
        f'<div class="fr-card__end"><ul class="fr-badges-group">{ai}'
        f'<li><p class="fr-badge fr-badge--sm">{escape(card.maturity)}</p></li></ul>'
        f'<p class="fr-card__detail">{escape(card.publisher)} · {escape(card.licence)} · {adopters}</p>'
        "</div></div></div></div></li>"
    )


def _cards_html(cards: list[selectors.ServiceCard]) -> SafeString:
    """The result cards (DSFR horizontal cards), written here rather than by a template loop: a dozen values per card
    through the template engine cost a search about 0.4 ms."""
    parts = [_written_cards.get_or_build(card, lambda card=card: _card_html(card)) for card in cards]
    return mark_safe("".join(parts))  # noqa: S308 (every value escaped by _card_html)


def results_count(total: int, terms: str) -> SafeString:
    """The sentence above the results: how many services match, and what was searched."""
    searched = format_html("«&nbsp;{}&nbsp;»", terms) if terms else ""
    if total:
        plural = "s" if total > 1 else ""
        found = format_html(" pour {}", searched) if terms else ""
        return format_html("{} service{} trouvé{}{}", total, plural, plural, found)
    return format_html(
        "Aucun service ne correspond{} avec ces filtres.", format_html(" à {}", searched) if terms else ""
    )


def _render_region(request: HttpRequest, version: str) -> tuple[str, str]:
    filterset = ServiceFilter(request.GET or None, queryset=Service.objects.none())
    catalogue = selectors.catalogue_page(filterset, page_number=request.GET.get("page"), version=version)
    # The form is built only when a value of the query string is invalid (common.facets.quick_cleaned), to show it.
    form = filterset.form if filterset.form_built else None
    labels = filterset.get_form_class().base_fields
    facets = []
    active_filters: list[str] = []
    for facet in catalogue.facets:
        if not facet.values:
            continue  # e.g. no programme in the database yet
        # The checkboxes are written by _facets_html from plain values: rendering 60-odd option widgets through
        # the form renderer cost more than every facet query together. Ticked = submitted, as the widget does.
        ticked = set(filterset.submitted(facet.name))
        field_id = f"id_{facet.name}"  # the form's auto_id
        options = [
            {
                "value": value.value,
                "id": f"{field_id}_{index}",
                "label": f"{value.label} ({value.count})",
                "checked": value.value in ticked,
            }
            for index, value in enumerate(facet.values)
        ]
        # An invalid value (hand-written URL) marks the boxes as the DSFR filter dsfr_input_class_attr does.
        invalid = form is not None and bool(form.errors.get(facet.name))
        ticked_labels = [value.label for value in facet.values if value.value in ticked]
        active_filters.extend(ticked_labels)
        facets.append(
            {
                "name": facet.name,
                "id": field_id,
                "label": labels[facet.name].label,
                "options": options,
                "invalid": invalid,
                # Collapsed groups spare keyboard and phone users 40-odd boxes; a group in use stays open.
                "expanded": bool(ticked_labels) or invalid,
                "ticked": len(ticked_labels),
            }
        )
    title = catalogue_title(catalogue.total, catalogue.terms, active_filters)
    context = {
        "page_title": title,
        "search_field_html": filterset.text_field_html("q"),
        "catalogue": catalogue,
        "facets_html": _facets_html(facets),
        "cards_html": _cards_html(catalogue.cards),
        "pagination_html": pagination_html(catalogue.page, request.GET) if catalogue.page.has_other_pages() else "",
        "results_count": results_count(catalogue.total, catalogue.terms),
        "list_url": _list_url(),
    }
    # No request: the region shows nothing of it, and the context processors (navigation, user, messages) cost
    # more than the rest of its template.
    return render_to_string("catalogue/_results.html", {**context, "SITE_NAME": settings.SITE_NAME}), title


@login_not_required
@require_safe
def service_list(request: HttpRequest) -> HttpResponse:
    # Read by portal.pagecache for an anonymous visitor, a moment ago in this request.
    version = getattr(request, "page_data_version", None) or selectors.pages_version()
    key = _region_cache_key(request, version)
    region, title = regions.get_or_build(key, lambda: _render_region(request, version))
    if request.htmx:
        # The enhancement in static/js/catalogue.js asks for the results region only (header HX-Request).
        response = HttpResponse(region)
    else:
        breadcrumb = {"links": [], "current": "Catalogue", "root_dir": ""}
        # The region is the output of our own (autoescaping) template, rendered now or by an earlier request.
        slots = {"region": mark_safe(region), "page_title": title}  # noqa: S308
        response = render_in_shell(request, "catalogue/service_list.html", {"breadcrumb_data": breadcrumb}, slots)
    patch_vary_headers(response, ["HX-Request"])
    return response


def _service_page_key(slug: str) -> str:
    raw = f"{slug}|{selectors.pages_version()}"
    return "catalogue:service:" + hashlib.sha256(raw.encode()).hexdigest()


def _public_service_page(slug: str) -> dict[str, str]:
    """What the service page shows every visitor, rendered: the description, adopters, facts, similar services."""
    service = get_object_or_404(selectors.published_services(), slug=slug)
    context = {
        "service": service,
        "description_html": render_markdown(service.description),
        # Up to ADOPTERS_SHOWN lines, written here rather than by a template loop (the most adopted services).
        "adopter_groups": [
            {
                "label": group.label,
                "items": format_html_join(
                    "",
                    '<li>{} — <span class="tia-muted">{}</span></li>',
                    ((a.name, a.status_label) for a in group.adopters),
                ),
            }
            for group in selectors.adopters_by_departement(service)
        ],
        "similar_services": selectors.similar_services(service),
    }
    return {
        "name": service.name,
        "pitch": service.pitch,
        "main": render_to_string("catalogue/_service_main.html", context),
        "aside": render_to_string("catalogue/_service_aside.html", context),
    }


def _detail_context(
    request: HttpRequest, slug: str, *, service: Service | None = None, contact_form: ContactAdoptersForm | None = None
) -> dict:
    # The part every visitor sees is cached under the catalogue's version (any service or declaration written) and
    # the token catalogue.signals moves (themes, publishers, organisation names, deletions): the most adopted
    # services list hundreds of adopters and their similar services cost a grouping over thousands of rows.
    page = cached(_service_page_key(slug), lambda: _public_service_page(slug), CACHE_SECONDS)
    # Our own (autoescaping) templates' output, rendered now or by an earlier request.
    public = {**page, "main": mark_safe(page["main"]), "aside": mark_safe(page["aside"])}  # noqa: S308
    context = {
        "breadcrumb_data": {
            "links": [{"url": reverse("catalogue:service_list"), "title": "Catalogue"}],
            "current": page["name"],
            "root_dir": "",
        },
        "public": public,
        "slug": slug,
    }
    if not request.user.is_authenticated:
        return context
    # Per person, never cached: their organisations' declarations, the contact form, their shortlisting projects.
    if service is None:
        service = get_object_or_404(Service.objects.published().only("pk", "slug", "name"), slug=slug)
    declarable = selectors.declarable_organisations(request.user, service)
    adopting = [item.organisation for item in declarable if item.status]
    # Only a collectivité confirmed by ANCT writes to the others (catalogue.services.contact_adopters).
    writing = [organisation for organisation in adopting if organisation.is_confirmed]
    own = {item.organisation.pk for item in declarable}
    others_to_write_to = bool(writing) and selectors.has_other_adopters(service, excluding=own)
    if contact_form is None and writing and others_to_write_to:
        contact_form = ContactAdoptersForm(organisations=writing)
    for item in declarable:
        item_forms = {"organisation": str(item.organisation.public_id)}
        item.declare_form = DeclareAdoptionForm(initial=item_forms, auto_id=False)
        item.withdraw_form = WithdrawAdoptionForm(initial=item_forms, auto_id=False)
    return {
        **context,
        "can_write_later": bool(writing) and not others_to_write_to,
        # Declared, but no declaring organisation of theirs is confirmed yet: they write once ANCT confirms it.
        "awaiting_confirmation": [org for org in adopting if not org.is_confirmed] if not writing else [],
        "declarable": declarable,
        "contact_form": contact_form,
        # HOOK (journeys): projects visible to the viewer whose shortlist contains this service.
        "shortlisting_projects": selectors.shortlisting_projects(service, request.user),
    }


@login_not_required
@require_safe
def service_detail(request: HttpRequest, slug: str) -> HttpResponse:
    return render(request, "catalogue/service_detail.html", _detail_context(request, slug))


def _member_organisation(request: HttpRequest, public_id):
    """The organisation (by public id) the user is a member of; 403 for anyone else."""
    organisation = organisations_of(request.user).filter(public_id=public_id).first()
    if organisation is None:
        raise PermissionDenied("Vous n’êtes pas membre de cette collectivité.")
    return organisation


@require_POST
def adoption_declare(request: HttpRequest, slug: str) -> HttpResponse:
    service = get_object_or_404(Service.objects.published(), slug=slug)
    form = DeclareAdoptionForm(request.POST)
    if not form.is_valid():
        if "organisation" in form.errors:
            raise PermissionDenied
        messages.error(request, "Choisissez « Nous l’utilisons » ou « Ça nous intéresse ».")
        return redirect(service)
    organisation = _member_organisation(request, form.cleaned_data["organisation"])
    try:
        adoption = services.declare_adoption(
            service=service, organisation=organisation, status=form.cleaned_data["status"], declared_by=request.user
        )
    except services.AdoptionError as error:
        messages.error(request, str(error))
    else:
        noted = f"C’est noté : {organisation.name} — «\u00a0{adoption.get_status_display()}\u00a0»."
        if not organisation.is_confirmed:
            noted += " Votre déclaration apparaîtra publiquement dès que l’ANCT aura confirmé votre collectivité."
        messages.success(request, noted)
    return redirect(f"{service.get_absolute_url()}#collectivites")


@require_POST
def adoption_withdraw(request: HttpRequest, slug: str) -> HttpResponse:
    service = get_object_or_404(Service.objects.published(), slug=slug)
    form = WithdrawAdoptionForm(request.POST)
    if not form.is_valid():
        raise PermissionDenied
    organisation = _member_organisation(request, form.cleaned_data["organisation"])
    try:
        services.withdraw_adoption(service=service, organisation=organisation, withdrawn_by=request.user)
    except services.AdoptionError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"La déclaration de {organisation.name} a été retirée.")
    return redirect(f"{service.get_absolute_url()}#collectivites")


@require_POST
def adopters_contact(request: HttpRequest, slug: str) -> HttpResponse:
    service = get_object_or_404(selectors.published_services(), slug=slug)
    adopting = [item.organisation for item in selectors.declarable_organisations(request.user, service) if item.status]
    if not adopting:
        raise PermissionDenied("Seules les collectivités qui ont déclaré ce service peuvent écrire aux autres.")
    form = ContactAdoptersForm(request.POST, organisations=adopting)
    if form.is_valid():
        organisation = next(org for org in adopting if str(org.public_id) == form.cleaned_data["organisation"])
        try:
            result = services.contact_adopters(
                service=service,
                sender=request.user,
                organisation=organisation,
                subject=form.cleaned_data["subject"],
                body=form.cleaned_data["body"],
                share_email=form.cleaned_data["share_email"],
            )
        except services.ContactError as error:
            form.add_error(None, str(error))
        else:
            count = result.recipient_count
            messages.success(
                request,
                f"Votre message a été transmis à {count} personne{'s' if count > 1 else ''} des autres collectivités. "
                "Leurs adresses ne vous sont pas communiquées.",
            )
            return redirect(f"{service.get_absolute_url()}#ecrire")
    context = _detail_context(request, slug, service=service, contact_form=form)
    return render(request, "catalogue/service_detail.html", context)
