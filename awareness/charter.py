"""The ethical charter a collectivité adapts: one content, two documents.

- a PDF laid out by the report machinery (reports.rendering: French spacing, the static-only URL fetcher, PDF/UA-1);
- an OpenDocument text (ODT, opened by every office suite) the council can amend before adopting it.
Both carry the charter and a draft délibération. Nothing is stored: the documents are built from the form.
"""

from dataclasses import dataclass, field
from datetime import date
from io import BytesIO

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import slugify
from odf import dc
from odf.opendocument import OpenDocumentText
from odf.style import ParagraphProperties, Style, TextProperties
from odf.text import H, List, ListItem, P, Span

from awareness.content import Commitment, charter_content, french
from reports.rendering import french_spacing, render_pdf, static_base_url

PDF_TEMPLATE = "awareness/pdf/charter.html"
STYLESHEET = "reports/report.css"
TITLE = "Charte éthique de l’intelligence artificielle et des données"
DELIBERATION_TITLE = "Projet de délibération"

COUNCILS = {
    "municipal": ("Le conseil municipal", "le maire"),
    "communautaire": ("Le conseil communautaire", "le président"),
    "departemental": ("Le conseil départemental", "le président du conseil départemental"),
    "regional": ("Le conseil régional", "le président du conseil régional"),
}
VISAS = (
    "Vu le code général des collectivités territoriales ;",
    "Vu le règlement (UE) 2016/679 du 27 avril 2016 relatif à la protection des personnes physiques à l’égard du "
    "traitement des données à caractère personnel (RGPD) ;",
    "Vu le règlement (UE) 2024/1689 du 13 juin 2024 établissant des règles harmonisées concernant l’intelligence "
    "artificielle, notamment son article 4 ;",
    "Vu le code des relations entre le public et l’administration, notamment ses articles L. 311-3-1 et L. 312-1-3 ;",
)
CONSIDERANT = (
    "Considérant que les données et l’intelligence artificielle peuvent améliorer les services rendus aux habitants, "
    "à condition de respecter leurs droits et de préserver le lien humain avec le service public ;",
    "Considérant qu’une charte publique fixe les principes qui guideront les projets de la collectivité et permet aux "
    "habitants d’en suivre la mise en œuvre ;",
)


@dataclass(frozen=True)
class Charter:
    organisation_name: str
    council: str
    commitments: tuple[Commitment, ...]
    contact_name: str
    contact_email: str
    preamble: str
    dated: date = field(default_factory=timezone.localdate)

    @property
    def council_label(self) -> str:
        return COUNCILS[self.council][0]

    @property
    def executive(self) -> str:
        return COUNCILS[self.council][1]

    @property
    def articles(self) -> tuple[str, ...]:
        return (
            "Article 1er : adopte la charte éthique de l’intelligence artificielle et des données annexée à la "
            "présente délibération ;",
            f"Article 2 : charge {self.executive} de sa mise en œuvre, de sa publication sur le site de la "
            "collectivité et de la présentation d’un bilan annuel au conseil ;",
            "Article 3 : la présente délibération peut faire l’objet d’un recours devant le tribunal administratif "
            "dans un délai de deux mois à compter de sa publication.",
        )

    @property
    def filename_stem(self) -> str:
        return f"charte-ethique-ia-{slugify(self.organisation_name)[:60]}".rstrip("-")


def build_charter(
    *, organisation_name: str, council: str, commitment_keys: list[str], contact_name: str, contact_email: str
) -> Charter:
    """The charter with the chosen commitments, in the order of the list (whatever order the form sent)."""
    preamble, commitments = charter_content()
    chosen = set(commitment_keys)
    return Charter(
        organisation_name=organisation_name.strip(),
        council=council,
        commitments=tuple(c for c in commitments if c.key in chosen),
        contact_name=contact_name.strip(),
        contact_email=contact_email.strip(),
        preamble=preamble,
    )


