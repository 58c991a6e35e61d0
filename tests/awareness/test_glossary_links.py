"""Glossary terms are linked where they first appear in journey steps, diagnostic questions and resources, and
every link (generated or written by hand in the content) points to a term that exists."""

import io
import re

from django.apps import apps
from django.utils.safestring import mark_safe

from awareness.content import glossary_by_slug
from common.term_links import link_terms
from journeys.content.loader import load_default_content
from journeys.markup import render_markdown as journey_markdown
from journeys.models import Question, Step
from resources.models import Resource
from resources.rendering import render_markdown as resource_markdown
from tests.journeys.factories import journeys_world

GLOSSARY_LINK = re.compile(r'href="/glossaire/#([^"]*)"')
USE_CASE_FIELDS = ("problem", "data_used", "approach", "results", "adopters", "ethics")


def test_first_occurrence_only_is_linked_and_shared_across_a_page():
    seen: set[str] = set()
    first = link_terms(mark_safe("<p>Une AIPD, puis une autre AIPD.</p>"), seen)
    second = link_terms(mark_safe("<p>Encore une AIPD et le RGPD.</p>"), seen)

    assert first.count('href="/glossaire/#aipd"') == 1
    assert "aipd" not in GLOSSARY_LINK.findall(second)
    assert GLOSSARY_LINK.findall(second) == ["rgpd"]


def test_links_headings_and_code_are_left_alone_and_plain_text_is_escaped():
    html = mark_safe('<h2 id="section-x">Le RGPD</h2><p><a href="/x">le RGPD</a> <code>RGPD</code></p>')
    assert link_terms(html, set()) == html
    assert link_terms("<script>RGPD</script>", set()).startswith("&lt;script&gt;")


def test_longest_wording_wins_and_case_is_kept():
    linked = link_terms("L’IA générative et les Données ouvertes.", set())
    assert '<a class="tia-glossary-link" href="/glossaire/#ia-generative">IA générative</a>' in linked
    assert '<a class="tia-glossary-link" href="/glossaire/#donnee-ouverte">Données ouvertes</a>' in linked


def _site_texts() -> list[str]:
    """Every journey step help, diagnostic question help and resource text, as the pages render them."""
    load_default_content(io.StringIO())
    apps.get_app_config("resources").bootstrap(io.StringIO())
    texts = [journey_markdown(step.help) for step in Step.objects.exclude(help="")]
    texts += [str(question.help) for question in Question.objects.exclude(help="")]
    for resource in Resource.objects.all():
        texts.append(resource_markdown(resource.body).html)
        texts += [
            resource_markdown(getattr(resource, name)).html for name in USE_CASE_FIELDS if getattr(resource, name)
        ]
    assert len(texts) > 50  # the content was loaded
    return texts


def test_every_glossary_link_of_the_site_content_points_to_an_existing_term():
    texts = _site_texts()
    known = set(glossary_by_slug())

    written = {slug for text in texts for slug in GLOSSARY_LINK.findall(text)}  # links an author wrote by hand
    linked = {slug for text in texts for slug in GLOSSARY_LINK.findall(link_terms(text, set()))}

    assert written <= known
    assert linked <= known
    assert len(linked) >= 20  # the content does use the glossary's words


def test_resource_page_links_a_term_once(client):
    from tests.resources.factories import ResourceFactory

    ResourceFactory(slug="essai-glossaire", body="Les données personnelles d’abord.\n\nPuis les données personnelles.")
    page = client.get("/ressources/essai-glossaire/").content.decode()
    assert page.count('href="/glossaire/#donnee-personnelle"') == 1


def test_project_page_links_glossary_terms_in_step_help(client_as, world):
    journeys_world(world)
    project = world["journeys_project"]
    Step.objects.filter(pk=world["journeys_text_step"].pk).update(help="Pensez à l’AIPD dès le cadrage.")

    page = client_as(world["member"]).get(f"/projets/{project.public_id}/?etape=cadrage").content.decode()
    assert 'href="/glossaire/#aipd"' in page


def test_diagnostic_question_help_links_glossary_terms(client_as, world):
    journeys_world(world)
    project = world["journeys_project"]
    question = Question.objects.filter(diagnostic=project.diagnostic_responses.get().diagnostic).first()
    Question.objects.filter(pk=question.pk).update(help="Avez-vous un délégué à la protection des données ?")

    page = client_as(world["member"]).get(f"/projets/{project.public_id}/diagnostic/").content.decode()
    assert 'href="/glossaire/#dpo"' in page
