"""Awareness: a member follows a literacy module and answers its questions; a référent prepares the charter and
downloads it as PDF and as ODT; the glossary and the debate kit are reachable (every page audited with axe)."""

import io
import re

from odf import teletype
from odf.opendocument import load
from odf.text import P
from playwright.sync_api import expect
from pypdf import PdfReader

from awareness.content import modules_by_slug
from awareness.models import ModuleCompletion


def test_member_follows_a_module_answers_its_questions_and_the_team_sees_it(page, live_server, login_as, world):
    module = modules_by_slug()["ce-qu-est-l-ia"]
    first, second = module.questions
    wrong = next(choice for index, choice in enumerate(second.choices) if index != second.answer)
    login_as(world["member"])

    page.goto(live_server.url + "/")
    page.get_by_role("navigation", name="Menu principal").get_by_role("link", name="Se former").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Se former à l’IA")
    page.get_by_role("link", name=f"1. {module.title}").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(module.title)

    # DSFR draws the radio on its label: a person clicks the label.
    question_1 = page.get_by_role("group", name=re.compile("^Question 1"))
    question_1.locator("label").filter(has_text=first.right_choice).click()
    page.get_by_role("group", name=re.compile("^Question 2")).locator("label").filter(has_text=wrong).click()
    page.get_by_role("button", name="Vérifier mes réponses").click()

    expect(page.get_by_role("status").filter(has_text="bonne réponse")).to_contain_text("1 bonne réponse sur 2")
    expect(page.locator("#explication-1")).to_contain_text("Bonne réponse")
    expect(page.locator("#explication-1")).to_contain_text(first.explanation)
    expect(page.locator("#explication-2")).to_contain_text("Ce n’est pas la bonne réponse")
    expect(page.locator("#explication-2")).to_contain_text(second.right_choice)

    page.get_by_role("button", name="J’ai suivi ce module").click()
    expect(page.get_by_text("Vous avez suivi ce module", exact=True)).to_be_visible()
    assert ModuleCompletion.objects.filter(user=world["member"], module_slug=module.slug).exists()

    page.goto(live_server.url + "/mon-compte/")
    team = page.get_by_role("table", name=f"Modules suivis par les membres de {world['org'].name}")
    row = team.get_by_role("row").filter(has_text=world["member"].get_full_name())
    expect(row).to_contain_text(f"1\u00a0sur\u00a06\u00a0: {module.title}")


def test_visitor_reads_the_glossary_and_the_debate_kit(page, live_server):
    page.goto(live_server.url + "/debat-public/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Kit débat public sur l’IA")
    expect(page.get_by_role("heading", name="Modèle de mention explicite")).to_be_visible()
    page.locator("a.tia-glossary-link").first.click()
    expect(page).to_have_url(re.compile(r"/glossaire/#[a-z-]+$"))
    page.get_by_role("navigation", name="Index alphabétique").get_by_role("link", name="R", exact=True).click()
    expect(page).to_have_url(re.compile(r"#lettre-r$"))
    expect(page.locator("#rgpd")).to_be_visible()


def test_referent_prepares_the_charter_and_downloads_pdf_and_odt(page, live_server, login_as, world):
    login_as(world["referent"])
    page.goto(live_server.url + "/charte/")
    expect(page.get_by_label("Nom de la collectivité")).to_have_value(world["org"].name)
    page.get_by_label("Assemblée qui adopte la charte").select_option("municipal")
    commitments = page.get_by_role("group", name=re.compile("^Engagements de la charte"))
    commitments.locator("label").filter(has_text="Garder une décision humaine").click()
    commitments.locator("label").filter(has_text="Former les élus et les agents").click()
    page.get_by_label("Contact (nom ou service)").fill("Direction du numérique")
    page.get_by_label("Adresse électronique du contact").fill("pas-une-adresse")
    page.get_by_role("button", name="Télécharger la charte (PDF)").click()
    # The error summary at the top is focused and leads to the field; the field shows its error too.
    summary_link = page.get_by_role("link", name=re.compile("^Adresse électronique du contact"))
    expect(summary_link).to_be_visible()
    expect(page).to_have_title(re.compile("^Erreur\u00a0: Charte"))
    expect(page.locator("#id_contact_email-desc-error")).to_contain_text("Saisissez une adresse électronique valide")
    expect(page.get_by_label("Garder une décision humaine")).to_be_checked()  # nothing typed is lost

    page.get_by_label("Adresse électronique du contact").fill("numerique@mairie.example.fr")
    with page.expect_download() as pdf_download:
        page.get_by_role("button", name="Télécharger la charte (PDF)").click()
    with open(pdf_download.value.path(), "rb") as handle:
        reader = PdfReader(io.BytesIO(handle.read()))
    pdf_text = " ".join(" ".join(p.extract_text() for p in reader.pages).replace("-\n", "-").split())
    assert world["org"].name in pdf_text
    assert "Garder une décision humaine" in pdf_text
    assert "Former les élus et les agents" in pdf_text
    assert "Projet de délibération" in pdf_text

    with page.expect_download() as odt_download:
        page.get_by_role("button", name="Télécharger le document modifiable (ODT)").click()
    assert odt_download.value.suggested_filename.endswith(".odt")
    document = load(odt_download.value.path())
    odt_text = "\n".join(teletype.extractText(paragraph) for paragraph in document.getElementsByType(P))
    assert world["org"].name in odt_text
    assert "1. Garder une décision humaine." in odt_text
    assert "2. Former les élus et les agents." in odt_text
    assert "Le conseil municipal," in odt_text
