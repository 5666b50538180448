"""Keyboard use: the skip link is the first Tab stop and moves focus to the main content."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

FOCUSED = "() => { const e = document.activeElement; return {tag: e.tagName, id: e.id, text: e.textContent.trim(), href: e.getAttribute('href')}; }"


def check_skip_link(ui):
    page = ui.page
    skip = page.get_by_role("link", name="Naar hoofdinhoud")
    expect(skip).not_to_be_in_viewport()  # visually hidden until focused
    page.keyboard.press("Tab")
    assert page.evaluate(FOCUSED) == {"tag": "A", "id": "", "text": "Naar hoofdinhoud", "href": "#main"}
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()  # shown when it has focus
    box = skip.bounding_box()
    assert box and box["width"] > 20 and box["height"] > 10, box
    ui.axe()  # with the skip link shown

    page.keyboard.press("Enter")
    expect(ui.main).to_be_focused()
    assert page.evaluate(FOCUSED)["id"] == "main"
    ui.axe()  # the URL is now …#main
    # The next Tab stop is inside the main content, not back in the header.
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.getElementById('main').contains(document.activeElement)")


def test_skip_link_on_the_login_page(ui):
    ui.goto("/account/inloggen/")
    # An autofocused field takes the focus on load, so Tab starts after it: past the skip link,
    # the heading and the explanation above the form.
    autofocused = ui.page.locator("[autofocus]")
    assert autofocused.count() == 0, (
        f"#{autofocused.first.get_attribute('id')} has autofocus: the first Tab stop is the next field, "
        "not the skip link 'Naar hoofdinhoud'"
    )
    check_skip_link(ui)


def test_skip_link_when_logged_in(ui):
    ui.login("jeroen")
    ui.page.reload()  # start from a fresh document: the focus is at the top again
    ui.axe()
    check_skip_link(ui)
