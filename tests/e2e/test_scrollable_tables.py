"""On a phone, a table wider than the screen scrolls inside its frame: a keyboard user can reach and scroll it."""

from playwright.sync_api import expect

from tests.e2e.conftest import REFLOW_WIDTH


def test_a_table_that_scrolls_at_320_px_takes_keyboard_focus(page, page_guard, live_server):
    page.set_viewport_size({"width": REFLOW_WIDTH, "height": 800})
    page.goto(live_server.url + "/donnees-personnelles/")
    table = page.locator(".fr-table table")
    scrolls = table.evaluate("node => node.scrollWidth > node.clientWidth")
    assert scrolls, "the privacy table should be wider than a 320 px screen"
    table.focus()
    expect(table).to_be_focused()
    page.keyboard.press("ArrowRight")
    for _ in range(20):  # smooth scrolling: the offset grows over a few frames
        if table.evaluate("node => node.scrollLeft") > 0:
            break
        page.wait_for_timeout(50)
    assert table.evaluate("node => node.scrollLeft") > 0, "the arrow key should scroll the focused table"
    page_guard.audit(page)
    assert not [p for p in page_guard.problems if "scrollable-region-focusable" in p], page_guard.problems
