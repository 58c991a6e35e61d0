"""Pages of the gallery: the public gallery and case studies, the map and the départements' pages (public), the
publication of a project by its référent, the relay of a message to a published initiative's référents."""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from common.pagination import pagination_html
from initiatives import figures, selectors, services
from initiatives.forms import ContactForm, GalleryFilterForm, PublishForm, theme_choices
from initiatives.models import Initiative
from initiatives.permissions import can_publish
from journeys import selectors as journey_selectors
from journeys.models import Project
from journeys.permissions import can_view_project
from territories.models import Departement, Programme

PAGE_SIZE = 12


def _published(public_id) -> Initiative:
    """A published initiative; a withdrawn or unknown one is not found, for everyone."""
    return get_object_or_404(selectors.published_initiatives(), public_id=public_id)


@login_not_required
@require_safe
def gallery(request: HttpRequest) -> HttpResponse:
    public = figures.public_figures()
    form = GalleryFilterForm(
        request.GET or None,
        themes=theme_choices(),
        programmes=list(Programme.objects.order_by("name").values_list("slug", "name")),
        departements=[(item.code, f"{item.name} ({item.code})") for item in public.departements],
    )
    initiatives = selectors.filter_gallery(selectors.published_initiatives(), form.filters())
    page = Paginator(initiatives, PAGE_SIZE).get_page(request.GET.get("page"))
    # Django's elided range, wider than the catalogue's: the gallery's few pages are all linked up to ten.
    pagination = pagination_html(page, request.GET, pages=page.paginator.get_elided_page_range(page.number))
    status = 400 if form.is_bound and not form.is_valid() else 200
    context = {"form": form, "page_obj": page, "pagination_html": pagination}
    return render(request, "initiatives/gallery.html", context, status=status)


@login_not_required
@require_safe
def detail(request: HttpRequest, public_id) -> HttpResponse:
    initiative = _published(public_id)
    return render(request, "initiatives/detail.html", _detail_context(request, initiative))


def _detail_context(request: HttpRequest, initiative: Initiative, contact_form: ContactForm | None = None) -> dict:
    organisation = initiative.project.organisation
    is_own = request.user.is_authenticated and organisation.memberships.filter(user=request.user).exists()
    can_write = request.user.is_authenticated and initiative.accepts_messages and not is_own
    return {
        "initiative": initiative,
        "project": initiative.project,
        "organisation": organisation,
        "shortlist": list(initiative.project.shortlist.all()),
        "can_write": can_write,
        "is_own": is_own,
        "contact_form": contact_form or (ContactForm() if can_write else None),
    }


@require_POST
def contact(request: HttpRequest, public_id) -> HttpResponse:
    initiative = _published(public_id)
    form = ContactForm(request.POST)
    if form.is_valid():
        try:
            services.contact(
                initiative=initiative,
                sender=request.user,
                subject=form.cleaned_data["subject"],
                body=form.cleaned_data["body"],
            )
        except services.InitiativeError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                "Votre message a été transmis aux référents de la collectivité. Ils vous répondront s’ils le "
                "souhaitent ; leurs adresses ne vous sont pas communiquées.",
            )
            return redirect(f"{initiative.get_absolute_url()}#ecrire")
    context = _detail_context(request, initiative, contact_form=form)
    return render(request, "initiatives/detail.html", context, status=400)


def _project(request: HttpRequest, public_id) -> Project:
    try:
        project = journey_selectors.project_for_page(request.user, public_id)
    except Project.DoesNotExist as error:
        raise Http404("Projet introuvable.") from error
    if not can_view_project(request.user, project):
        raise Http404("Projet introuvable.")
    if not can_publish(request.user, project):
        raise PermissionDenied("Seul un référent de la collectivité peut publier ce projet.")
    return project


@require_http_methods(["GET", "HEAD", "POST"])
def publish(request: HttpRequest, public_id) -> HttpResponse:
    project = _project(request, public_id)
    initiative = selectors.initiative_of(project)
    if request.method == "POST":
        form = PublishForm(request.POST)
        if form.is_valid():
            data = {key: value for key, value in form.cleaned_data.items() if key != "consent"}
            try:
                initiative = services.publish(project=project, user=request.user, **data)
            except services.InitiativeError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, "Votre projet est publié dans la galerie des initiatives.")
                return redirect(initiative)
    elif initiative is not None:
        form = PublishForm(
            initial={
                "title": initiative.title,
                "summary": initiative.summary,
                "lessons": initiative.lessons,
                "objective": initiative.objective,
                "accepts_messages": initiative.accepts_messages,
            }
        )
    else:
        form = PublishForm(initial={"title": project.title, "summary": project.description})
    status = 400 if request.method == "POST" else 200
    context = {"project": project, "initiative": initiative, "form": form}
    return render(request, "initiatives/publish.html", context, status=status)


@require_POST
def withdraw(request: HttpRequest, public_id) -> HttpResponse:
    project = _project(request, public_id)
    try:
        services.withdraw(project=project, user=request.user)
    except services.InitiativeError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, "Le projet est retiré de la galerie : il n’est plus visible publiquement.")
    return redirect(project)


@login_not_required
@require_safe
def france_map(request: HttpRequest) -> HttpResponse:
    return render(request, "initiatives/map.html", {"figures": figures.public_figures()})


@login_not_required
@require_safe
def departement(request: HttpRequest, code: str) -> HttpResponse:
    territory = get_object_or_404(Departement.objects.active(), code=code.upper())
    return render(request, "initiatives/departement.html", {"page": selectors.departement_page(territory)})
