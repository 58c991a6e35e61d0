from itertools import groupby

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from accounts.permissions import organisations_of
from awareness import charter as charters
from awareness import selectors, services
from awareness.content import debate_kit as debate_kit_text
from awareness.content import glossary as glossary_terms
from awareness.content import glossary_by_slug, modules, modules_by_slug
from awareness.forms import CharterForm, SelfCheckForm
from resources.rendering import render_markdown

FORMATS = {
    "pdf": ("application/pdf", charters.charter_pdf),
    "odt": ("application/vnd.oasis.opendocument.text", charters.charter_odt),
}


def _breadcrumb(current: str, *links: tuple[str, str]) -> dict:
    return {"root_dir": "/", "links": [{"url": url, "title": title} for url, title in links], "current": current}


@login_not_required
@require_safe
def glossary(request: HttpRequest) -> HttpResponse:
    terms = glossary_terms()
    by_slug = glossary_by_slug()
    letters = [
        {"letter": letter, "terms": [{"term": t, "see_also": [by_slug[s] for s in t.see_also]} for t in group]}
        for letter, group in groupby(terms, key=lambda term: term.letter)
    ]
    return render(
        request,
        "awareness/glossary.html",
        {"letters": letters, "term_count": len(terms), "breadcrumb_data": _breadcrumb("Glossaire")},
    )


@login_not_required
@require_safe
def module_list(request: HttpRequest) -> HttpResponse:
    followed = selectors.completed_slugs(request.user)
    rows = [{"module": module, "followed": module.slug in followed} for module in modules()]
    return render(
        request,
        "awareness/module_list.html",
        {"rows": rows, "breadcrumb_data": _breadcrumb("Se former à l’IA")},
    )


def _module_or_404(slug: str):
    module = modules_by_slug().get(slug)
    if module is None:
        raise Http404("Ce module de formation n’existe pas.")
    return module


@login_not_required
@require_http_methods(["GET", "HEAD", "POST"])
def module_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """The module, and its self-check: answers are posted here and each one comes back with its explanation."""
    module = _module_or_404(slug)
    form = SelfCheckForm(request.POST or None, module=module)
    results = None
    if request.method == "POST" and form.is_valid():
        results = [
            {"question": question, "chosen": form.cleaned_data[f"q{question.number}"]} for question in module.questions
        ]
        for result in results:
            result["is_right"] = result["chosen"] == result["question"].answer
    position = modules().index(module)
    context = {
        "module": module,
        "body": render_markdown(module.body),
        "form": form,
        "questions": [{"question": q, "field": form[f"q{q.number}"]} for q in module.questions],
        "results": results,
        "right_count": sum(result["is_right"] for result in results) if results else 0,
        "followed": module.slug in selectors.completed_slugs(request.user),
        "next_module": modules()[position + 1] if position + 1 < len(modules()) else None,
        "breadcrumb_data": _breadcrumb(module.title, (reverse("awareness:module_list"), "Se former à l’IA")),
    }
    return render(request, "awareness/module_detail.html", context)


@require_POST
def module_complete(request: HttpRequest, slug: str) -> HttpResponse:
    module = _module_or_404(slug)
    try:
        services.record_module_completion(user=request.user, module_slug=module.slug)
    except services.AwarenessError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"C’est noté\u00a0: vous avez suivi le module « {module.title} ».")
    return redirect("awareness:module_detail", slug=module.slug)


@login_not_required
@require_safe
def debate_kit(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "awareness/debate_kit.html",
        {"body": render_markdown(debate_kit_text()), "breadcrumb_data": _breadcrumb("Kit débat public")},
    )


@login_not_required
@require_http_methods(["GET", "HEAD", "POST"])
def charter_form(request: HttpRequest) -> HttpResponse:
    """The charter form; a valid post answers with the document (PDF or ODT) to download.

    Open to everyone, signed in or not: nothing is stored and the charter is a public model text. A member of a
    collectivité finds its name already filled in.
    """
    if request.method == "POST":
        form = CharterForm(request.POST)
        kind = request.POST.get("format", "pdf")
        if kind in FORMATS and form.is_valid():
            data = form.cleaned_data
            charter = charters.build_charter(
                organisation_name=data["organisation_name"],
                council=data["council"],
                commitment_keys=data["commitments"],
                contact_name=data["contact_name"],
                contact_email=data["contact_email"],
            )
            content_type, build = FORMATS[kind]
            response = HttpResponse(build(charter), content_type=content_type)
            response["Content-Disposition"] = f'attachment; filename="{charter.filename_stem}.{kind}"'
            return response
        if kind not in FORMATS:
            form.add_error(None, "Choisissez le format du document\u00a0: PDF ou ODT.")
    else:
        organisation = organisations_of(request.user).first() if request.user.is_authenticated else None
        form = CharterForm(initial={"organisation_name": organisation.name if organisation else ""})
    return render(
        request,
        "awareness/charter_form.html",
        {"form": form, "breadcrumb_data": _breadcrumb("Charte éthique")},
    )
