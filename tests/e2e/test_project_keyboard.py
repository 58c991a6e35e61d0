"""A keyboard user works on a project: a step saved with the keyboard alone, the step-back form at 320 px."""

import re

from playwright.sync_api import expect

from tests.journeys.factories import ProjectFactory, move_to, sample_diagnostic, sample_template


def _project(world):
    sample_template()
    sample_diagnostic()
    project = ProjectFactory(organisation=world["org"], created_by=world["member"])
    return project


def test_step_back_form_reflows_at_320_px_and_200_percent(page, live_server, login_as, world):
    project = move_to(_project(world), "cadrage")
    login_as(world["member"])
    for width in (320, 640):  # 640 CSS px: a 1280 px window at 200 %
        page.set_viewport_size({"width": width, "height": 700})
        page.goto(live_server.url + project.get_absolute_url())
        summary = page.get_by_text("Revenir à une étape précédente")
        summary.focus()
        page.keyboard.press("Enter")
        expect(page.get_by_label("Revenir à l’étape")).to_be_visible()
        sizes = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        assert sizes[0] <= sizes[1], f"horizontal scroll at {width} px: {sizes}"


def test_step_saved_with_the_keyboard_keeps_focus_near_the_step(page, live_server, login_as, world):
    project = _project(world)
    login_as(world["member"])
    page.goto(live_server.url + project.get_absolute_url())
    field = page.get_by_label(re.compile(r"Votre réponse à «.Quel est le besoin"))
    field.focus()
    page.keyboard.type("Répondre aux questions fréquentes des habitants.")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent").strip().startswith("Enregistrer")
    page.keyboard.press("Enter")
    confirmation = page.get_by_text("« Quel est le besoin ? » est enregistré.")
    expect(confirmation).to_be_visible()
    # The confirmation is read where the user is: focus is on it or inside the step just saved.
    page.wait_for_load_state("load")
    focus_in_step = """() => {
      const el = document.activeElement;
      if (el === document.body) return false;  // its text includes the confirmation: not a proof
      return !!(el.closest('[id^=action-]') || el.textContent.includes('est enregistré'));
    }"""
    page.wait_for_function(focus_in_step, timeout=5_000)
    page.wait_for_timeout(1_000)
    assert page.evaluate(focus_in_step)  # and nothing takes it away afterwards
    # And it is visible without scrolling from there.
    expect(confirmation).to_be_in_viewport()