def charter_html(charter: Charter) -> str:
    return french_spacing(
        render_to_string(
            PDF_TEMPLATE,
            {
                "charter": charter,
                "title": TITLE,
                "visas": VISAS,
                "considerant": CONSIDERANT,
                "dated": date_format(charter.dated, "j F Y"),
                "stylesheet_url": static_base_url() + STYLESHEET,
                "SITE_NAME": settings.SITE_NAME,
            },
        )
    )


def charter_pdf(charter: Charter) -> bytes:
    return render_pdf(charter_html(charter))


def _p(style: Style, text: str) -> P:
    return P(stylename=style, text=french(text))


def _paragraph_style(name: str, *, size: str = "11pt", bold: bool = False, page_break: bool = False) -> Style:
    style = Style(name=name, family="paragraph")
    style.addElement(TextProperties(fontsize=size, fontweight="bold" if bold else "normal", fontfamily="Marianne"))
    style.addElement(ParagraphProperties(marginbottom="0.2cm", breakbefore="page" if page_break else "auto"))
    return style


def charter_odt(charter: Charter) -> bytes:
    """The charter then the draft délibération as an editable OpenDocument text."""
    document = OpenDocumentText()
    document.meta.addElement(dc.Title(text=f"{TITLE} — {charter.organisation_name}"))
    document.meta.addElement(dc.Language(text="fr-FR"))
    heading_1 = _paragraph_style("Heading_20_1", size="18pt", bold=True)
    heading_1.setAttribute("displayname", "Heading 1")
    heading_2 = _paragraph_style("Heading_20_2", size="14pt", bold=True)
    heading_2.setAttribute("displayname", "Heading 2")
    body = _paragraph_style("Text_20_body")
    body.setAttribute("displayname", "Text body")
    for style in (heading_1, heading_2, body):
        document.styles.addElement(style)
    new_page = _paragraph_style("NewPage", size="18pt", bold=True, page_break=True)
    strong = Style(name="Strong", family="text")
    strong.addElement(TextProperties(fontweight="bold"))
    document.automaticstyles.addElement(new_page)
    document.automaticstyles.addElement(strong)

    text = document.text
    text.addElement(H(outlinelevel=1, stylename=heading_1, text=TITLE))
    text.addElement(_p(body, charter.organisation_name))
    text.addElement(H(outlinelevel=2, stylename=heading_2, text="Préambule"))
    text.addElement(P(stylename=body, text=charter.preamble))
    text.addElement(H(outlinelevel=2, stylename=heading_2, text="Nos engagements"))
    for number, commitment in enumerate(charter.commitments, start=1):
        paragraph = P(stylename=body)
        paragraph.addElement(Span(stylename=strong, text=f"{number}. {commitment.title}. "))
        paragraph.addText(commitment.text)
        text.addElement(paragraph)
    text.addElement(H(outlinelevel=2, stylename=heading_2, text="Contact"))
    text.addElement(
        _p(
            body,
            f"Pour toute question sur cette charte ou sur un algorithme de la collectivité : "
            f"{charter.contact_name}, {charter.contact_email}.",
        )
    )

    text.addElement(H(outlinelevel=1, stylename=new_page, text=f"{DELIBERATION_TITLE} (à adapter)"))
    text.addElement(_p(body, f"Objet : adoption de la {TITLE[0].lower()}{TITLE[1:]} ({charter.organisation_name})"))
    text.addElement(P(stylename=body, text=f"{charter.council_label},"))
    for line in (*VISAS, *CONSIDERANT):
        text.addElement(_p(body, line))
    text.addElement(P(stylename=body, text="Après en avoir délibéré,"))
    items = List()
    for article in charter.articles:
        item = ListItem()
        item.addElement(_p(body, article))
        items.addElement(item)
    text.addElement(items)
    text.addElement(P(stylename=body, text="Fait à …, le …"))

    output = BytesIO()
    document.write(output)
    return output.getvalue()
