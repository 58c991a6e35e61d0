"""Small readers of rendered HTML for the accessibility tests (standard library parser)."""

import re
from html.parser import HTMLParser


class LinkCollector(HTMLParser):
    """Every <a>: its title attribute and its visible text (text outside .fr-sr-only)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[dict] = []
        self._open: list[dict] = []
        self._hidden_depth = 0
        self._stack: list[bool] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in {"br", "img", "input", "meta", "link", "hr", "source", "wbr"}:
            if tag == "br":
                self.handle_data(" ")
            return
        hidden = "fr-sr-only" in (attrs.get("class") or "").split()
        self._stack.append(hidden)
        if hidden:
            self._hidden_depth += 1
        if tag == "a":
            link = {"title": attrs.get("title"), "text": "", "href": attrs.get("href")}
            self.links.append(link)
            self._open.append(link)

    def handle_endtag(self, tag):
        if tag in {"br", "img", "input", "meta", "link", "hr", "source", "wbr"}:
            return
        if self._stack and self._stack.pop():
            self._hidden_depth -= 1
        if tag == "a" and self._open:
            self._open.pop()

    def handle_data(self, data):
        if self._hidden_depth:
            return
        for link in self._open:
            link["text"] += data


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ").replace("\u202f", " ")).strip().lower()


def title_of(html: str) -> str:
    import html as htmllib

    return normalise(htmllib.unescape(re.search(r"<title>(.*?)</title>", html, re.S).group(1)))


def pagination_of(html: str) -> str:
    """The page's DSFR pagination (common.pagination's <nav>); fails when the page has none."""
    found = re.search(r'<nav role="navigation" class="fr-pagination.*?</nav>', html, re.S)
    assert found, "no pagination"
    return found.group(0)
