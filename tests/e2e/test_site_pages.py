"""A visitor browses the home page and the mandatory site pages in a real Chromium."""

from playwright.sync_api import expect


def test_visitor_sees_the_home_page_in_french_with_the_state_layout(page, live_server):
    page.goto(live_server.url + "/")
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.get_by_role("banner")).to_contain_text("République")
    expect(page.get_by_role("heading", level=1)).to_contain_text("intelligence artificielle")
    nav = page.get_by_role("navigation", name="Menu principal")
    for label in ["Accueil", "Catalogue", "Mes projets", "Ressources", "Programmes"]:
        expect(nav.get_by_role("link", name=label)).to_be_visible()
    expect(page.get_by_role("link", name="Se connecter")).to_be_visible()


def test_visitor_reaches_every_footer_page(page, live_server):
    page.goto(live_server.url + "/")
    footer = page.get_by_role("contentinfo")
    for link, heading in [
        ("Accessibilité : totalement conforme", "Déclaration d’accessibilité"),
        ("Mentions légales", "Mentions légales"),
        ("Données personnelles", "Données personnelles"),
        ("Plan du site", "Plan du site"),
    ]:
        footer.get_by_role("link", name=link).click()
        expect(page.get_by_role("heading", level=1)).to_have_text(heading)


def test_skip_link_moves_focus_to_the_content(page, live_server):
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused.strip() == "Contenu"
    page.keyboard.press("Enter")
    assert page.url.endswith("#contenu")


def test_guard_catches_a_request_to_another_host(page, page_guard, live_server):
    page.goto(live_server.url + "/")
    page.evaluate(
        "() => { const img = document.createElement('img');"
        " img.src = 'https://cdn.example.org/x.png'; document.body.append(img); }"
    )
    page.wait_for_timeout(300)
    assert any("cdn.example.org" in problem for problem in page_guard.problems)
    page_guard.problems.clear()  # the guard worked; do not fail this test on purpose


def test_guard_reports_a_serious_accessibility_violation(page, page_guard, live_server):
    page.goto(live_server.url + "/plan-du-site/")
    page.evaluate("() => { const b = document.createElement('button'); document.querySelector('main').append(b); }")
    page_guard.audited.clear()
    page_guard.audit(page)
    assert any("button-name" in problem for problem in page_guard.problems), page_guard.problems
    page_guard.audited.add(page.url)  # the injected button is the point: no second audit at teardown
    page_guard.problems.clear()
