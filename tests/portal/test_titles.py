"""Page titles are unique and meaningful (RGAA 8.6); link titles contain the visible text (RGAA 6.1)."""

from tests.html_pages import sample_pages
from tests.page_html import LinkCollector, normalise, title_of


def test_titles_and_link_titles(world, client_as):
    pages = sample_pages(world, client_as)

    titles: dict[str, str] = {}
    for name, html in pages.items():
        title = title_of(html)
        assert title.endswith("— territoires ia"), (name, title)
        assert title != "territoires ia — territoires ia", name
        assert title not in titles, f"« {name} » and « {titles.get(title)} » share the title « {title} »"
        titles[title] = name
        assert title.startswith("erreur : ") == name.endswith("erreur"), (name, title)

    for name, html in pages.items():
        collector = LinkCollector()
        collector.feed(html)
        for link in collector.links:
            if link["title"] is None:
                continue
            visible = normalise(link["text"])
            assert visible in normalise(link["title"]), f"{name}: title « {link['title']} » lacks « {visible} »"
