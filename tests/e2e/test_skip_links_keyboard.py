"""Skip links lead somewhere visible: « Menu » on a phone reaches the button that opens the menu."""

from playwright.sync_api import expect


def test_menu_skip_link_on_a_phone_focuses_the_menu_button(page, live_server):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(live_server.url + "/plan-du-site/")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Menu"
    page.keyboard.press("Enter")
    button = page.locator("#bouton-menu-mobile")
    expect(button).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_role("navigation", name="Menu principal")).to_be_visible()


def test_menu_skip_link_on_a_desktop_focuses_the_navigation(page, live_server):
    page.goto(live_server.url + "/plan-du-site/")
    # The harness shows the page at 320 px for a moment after the load: let the DSFR header settle back.
    expect(page.locator("#navigation-principale")).to_be_visible()
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Menu"
    page.keyboard.press("Enter")
    expect(page.locator("#navigation-principale")).to_be_focused()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('#navigation-principale') !== null")
